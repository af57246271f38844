namespace FreightOptimizer;

/// <summary>
/// A per-tonne amount added to the tariff of a route or to the handling cost at a location, for one
/// commodity or for every commodity there: the calibration constants of a base year
/// (<c>FreightOptimizer.Analysis.Calibration</c>), or any other adjustment a planner wants explicit
/// rather than folded into the tariffs. <see cref="Scenario.RouteCostPerTonne"/> and
/// <see cref="Scenario.HandlingCostPerTonne"/> add it, so every model, the plan's cost breakdown and
/// the verifier see it.
/// </summary>
/// <remarks>
/// An adjustment may be negative, but the adjusted cost must stay at or above 0 for every commodity
/// it applies to (the validator says so otherwise): with every cost non-negative no cycle of the
/// network has a negative cost, so the model stays bounded and the network-flow engines and the
/// verifier's certificate work as they do without adjustments. Several adjustments of one element and
/// commodity add up.
/// </remarks>
/// <param name="Element">The route (a tariff adjustment) or location (a handling adjustment).</param>
/// <param name="CostPerTonne">The amount added per tonne, in the scenario's currency (may be negative).</param>
public sealed record CostAdjustment(NetworkElement Element, double CostPerTonne)
{
    /// <summary>The commodity adjusted, or null for every commodity the element carries or handles.</summary>
    public CommodityId? Commodity { get; init; }

    /// <summary>The id of the observation this adjustment calibrates, or null.</summary>
    public string? Observation { get; init; }

    /// <summary>Where the adjustment comes from (<c>calibration</c> for calibration constants).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the adjustment applies to a commodity.</summary>
    /// <param name="commodity">The commodity.</param>
    /// <returns>True when it is for every commodity or for this one.</returns>
    public bool AppliesTo(CommodityId commodity) => Commodity is null || Commodity == commodity;
}
