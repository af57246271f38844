using System.Collections.Immutable;
using FreightOptimizer.Network;
using FreightOptimizer.Scenarios;

namespace FreightOptimizer.Graph;

/// <summary>
/// What flow can reach, period by period, as the model sees it: freight is not stored between
/// periods, so a demand in a period can only be served by a supply of the same commodity in the same
/// period through routes open in that period.
/// </summary>
internal sealed class FlowReachability
{
    private FlowReachability(
        ImmutableDictionary<int, ImmutableArray<PeriodId>> unreachableDemandPeriods,
        ImmutableHashSet<int> usableRoutes,
        ImmutableHashSet<int> usableLocations)
    {
        UnreachableDemandPeriods = unreachableDemandPeriods;
        UsableRoutes = usableRoutes;
        UsableLocations = usableLocations;
    }

    /// <summary>
    /// For each demand line (by index) that wants tonnes in some period no supply can reach it in:
    /// those periods, in horizon order.
    /// </summary>
    public ImmutableDictionary<int, ImmutableArray<PeriodId>> UnreachableDemandPeriods { get; }

    /// <summary>Indexes of routes that lie on a path from a supply to a demand of one commodity in one period.</summary>
    public ImmutableHashSet<int> UsableRoutes { get; }

    /// <summary>Indexes of locations that lie on such a path (a local supply serving a local demand counts).</summary>
    public ImmutableHashSet<int> UsableLocations { get; }

    /// <summary>Analyses a scenario. Lines and routes that refer to unknown ids are ignored.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The analysis.</returns>
    public static FlowReachability Analyse(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Network;
        var routeIndex = new Dictionary<Route, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < network.Routes.Length; i++) routeIndex[network.Routes[i]] = i;

        var unreachable = new Dictionary<int, List<PeriodId>>();
        var usableRoutes = new HashSet<int>();
        var usableLocationIds = new HashSet<LocationId>();
        var commodities = network.Commodities.Select(c => c.Id).Distinct();
        var periods = scenario.Horizon.Periods.Select(p => p.Id).Distinct().ToList();

        foreach (var commodity in commodities)
        {
            foreach (var period in periods)
            {
                var graph = CommodityGraph.Build(scenario, commodity, period);
                var sources = scenario.Supplies
                    .Where(s => s.Commodity == commodity && s.AnnualTonnes > 0 && Scenario.AppliesIn(s.Period, period))
                    .Select(s => s.Location);
                var demandIndexes = Enumerable.Range(0, scenario.Demands.Length)
                    .Where(i => scenario.Demands[i] is var d && d.Commodity == commodity && d.AnnualTonnes > 0
                        && Scenario.AppliesIn(d.Period, period))
                    .ToList();
                var forward = graph.ReachableFrom(sources);
                var backward = graph.ReachingTo(demandIndexes.Select(i => scenario.Demands[i].Location));

                foreach (var i in demandIndexes.Where(i => !forward.Contains(scenario.Demands[i].Location)))
                {
                    if (!unreachable.TryGetValue(i, out var list)) unreachable[i] = list = [];
                    list.Add(period);
                }

                foreach (var route in graph.Routes)
                {
                    if (forward.Contains(route.From) && backward.Contains(route.To)) usableRoutes.Add(routeIndex[route]);
                }

                usableLocationIds.UnionWith(forward.Where(backward.Contains));
            }
        }

        var usableLocations = Enumerable.Range(0, network.Locations.Length)
            .Where(i => usableLocationIds.Contains(network.Locations[i].Id));
        return new FlowReachability(
            unreachable.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()),
            [.. usableRoutes],
            [.. usableLocations]);
    }
}
