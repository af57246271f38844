using QuikGraph;
using QuikGraph.Algorithms;

namespace FreightOptimizer.Graph;

/// <summary>
/// The "requires" relation between investment options as a directed graph (an edge from an option
/// to each option it requires), used to find prerequisites that go round in a cycle.
/// </summary>
internal static class PrerequisiteGraph
{
    /// <summary>
    /// Finds one cycle per strongly connected group of options that require each other (an option
    /// that requires itself is a cycle of one). Each cycle starts at its option with the lowest index
    /// and lists the options in the order one requires the next; the last requires the first.
    /// Unknown ids are ignored; for duplicated ids the first option counts.
    /// </summary>
    /// <param name="ids">The option ids, by index.</param>
    /// <param name="requires">The ids each option requires, by index.</param>
    /// <returns>The cycles, ordered by their first index.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> FindCycles(IReadOnlyList<string> ids, IReadOnlyList<IReadOnlyList<string>> requires)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(requires);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) index.TryAdd(ids[i] ?? string.Empty, i);

        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, ids.Count));
        for (var i = 0; i < ids.Count; i++)
        {
            foreach (var id in requires[i])
            {
                if (id is not null && index.TryGetValue(id, out var j)) graph.AddEdge(new SEquatableEdge<int>(i, j));
            }
        }

        var components = new Dictionary<int, int>();
        graph.StronglyConnectedComponents(components);
        var cycles = new List<IReadOnlyList<int>>();
        foreach (var members in components.GroupBy(kv => kv.Value, kv => kv.Key))
        {
            var set = members.ToHashSet();
            var start = set.Min();
            if (set.Count == 1 && !graph.ContainsEdge(start, start)) continue;
            cycles.Add(ShortestCycleThrough(graph, start, set));
        }

        return [.. cycles.OrderBy(c => c[0])];
    }

    private static List<int> ShortestCycleThrough(AdjacencyGraph<int, SEquatableEdge<int>> graph, int start, HashSet<int> component)
    {
        if (graph.ContainsEdge(start, start)) return [start];

        // Breadth-first inside the component from start until an edge leads back to start.
        var previous = new Dictionary<int, int> { [start] = -1 };
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var edge in graph.OutEdges(v).OrderBy(e => e.Target))
            {
                if (edge.Target == start)
                {
                    var cycle = new List<int>();
                    for (var u = v; u != -1; u = previous[u]) cycle.Add(u);
                    cycle.Reverse();
                    return cycle;
                }

                if (component.Contains(edge.Target) && previous.TryAdd(edge.Target, v)) queue.Enqueue(edge.Target);
            }
        }

        return [start];
    }
}
