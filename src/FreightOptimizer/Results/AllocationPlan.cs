using System.Collections.Immutable;
using FreightOptimizer.Network;

namespace FreightOptimizer.Results;

/// <summary>Tonnes of one commodity on one route in one period.</summary>
/// <param name="Route">The route.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">The flow in tonnes.</param>
public sealed record RouteFlow(RouteId Route, CommodityId Commodity, PeriodId Period, double Tonnes);

/// <summary>Tonnes of one commodity taken from the supplies at one location in one period.</summary>
/// <param name="Location">The location.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">Tonnes used, all supply lines of that location and commodity together.</param>
public sealed record SupplyUse(LocationId Location, CommodityId Commodity, PeriodId Period, double Tonnes);

/// <summary>Tonnes of demand not served at one location in one period.</summary>
/// <param name="Location">The location.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">Tonnes short, all demand lines of that location and commodity together.</param>
public sealed record UnmetDemand(LocationId Location, CommodityId Commodity, PeriodId Period, double Tonnes);

/// <summary>How many units of an investment option the plan builds.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Units">Units built (0 when not built).</param>
public sealed record InvestmentDecision(string Id, double Units);

/// <summary>
/// Throughput against capacity of one capacitated route or location in one period. Exactly one of
/// <see cref="Route"/> and <see cref="Location"/> is set.
/// </summary>
/// <param name="Route">The route, or null.</param>
/// <param name="Location">The location, or null.</param>
/// <param name="Period">The period.</param>
/// <param name="ThroughputTonnes">Tonnes through (route: all commodities; location: inflow + local supply).</param>
/// <param name="CapacityTonnes">The period's capacity, investments included.</param>
public sealed record CapacityUse(RouteId? Route, LocationId? Location, PeriodId Period, double ThroughputTonnes, double CapacityTonnes)
{
    /// <summary>
    /// Throughput ÷ capacity, or null where the capacity is 0, or so close to 0 that the quotient
    /// overflows: a solver keeps a capacity within its tolerance, which is relative to the largest
    /// numbers of the scenario, so a capacity of 1e-300 t beside supplies of 1e15 t can carry a few
    /// hundred tonnes, and the quotient is no utilisation a planner can read.
    /// </summary>
    public double? Utilisation => CapacityTonnes > 0 && ThroughputTonnes / CapacityTonnes is var u && double.IsFinite(u) ? u : null;
}

/// <summary>The objective split by what it pays for, in the scenario's currency.</summary>
/// <param name="Transport">Σ route cost per tonne × flow.</param>
/// <param name="Handling">Σ handling cost per tonne × throughput.</param>
/// <param name="Supply">Σ supply cost per tonne × tonnes used.</param>
/// <param name="Capital">Σ capital × units × capital recovery factor × horizon years.</param>
/// <param name="UnmetPenalty">Σ penalty × unmet tonnes.</param>
public sealed record CostBreakdown(double Transport, double Handling, double Supply, double Capital, double UnmetPenalty)
{
    /// <summary>The sum of all parts: the objective.</summary>
    public double Total => Transport + Handling + Supply + Capital + UnmetPenalty;
}

/// <summary>
/// The landed marginal cost of one commodity at one open location in one period: the change in
/// the optimum per extra tonne that must be delivered there.
/// </summary>
/// <param name="Location">The location.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne.</param>
public sealed record BalancePrice(LocationId Location, CommodityId Commodity, PeriodId Period, double PerTonne);

/// <summary>
/// The decrease in the optimum per extra tonne of one period's capacity of a route or location
/// (≥ 0). Exactly one of <see cref="Route"/> and <see cref="Location"/> is set.
/// </summary>
/// <param name="Route">The route, or null.</param>
/// <param name="Location">The location, or null.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne of capacity.</param>
public sealed record CapacityPrice(RouteId? Route, LocationId? Location, PeriodId Period, double PerTonne);

/// <summary>The increase in the optimum per extra tonne of a route's required minimum flow in a period (≥ 0).</summary>
/// <param name="Route">The route.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne.</param>
public sealed record MinimumFlowPrice(RouteId Route, PeriodId Period, double PerTonne);

/// <summary>
/// Marginal values of the plan, defined by their meaning (SCENARIO-FORMAT.md), whatever the
/// solver's sign convention. For a plan with integer decisions they are those of the LP with the
/// decisions fixed.
/// </summary>
/// <param name="Balance">Balance prices at every open location, commodity and period where the commodity can be present.</param>
/// <param name="Capacity">Capacity prices of every capacitated, open route and location by period.</param>
/// <param name="MinimumFlow">Minimum-flow prices by route and period where a minimum applies.</param>
/// <param name="Budget">Decrease in the optimum per extra unit of budget, or null without a budget row.</param>
public sealed record PlanPrices(
    ImmutableArray<BalancePrice> Balance,
    ImmutableArray<CapacityPrice> Capacity,
    ImmutableArray<MinimumFlowPrice> MinimumFlow,
    double? Budget)
{
    /// <summary>No prices (an engine that produced none).</summary>
    public static PlanPrices None { get; } = new([], [], [], null);
}

/// <summary>A binding capacity: slack ≤ 1e-9 × capacity and a positive price.</summary>
/// <param name="Route">The route, or null.</param>
/// <param name="Location">The location, or null.</param>
/// <param name="Period">The period.</param>
/// <param name="Utilisation">Throughput ÷ capacity (1 where the capacity is 0 or too small for the quotient to be finite).</param>
/// <param name="PerTonne">The capacity price.</param>
public sealed record Bottleneck(RouteId? Route, LocationId? Location, PeriodId Period, double Utilisation, double PerTonne);

/// <summary>
/// An allocation plan: what flows where, what is supplied and left unmet, what is built, what it
/// costs, and the prices that prove it optimal. Its own object, never written back into the scenario.
/// </summary>
public sealed record AllocationPlan
{
    /// <summary>The scenario's name, or null.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>The objective value reported by the solve, in the scenario's currency.</summary>
    public required double Objective { get; init; }

    /// <summary>The objective split by what it pays for.</summary>
    public required CostBreakdown Costs { get; init; }

    /// <summary>Non-zero flows by route, commodity and period.</summary>
    public ImmutableArray<RouteFlow> Flows { get; init; } = [];

    /// <summary>Non-zero supply used by location, commodity and period.</summary>
    public ImmutableArray<SupplyUse> Supplied { get; init; } = [];

    /// <summary>Non-zero unmet demand by location, commodity and period.</summary>
    public ImmutableArray<UnmetDemand> Unmet { get; init; } = [];

    /// <summary>Units built of every investment option, in scenario order.</summary>
    public ImmutableArray<InvestmentDecision> Investments { get; init; } = [];

    /// <summary>Throughput and utilisation of every capacitated, open route and location by period.</summary>
    public ImmutableArray<CapacityUse> CapacityUse { get; init; } = [];

    /// <summary>The prices, or <see cref="PlanPrices.None"/>.</summary>
    public PlanPrices Prices { get; init; } = PlanPrices.None;

    /// <summary>Binding capacities, highest price first, then by id.</summary>
    public ImmutableArray<Bottleneck> Bottlenecks { get; init; } = [];

    /// <summary>What the independent verifier found, or null when the plan was not verified.</summary>
    public VerificationReport? Verification { get; init; }

    /// <summary>
    /// The appraisal of every investment option, in scenario order (value, saving and payback of those
    /// built, regret of those not), or empty when it was not computed (see <c>SolveOptions.Appraise</c>).
    /// </summary>
    public ImmutableArray<OptionAppraisal> Appraisal { get; init; } = [];

    /// <summary>Total unmet tonnes over all locations, commodities and periods.</summary>
    public double TotalUnmetTonnes => Unmet.Sum(u => u.Tonnes);
}
