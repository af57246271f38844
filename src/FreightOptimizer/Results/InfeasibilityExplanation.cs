using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>What makes a scenario infeasible, as far as relaxing it could tell.</summary>
[Flags]
public enum InfeasibilityCauses
{
    /// <summary>No cause was found (relaxing hard demands and minimum flows did not make it feasible).</summary>
    None = 0,

    /// <summary>Hard demands (<c>mustServe</c>) cannot all be served.</summary>
    HardDemands = 1,

    /// <summary>Minimum flows cannot all be carried.</summary>
    MinimumFlows = 2,
}

/// <summary>Tonnes of a hard demand that cannot be served at one location in one period.</summary>
/// <param name="Location">The location.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">Tonnes short, at least (the smallest shortfall the relaxed solve found).</param>
public sealed record DemandShortfall(LocationId Location, CommodityId Commodity, PeriodId Period, double Tonnes);

/// <summary>
/// A capacity that is full on the cheapest way to serve the hard demands as far as they can be
/// served.
/// </summary>
/// <param name="Element">The route, or the location (a hub, port or border crossing).</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">What one more tonne of this capacity would save in the relaxed solve (its price; the higher, the closer to the shortfall).</param>
public sealed record SaturatedCapacity(NetworkElement Element, PeriodId Period, double PerTonne);

/// <summary>
/// Why a scenario is infeasible, in domain terms: which hard demands are short by how many tonnes in
/// which periods, and which capacities are saturated on the cheapest way to serve them; or which
/// minimum flows cannot be carried. Found by re-solving with the hard demands made soft at a
/// last-resort penalty (and, if that is still infeasible, without minimum flows).
/// </summary>
public sealed record InfeasibilityExplanation
{
    /// <summary>What makes it infeasible.</summary>
    public required InfeasibilityCauses Causes { get; init; }

    /// <summary>Hard demands short, largest first.</summary>
    public ImmutableArray<DemandShortfall> Shortfalls { get; init; } = [];

    /// <summary>Capacities saturated by the shortfalls, highest price first.</summary>
    public ImmutableArray<SaturatedCapacity> Saturated { get; init; } = [];

    /// <summary>Routes whose minimum flows cannot be carried (each alone, when one alone is the cause; else all with a minimum).</summary>
    public ImmutableArray<RouteId> MinimumFlowRoutes { get; init; } = [];

    /// <summary>The explanation in a few sentences a planner reads.</summary>
    public required string Summary { get; init; }

    /// <summary>Total tonnes short over all hard demands and periods.</summary>
    public double TotalShortfallTonnes => Shortfalls.Sum(s => s.Tonnes);

    /// <summary>Equal when every field is equal, the lists element by element in order.</summary>
    /// <param name="other">The other explanation.</param>
    /// <returns>Whether the two explanations have the same content.</returns>
    public bool Equals(InfeasibilityExplanation? other) =>
        other is not null && Causes == other.Causes && Structural.SequenceEquals(Shortfalls, other.Shortfalls)
        && Structural.SequenceEquals(Saturated, other.Saturated)
        && Structural.SequenceEquals(MinimumFlowRoutes, other.MinimumFlowRoutes) && Summary == other.Summary;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Causes, Summary);
}
