
namespace FreightOptimizer;

/// <summary>
/// Tonnes per year of a commodity available at a location. Per period at most
/// <see cref="AnnualTonnes"/> × year fraction leaves the location.
/// </summary>
/// <param name="Location">Where the supply is.</param>
/// <param name="Commodity">What is supplied.</param>
/// <param name="AnnualTonnes">The annual rate (≥ 0).</param>
public sealed record Supply(LocationId Location, CommodityId Commodity, double AnnualTonnes)
{
    /// <summary>Cost per tonne used (≥ 0), paid for every tonne that leaves the location.</summary>
    public double CostPerTonne { get; init; }

    /// <summary>
    /// Growth of the annual tonnes per calendar year (0.05 = 5 % a year, &gt; −1), or null for none: in a
    /// period of year y at most annual tonnes × (1 + g)^(y − first year) are available. Ignored without years.
    /// </summary>
    public double? GrowthPerYear { get; init; }

    /// <summary>When set, the line applies to this period only (the amount is still an annual rate).</summary>
    public PeriodId? Period { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }
}

/// <summary>
/// Tonnes per year of a commodity wanted at a location. Per period <see cref="AnnualTonnes"/> × year
/// fraction is wanted; what is not served pays a penalty, or makes the scenario infeasible when
/// <see cref="MustServe"/> is set.
/// </summary>
/// <param name="Location">Where the demand is.</param>
/// <param name="Commodity">What is wanted.</param>
/// <param name="AnnualTonnes">The annual rate (≥ 0).</param>
public sealed record Demand(LocationId Location, CommodityId Commodity, double AnnualTonnes)
{
    /// <summary>
    /// Penalty per unmet tonne (&gt; 0), or null to use the commodity's, else
    /// <see cref="Commodity.DefaultUnmetPenaltyPerTonne"/>.
    /// </summary>
    public double? UnmetPenaltyPerTonne { get; init; }

    /// <summary>
    /// Growth of the annual tonnes per calendar year (0.05 = 5 % a year, &gt; −1), or null for none: in a
    /// period of year y the line wants annual tonnes × (1 + g)^(y − first year). Ignored without years.
    /// </summary>
    public double? GrowthPerYear { get; init; }

    /// <summary>When true, all of the demand must be served; a scenario that cannot is infeasible.</summary>
    public bool MustServe { get; init; }

    /// <summary>When set, the line applies to this period only (the amount is still an annual rate).</summary>
    public PeriodId? Period { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }
}
