using FreightOptimizer.Network;
using FreightOptimizer.Scenarios;
using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace FreightOptimizer.Graph;

/// <summary>
/// The routes one commodity can use, as a directed graph over locations: an edge exists only where
/// the route carries the commodity, both ends handle it, and the route and both ends are open (in the
/// given period, or in at least one period when none is given). Wraps QuikGraph, which must not leak
/// out of this folder.
/// </summary>
internal sealed class CommodityGraph
{
    private readonly BidirectionalGraph<LocationId, RouteEdge> _graph;

    private CommodityGraph(CommodityId commodity, PeriodId? period, BidirectionalGraph<LocationId, RouteEdge> graph)
    {
        Commodity = commodity;
        Period = period;
        _graph = graph;
    }

    /// <summary>The commodity the graph is for.</summary>
    public CommodityId Commodity { get; }

    /// <summary>The period the graph is for, or null when it merges every period.</summary>
    public PeriodId? Period { get; }

    /// <summary>The routes that are edges of the graph.</summary>
    public IEnumerable<Route> Routes => _graph.Edges.Select(e => e.Route);

    /// <summary>
    /// Builds the graph of <paramref name="commodity"/>. Routes whose ends are not in the network are
    /// left out, so the graph can be built for a scenario that still has errors.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="commodity">The commodity.</param>
    /// <param name="period">One period, or null for "open in at least one period".</param>
    /// <returns>The graph.</returns>
    public static CommodityGraph Build(Scenario scenario, CommodityId commodity, PeriodId? period = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Network;
        var periods = period is { } p ? [p] : scenario.Horizon.Periods.Select(x => x.Id).ToArray();
        var graph = new BidirectionalGraph<LocationId, RouteEdge>(allowParallelEdges: true);
        foreach (var location in network.Locations)
        {
            if (location.Handles(commodity) && periods.Any(t => scenario.IsOpen(location.Id, t)))
            {
                graph.AddVertex(location.Id);
            }
        }

        foreach (var route in network.Routes)
        {
            if (route.From == route.To || !graph.ContainsVertex(route.From) || !graph.ContainsVertex(route.To)) continue;
            if (periods.Any(t => scenario.CanFlow(route, commodity, t))) graph.AddEdge(new RouteEdge(route));
        }

        return new CommodityGraph(commodity, period, graph);
    }

    /// <summary>Whether the location is a vertex: it handles the commodity and is open.</summary>
    /// <param name="location">The location.</param>
    /// <returns>True when flow of the commodity can be at the location.</returns>
    public bool Contains(LocationId location) => _graph.ContainsVertex(location);

    /// <summary>Whether the route is an edge of the graph.</summary>
    /// <param name="route">The route.</param>
    /// <returns>True when flow of the commodity can use it.</returns>
    public bool Contains(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return _graph.ContainsVertex(route.From)
            && _graph.OutEdges(route.From).Any(e => ReferenceEquals(e.Route, route));
    }

    /// <summary>Every location some of <paramref name="sources"/> can reach, the sources included.</summary>
    /// <param name="sources">Where flow starts; those not in the graph are ignored.</param>
    /// <returns>The reachable locations.</returns>
    public HashSet<LocationId> ReachableFrom(IEnumerable<LocationId> sources) => Search(_graph, sources);

    /// <summary>Every location from which some of <paramref name="sinks"/> can be reached, the sinks included.</summary>
    /// <param name="sinks">Where flow ends; those not in the graph are ignored.</param>
    /// <returns>The locations that can reach a sink.</returns>
    public HashSet<LocationId> ReachingTo(IEnumerable<LocationId> sinks) =>
        Search(new ReversedBidirectionalGraph<LocationId, RouteEdge>(_graph), sinks);

    private static HashSet<LocationId> Search<TEdge>(IVertexListGraph<LocationId, TEdge> graph, IEnumerable<LocationId> roots)
        where TEdge : IEdge<LocationId>
    {
        // One breadth-first search from all roots at once: each vertex and edge is visited once. (A
        // QuikGraph search per root re-initialises every vertex, which made this quadratic: 86 s for
        // 80,000 routes.)
        var reached = new HashSet<LocationId>();
        var queue = new Queue<LocationId>();
        foreach (var root in roots)
        {
            if (graph.ContainsVertex(root) && reached.Add(root)) queue.Enqueue(root);
        }

        while (queue.TryDequeue(out var vertex))
        {
            foreach (var edge in graph.OutEdges(vertex))
            {
                if (reached.Add(edge.Target)) queue.Enqueue(edge.Target);
            }
        }

        return reached;
    }

    /// <summary>A QuikGraph edge that keeps the route it stands for; immutable.</summary>
    private sealed class RouteEdge(Route route) : IEdge<LocationId>
    {
        public Route Route { get; } = route;

        public LocationId Source => Route.From;

        public LocationId Target => Route.To;
    }
}
