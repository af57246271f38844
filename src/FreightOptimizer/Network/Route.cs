using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// A directed arc between two locations. Parallel routes between the same two locations are
/// normal (rail and road across one border).
/// </summary>
public sealed record Route
{
    /// <summary>Creates a route.</summary>
    /// <param name="id">The route id.</param>
    /// <param name="from">Where the route starts.</param>
    /// <param name="to">Where the route ends.</param>
    /// <param name="mode">How the route moves freight.</param>
    public Route(RouteId id, LocationId from, LocationId to, TransportMode mode)
    {
        Id = id;
        From = from;
        To = to;
        Mode = mode;
    }

    /// <summary>The route id.</summary>
    public RouteId Id { get; init; }

    /// <summary>Where the route starts.</summary>
    public LocationId From { get; init; }

    /// <summary>Where the route ends.</summary>
    public LocationId To { get; init; }

    /// <summary>How the route moves freight.</summary>
    public TransportMode Mode { get; init; }

    /// <summary>A display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>Length in kilometres, or null; emissions need it (a route without it emits nothing).</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Transit time in days, or null; the holding cost of cargo in transit needs it.</summary>
    public double? TransitDays { get; init; }

    /// <summary>Annual capacity in tonnes shared by all commodities, or null for unlimited.</summary>
    public double? AnnualCapacityTonnes { get; init; }

    /// <summary>
    /// Transport cost per tonne by commodity. Its keys are exactly the commodities the route may
    /// carry; it must not be empty.
    /// </summary>
    public ImmutableDictionary<CommodityId, double> CostPerTonne { get; init; } =
        ImmutableDictionary<CommodityId, double>.Empty;

    /// <summary>
    /// Minimum annual flow in tonnes (all commodities together), or null for none. In a period the
    /// route must carry at least this × year fraction × availability; waived where the route or an
    /// end is closed.
    /// </summary>
    public double? MinAnnualTonnes { get; init; }

    /// <summary>
    /// The route's own emission factor in gCO2e per tonne-km, or null to use the scenario's factor for
    /// its mode (<see cref="GeneralisedCost.EmissionFactors"/>, else <see cref="EmissionFactors.Default"/>).
    /// </summary>
    public double? Co2GramsPerTonneKm { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the route may carry <paramref name="commodity"/>.</summary>
    /// <param name="commodity">The commodity.</param>
    /// <returns>True when <see cref="CostPerTonne"/> has it.</returns>
    public bool Carries(CommodityId commodity) => CostPerTonne.ContainsKey(commodity);

    /// <inheritdoc />
    public bool Equals(Route? other) =>
        other is not null && Id == other.Id && From == other.From && To == other.To && Mode == other.Mode
        && Name == other.Name && Nullable.Equals(DistanceKm, other.DistanceKm)
        && Nullable.Equals(TransitDays, other.TransitDays)
        && Nullable.Equals(AnnualCapacityTonnes, other.AnnualCapacityTonnes)
        && Structural.MapEquals(CostPerTonne, other.CostPerTonne)
        && Nullable.Equals(MinAnnualTonnes, other.MinAnnualTonnes)
        && Nullable.Equals(Co2GramsPerTonneKm, other.Co2GramsPerTonneKm)
        && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, From, To, Mode);
}
