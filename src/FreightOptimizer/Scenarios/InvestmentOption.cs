using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>How many units of an investment option can be built.</summary>
public enum InvestmentKind
{
    /// <summary>Built or not: 0 or 1 unit.</summary>
    Binary,

    /// <summary>A whole number of identical steps, 0..<see cref="InvestmentOption.MaxUnits"/>.</summary>
    Modular,

    /// <summary>Any real amount 0..<see cref="InvestmentOption.MaxUnits"/>.</summary>
    Continuous,
}

/// <summary>
/// A capacity investment: adds <see cref="AddedAnnualCapacityTonnes"/> × units to a location's or
/// a route's annual capacity from <see cref="FirstPeriod"/> on, for <see cref="CapitalCost"/> × units.
/// </summary>
/// <param name="Id">The option id.</param>
/// <param name="AddedAnnualCapacityTonnes">Annual capacity added per unit (&gt; 0).</param>
/// <param name="CapitalCost">Capital cost per unit (≥ 0).</param>
/// <param name="LifetimeYears">Economic lifetime in years (0.001 to 1e15), for the capital recovery factor.</param>
public sealed record InvestmentOption(InvestmentId Id, double AddedAnnualCapacityTonnes, double CapitalCost, double LifetimeYears)
{
    /// <summary>A display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The route or location whose capacity grows. It must have a capacity of its own (an
    /// investment on an unlimited target is an error); <c>default</c> names nothing and is an error too.
    /// </summary>
    public required NetworkElement Target { get; init; }

    /// <summary>How many units can be built.</summary>
    public InvestmentKind Kind { get; init; } = InvestmentKind.Binary;

    /// <summary>
    /// The most units that can be built, or null for the default of 1. Binary: 1; Modular: an
    /// integer ≥ 1; Continuous: &gt; 0. At most 1e15, and the capacity, capital and capital charge of
    /// that many units at most 1e15 each (see <c>ValidationCode.DerivedValueOutOfRange</c>).
    /// </summary>
    public double? MaxUnits { get; init; }

    /// <summary>The first period in which the added capacity exists (lead time), or null for the first period.</summary>
    public PeriodId? FirstPeriod { get; init; }

    /// <summary>
    /// Years from the first year of a multi-year horizon before the option can come online (≥ 0), or
    /// null for none: it can come online in a period whose year is at least the first year + the lead
    /// time (and not before <see cref="FirstPeriod"/>). Ignored without years.
    /// </summary>
    public double? LeadTimeYears { get; init; }

    /// <summary>At most one option of an exclusive group is built, or null for none.</summary>
    public string? ExclusiveGroup { get; init; }

    /// <summary>Ids of options that must be built for this one to be built.</summary>
    public ImmutableArray<InvestmentId> Requires { get; init; } = [];

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>The most units that can be built: <see cref="MaxUnits"/> or 1.</summary>
    public double UnitLimit => MaxUnits ?? 1.0;

    /// <summary>Whether units must be whole numbers (Binary and Modular).</summary>
    public bool IsInteger => Kind != InvestmentKind.Continuous;

    /// <inheritdoc />
    public bool Equals(InvestmentOption? other) =>
        other is not null && Id == other.Id && AddedAnnualCapacityTonnes.Equals(other.AddedAnnualCapacityTonnes)
        && CapitalCost.Equals(other.CapitalCost) && LifetimeYears.Equals(other.LifetimeYears)
        && Name == other.Name && Target == other.Target && Kind == other.Kind
        && Nullable.Equals(MaxUnits, other.MaxUnits) && FirstPeriod == other.FirstPeriod
        && Nullable.Equals(LeadTimeYears, other.LeadTimeYears)
        && ExclusiveGroup == other.ExclusiveGroup && Structural.SequenceEquals(Requires, other.Requires)
        && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, CapitalCost, AddedAnnualCapacityTonnes);
}

/// <summary>A cap on the total capital spent on investments: Σ capital cost × units ≤ <see cref="CapitalCost"/>.</summary>
/// <param name="CapitalCost">The cap (≥ 0), in the scenario's currency.</param>
public sealed record Budget(double CapitalCost)
{
    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }
}
