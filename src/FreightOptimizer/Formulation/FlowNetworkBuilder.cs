using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace FreightOptimizer.Formulation;

/// <summary>What an arc of the flow network stands for.</summary>
internal enum FlowArcKind : byte
{
    /// <summary>Flow x[a,k,t] on a route.</summary>
    Route,

    /// <summary>Throughput of a capacitated location (the split arc from its in-node to its out-node).</summary>
    Split,

    /// <summary>Supply s[line,t] taken from a supply line.</summary>
    Supply,

    /// <summary>Unmet demand u[line,t] of a soft demand line (a penalty arc).</summary>
    Unmet,
}

/// <summary>
/// A single-commodity min-cost-flow network equivalent to a scenario's LP (docs/design.md, "The model"), in tonnes
/// and money per tonne, before integer scaling. <see cref="Map"/> is the same kind of index map the LP
/// builder returns, so <c>PlanAssembler</c> maps the flows back unchanged: arc j with a variable
/// stands for variable <see cref="ArcVariable"/>[j] of the map, balance row r has the nodes
/// <see cref="BalanceIn"/>[r] / <see cref="BalanceOut"/>[r] and the source <see cref="BalanceSource"/>[r],
/// and capacity row c (numbered after the balance rows) is arc <see cref="CapacityArc"/>[c].
/// </summary>
internal sealed class FlowNetwork
{
    public required int NodeCount { get; init; }

    /// <summary>Supply (&gt; 0) or demand (&lt; 0) in tonnes by node.</summary>
    public required double[] NodeTonnes { get; init; }

    /// <summary>The source node S[k,t] of every node's sub-network (a source is its own).</summary>
    public required int[] NodeSource { get; init; }

    public required int[] Tail { get; init; }

    public required int[] Head { get; init; }

    /// <summary>Capacity in tonnes; +∞ for none.</summary>
    public required double[] CapacityTonnes { get; init; }

    public required double[] CostPerTonne { get; init; }

    public required FlowArcKind[] Kind { get; init; }

    /// <summary>The map's variable for Route, Supply and Unmet arcs; −1 for split arcs.</summary>
    public required int[] ArcVariable { get; init; }

    public required int[] BalanceIn { get; init; }

    public required int[] BalanceOut { get; init; }

    public required int[] BalanceSource { get; init; }

    public required int[] CapacityArc { get; init; }

    /// <summary>The index map: flows, supplies, unmet, closed demands, balance and capacity rows. Its problem is empty.</summary>
    public required FreightModel Map { get; init; }

    /// <summary>Penalties of soft demand at closed locations: a constant of the objective.</summary>
    public required double ObjectiveConstant { get; init; }

    /// <summary>A hard demand sits at a location closed in its period: the scenario is infeasible whatever flows.</summary>
    public required bool ClosedHardDemand { get; init; }

    public int ArcCount => Tail.Length;

    public int VariableCount => Map.Flows.Length + Map.Supplies.Length + Map.Unmet.Length;

    public int RowCount => Map.BalanceRows.Length + Map.CapacityRows.Length;

    /// <summary>
    /// The first number of the network that the integer scaling must not be handed, described for a
    /// message, or null when every supply, demand, cost and the objective constant is finite and every
    /// capacity finite or +∞ (none): a NaN would become an arbitrary int64 when scaled.
    /// </summary>
    public string? DescribeNonFinite()
    {
        if (!double.IsFinite(ObjectiveConstant)) return $"the objective constant is {Text(ObjectiveConstant)}";
        for (var v = 0; v < NodeCount; v++)
        {
            if (!double.IsFinite(NodeTonnes[v])) return $"the supply or demand of node {v} is {Text(NodeTonnes[v])} t";
        }

        for (var a = 0; a < ArcCount; a++)
        {
            if (!double.IsFinite(CostPerTonne[a])) return $"the cost of arc {a} ({Kind[a]}) is {Text(CostPerTonne[a])} per tonne";
            if (double.IsNaN(CapacityTonnes[a]) || CapacityTonnes[a] < 0) return $"the capacity of arc {a} ({Kind[a]}) is {Text(CapacityTonnes[a])} t";
        }

        return null;
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Formulates a scenario that a min-cost flow solves exactly as one network with one
/// sub-network per commodity and period (<see cref="Qualifies"/> says when). Stateless: one call, one network.
/// </summary>
/// <remarks>
/// <para>For commodity k in period t, with f = year fraction and α the availability factor:</para>
/// <code>
/// nodes   S[k,t] (source, supply Σ D[n,k,t]); n_in[k,t] for every open location n that handles k and
///         that anything touches; n_out[k,t] as well when n has a capacity (else n_out = n_in);
///         n_out[k,t] has demand D[n,k,t] (the demand lines of n, k that apply in t).
/// arcs    route a:  from_out → to_in,  cap f·α[a,t]·cap[a] (or none), cost c[a,k] + h[to,k]
///         split n:  n_in → n_out,       cap f·α[n,t]·cap[n],            cost 0
///         supply:   S → n_in,           cap annual·f,                   cost p[line] + h[n,k]
///         unmet:    S → n_out,          cap annual·f,                   cost penalty[line]   (soft lines only)
/// </code>
/// <para>
/// Inflow and local supply enter n_in and everything that leaves or is served leaves n_out, so the
/// split arc carries exactly the LP's throughput (inflow + supply used). S sends exactly Σ D, as real
/// supply or as unmet demand, so the network is balanced whatever the scenario: surplus supply stays
/// unused, shortfall pays its penalty, and a hard demand (no unmet arc) that cannot be served makes
/// the network infeasible. Closed routes and locations have no arcs; demand at a closed location is
/// unmet (a constant penalty, or infeasible when hard), as in the LP.
/// </para>
/// <para>
/// Prices: with potentials p (reduced cost c + p[tail] − p[head]), the balance price of n, k, t is
/// p[n_out] − p[S]; the capacity price of a route is max(0, −reduced cost of its arc) and that of a
/// location max(0, p[n_out] − p[n_in]). These satisfy the LP's dual constraints exactly.
/// </para>
/// </remarks>
internal sealed class FlowNetworkBuilder
{
    private readonly Scenario _scenario;
    private readonly ImmutableArray<Location> _locations;
    private readonly ImmutableArray<Route> _routes;
    private readonly ImmutableArray<Commodity> _commodities;
    private readonly ImmutableArray<Period> _periods;
    private readonly int[] _inNode;
    private readonly int[] _outNode;
    private readonly int[] _sourceNode;
    private readonly int[] _balanceRowOf;
    private readonly double[] _demandOf;
    private readonly List<double> _nodeTonnes;
    private readonly List<int> _nodeSource;
    private readonly List<int> _tail;
    private readonly List<int> _head;
    private readonly List<double> _capacity;
    private readonly List<double> _cost;
    private readonly List<FlowArcKind> _kind;
    private readonly List<int> _variable;
    private readonly List<FlowVariable> _flows;
    private readonly List<SupplyVariable> _supplies = [];
    private readonly List<UnmetVariable> _unmet = [];
    private readonly List<ClosedDemand> _closedDemands = [];
    private readonly List<BalanceRow> _balanceRows;
    private readonly List<(int In, int Out, int Source)> _balanceNodes;
    private readonly List<(CapacityRow Row, int Arc)> _capacityRows;
    private readonly Dictionary<int, int> _splitArc = [];
    private double _objectiveConstant;
    private bool _closedHard;

    private FlowNetworkBuilder(Scenario scenario)
    {
        _scenario = scenario;
        _locations = scenario.Network.Locations;
        _routes = scenario.Network.Routes;
        _commodities = scenario.Network.Commodities;
        _periods = scenario.Horizon.Periods;
        var keys = _locations.Length * _commodities.Length * _periods.Length;
        _inNode = new int[keys];
        _outNode = new int[keys];
        _balanceRowOf = new int[keys];
        _demandOf = new double[keys];
        Array.Fill(_inNode, -1);
        Array.Fill(_outNode, -1);
        Array.Fill(_balanceRowOf, -1);
        _sourceNode = new int[_commodities.Length * _periods.Length];
        Array.Fill(_sourceNode, -1);

        // Sized for the common case (each route carries one commodity in every period; each location
        // touched once per period), so large networks are not copied again and again while growing.
        var arcs = (_routes.Length * _periods.Length) + scenario.Supplies.Length + scenario.Demands.Length + _locations.Length;
        var nodes = (_locations.Length * _periods.Length) + _sourceNode.Length;
        (_tail, _head, _capacity, _cost, _kind, _variable) = (new(arcs), new(arcs), new(arcs), new(arcs), new(arcs), new(arcs));
        (_flows, _capacityRows) = (new(_routes.Length * _periods.Length), new(_routes.Length * _periods.Length));
        (_nodeTonnes, _nodeSource, _balanceRows, _balanceNodes) = (new(nodes), new(nodes), new(nodes), new(nodes));
    }

    /// <summary>
    /// Whether a min-cost flow solves the scenario exactly, and if not, why not (a sentence). It does
    /// when there are no investments and no minimum flows, and no capacity is shared by two
    /// commodities in a period (no capacitated route can carry two, no capacitated location can take
    /// in or supply two), so that every commodity and period is an independent single-commodity flow.
    /// </summary>
    public static bool Qualifies(Scenario scenario, out string reason)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Co2CapTonnes is not null)
        {
            reason = "it has a CO2 cap (co2CapTonnes), a side constraint over every flow that a min-cost flow cannot hold";
            return false;
        }

        if (!scenario.Investments.IsDefaultOrEmpty)
        {
            reason = $"it has {scenario.Investments.Length} investment option(s), which a min-cost flow cannot decide";
            return false;
        }

        var periods = scenario.Horizon.Periods;
        foreach (var route in scenario.Network.Routes)
        {
            if (route.MinAnnualTonnes is > 0)
            {
                reason = $"route '{route.Id}' has a minimum flow, which a min-cost flow without lower bounds cannot hold";
                return false;
            }
        }

        var network = scenario.Network;
        if (network.Commodities.Select(c => c.Id).Distinct().Count() > 1 && SharedCapacity(scenario, out reason)) return false;

        reason = scenario.Network.Commodities.Length * periods.Length == 1
            ? "one commodity in one period, with no investments and no minimum flows"
            : "no investments, no minimum flows, and no capacity shared by two commodities, so every commodity and period is an independent single-commodity flow";
        return true;
    }

    /// <summary>
    /// Finds the first capacity two commodities share in a period: a capacitated route that can carry
    /// two, else a capacitated location that two can enter (by route or as local supply), in network
    /// order. Linear in routes, locations and supply lines per period.
    /// </summary>
    private static bool SharedCapacity(Scenario scenario, out string reason)
    {
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        foreach (var route in network.Routes)
        {
            if (route.AnnualCapacityTonnes is null || route.CostPerTonne.Count < 2) continue;
            foreach (var period in periods)
            {
                var carried = route.CostPerTonne.Keys.Count(c => scenario.CanFlow(route, c, period.Id));
                if (carried > 1)
                {
                    reason = $"the capacity of route '{route.Id}' is shared by {carried} commodities in period '{period.Id}', which makes it a multicommodity LP";
                    return true;
                }
            }
        }

        // What enters each capacitated location in each period: the commodities, as sets kept only
        // where a location has a capacity and is open.
        var locations = network.Locations;
        var entering = new HashSet<CommodityId>?[locations.Length * periods.Length];
        HashSet<CommodityId>? Entering(int location, int t) =>
            locations[location].AnnualCapacityTonnes is null || !scenario.IsOpen(locations[location].Id, periods[t].Id)
                ? null
                : entering[(location * periods.Length) + t] ??= [];

        foreach (var route in network.Routes)
        {
            if (!network.TryGetLocationIndex(route.To, out var to) || locations[to].AnnualCapacityTonnes is null) continue;
            for (var t = 0; t < periods.Length; t++)
            {
                foreach (var commodity in route.CostPerTonne.Keys)
                {
                    if (scenario.CanFlow(route, commodity, periods[t].Id)) Entering(to, t)?.Add(commodity);
                }
            }
        }

        foreach (var supply in scenario.Supplies)
        {
            if (!network.TryGetLocationIndex(supply.Location, out var at) || locations[at].AnnualCapacityTonnes is null) continue;
            for (var t = 0; t < periods.Length; t++)
            {
                if (Scenario.AppliesIn(supply.Period, periods[t].Id)) Entering(at, t)?.Add(supply.Commodity);
            }
        }

        for (var v = 0; v < locations.Length; v++)
        {
            for (var t = 0; t < periods.Length; t++)
            {
                if (entering[(v * periods.Length) + t] is { Count: > 1 } shared)
                {
                    reason = $"the capacity of location '{locations[v].Id}' is shared by {shared.Count} commodities in period '{periods[t].Id}', which makes it a multicommodity LP";
                    return true;
                }
            }
        }

        reason = string.Empty;
        return false;
    }

    /// <summary>Formulates a validated scenario that <see cref="Qualifies"/>.</summary>
    public static FlowNetwork Build(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new FlowNetworkBuilder(scenario).Formulate();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private FlowNetwork Formulate()
    {
        AddDemand();
        AddRouteArcs();
        AddSupplyArcs();
        AddUnmetArcs();
        AddSplitCapacityRows();
        var flows = _flows.Count;
        var supplies = _supplies.Count;

        // The map numbers flows first, then supplies, then unmet, as the LP builder does.
        for (var j = 0; j < _kind.Count; j++)
        {
            _variable[j] = _kind[j] switch
            {
                FlowArcKind.Route => _variable[j],
                FlowArcKind.Supply => flows + _variable[j],
                FlowArcKind.Unmet => flows + supplies + _variable[j],
                _ => -1,
            };
        }

        var balanceCount = _balanceRows.Count;
        var map = new FreightModel
        {
            Problem = new LinearProblem(),
            Scaling = ModelScaling.Identity,
            ExactValues = true,
            Flows = [.. _flows],
            Supplies = [.. _supplies.Select(s => s with { Variable = flows + s.Variable })],
            Unmet = [.. _unmet.Select(u => u with { Variable = flows + supplies + u.Variable })],
            ClosedDemands = [.. _closedDemands],
            Investments = [],
            BalanceRows = [.. _balanceRows],
            CapacityRows = [.. _capacityRows.Select((c, i) => c.Row with { Row = balanceCount + i })],
            MinimumFlowRows = [],
            BudgetRow = -1,
            PlainRowCount = balanceCount + _capacityRows.Count,
            LinkingRowCount = 0,
        };

        return new FlowNetwork
        {
            NodeCount = _nodeTonnes.Count,
            NodeTonnes = [.. _nodeTonnes],
            NodeSource = [.. _nodeSource],
            Tail = [.. _tail],
            Head = [.. _head],
            CapacityTonnes = [.. _capacity],
            CostPerTonne = [.. _cost],
            Kind = [.. _kind],
            ArcVariable = [.. _variable],
            BalanceIn = [.. _balanceNodes.Select(b => b.In)],
            BalanceOut = [.. _balanceNodes.Select(b => b.Out)],
            BalanceSource = [.. _balanceNodes.Select(b => b.Source)],
            CapacityArc = [.. _capacityRows.Select(c => c.Arc)],
            Map = map,
            ObjectiveConstant = _objectiveConstant,
            ClosedHardDemand = _closedHard,
        };
    }

    private double Fraction(int t) => _periods[t].YearFraction;

    private int Key(int location, int commodity, int t) => ((location * _commodities.Length) + commodity) * _periods.Length + t;

    /// <summary>D[n,k,t] at open locations; demand at closed locations is unmet (penalty constant) or infeasible (hard).</summary>
    /// <remarks>n_out gets −D[n,k,t] and S[k,t] gets +D[n,k,t].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddDemand()
    {
        foreach (var line in LineExpansion.Demands(_scenario))
        {
            var demand = _scenario.Demands[line.Line];
            if (!line.LocationOpen)
            {
                _closedDemands.Add(new ClosedDemand(line.Line, line.Location, line.Commodity, line.Period, line.Tonnes, demand.MustServe));
                if (demand.MustServe) _closedHard = true;
                else _objectiveConstant += _scenario.PenaltyOf(demand) * line.Tonnes;
                continue;
            }

            _demandOf[Key(line.Location, line.Commodity, line.Period)] += line.Tonnes;
        }

        for (var n = 0; n < _locations.Length; n++)
        {
            for (var k = 0; k < _commodities.Length; k++)
            {
                for (var t = 0; t < _periods.Length; t++)
                {
                    var demand = _demandOf[Key(n, k, t)];
                    if (demand <= 0) continue;
                    Touch(n, k, t);
                    _nodeTonnes[_outNode[Key(n, k, t)]] -= demand;
                    _nodeTonnes[Source(k, t)] += demand;
                }
            }
        }
    }

    /// <summary>Route arcs wherever <see cref="Scenario.CanFlow"/> allows a flow.</summary>
    /// <remarks>
    /// from_out → to_in, capacity f·α[a,t]·cap[a], cost c[a,k] + h[to,k]. CanFlow is evaluated from
    /// arrays (which locations are open in which period, which handle which commodity) rather than by
    /// id lookups per route, commodity and period; flows are numbered route by route, then commodity,
    /// then period, as the LP builder numbers them.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRouteArcs()
    {
        var periodCount = _periods.Length;
        var commodityCount = _commodities.Length;
        var open = new bool[_locations.Length * periodCount];
        var handles = new bool[_locations.Length * commodityCount];
        for (var n = 0; n < _locations.Length; n++)
        {
            for (var t = 0; t < periodCount; t++) open[(n * periodCount) + t] = _scenario.IsOpen(_locations[n].Id, _periods[t].Id);
            for (var k = 0; k < commodityCount; k++) handles[(n * commodityCount) + k] = _locations[n].Handles(_commodities[k].Id);
        }

        var routeFactors = new double[periodCount];
        for (var a = 0; a < _routes.Length; a++)
        {
            var route = _routes[a];
            var from = _scenario.Network.IndexOf(route.From);
            var to = _scenario.Network.IndexOf(route.To);
            for (var t = 0; t < periodCount; t++)
            {
                routeFactors[t] = open[(from * periodCount) + t] && open[(to * periodCount) + t] ? _scenario.AvailabilityOf(route.Id, _periods[t].Id) : 0;
            }

            for (var k = 0; k < commodityCount; k++)
            {
                var commodity = _commodities[k].Id;
                if (!route.Carries(commodity)
                    || !handles[(from * commodityCount) + k] || !handles[(to * commodityCount) + k]) continue;
                var cost = _scenario.RouteCostPerTonne(route, commodity) + _scenario.HandlingCostPerTonne(_locations[to], commodity);
                for (var t = 0; t < periodCount; t++)
                {
                    if (!(routeFactors[t] > 0)) continue;
                    Touch(from, k, t);
                    Touch(to, k, t);
                    var scale = Fraction(t) * routeFactors[t];
                    var capacity = route.AnnualCapacityTonnes is { } annual ? scale * annual : double.PositiveInfinity;
                    var arc = AddArc(_outNode[Key(from, k, t)], _inNode[Key(to, k, t)], capacity, cost, FlowArcKind.Route, _flows.Count);
                    _flows.Add(new FlowVariable(a, k, t, _flows.Count));
                    if (route.AnnualCapacityTonnes is { } cap)
                    {
                        _capacityRows.Add((new CapacityRow(true, a, t, -1, scale * cap, []), arc));
                    }
                }
            }
        }
    }

    /// <summary>Supply arcs for every line that applies in t at an open location.</summary>
    /// <remarks>S[k,t] → n_in, capacity annual·f, cost p[line] + h[n,k].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSupplyArcs()
    {
        foreach (var line in LineExpansion.Supplies(_scenario))
        {
            var supply = _scenario.Supplies[line.Line];
            var (n, k, t) = (line.Location, line.Commodity, line.Period);
            Touch(n, k, t);
            var cost = supply.CostPerTonne + _scenario.HandlingCostPerTonne(_locations[n], supply.Commodity);
            AddArc(Source(k, t), _inNode[Key(n, k, t)], line.Tonnes, cost, FlowArcKind.Supply, _supplies.Count);
            _supplies.Add(new SupplyVariable(line.Line, n, k, t, _supplies.Count));
        }
    }

    /// <summary>Penalty arcs for soft demand lines at open locations.</summary>
    /// <remarks>S[k,t] → n_out, capacity annual·f, cost penalty[line].</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnmetArcs()
    {
        foreach (var line in LineExpansion.Demands(_scenario))
        {
            var demand = _scenario.Demands[line.Line];
            if (demand.MustServe || !line.LocationOpen) continue;
            var (n, k, t) = (line.Location, line.Commodity, line.Period);
            AddArc(Source(k, t), _outNode[Key(n, k, t)], line.Tonnes, _scenario.PenaltyOf(demand), FlowArcKind.Unmet, _unmet.Count);
            _unmet.Add(new UnmetVariable(line.Line, n, k, t, _unmet.Count));
        }
    }

    /// <summary>
    /// Capacity rows of locations: where the LP has one (some inflow or supply in the period), the
    /// split arc of the one commodity that can enter carries it.
    /// </summary>
    /// <remarks>n_in → n_out, capacity f·α[n,t]·cap[n].</remarks>
    private void AddSplitCapacityRows()
    {
        if (_splitArc.Count == 0) return;
        var entering = new HashSet<int>();
        foreach (var f in _flows) entering.Add(Key(_scenario.Network.IndexOf(_routes[f.Route].To), f.Commodity, f.Period));
        foreach (var s in _supplies) entering.Add(Key(s.Location, s.Commodity, s.Period));
        foreach (var (key, arc) in _splitArc.OrderBy(kv => kv.Key))
        {
            var t = key % _periods.Length;
            var n = key / _periods.Length / _commodities.Length;
            if (!entering.Contains(key)) continue;
            _capacityRows.Add((new CapacityRow(false, n, t, -1, _capacity[arc], []), arc));
        }
    }

    /// <summary>The nodes of an open location for a commodity and period, made on first touch, with its balance row.</summary>
    private void Touch(int location, int commodity, int t)
    {
        var key = Key(location, commodity, t);
        if (_inNode[key] >= 0) return;
        var source = Source(commodity, t);
        var inNode = AddNode(source);
        var outNode = inNode;
        var capacity = _locations[location].AnnualCapacityTonnes;
        if (capacity is { } annual)
        {
            outNode = AddNode(source);
            var tonnes = Fraction(t) * _scenario.AvailabilityOf(_locations[location].Id, _periods[t].Id) * annual;
            _splitArc[key] = AddArc(inNode, outNode, tonnes, 0, FlowArcKind.Split, -1);
        }

        _inNode[key] = inNode;
        _outNode[key] = outNode;
        _balanceRowOf[key] = _balanceRows.Count;
        _balanceRows.Add(new BalanceRow(location, commodity, t, _balanceRows.Count, _demandOf[key]));
        _balanceNodes.Add((inNode, outNode, source));
    }

    private int Source(int commodity, int t)
    {
        var key = (commodity * _periods.Length) + t;
        if (_sourceNode[key] < 0) _sourceNode[key] = AddNode(_nodeTonnes.Count);
        return _sourceNode[key];
    }

    private int AddNode(int source)
    {
        _nodeTonnes.Add(0);
        _nodeSource.Add(source);
        return _nodeTonnes.Count - 1;
    }

    private int AddArc(int tail, int head, double capacity, double cost, FlowArcKind kind, int variable)
    {
        _tail.Add(tail);
        _head.Add(head);
        _capacity.Add(capacity);
        _cost.Add(cost);
        _kind.Add(kind);
        _variable.Add(variable);
        return _tail.Count - 1;
    }
}
