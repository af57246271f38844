using System.Collections.Immutable;

namespace FreightOptimizer;

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
public sealed record InvestmentDecision(InvestmentId Id, double Units);

/// <summary>
/// Throughput against capacity of one capacitated route or location in one period.
/// </summary>
/// <param name="Element">The route or location.</param>
/// <param name="Period">The period.</param>
/// <param name="ThroughputTonnes">Tonnes through (route: all commodities; location: inflow + local supply).</param>
/// <param name="CapacityTonnes">The period's capacity, investments included.</param>
public sealed record CapacityUse(NetworkElement Element, PeriodId Period, double ThroughputTonnes, double CapacityTonnes)
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
/// <param name="Transport">Σ route tariff per tonne × flow (the tariff alone: the time and carbon parts of a generalised cost are <see cref="TransitTime"/> and <see cref="Carbon"/>).</param>
/// <param name="Handling">Σ handling cost per tonne × throughput.</param>
/// <param name="Supply">Σ supply cost per tonne × tonnes used.</param>
/// <param name="Capital">Σ capital × units × capital recovery factor × horizon years.</param>
/// <param name="UnmetPenalty">Σ penalty × unmet tonnes.</param>
public sealed record CostBreakdown(double Transport, double Handling, double Supply, double Capital, double UnmetPenalty)
{
    /// <summary>Σ holding cost of cargo in transit per tonne (value × transit days / 365 × holding rate) × flow; 0 without a holding rate.</summary>
    public double TransitTime { get; init; }

    /// <summary>Σ CO2e per tonne × carbon price × flow; 0 without a carbon price.</summary>
    public double Carbon { get; init; }

    /// <summary>The sum of all parts: the objective.</summary>
    public double Total => Transport + Handling + Supply + Capital + UnmetPenalty + TransitTime + Carbon;
}

/// <summary>
/// The landed marginal cost of one commodity at one open location in one period: the change in
/// the optimum per extra tonne that must be delivered there. At a location with unmet demand it is
/// that demand's penalty.
/// </summary>
/// <remarks>
/// A plan has one for every location, commodity and period where the location is open (availability
/// factor above 0) and handles the commodity. Where in that period no route can bring the commodity
/// to the location or take it away and no supply or demand line of it applies there, nothing in the
/// model depends on the price (its balance reads 0 = 0), and it is 0.
/// </remarks>
/// <param name="Location">The location.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne.</param>
public sealed record BalancePrice(LocationId Location, CommodityId Commodity, PeriodId Period, double PerTonne);

/// <summary>
/// The decrease in the optimum per extra tonne of one period's capacity of a route or location
/// (≥ 0).
/// </summary>
/// <remarks>
/// A plan has one for every route and location with a capacity, in every period. Where nothing can
/// use the capacity in the period (the route, an end of it or the location is closed, or no flow of a
/// commodity can pass) one more tonne of it saves nothing, and the price is 0.
/// </remarks>
/// <param name="Element">The route or location.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne of capacity.</param>
public sealed record CapacityPrice(NetworkElement Element, PeriodId Period, double PerTonne);

/// <summary>The increase in the optimum per extra tonne of a route's required minimum flow in a period (≥ 0).</summary>
/// <remarks>
/// A plan has one for every route with a positive minimum, in every period; where the minimum is
/// waived (the route or an end is closed) raising it changes nothing, and the price is 0.
/// </remarks>
/// <param name="Route">The route.</param>
/// <param name="Period">The period.</param>
/// <param name="PerTonne">Money per tonne.</param>
public sealed record MinimumFlowPrice(RouteId Route, PeriodId Period, double PerTonne);

/// <summary>
/// Marginal values of the plan, defined by their meaning (docs/plan-format.md, "Prices"), whatever the
/// solver's sign convention. For a plan with integer decisions they are those of the LP with the
/// decisions fixed.
/// </summary>
/// <param name="Balance">
/// Balance prices of every location, commodity and period where the location is open (availability
/// factor above 0) and handles the commodity, in scenario order (location, commodity, period).
/// </param>
/// <param name="Capacity">
/// Capacity prices of every capacitated route and then every capacitated location, in every period
/// (0 where the capacity is closed or nothing can use it), in scenario order.
/// </param>
/// <param name="MinimumFlow">Minimum-flow prices of every route with a positive minimum, in every period (0 where it is waived).</param>
/// <param name="Budget">Decrease in the optimum per extra unit of budget when the scenario has a budget (0 when it has no investment options), else null.</param>
public sealed record PlanPrices(
    ImmutableArray<BalancePrice> Balance,
    ImmutableArray<CapacityPrice> Capacity,
    ImmutableArray<MinimumFlowPrice> MinimumFlow,
    double? Budget)
{
    /// <summary>No prices (an engine that produced none).</summary>
    public static PlanPrices None { get; } = new([], [], [], null);

    /// <summary>
    /// Decrease in the optimum per extra tonne of CO2e allowed when the scenario has a CO2 cap (≥ 0: the
    /// marginal abatement cost), else null.
    /// </summary>
    public double? Co2Cap { get; init; }

    /// <summary>Equal when every list is equal element by element, in order, and the budget prices are equal.</summary>
    /// <param name="other">The other prices.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(PlanPrices? other) =>
        other is not null && Structural.SequenceEquals(Balance, other.Balance)
        && Structural.SequenceEquals(Capacity, other.Capacity)
        && Structural.SequenceEquals(MinimumFlow, other.MinimumFlow) && Nullable.Equals(Budget, other.Budget)
        && Nullable.Equals(Co2Cap, other.Co2Cap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Balance.IsDefault ? 0 : Balance.Length, Capacity.IsDefault ? 0 : Capacity.Length, Budget);
}

/// <summary>A binding capacity: slack ≤ 1e-9 × capacity and a positive price.</summary>
/// <param name="Element">The route or location.</param>
/// <param name="Period">The period.</param>
/// <param name="Utilisation">Throughput ÷ capacity (1 where the capacity is 0 or too small for the quotient to be finite).</param>
/// <param name="PerTonne">The capacity price.</param>
public sealed record Bottleneck(NetworkElement Element, PeriodId Period, double Utilisation, double PerTonne);

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

    /// <summary>Throughput and utilisation of every capacitated route and location in every period, in scenario order (routes, then locations); a closed one has capacity 0 and carries nothing.</summary>
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

    /// <summary>
    /// The scenario's observations against this plan, in scenario order (<c>ObservationReport.Compare</c>),
    /// or empty when the scenario has none.
    /// </summary>
    public ImmutableArray<ObservationComparison> Observations { get; init; } = [];

    /// <summary>
    /// Tonne-km, tonne-days in transit and tonnes of CO2e by mode, commodity and border crossing, or
    /// null when the scenario does not ask for them (<c>Scenario.ReportsActivity</c>).
    /// </summary>
    public PlanActivity? Activity { get; init; }

    /// <summary>Total unmet tonnes over all locations, commodities and periods.</summary>
    public double TotalUnmetTonnes => Unmet.Sum(u => u.Tonnes);

    /// <summary>Equal when every part is equal, the lists element by element in order.</summary>
    /// <param name="other">The other plan.</param>
    /// <returns>Whether the two plans have the same content.</returns>
    public bool Equals(AllocationPlan? other) =>
        other is not null && ScenarioName == other.ScenarioName && Objective.Equals(other.Objective)
        && Costs == other.Costs && Structural.SequenceEquals(Flows, other.Flows)
        && Structural.SequenceEquals(Supplied, other.Supplied) && Structural.SequenceEquals(Unmet, other.Unmet)
        && Structural.SequenceEquals(Investments, other.Investments) && Structural.SequenceEquals(CapacityUse, other.CapacityUse)
        && Prices == other.Prices && Structural.SequenceEquals(Bottlenecks, other.Bottlenecks)
        && Verification == other.Verification && Structural.SequenceEquals(Appraisal, other.Appraisal)
        && Structural.SequenceEquals(Observations, other.Observations) && Equals(Activity, other.Activity);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Objective, Flows.IsDefault ? 0 : Flows.Length, Costs);
}
