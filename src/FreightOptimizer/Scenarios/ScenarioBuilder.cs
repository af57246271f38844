using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// Builds a <see cref="Scenario"/> step by step: network, periods, availability, supplies,
/// demands, investments and budget. The builder records; <c>ScenarioValidator</c> and
/// <c>FreightPlanner.Optimize</c> judge.
/// </summary>
public sealed class ScenarioBuilder
{
    private readonly FreightNetwork _network;
    private readonly List<Period> _periods = [];
    private readonly Dictionary<LocationId, Dictionary<PeriodId, double>> _locationAvailability = [];
    private readonly Dictionary<RouteId, Dictionary<PeriodId, double>> _routeAvailability = [];
    private readonly List<Supply> _supplies = [];
    private readonly List<Demand> _demands = [];
    private readonly List<InvestmentOption> _investments = [];
    private readonly List<Observation> _observations = [];
    private Budget? _budget;
    private string? _name;
    private string _currency = "RUB";
    private double _discountRate;
    private string? _source;
    private string? _notes;

    /// <summary>Starts a scenario over a network.</summary>
    /// <param name="network">The network.</param>
    public ScenarioBuilder(FreightNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
    }

    /// <summary>Sets the display name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithName(string? name)
    {
        _name = name;
        return this;
    }

    /// <summary>Sets the ISO 4217 currency (informational; default RUB).</summary>
    /// <param name="currency">The currency code.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithCurrency(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        _currency = currency;
        return this;
    }

    /// <summary>Sets the discount rate in [0, 1) used to annualise capital.</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithDiscountRate(double rate)
    {
        _discountRate = rate;
        return this;
    }

    /// <summary>Sets provenance text for the scenario as a whole.</summary>
    /// <param name="source">Where the data came from.</param>
    /// <param name="notes">Free-text notes.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithProvenance(string? source, string? notes = null)
    {
        _source = source;
        _notes = notes;
        return this;
    }

    /// <summary>Appends a period. With none, the scenario has one period <c>year</c> of fraction 1.</summary>
    /// <param name="id">The period id.</param>
    /// <param name="yearFraction">The share of a year (&gt; 0).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddPeriod(PeriodId id, double yearFraction) => AddPeriod(new Period(id, yearFraction));

    /// <summary>Appends a period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddPeriod(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        _periods.Add(period);
        return this;
    }

    /// <summary>Sets a location's availability factor in a period (0 closes it).</summary>
    /// <param name="location">The location.</param>
    /// <param name="period">The period.</param>
    /// <param name="factor">The factor in [0, 1].</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetAvailability(LocationId location, PeriodId period, double factor)
    {
        Calendar(_locationAvailability, location)[period] = factor;
        return this;
    }

    /// <summary>Sets a route's availability factor in a period (0 closes it).</summary>
    /// <param name="route">The route.</param>
    /// <param name="period">The period.</param>
    /// <param name="factor">The factor in [0, 1].</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetAvailability(RouteId route, PeriodId period, double factor)
    {
        Calendar(_routeAvailability, route)[period] = factor;
        return this;
    }

    /// <summary>Adds a supply line.</summary>
    /// <param name="supply">The supply.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddSupply(Supply supply)
    {
        ArgumentNullException.ThrowIfNull(supply);
        _supplies.Add(supply);
        return this;
    }

    /// <summary>Adds a supply line.</summary>
    /// <param name="location">Where.</param>
    /// <param name="commodity">What.</param>
    /// <param name="annualTonnes">Tonnes per year.</param>
    /// <param name="costPerTonne">Cost per tonne used.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddSupply(LocationId location, CommodityId commodity, double annualTonnes, double costPerTonne = 0) =>
        AddSupply(new Supply(location, commodity, annualTonnes) { CostPerTonne = costPerTonne });

    /// <summary>Adds a demand line.</summary>
    /// <param name="demand">The demand.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddDemand(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        _demands.Add(demand);
        return this;
    }

    /// <summary>Adds a demand line with a penalty per unmet tonne.</summary>
    /// <param name="location">Where.</param>
    /// <param name="commodity">What.</param>
    /// <param name="annualTonnes">Tonnes per year.</param>
    /// <param name="unmetPenaltyPerTonne">Penalty per unmet tonne, or null for the commodity's default.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddDemand(LocationId location, CommodityId commodity, double annualTonnes, double? unmetPenaltyPerTonne = null) =>
        AddDemand(new Demand(location, commodity, annualTonnes) { UnmetPenaltyPerTonne = unmetPenaltyPerTonne });

    /// <summary>Adds an investment option.</summary>
    /// <param name="option">The option.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddInvestment(InvestmentOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        _investments.Add(option);
        return this;
    }

    /// <summary>Adds an observation (tonnes seen on routes or at locations, to compare a plan with).</summary>
    /// <param name="observation">The observation.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddObservation(Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _observations.Add(observation);
        return this;
    }

    /// <summary>Caps total capital spending.</summary>
    /// <param name="capitalCost">The cap.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithBudget(double capitalCost) => WithBudget(new Budget(capitalCost));

    /// <summary>Caps total capital spending, or removes the cap with null.</summary>
    /// <param name="budget">The budget.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithBudget(Budget? budget)
    {
        _budget = budget;
        return this;
    }

    /// <summary>Builds the scenario.</summary>
    /// <returns>An immutable scenario.</returns>
    public Scenario Build() => new(_network)
    {
        Name = _name,
        Currency = _currency,
        DiscountRate = _discountRate,
        Horizon = _periods.Count == 0 ? PlanningHorizon.SingleYear : new PlanningHorizon(_periods),
        LocationAvailability = _locationAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value)),
        RouteAvailability = _routeAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value)),
        Supplies = [.. _supplies],
        Demands = [.. _demands],
        Investments = [.. _investments],
        Budget = _budget,
        Observations = [.. _observations],
        Source = _source,
        Notes = _notes,
    };

    private static Dictionary<PeriodId, double> Calendar<TId>(Dictionary<TId, Dictionary<PeriodId, double>> calendars, TId id)
        where TId : notnull
    {
        if (!calendars.TryGetValue(id, out var calendar)) calendars[id] = calendar = [];
        return calendar;
    }
}
