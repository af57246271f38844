using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace FreightOptimizer.Graph;

/// <summary>
/// What flow can reach, period by period, as the model sees it: freight is not stored between
/// periods, so a demand in a period can only be served by a supply of the same commodity in the same
/// period through routes open in that period.
/// </summary>
/// <remarks>
/// Works on indexes: locations and routes by their position in the network, one graph of the routes a
/// commodity can use in a period, searched forward from its supplies and backward from its demands.
/// Every (commodity, period) pair costs time linear in the routes and locations; no id is hashed
/// inside the searches (validation runs this on every solve, and on 30,000-route networks the
/// searches over id-keyed graphs cost more than the solve).
/// </remarks>
internal sealed class FlowReachability
{
    private readonly bool[] _usableRoutes;
    private readonly bool[] _usableLocations;

    private FlowReachability(ImmutableDictionary<int, ImmutableArray<PeriodId>> unreachableDemandPeriods, bool[] usableRoutes, bool[] usableLocations)
    {
        UnreachableDemandPeriods = unreachableDemandPeriods;
        _usableRoutes = usableRoutes;
        _usableLocations = usableLocations;
    }

    /// <summary>
    /// For each demand line (by index) that wants tonnes in some period no supply can reach it in:
    /// those periods, in horizon order.
    /// </summary>
    public ImmutableDictionary<int, ImmutableArray<PeriodId>> UnreachableDemandPeriods { get; }

    /// <summary>Indexes of routes that lie on a path from a supply to a demand of one commodity in one period, ascending.</summary>
    public IEnumerable<int> UsableRoutes => Indexes(_usableRoutes);

    /// <summary>Indexes of locations that lie on such a path (a local supply serving a local demand counts), ascending.</summary>
    public IEnumerable<int> UsableLocations => Indexes(_usableLocations);

    /// <summary>Whether the route at <paramref name="index"/> lies on a path from a supply to a demand.</summary>
    /// <param name="index">The route's index in the network.</param>
    /// <returns>True when some flow can use it.</returns>
    public bool IsUsableRoute(int index) => _usableRoutes[index];

    /// <summary>Whether the location at <paramref name="index"/> lies on a path from a supply to a demand.</summary>
    /// <param name="index">The location's index in the network.</param>
    /// <returns>True when some flow can pass or stay there.</returns>
    public bool IsUsableLocation(int index) => _usableLocations[index];

    /// <summary>Analyses a scenario. Lines and routes that refer to unknown ids are ignored.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The analysis.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FlowReachability Analyse(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Network;
        var locations = network.Locations;
        var routes = network.Routes;
        var periods = scenario.Horizon.Periods.IsDefault ? [] : scenario.Horizon.Periods.Select(p => p.Id).Distinct().ToArray();
        var commodities = network.Commodities.Select(c => c.Id).Distinct().ToArray();

        var from = new int[routes.Length];
        var to = new int[routes.Length];
        for (var r = 0; r < routes.Length; r++)
        {
            from[r] = LocationIndex(network, routes[r].From);
            to[r] = LocationIndex(network, routes[r].To);
        }

        var supplyAt = scenario.Supplies.Select(s => LocationIndex(network, s.Location)).ToArray();
        var demandAt = scenario.Demands.Select(d => LocationIndex(network, d.Location)).ToArray();

        var usableRoutes = new bool[routes.Length];
        var usableLocations = new bool[locations.Length];
        var unreachable = new SortedDictionary<int, List<PeriodId>>();
        var search = new Search(locations.Length, routes.Length);
        var locationOpen = new bool[locations.Length];
        var routeOpen = new bool[routes.Length];
        var handles = new bool[locations.Length];
        var edges = new List<int>(routes.Length);
        var roots = new List<int>();

        foreach (var period in periods)
        {
            for (var v = 0; v < locations.Length; v++) locationOpen[v] = scenario.AvailabilityOf(locations[v].Id, period) > 0;
            for (var r = 0; r < routes.Length; r++)
            {
                routeOpen[r] = from[r] >= 0 && to[r] >= 0 && from[r] != to[r] && locationOpen[from[r]] && locationOpen[to[r]]
                    && scenario.AvailabilityOf(routes[r].Id, period) > 0;
            }

            foreach (var commodity in commodities)
            {
                // A location is a vertex when it handles the commodity and is open; a route an edge when
                // it is open, carries the commodity and joins two vertices.
                for (var v = 0; v < locations.Length; v++) handles[v] = locationOpen[v] && locations[v].Handles(commodity);
                edges.Clear();
                for (var r = 0; r < routes.Length; r++)
                {
                    if (routeOpen[r] && handles[from[r]] && handles[to[r]] && routes[r].Carries(commodity)) edges.Add(r);
                }

                roots.Clear();
                for (var i = 0; i < supplyAt.Length; i++)
                {
                    var s = scenario.Supplies[i];
                    if (supplyAt[i] >= 0 && handles[supplyAt[i]] && s.Commodity == commodity && s.AnnualTonnes > 0 && Scenario.AppliesIn(s.Period, period)) roots.Add(supplyAt[i]);
                }

                var forward = search.Reach(edges, from, to, roots);

                roots.Clear();
                var demandCount = 0;
                for (var i = 0; i < demandAt.Length; i++)
                {
                    var d = scenario.Demands[i];
                    if (d.Commodity != commodity || !(d.AnnualTonnes > 0) || !Scenario.AppliesIn(d.Period, period)) continue;
                    demandCount++;
                    if (demandAt[i] >= 0 && forward[demandAt[i]])
                    {
                        if (handles[demandAt[i]]) roots.Add(demandAt[i]);
                        continue;
                    }

                    if (!unreachable.TryGetValue(i, out var list)) unreachable[i] = list = [];
                    list.Add(period);
                }

                if (demandCount == 0) continue;
                var backward = search.Reach(edges, to, from, roots);
                foreach (var r in edges)
                {
                    if (forward[from[r]] && backward[to[r]]) usableRoutes[r] = true;
                }

                for (var v = 0; v < locations.Length; v++)
                {
                    if (forward[v] && backward[v]) usableLocations[v] = true;
                }
            }
        }

        return new FlowReachability(
            unreachable.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()),
            usableRoutes,
            usableLocations);
    }

    private static int LocationIndex(FreightNetwork network, LocationId id) => network.TryGetLocationIndex(id, out var index) ? index : -1;

    private static IEnumerable<int> Indexes(bool[] marks)
    {
        for (var i = 0; i < marks.Length; i++)
        {
            if (marks[i]) yield return i;
        }
    }

    /// <summary>
    /// Breadth-first search over a subset of the routes, following each from <c>tail</c> to <c>head</c>
    /// (pass them swapped to search backward). Buffers are reused between searches; the adjacency is a
    /// compressed row array built by counting, so one search is linear in nodes plus edges.
    /// </summary>
    private sealed class Search(int nodeCount, int routeCount)
    {
        private readonly int[] _start = new int[nodeCount + 1];
        private readonly int[] _adjacent = new int[routeCount];
        private readonly int[] _queue = new int[nodeCount];
        private bool[] _reached = new bool[nodeCount];

        /// <summary>Marks every node that some root reaches (the roots included); returns a fresh array.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool[] Reach(List<int> edges, int[] tail, int[] head, List<int> roots)
        {
            Array.Clear(_start);
            foreach (var e in edges) _start[tail[e] + 1]++;
            for (var v = 0; v < nodeCount; v++) _start[v + 1] += _start[v];
            var fill = _queue; // borrowed as the fill cursor while building the rows
            Array.Copy(_start, fill, nodeCount);
            foreach (var e in edges) _adjacent[fill[tail[e]]++] = head[e];

            var reached = _reached;
            _reached = new bool[nodeCount];
            int first = 0, last = 0;
            foreach (var root in roots)
            {
                if (reached[root]) continue;
                reached[root] = true;
                _queue[last++] = root;
            }

            while (first < last)
            {
                var v = _queue[first++];
                for (var k = _start[v]; k < _start[v + 1]; k++)
                {
                    var w = _adjacent[k];
                    if (reached[w]) continue;
                    reached[w] = true;
                    _queue[last++] = w;
                }
            }

            return reached;
        }
    }
}
