using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// A complete planning question: the network, the periods, availability, supplies, demands,
/// investment options and budget. Immutable; build one with <see cref="ScenarioBuilder"/>, load one
/// with <c>ScenarioJson</c>, or derive one with <c>with</c>. Validation happens in
/// <c>ScenarioValidator</c> and <c>FreightPlanner.Optimize</c>, which report every problem together.
/// </summary>
public sealed partial record Scenario
{
    /// <summary>Creates a scenario over a network, with one period of a year and nothing else.</summary>
    /// <param name="network">The network.</param>
    public Scenario(FreightNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>A display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The ISO 4217 currency of every money amount (informational).</summary>
    public string Currency { get; init; } = "RUB";

    /// <summary>The discount rate in [0, 1) used to annualise capital.</summary>
    public double DiscountRate { get; init; }

    /// <summary>The network.</summary>
    public FreightNetwork Network { get; init; }

    /// <summary>The periods.</summary>
    public PlanningHorizon Horizon { get; init; } = PlanningHorizon.SingleYear;

    /// <summary>Availability calendars of locations; a location not listed is always available.</summary>
    public ImmutableDictionary<LocationId, Availability> LocationAvailability { get; init; } =
        ImmutableDictionary<LocationId, Availability>.Empty;

    /// <summary>Availability calendars of routes; a route not listed is always available.</summary>
    public ImmutableDictionary<RouteId, Availability> RouteAvailability { get; init; } =
        ImmutableDictionary<RouteId, Availability>.Empty;

    /// <summary>The supply lines; several for one location and commodity add up.</summary>
    public ImmutableArray<Supply> Supplies { get; init; } = [];

    /// <summary>The demand lines; several for one location and commodity add up.</summary>
    public ImmutableArray<Demand> Demands { get; init; } = [];

    /// <summary>The investment options.</summary>
    public ImmutableArray<InvestmentOption> Investments { get; init; } = [];

    /// <summary>
    /// Tonnes observed on routes and at locations, to compare a plan with (a base year's crossings,
    /// say); they change neither the model nor its optimum.
    /// </summary>
    public ImmutableArray<Observation> Observations { get; init; } = [];

    /// <summary>The capital budget, or null for no cap.</summary>
    public Budget? Budget { get; init; }

    /// <summary>The holding rate, carbon price and emission factors of the generalised cost, or null for none.</summary>
    public GeneralisedCost? GeneralisedCost { get; init; }

    /// <summary>
    /// A cap on the tonnes of CO2e all flows of the horizon may emit (Σ CO2 per tonne × flow ≤ cap), or
    /// null for none. A side constraint over every flow: the network-flow engines do not solve it.
    /// </summary>
    public double? Co2CapTonnes { get; init; }

    /// <summary>
    /// Per-tonne amounts added to route tariffs and handling costs (calibration constants, say);
    /// <see cref="RouteCostPerTonne"/> and <see cref="HandlingCostPerTonne"/> add them.
    /// </summary>
    public ImmutableArray<CostAdjustment> CostAdjustments { get; init; } = [];

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>The availability factor of a location in a period (1 when not stated).</summary>
    /// <param name="location">The location.</param>
    /// <param name="period">The period.</param>
    /// <returns>The factor in [0, 1].</returns>
    public double AvailabilityOf(LocationId location, PeriodId period) =>
        !LocationAvailability.IsEmpty && LocationAvailability.TryGetValue(location, out var a) ? a.In(period) : 1.0;

    /// <summary>The availability factor of a route in a period (1 when not stated).</summary>
    /// <param name="route">The route.</param>
    /// <param name="period">The period.</param>
    /// <returns>The factor in [0, 1].</returns>
    public double AvailabilityOf(RouteId route, PeriodId period) =>
        !RouteAvailability.IsEmpty && RouteAvailability.TryGetValue(route, out var a) ? a.In(period) : 1.0;

    /// <summary>Whether a location is open in a period (its factor is above 0).</summary>
    /// <param name="location">The location.</param>
    /// <param name="period">The period.</param>
    /// <returns>True when open.</returns>
    public bool IsOpen(LocationId location, PeriodId period) => AvailabilityOf(location, period) > 0;

    /// <summary>
    /// Whether a route is usable in a period: the route and both of its ends are open.
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="period">The period.</param>
    /// <returns>True when flow may pass.</returns>
    public bool IsUsable(Route route, PeriodId period)
    {
        ArgumentNullException.ThrowIfNull(route);
        return AvailabilityOf(route.Id, period) > 0 && IsOpen(route.From, period) && IsOpen(route.To, period);
    }

    /// <summary>
    /// Whether a flow of <paramref name="commodity"/> can exist on <paramref name="route"/> in
    /// <paramref name="period"/>: the route carries it, the route and both ends are open, and both
    /// ends handle it (docs/scenario-format.md, "Routes").
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="commodity">The commodity.</param>
    /// <param name="period">The period.</param>
    /// <returns>True when the flow exists in the model.</returns>
    public bool CanFlow(Route route, CommodityId commodity, PeriodId period)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Carries(commodity) && IsUsable(route, period)
            && Network.TryGetLocation(route.From, out var from) && from.Handles(commodity)
            && Network.TryGetLocation(route.To, out var to) && to.Handles(commodity);
    }

    /// <summary>Whether a supply or demand line applies in a period.</summary>
    /// <param name="linePeriod">The line's own period, or null for every period.</param>
    /// <param name="period">The period.</param>
    /// <returns>True when it applies.</returns>
    public static bool AppliesIn(PeriodId? linePeriod, PeriodId period) => linePeriod is null || linePeriod == period;

    /// <summary>The penalty per unmet tonne of a demand: its own, else its commodity's, else the default.</summary>
    /// <param name="demand">The demand.</param>
    /// <returns>The penalty per tonne.</returns>
    public double PenaltyOf(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.UnmetPenaltyPerTonne
            ?? (Network.TryGetCommodity(demand.Commodity, out var c) ? c.UnmetPenaltyPerTonne : null)
            ?? Commodity.DefaultUnmetPenaltyPerTonne;
    }

    /// <summary>
    /// The cost per tonne the objective charges for moving <paramref name="commodity"/> on
    /// <paramref name="route"/>: the route's tariff. Every model, the plan's cost breakdown and the
    /// verifier read route costs through this one method, so a surcharge the scenario adds to a tariff
    /// is added here and nowhere else.
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="commodity">A commodity the route carries.</param>
    /// <returns>The cost per tonne.</returns>
    /// <exception cref="KeyNotFoundException">The route does not carry the commodity.</exception>
    public double RouteCostPerTonne(Route route, CommodityId commodity)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.CostPerTonne[commodity] + GeneralisedSurchargePerTonne(route, commodity) + Adjustment(NetworkElement.Of(route.Id), commodity);
    }

    /// <summary>
    /// The cost per tonne the objective charges for handling <paramref name="commodity"/> at
    /// <paramref name="location"/> (0 when not stated). Every model, the plan's cost breakdown and the
    /// verifier read handling costs through this one method.
    /// </summary>
    /// <param name="location">The location.</param>
    /// <param name="commodity">The commodity.</param>
    /// <returns>The cost per tonne.</returns>
    public double HandlingCostPerTonne(Location location, CommodityId commodity)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.HandlingCostOf(commodity) + Adjustment(NetworkElement.Of(location.Id), commodity);
    }

    /// <summary>The sum of the <see cref="CostAdjustments"/> of an element for a commodity (0 without any).</summary>
    private double Adjustment(NetworkElement element, CommodityId commodity)
    {
        if (CostAdjustments.IsDefaultOrEmpty) return 0;
        var sum = 0.0;
        foreach (var a in CostAdjustments)
        {
            if (a.Element == element && a.AppliesTo(commodity)) sum += a.CostPerTonne;
        }

        return sum;
    }

    /// <summary>The position of an investment option's first period (0 when not stated).</summary>
    /// <param name="option">The option.</param>
    /// <returns>The zero-based period index from which its capacity exists.</returns>
    public int FirstPeriodIndexOf(InvestmentOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.FirstPeriod is { } p ? Math.Max(0, Horizon.IndexOf(p)) : 0;
    }

    /// <summary>Whether any investment option needs integer decisions (the model is then a MIP).</summary>
    public bool HasIntegerDecisions =>
        Investments.Any(o => o.IsInteger || o.ExclusiveGroup is not null || !o.Requires.IsDefaultOrEmpty)
        || Investments.Any(o => Investments.Any(p => !p.Requires.IsDefaultOrEmpty && p.Requires.Contains(o.Id)));

    /// <summary>
    /// The scenario with no investment option and no budget: the network as it stands, with nothing
    /// built. A base year is compared with its observations in this form, since the observations
    /// were made before any option existed.
    /// </summary>
    /// <returns>A copy without <see cref="Investments"/> and <see cref="Budget"/>.</returns>
    public Scenario WithoutInvestments() => this with { Investments = [], Budget = null };

    /// <inheritdoc />
    public bool Equals(Scenario? other) =>
        other is not null && Name == other.Name && Currency == other.Currency
        && DiscountRate.Equals(other.DiscountRate) && Network.Equals(other.Network) && Horizon.Equals(other.Horizon)
        && Structural.MapEquals(LocationAvailability, other.LocationAvailability)
        && Structural.MapEquals(RouteAvailability, other.RouteAvailability)
        && Structural.SequenceEquals(Supplies, other.Supplies) && Structural.SequenceEquals(Demands, other.Demands)
        && Structural.SequenceEquals(Investments, other.Investments) && Equals(Budget, other.Budget)
        && Structural.SequenceEquals(Observations, other.Observations)
        && Equals(GeneralisedCost, other.GeneralisedCost) && Nullable.Equals(Co2CapTonnes, other.Co2CapTonnes)
        && Structural.SequenceEquals(CostAdjustments, other.CostAdjustments)
        && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Network, Supplies.Length, Demands.Length);
}
