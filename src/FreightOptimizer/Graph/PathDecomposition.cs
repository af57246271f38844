namespace FreightOptimizer.Graph;

/// <summary>A path of one flow decomposition: from a supply node to a delivery node along arcs, with an amount.</summary>
/// <param name="Start">The node where the amount is supplied.</param>
/// <param name="End">The node where it is delivered.</param>
/// <param name="Arcs">The arcs in order (empty when supplied and delivered at one node).</param>
/// <param name="Amount">The amount (&gt; 0).</param>
internal readonly record struct DecomposedPath(int Start, int End, int[] Arcs, double Amount);

/// <summary>A cycle of positive flow taken out before the paths were traced.</summary>
/// <param name="Arcs">The arcs in order around the cycle, starting at its lowest-numbered arc.</param>
/// <param name="Amount">The amount cancelled on every arc of it.</param>
internal readonly record struct DecomposedCycle(int[] Arcs, double Amount);

/// <summary>
/// Splits a single-commodity flow into paths from supplies to deliveries, and the cycles of positive
/// flow it may contain, deterministically: the same flow always gives the same paths in the same order.
/// </summary>
/// <remarks>
/// <para>
/// Works on indexes (nodes 0 … n − 1, arcs by position), like <see cref="FlowReachability"/>. Written
/// here rather than with QuikGraph because the walk needs the residual amounts of every arc and a
/// tie-break that does not depend on a library's enumeration order.
/// </para>
/// <para>
/// First every cycle of positive flow is cancelled (its smallest amount taken off each of its arcs and
/// recorded): a min-cost optimum can hold one only when its cost is zero, so cancelling it changes
/// neither the cost nor the supplies or deliveries. The flow left is acyclic, and a walk from a node
/// with supply left, taking at each node the outgoing arc with the most flow left (the lowest index
/// among equals) and stopping at the first node with delivery left, always ends within n nodes. Each
/// path carries the least of the supply at its start, the flow on its arcs and the delivery at its end,
/// which empties at least one of them, so there are at most (arcs + 2·nodes) paths.
/// </para>
/// <para>
/// Amounts at or below <c>epsilon</c> count as zero: a solver's flow balances only within its
/// tolerance, so a few millionths of a tonne may be left on an arc or at a node that no path can
/// take; the caller reports them as untraced.
/// </para>
/// </remarks>
internal static class PathDecomposition
{
    /// <summary>Decomposes a flow.</summary>
    /// <param name="nodeCount">Number of nodes.</param>
    /// <param name="tail">Tail of every arc.</param>
    /// <param name="head">Head of every arc.</param>
    /// <param name="flow">Flow on every arc (≥ 0); not changed.</param>
    /// <param name="supply">Amount entering at every node from outside (≥ 0); not changed.</param>
    /// <param name="delivery">Amount leaving at every node to the outside (≥ 0); not changed.</param>
    /// <param name="epsilon">Amounts at or below this are zero.</param>
    /// <param name="residualArcFlow">The flow left on the arcs that no path or cycle took (solver noise), summed.</param>
    /// <returns>The cycles cancelled and the paths, each in the order found.</returns>
    public static (List<DecomposedPath> Paths, List<DecomposedCycle> Cycles) Decompose(
        int nodeCount, int[] tail, int[] head, double[] flow, double[] supply, double[] delivery, double epsilon, out double residualArcFlow)
    {
        var left = (double[])flow.Clone();
        var supplyLeft = (double[])supply.Clone();
        var deliveryLeft = (double[])delivery.Clone();
        var outgoing = new List<int>[nodeCount];
        for (var v = 0; v < nodeCount; v++) outgoing[v] = [];
        for (var a = 0; a < tail.Length; a++)
        {
            if (left[a] > epsilon) outgoing[tail[a]].Add(a);
        }

        var cycles = new List<DecomposedCycle>();
        while (FindCycle(nodeCount, tail, head, outgoing, left, epsilon) is { } cycle)
        {
            var amount = cycle.Min(a => left[a]);
            foreach (var a in cycle) left[a] -= amount;
            var first = Array.IndexOf(cycle, cycle.Min());
            cycles.Add(new DecomposedCycle([.. cycle.Skip(first), .. cycle.Take(first)], amount));
        }

        var paths = new List<DecomposedPath>();
        var route = new List<int>();
        for (var s = 0; s < nodeCount; s++)
        {
            while (supplyLeft[s] > epsilon)
            {
                route.Clear();
                var v = s;
                var amount = supplyLeft[s];
                var steps = 0;
                while (deliveryLeft[v] <= epsilon)
                {
                    var next = -1;
                    foreach (var a in outgoing[v])
                    {
                        if (left[a] > epsilon && (next < 0 || left[a] > left[next])) next = a;
                    }

                    // No way on and nothing to deliver: the rest of this supply is an imbalance the
                    // solver left within its tolerance, not a path.
                    if (next < 0 || ++steps > nodeCount) break;
                    route.Add(next);
                    amount = Math.Min(amount, left[next]);
                    v = head[next];
                }

                if (deliveryLeft[v] <= epsilon) break;
                amount = Math.Min(amount, deliveryLeft[v]);
                supplyLeft[s] -= amount;
                deliveryLeft[v] -= amount;
                foreach (var a in route) left[a] -= amount;
                paths.Add(new DecomposedPath(s, v, [.. route], amount));
            }
        }

        residualArcFlow = 0;
        foreach (var l in left) residualArcFlow += Math.Max(0, l);
        return (paths, cycles);
    }

    /// <summary>
    /// A cycle of arcs each with flow above epsilon, found by depth-first search from the nodes in
    /// order and the arcs in index order, or null when the flow is acyclic.
    /// </summary>
    private static int[]? FindCycle(int nodeCount, int[] tail, int[] head, List<int>[] outgoing, double[] left, double epsilon)
    {
        // 0 = not seen, 1 = on the current search path, 2 = finished.
        var state = new byte[nodeCount];
        var arcInto = new int[nodeCount];
        var stack = new Stack<(int Node, int Next)>();
        for (var root = 0; root < nodeCount; root++)
        {
            if (state[root] != 0) continue;
            state[root] = 1;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (v, i) = stack.Pop();
                if (i >= outgoing[v].Count)
                {
                    state[v] = 2;
                    continue;
                }

                stack.Push((v, i + 1));
                var a = outgoing[v][i];
                if (left[a] <= epsilon) continue;
                var w = head[a];
                if (state[w] == 1)
                {
                    // Walk back from v to w along the arcs that led here.
                    var cycle = new List<int> { a };
                    for (var u = v; u != w; u = tail[arcInto[u]]) cycle.Add(arcInto[u]);
                    cycle.Reverse();
                    return [.. cycle];
                }

                if (state[w] == 0)
                {
                    state[w] = 1;
                    arcInto[w] = a;
                    stack.Push((w, 0));
                }
            }
        }

        return null;
    }
}
