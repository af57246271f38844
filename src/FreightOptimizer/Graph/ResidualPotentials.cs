namespace FreightOptimizer.Graph;

/// <summary>
/// Prices for a min-cost flow that came without them: shortest-path distances on the residual network
/// of an optimal flow, in exact int64 arithmetic.
/// </summary>
/// <remarks>
/// <para>
/// The residual network has a forward arc tail → head of cost c wherever flow &lt; capacity and a
/// backward arc head → tail of cost −c wherever flow &gt; 0. An optimal flow leaves no negative cycle in
/// it, so distances exist, and any distances d satisfy d[head] ≤ d[tail] + c on forward arcs and
/// d[tail] ≤ d[head] − c on backward ones: with p = d the reduced cost c + p[tail] − p[head] is ≥ 0 where
/// the flow can rise and ≤ 0 where it can fall, which is exactly what optimal node potentials are.
/// </para>
/// <para>
/// Distances are measured from the given source nodes (distance 0) and, so that nodes the sources
/// cannot reach still get a finite potential, from every node at a start distance
/// K = 2·(n + 1)·max|c| + 1. K exceeds twice the cost of any simple path, so a node the sources reach
/// keeps its distance from them: its landed marginal cost.
/// </para>
/// <para>
/// The search is a queue-based Bellman–Ford (each node is re-queued when its distance falls). It is
/// written here rather than taken from QuikGraph because QuikGraph's shortest paths run in doubles,
/// which are not exact beyond 2^53, and these potentials must be exact to certify the flow.
/// </para>
/// </remarks>
internal static class ResidualPotentials
{
    /// <summary>Computes potentials; throws when the flow is not optimal (a negative residual cycle).</summary>
    /// <param name="nodeCount">Number of nodes.</param>
    /// <param name="tail">Tail of every arc.</param>
    /// <param name="head">Head of every arc.</param>
    /// <param name="capacity">Capacity of every arc; <paramref name="unlimited"/> for none.</param>
    /// <param name="cost">Cost of every arc.</param>
    /// <param name="flow">The optimal flow on every arc.</param>
    /// <param name="sources">Nodes whose potential is 0 (the sources of the network).</param>
    /// <param name="unlimited">The capacity value that means "none".</param>
    /// <returns>Potentials p with reduced cost c + p[tail] − p[head].</returns>
    /// <exception cref="InvalidOperationException">The flow leaves a negative-cost residual cycle, so it is not optimal.</exception>
    public static long[] Compute(int nodeCount, int[] tail, int[] head, long[] capacity, long[] cost, long[] flow, IEnumerable<int> sources, long unlimited)
    {
        ArgumentNullException.ThrowIfNull(tail);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(sources);
        var n = nodeCount;
        var m = tail.Length;
        var maxCost = 0L;
        for (var a = 0; a < m; a++) maxCost = Math.Max(maxCost, Math.Abs(cost[a]));

        // Residual arcs by tail (CSR): 2a is forward, 2a+1 backward.
        var start = new int[n + 1];
        for (var a = 0; a < m; a++)
        {
            if (capacity[a] == unlimited || flow[a] < capacity[a]) start[tail[a] + 1]++;
            if (flow[a] > 0) start[head[a] + 1]++;
        }

        for (var v = 0; v < n; v++) start[v + 1] += start[v];
        var to = new int[start[n]];
        var weight = new long[start[n]];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        for (var a = 0; a < m; a++)
        {
            if (capacity[a] == unlimited || flow[a] < capacity[a])
            {
                to[fill[tail[a]]] = head[a];
                weight[fill[tail[a]]++] = cost[a];
            }

            if (flow[a] > 0)
            {
                to[fill[head[a]]] = tail[a];
                weight[fill[head[a]]++] = -cost[a];
            }
        }

        var far = (2 * (n + 1) * maxCost) + 1;
        var distance = new long[n];
        Array.Fill(distance, far);
        foreach (var s in sources) distance[s] = 0;

        var queue = new Queue<int>(n);
        var queued = new bool[n];
        var passes = new int[n];
        for (var v = 0; v < n; v++)
        {
            queue.Enqueue(v);
            queued[v] = true;
        }

        while (queue.TryDequeue(out var u))
        {
            queued[u] = false;
            if (++passes[u] > n + 1) throw new InvalidOperationException("The flow leaves a negative-cost residual cycle: it is not optimal.");
            var du = distance[u];
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                var v = to[i];
                var dv = du + weight[i];
                if (dv >= distance[v]) continue;
                distance[v] = dv;
                if (!queued[v])
                {
                    queued[v] = true;
                    queue.Enqueue(v);
                }
            }
        }

        return distance;
    }
}
