using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace FreightOptimizer.Formulation;

/// <summary>
/// Formulates the model of docs/design.md ("The model") for a validated scenario: variables only
/// where a flow can exist, flow balance, shared route and location capacities, minimum flows, unmet
/// demand, investments with lead times, budget, exclusive groups and prerequisites. Stateless: one
/// call, one model.
/// </summary>
internal sealed partial class FreightModelBuilder
{
    private readonly Scenario _scenario;
    private readonly ModelScaling _scaling;
    private readonly bool _linkingInequalities;
    private readonly LinearProblem _problem = new();
    private readonly ImmutableArray<Location> _locations;
    private readonly ImmutableArray<Route> _routes;
    private readonly ImmutableArray<Commodity> _commodities;
    private readonly ImmutableArray<Period> _periods;
    private readonly Dictionary<PeriodId, int> _periodIndex = [];
    private readonly int[] _balanceRowOf;
    private readonly double[] _demandOf;
    private readonly List<FlowVariable> _flows = [];
    private readonly List<SupplyVariable> _supplies = [];
    private readonly List<UnmetVariable> _unmet = [];
    private readonly List<ClosedDemand> _closedDemands = [];
    private readonly List<BalanceRow> _balanceRows = [];
    private readonly List<CapacityRow> _capacityRows = [];
    private readonly List<MinimumFlowRow> _minimumFlowRows = [];
    private InvestmentVariables[] _investments = [];
    private int _budgetRow = -1;

    private FreightModelBuilder(Scenario scenario, ModelScaling scaling, bool linkingInequalities)
    {
        _scenario = scenario;
        _scaling = scaling;
        _linkingInequalities = linkingInequalities;
        _locations = scenario.Network.Locations;
        _routes = scenario.Network.Routes;
        _commodities = scenario.Network.Commodities;
        _periods = scenario.Horizon.Periods;
        for (var i = 0; i < _periods.Length; i++) _periodIndex.TryAdd(_periods[i].Id, i);
        _balanceRowOf = new int[_locations.Length * _commodities.Length * _periods.Length];
        Array.Fill(_balanceRowOf, -1);
        _demandOf = new double[_balanceRowOf.Length];
    }

    /// <summary>Formulates the scenario with scaling chosen from its data.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="linkingInequalities">Whether to add the strong linking inequalities (<see cref="AddLinkingInequalities"/>) after the plain model.</param>
    public static FreightModel Build(Scenario scenario, bool linkingInequalities = false) =>
        Build(scenario, ChooseScaling(scenario), linkingInequalities);

    /// <summary>Formulates the scenario with the given scaling.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="scaling">The model units.</param>
    /// <param name="linkingInequalities">Whether to add the strong linking inequalities after the plain model.</param>
    public static FreightModel Build(Scenario scenario, ModelScaling scaling, bool linkingInequalities = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var builder = new FreightModelBuilder(scenario, scaling, linkingInequalities);
        return builder.Formulate();
    }

    /// <summary>
    /// Picks powers of ten so that the largest period quantity is about 10^3 model units, unless that
    /// would put the smallest positive quantity below 1 unit, and the largest transport, handling or
    /// supply cost per model unit about 10^2.
    /// </summary>
    /// <remarks>
    /// The smallest quantity bounds the tonne unit because the simplex engines' feasibility tolerances
    /// are absolute in model units (about 10^−7), while the verifier judges each row against its own
    /// magnitude (10^−6 of it). With 10^12 t beside a 1,234 t capacity, a unit of 10^9 t made the
    /// capacity 1.2·10^−6 units, and CLP and GLOP both returned plans that overran it by 0.25 t
    /// (2.5·10^−10 units, inside their tolerance) and failed verification; on the wide-range generator
    /// (tonnages 1 to 10^12, seeds 0–599 of both its settings) the verifier rejected CLP's plan in 79
    /// of about 600 CLP solves with the largest quantity alone setting the unit, and in 3 with this bound. Scenarios whose smallest quantity is within
    /// three powers of ten of the largest keep the unit they always had.
    /// </remarks>
    public static ModelScaling ChooseScaling(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var maxTonnes = 0.0;
        var minTonnes = double.PositiveInfinity;
        void Tonnes(double? v)
        {
            if (v is not { } t || !double.IsFinite(t) || t == 0) return;
            maxTonnes = Math.Max(maxTonnes, Math.Abs(t));
            minTonnes = Math.Min(minTonnes, Math.Abs(t));
        }

        foreach (var l in scenario.Network.Locations) Tonnes(l.AnnualCapacityTonnes);
        foreach (var r in scenario.Network.Routes)
        {
            Tonnes(r.AnnualCapacityTonnes);
            Tonnes(r.MinAnnualTonnes);
        }

        foreach (var s in scenario.Supplies) Tonnes(s.AnnualTonnes);
        foreach (var d in scenario.Demands) Tonnes(d.AnnualTonnes);
        foreach (var o in scenario.Investments) Tonnes(o.AddedAnnualCapacityTonnes * o.UnitLimit);

        var tonneUnit = maxTonnes > 0 ? Math.Min(PowerOfTen(maxTonnes) / 1e3, PowerOfTen(minTonnes)) : 1.0;
        var maxCost = 0.0;
        foreach (var r in scenario.Network.Routes)
        {
            foreach (var c in r.CostPerTonne.Values) maxCost = Math.Max(maxCost, c);
        }

        foreach (var l in scenario.Network.Locations)
        {
            foreach (var c in l.HandlingCostPerTonne.Values) maxCost = Math.Max(maxCost, c);
        }

        foreach (var s in scenario.Supplies) maxCost = Math.Max(maxCost, s.CostPerTonne);
        var moneyUnit = maxCost > 0 ? PowerOfTen(maxCost * tonneUnit) / 1e2 : 1.0;
        var maxCapital = scenario.Investments.Select(o => o.CapitalCost).DefaultIfEmpty(0).Max();
        var capitalUnit = maxCapital > 0 ? PowerOfTen(maxCapital) : 1.0;
        return new ModelScaling(Math.Max(tonneUnit, 1e-6), Math.Max(moneyUnit, 1e-9), Math.Max(capitalUnit, 1e-9));
    }

    /// <summary>
    /// The power of ten at or below a positive value, its exponent held to ±300: 10^⌊log10 v⌋ of the
    /// smallest double (5e-324) is 10^−324, which is 0 in a double, and every unit divides.
    /// </summary>
    private static double PowerOfTen(double value) => Math.Pow(10, Math.Clamp(Math.Floor(Math.Log10(value)), -300, 300));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private FreightModel Formulate()
    {
        InitialiseTiming();
        AddInvestmentVariables();
        AddSupplyVariables();
        AddDemandRequirements();
        AddFlowVariables();
        AddFlowBalance();
        AddRouteCapacity();
        AddLocationCapacity();
        AddMinimumFlow();
        AddBudget();
        AddCo2Cap();
        AddExclusiveGroups();
        AddPrerequisites();
        var plainRowCount = _problem.RowCount;

        // Valid for the optimum only (LinkingBounds), so they come last: the rows before them are the
        // plain model, which is what prices a plan.
        var linkingRows = _linkingInequalities ? AddLinkingInequalities() : 0;
        return new FreightModel
        {
            Problem = _problem,
            Scaling = _scaling,
            Flows = [.. _flows],
            Supplies = [.. _supplies],
            Unmet = [.. _unmet],
            ClosedDemands = [.. _closedDemands],
            Investments = [.. _investments],
            Online = [.. _online],
            BalanceRows = [.. _balanceRows],
            CapacityRows = [.. _capacityRows],
            MinimumFlowRows = [.. _minimumFlowRows],
            BudgetRow = _budgetRow,
            Co2CapRow = _co2CapRow,
            Co2Unit = _co2Unit,
            PlainRowCount = plainRowCount,
            LinkingRowCount = linkingRows,
        };
    }

    private double Fraction(int t) => _periods[t].YearFraction;

    private int BalanceKey(int location, int commodity, int t) =>
        ((location * _commodities.Length) + commodity) * _periods.Length + t;

    /// <summary>Units y[i] per option (integer for Binary and Modular) and build indicators z[i] where groups or prerequisites need them.</summary>
    /// <remarks>
    /// cost(y[i]) = capitalCost[i] · CRF(r, lifetime[i]) · horizonYears;  0 ≤ y[i] ≤ maxUnits[i].
    /// Where a group or prerequisite names i: Binary z = y; otherwise z ∈ {0,1}, y ≤ maxUnits·z, and for Modular z ≤ y.
    /// </remarks>
    private void AddInvestmentVariables()
    {
        var options = _scenario.Investments;
        var required = options.SelectMany(o => o.Requires.IsDefault ? [] : o.Requires).ToHashSet();
        _investments = new InvestmentVariables[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            var option = options[i];
            // In a multi-year horizon the capital is charged on the online variables (InvestmentTiming).
            var cost = _multiYear ? 0 : Economics.ObjectiveCostPerUnit(_scenario, option) / _scaling.MoneyUnit;
            var units = _problem.AddVariable(0, option.UnitLimit, cost, option.IsInteger, ModelNames.Units(option.Id));
            var needsIndicator = option.ExclusiveGroup is not null || !option.Requires.IsDefaultOrEmpty || required.Contains(option.Id);
            var indicator = -1;
            if (needsIndicator && option.Kind == InvestmentKind.Binary)
            {
                indicator = units;
            }
            else if (needsIndicator)
            {
                indicator = _problem.AddVariable(0, 1, 0, true, ModelNames.Built(option.Id));
                var link = _problem.AddRow(double.NegativeInfinity, 0, ModelNames.BuildLink(option.Id));
                _problem.AddTerm(link, units, 1);
                _problem.AddTerm(link, indicator, -option.UnitLimit);
                if (option.Kind == InvestmentKind.Modular)
                {
                    var atLeastOne = _problem.AddRow(double.NegativeInfinity, 0, ModelNames.BuildFloor(option.Id));
                    _problem.AddTerm(atLeastOne, indicator, 1);
                    _problem.AddTerm(atLeastOne, units, -1);
                }
            }

            _investments[i] = new InvestmentVariables(units, indicator);
        }

        if (_multiYear) AddOnlineVariables();
    }

    /// <summary>Supply used s[line,t] for every line that applies in t at an open location.</summary>
    /// <remarks>0 ≤ s ≤ annualTonnes·f[t];  cost(s) = costPerTonne + handling[n,k] (supply counts as throughput).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSupplyVariables()
    {
        foreach (var line in LineExpansion.Supplies(_scenario))
        {
            var supply = _scenario.Supplies[line.Line];
            var cost = (supply.CostPerTonne + _scenario.HandlingCostPerTonne(_locations[line.Location], supply.Commodity)) * _scaling.TonneUnit / _scaling.MoneyUnit * _weight[line.Period];
            var v = _problem.AddVariable(0, line.Tonnes / _scaling.TonneUnit, cost, false, ModelNames.Supply(supply, _periods[line.Period].Id, line.Line));
            _supplies.Add(new SupplyVariable(line.Line, line.Location, line.Commodity, line.Period, v));
        }
    }

    /// <summary>Demand per location, commodity and period, and unmet u[line,t] for soft lines.</summary>
    /// <remarks>
    /// D[n,k,t] = Σ lines annualTonnes·f[t];  0 ≤ u ≤ annualTonnes·f[t], cost(u) = penalty.
    /// At a closed location nothing is served: soft lines are unmet constants, a hard line makes the model infeasible.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddDemandRequirements()
    {
        foreach (var line in LineExpansion.Demands(_scenario))
        {
            var demand = _scenario.Demands[line.Line];
            var (n, k, t, tonnes) = (line.Location, line.Commodity, line.Period, line.Tonnes);
            if (!line.LocationOpen)
            {
                _closedDemands.Add(new ClosedDemand(line.Line, n, k, t, tonnes, demand.MustServe));
                if (demand.MustServe)
                {
                    AddInfeasibleMarker(ModelNames.ClosedHardDemand(demand, _periods[t].Id), tonnes / _scaling.TonneUnit);
                }
                else
                {
                    _problem.ObjectiveConstant += _scenario.PenaltyOf(demand) * tonnes / _scaling.MoneyUnit * _weight[t];
                }

                continue;
            }

            _demandOf[BalanceKey(n, k, t)] += tonnes;
            if (demand.MustServe) continue;
            var cost = _scenario.PenaltyOf(demand) * _scaling.TonneUnit / _scaling.MoneyUnit * _weight[t];
            var v = _problem.AddVariable(0, tonnes / _scaling.TonneUnit, cost, false, ModelNames.Unmet(demand, _periods[t].Id, line.Line));
            _unmet.Add(new UnmetVariable(line.Line, n, k, t, v));
        }
    }

    /// <summary>Flow x[a,k,t] wherever <see cref="Scenario.CanFlow"/> allows it.</summary>
    /// <remarks>x ≥ 0;  cost(x) = costPerTonne[a,k] + handling[to(a),k] (inflow counts as throughput).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddFlowVariables()
    {
        for (var a = 0; a < _routes.Length; a++)
        {
            var route = _routes[a];
            var to = _locations[_scenario.Network.IndexOf(route.To)];
            for (var k = 0; k < _commodities.Length; k++)
            {
                var commodity = _commodities[k].Id;
                if (!route.Carries(commodity)) continue;
                var cost = (_scenario.RouteCostPerTonne(route, commodity) + _scenario.HandlingCostPerTonne(to, commodity)) * _scaling.TonneUnit / _scaling.MoneyUnit;
                for (var t = 0; t < _periods.Length; t++)
                {
                    if (!_scenario.CanFlow(route, commodity, _periods[t].Id)) continue;
                    var v = _problem.AddVariable(0, double.PositiveInfinity, cost * _weight[t], false, ModelNames.Flow(route.Id, commodity, _periods[t].Id));
                    _flows.Add(new FlowVariable(a, k, t, v));
                }
            }
        }
    }

    /// <summary>Flow balance for every open location, commodity it handles and period that anything touches.</summary>
    /// <remarks>Σ_in x + Σ s − Σ_out x + Σ u = D[n,k,t].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddFlowBalance()
    {
        foreach (var s in _supplies) _problem.AddTerm(BalanceRowFor(s.Location, s.Commodity, s.Period), s.Variable, 1);
        foreach (var u in _unmet) _problem.AddTerm(BalanceRowFor(u.Location, u.Commodity, u.Period), u.Variable, 1);
        foreach (var f in _flows)
        {
            var route = _routes[f.Route];
            _problem.AddTerm(BalanceRowFor(_scenario.Network.IndexOf(route.To), f.Commodity, f.Period), f.Variable, 1);
            _problem.AddTerm(BalanceRowFor(_scenario.Network.IndexOf(route.From), f.Commodity, f.Period), f.Variable, -1);
        }

        for (var n = 0; n < _locations.Length; n++)
        {
            for (var k = 0; k < _commodities.Length; k++)
            {
                for (var t = 0; t < _periods.Length; t++)
                {
                    var key = BalanceKey(n, k, t);
                    if (_demandOf[key] > 0 && _balanceRowOf[key] < 0)
                    {
                        // Hard demand that nothing can reach: the row alone makes the model infeasible.
                        var row = BalanceRowFor(n, k, t);
                        AnchorEmptyRow(row);
                    }
                }
            }
        }
    }

    private int BalanceRowFor(int location, int commodity, int t)
    {
        var key = BalanceKey(location, commodity, t);
        if (_balanceRowOf[key] >= 0) return _balanceRowOf[key];
        var demand = _demandOf[key];
        var rhs = demand / _scaling.TonneUnit;
        var row = _problem.AddRow(rhs, rhs, ModelNames.Balance(_locations[location].Id, _commodities[commodity].Id, _periods[t].Id));
        _balanceRowOf[key] = row;
        _balanceRows.Add(new BalanceRow(location, commodity, t, row, demand));
        return row;
    }

    /// <summary>Shared route capacity, with investments that add to it from their first period.</summary>
    /// <remarks>Σ_k x[a,k,t] − Σ_{i→a, t ≥ first[i]} f[t]·α[a,t]·add[i]·y[i] ≤ f[t]·α[a,t]·cap[a].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRouteCapacity()
    {
        var flowsByRoutePeriod = _flows.ToLookup(f => (f.Route, f.Period));
        for (var a = 0; a < _routes.Length; a++)
        {
            var route = _routes[a];
            if (route.AnnualCapacityTonnes is not { } capacity) continue;
            for (var t = 0; t < _periods.Length; t++)
            {
                var flows = flowsByRoutePeriod[(a, t)];
                if (!flows.Any()) continue;
                var scale = Fraction(t) * _scenario.AvailabilityOf(route.Id, _periods[t].Id);
                var additions = AdditionsFor(o => o.Target.Route == route.Id, t, scale);
                var row = _problem.AddRow(double.NegativeInfinity, scale * capacity / _scaling.TonneUnit, ModelNames.RouteCapacity(route.Id, _periods[t].Id));
                foreach (var f in flows) _problem.AddTerm(row, f.Variable, 1);
                AddAdditionTerms(row, additions, t);
                _capacityRows.Add(new CapacityRow(true, a, t, row, scale * capacity, additions));
            }
        }
    }

    /// <summary>Shared location throughput capacity (inflow + local supply used), with investments.</summary>
    /// <remarks>Σ_k (Σ_in x + Σ s)[n,k,t] − Σ_{i→n, t ≥ first[i]} f[t]·α[n,t]·add[i]·y[i] ≤ f[t]·α[n,t]·cap[n].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddLocationCapacity()
    {
        var inflow = _flows.ToLookup(f => (_scenario.Network.IndexOf(_routes[f.Route].To), f.Period), f => f.Variable);
        var supplied = _supplies.ToLookup(s => (s.Location, s.Period), s => s.Variable);
        for (var n = 0; n < _locations.Length; n++)
        {
            var location = _locations[n];
            if (location.AnnualCapacityTonnes is not { } capacity) continue;
            for (var t = 0; t < _periods.Length; t++)
            {
                var terms = inflow[(n, t)].Concat(supplied[(n, t)]).ToList();
                if (terms.Count == 0) continue;
                var scale = Fraction(t) * _scenario.AvailabilityOf(location.Id, _periods[t].Id);
                var additions = AdditionsFor(o => o.Target.Location == location.Id, t, scale);
                var row = _problem.AddRow(double.NegativeInfinity, scale * capacity / _scaling.TonneUnit, ModelNames.LocationCapacity(location.Id, _periods[t].Id));
                foreach (var v in terms) _problem.AddTerm(row, v, 1);
                AddAdditionTerms(row, additions, t);
                _capacityRows.Add(new CapacityRow(false, n, t, row, scale * capacity, additions));
            }
        }
    }

    private ImmutableArray<(int Option, double TonnesPerUnit)> AdditionsFor(Func<InvestmentOption, bool> targets, int t, double scale)
    {
        var options = _scenario.Investments;
        var additions = ImmutableArray.CreateBuilder<(int, double)>();
        for (var i = 0; i < options.Length; i++)
        {
            if (targets(options[i]) && CanBeOnlineBy(i, t))
            {
                additions.Add((i, scale * options[i].AddedAnnualCapacityTonnes));
            }
        }

        return additions.ToImmutable();
    }

    /// <summary>Minimum flow on a route in every period where the route and both ends are open.</summary>
    /// <remarks>Σ_k x[a,k,t] ≥ f[t]·α[a,t]·min[a].</remarks>
    private void AddMinimumFlow()
    {
        var flowsByRoutePeriod = _flows.ToLookup(f => (f.Route, f.Period), f => f.Variable);
        for (var a = 0; a < _routes.Length; a++)
        {
            var route = _routes[a];
            if (route.MinAnnualTonnes is not { } minimum || minimum <= 0) continue;
            for (var t = 0; t < _periods.Length; t++)
            {
                if (!_scenario.IsUsable(route, _periods[t].Id)) continue;
                var tonnes = Fraction(t) * _scenario.AvailabilityOf(route.Id, _periods[t].Id) * minimum;
                var row = _problem.AddRow(tonnes / _scaling.TonneUnit, double.PositiveInfinity, ModelNames.MinimumFlow(route.Id, _periods[t].Id));
                var any = false;
                foreach (var v in flowsByRoutePeriod[(a, t)])
                {
                    _problem.AddTerm(row, v, 1);
                    any = true;
                }

                if (!any) AnchorEmptyRow(row);
                _minimumFlowRows.Add(new MinimumFlowRow(a, t, row, tonnes));
            }
        }
    }

    /// <summary>The capital budget.</summary>
    /// <remarks>Σ_i capitalCost[i]·y[i] ≤ B.</remarks>
    private void AddBudget()
    {
        if (_scenario.Budget is not { } budget || _investments.Length == 0) return;
        _budgetRow = _problem.AddRow(double.NegativeInfinity, budget.CapitalCost / _scaling.CapitalUnit, ModelNames.Budget);
        for (var i = 0; i < _investments.Length; i++)
        {
            _problem.AddTerm(_budgetRow, _investments[i].Units, _scenario.Investments[i].CapitalCost / _scaling.CapitalUnit);
        }
    }

    /// <summary>At most one option of each exclusive group is built.</summary>
    /// <remarks>Σ_{i ∈ g} z[i] ≤ 1.</remarks>
    private void AddExclusiveGroups()
    {
        var options = _scenario.Investments;
        foreach (var group in Enumerable.Range(0, options.Length).Where(i => options[i].ExclusiveGroup is not null).GroupBy(i => options[i].ExclusiveGroup!, StringComparer.Ordinal))
        {
            var row = _problem.AddRow(double.NegativeInfinity, 1, ModelNames.ExclusiveGroup(group.Key));
            foreach (var i in group) _problem.AddTerm(row, _investments[i].Indicator, 1);
        }
    }

    /// <summary>An option is built only if every option it requires is built (and, over years, not before it).</summary>
    /// <remarks>z[i] − z[j] ≤ 0 for every j required by i.</remarks>
    private void AddPrerequisites()
    {
        var options = _scenario.Investments;
        var indexOf = new Dictionary<InvestmentId, int>();
        for (var i = 0; i < options.Length; i++) indexOf.TryAdd(options[i].Id, i);
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i].Requires.IsDefaultOrEmpty) continue;
            foreach (var requiredId in options[i].Requires)
            {
                var j = indexOf[requiredId];
                var row = _problem.AddRow(double.NegativeInfinity, 0, ModelNames.Prerequisite(options[i].Id, requiredId));
                _problem.AddTerm(row, _investments[i].Indicator, 1);
                _problem.AddTerm(row, _investments[j].Indicator, -1);
                if (_multiYear) AddTimedPrerequisite(i, j);
            }
        }
    }

    /// <summary>
    /// The strong linking inequalities of fixed-charge network design, per capacitated target,
    /// period and commodity, wherever an investment adds capacity to the target in the period and the
    /// commodity's reach truncates something. Bounds and their validity: <see cref="LinkingBounds"/>.
    /// </summary>
    /// <remarks>
    /// x[a,k,t] − Σ_{i→a, t ≥ first[i]} c_i·v_i ≤ min(reach[k,t], f[t]·α[a,t]·cap[a]) for a route;
    /// for a location the same with its throughput of k, Σ_in x[·,k,t] + Σ s[n,k,t], on the left.
    /// c_i·v_i = min(reach[k,t], f[t]·α·add[i]·maxUnits[i])·built[i] where i has a build indicator
    /// (Binary: built = y), min(reach[k,t], f[t]·α·add[i])·y[i] for Modular, f[t]·α·add[i]·y[i] for Continuous.
    /// With cap = 0 and one binary option: the classic x_k ≤ min(d_k, u)·y.
    /// </remarks>
    /// <returns>How many rows were added.</returns>
    private int AddLinkingInequalities()
    {
        var bounds = LinkingBounds.From(_scenario);
        var options = _scenario.Investments;
        var routeFlows = _flows.ToLookup(f => (f.Route, f.Period, f.Commodity), f => f.Variable);
        var locationFlows = _flows
            .Select(f => (Key: (_scenario.Network.IndexOf(_routes[f.Route].To), f.Period, f.Commodity), f.Variable))
            .Concat(_supplies.Select(s => (Key: (s.Location, s.Period, s.Commodity), s.Variable)))
            .ToLookup(p => p.Key, p => p.Variable);
        var added = 0;
        foreach (var capacity in _capacityRows)
        {
            if (capacity.Additions.IsEmpty) continue;
            var maxAdded = capacity.Additions.Sum(a => a.TonnesPerUnit * options[a.Option].UnitLimit);
            var targetId = capacity.IsRoute ? _routes[capacity.Target].Id.Value : _locations[capacity.Target].Id.Value;
            for (var k = 0; k < _commodities.Length; k++)
            {
                var key = (capacity.Target, capacity.Period, k);
                var terms = capacity.IsRoute ? routeFlows[key] : locationFlows[key];
                if (!terms.Any()) continue;
                var reach = bounds.Reach(k, capacity.Period);
                if (!LinkingBounds.IsWorthAdding(reach, capacity.BaseTonnes, maxAdded)) continue;
                var rhs = LinkingBounds.BaseTerm(reach, capacity.BaseTonnes) / _scaling.TonneUnit;
                var row = _problem.AddRow(double.NegativeInfinity, rhs, ModelNames.Linking(targetId, _commodities[k].Id, _periods[capacity.Period].Id));
                foreach (var v in terms) _problem.AddTerm(row, v, 1);
                foreach (var (i, tonnesPerUnit) in capacity.Additions)
                {
                    var option = options[i];
                    var indicator = option.Kind == InvestmentKind.Binary ? _investments[i].Units : _investments[i].Indicator;
                    var onIndicator = indicator >= 0;
                    var coefficient = LinkingBounds.OptionTerm(reach, tonnesPerUnit, option, onIndicator);
                    _problem.AddTerm(row, onIndicator ? indicator : _investments[i].Units, -coefficient / _scaling.TonneUnit);
                }

                added++;
            }
        }

        return added;
    }

    /// <summary>
    /// Gives a row that no variable touches one variable fixed at 0, so that solvers see an ordinary
    /// (infeasible) row instead of an empty one.
    /// </summary>
    private void AnchorEmptyRow(int row)
    {
        var anchor = _problem.AddVariable(0, 0, 0, false, ModelNames.Anchor(_problem.Rows[row].Name));
        _problem.AddTerm(row, anchor, 1);
    }

    private void AddInfeasibleMarker(string name, double amount)
    {
        var row = _problem.AddRow(amount, amount, name);
        AnchorEmptyRow(row);
    }
}

/// <summary>The one place where model variables and rows get their names (for export and debugging).</summary>
internal static class ModelNames
{
    public const string Budget = "budget";

    public const string Co2Cap = "co2cap";

    public static string Flow(RouteId route, CommodityId commodity, PeriodId period) => $"x[{route},{commodity},{period}]";

    public static string Supply(Supply supply, PeriodId period, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"s[{supply.Location},{supply.Commodity},{period},{line}]");

    public static string Unmet(Demand demand, PeriodId period, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"u[{demand.Location},{demand.Commodity},{period},{line}]");

    public static string Units(InvestmentId option) => $"y[{option}]";

    public static string Built(InvestmentId option) => $"z[{option}]";

    public static string BuildLink(InvestmentId option) => $"link[{option}]";

    public static string BuildFloor(InvestmentId option) => $"floor[{option}]";

    public static string Balance(LocationId location, CommodityId commodity, PeriodId period) => $"balance[{location},{commodity},{period}]";

    public static string RouteCapacity(RouteId route, PeriodId period) => $"routecap[{route},{period}]";

    public static string LocationCapacity(LocationId location, PeriodId period) => $"loccap[{location},{period}]";

    public static string MinimumFlow(RouteId route, PeriodId period) => $"minflow[{route},{period}]";

    public static string ExclusiveGroup(string group) => $"group[{group}]";

    public static string Prerequisite(InvestmentId option, InvestmentId required) => $"requires[{option},{required}]";

    public static string ClosedHardDemand(Demand demand, PeriodId period) => $"closedhard[{demand.Location},{demand.Commodity},{period}]";

    public static string Linking(string target, CommodityId commodity, PeriodId period) => $"linking[{target},{commodity},{period}]";

    public static string Anchor(string row) => $"anchor[{row}]";
}
