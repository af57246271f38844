using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FreightOptimizer.Solving.NetworkFlow;

/// <summary>How a min-cost-flow solve ended.</summary>
internal enum NetworkFlowStatus
{
    /// <summary>An optimal flow was found; flows and potentials are set.</summary>
    Optimal,

    /// <summary>No flow meets every supply and demand within the capacities.</summary>
    Infeasible,

    /// <summary>A cycle of negative cost and unlimited capacity exists.</summary>
    Unbounded,

    /// <summary>
    /// Stopped before the end by the caller's interrupt check (<see cref="NetworkFlowSolution.Interruption"/>
    /// says why). There is no flow and there are no potentials: mid-way, flow may still run on the
    /// artificial arcs (not a feasible flow) and the potentials do not price the flow optimally.
    /// </summary>
    Interrupted,
}

/// <summary>Why a caller asks a min-cost-flow solve to stop before its end.</summary>
internal enum NetworkFlowInterruption
{
    /// <summary>No reason: go on.</summary>
    None,

    /// <summary>The time limit passed.</summary>
    TimeLimit,

    /// <summary>The cancellation token fired.</summary>
    Cancelled,
}

/// <summary>What <see cref="NetworkSimplex.Solve"/> returns: copied out, owned by the caller.</summary>
internal sealed class NetworkFlowSolution
{
    public required NetworkFlowStatus Status { get; init; }

    /// <summary>Flow on every arc, in the caller's arc order (lower bounds included); empty unless optimal.</summary>
    public long[] Flows { get; init; } = [];

    /// <summary>
    /// Node potentials p with reduced cost c[a] + p[tail] − p[head]: ≥ 0 on arcs at their lower bound,
    /// ≤ 0 at their upper bound, 0 in between. p[head] − p[tail] is the marginal landed cost along an
    /// arc. Empty unless optimal.
    /// </summary>
    public long[] Potentials { get; init; } = [];

    /// <summary>Σ cost × flow over the caller's arcs (exact; the caller checked that it fits).</summary>
    public Int128 Objective { get; init; }

    /// <summary>Simplex pivots, degenerate ones included.</summary>
    public long Pivots { get; init; }

    /// <summary>Why the solve stopped early when <see cref="Status"/> is <see cref="NetworkFlowStatus.Interrupted"/>; else None.</summary>
    public NetworkFlowInterruption Interruption { get; init; }
}

/// <summary>
/// A primal network simplex for integer min-cost flow: min Σ c·x subject to flow conservation with
/// node supplies b (Σ b = 0) and lower ≤ x ≤ capacity on every arc. Exact in int64 arithmetic.
/// </summary>
/// <remarks>
/// <para>
/// The basis is a spanning tree rooted at an extra root node, stored as parent/pred arrays plus a
/// preorder thread (with its reverse), subtree sizes and the last node of every subtree, so a pivot
/// costs time in the length of the cycle and the size of the subtree that moves, never in the size
/// of the network. The tree is kept strongly feasible (the leaving arc is the last blocking arc of the
/// cycle, walked from its apex), which rules out cycling on degenerate pivots.
/// </para>
/// <para>
/// Start: every node hangs from the root on an artificial arc. A node with supply ≥ 0 sends it to
/// the root on an arc of cost 0; the root sends each demand on an arc of cost M. M is derived from the
/// data: M = n·max|c| + 1 exceeds the cost of any simple path of real arcs, so an optimal basis
/// carries flow on an artificial arc only when no feasible flow exists (reversing a demand arc and a
/// supply arc through the root around a real path would otherwise save M − path cost &gt; 0).
/// Artificial arcs that leave the basis are never priced again. Potentials stay within
/// |p| ≤ 2M, so every reduced cost is bounded by max|c| + 4M; the constructor rejects data where that
/// could overflow (callers scale first, see <c>IntegerScaling</c>).
/// </para>
/// <para>
/// Pricing is block search: arcs are scanned in blocks of about √m starting after the last entering
/// arc, and the most violating arc of the first block that has one enters. Arcs are stored in a
/// strided order so that one block samples many tails.
/// </para>
/// <para>
/// A caller's interrupt check (time limit, cancellation) is polled every <see cref="PollInterval"/>
/// pivots, a counter test per pivot otherwise. An interrupted solve returns no flow: a primal simplex
/// started on artificial arcs has a feasible flow only once they are empty, and optimal prices only at
/// its end.
/// </para>
/// <para>
/// Every method that a solve runs is marked <see cref="MethodImplOptions.AggressiveOptimization"/>: a
/// program typically solves once or a few times, and tiered compilation would run those first solves in
/// unoptimised tier-0 code (measured: the first 20 solves of netgen_lo_8_08a took 0.56 ms at best instead
/// of 0.19 ms).
/// </para>
/// </remarks>
internal sealed class NetworkSimplex
{
    /// <summary>Capacity that means "unlimited".</summary>
    public const long Unlimited = long.MaxValue;

    /// <summary>The largest |cost| × (node count + 1) the engine accepts; leaves room for 4M + max|c| in int64.</summary>
    public const long MaxCostTimesNodes = 1L << 60;

    /// <summary>The interrupt check of <see cref="Solve"/> is called after every this many pivots (a power of 2).</summary>
    public const int PollInterval = 1024;

    private const sbyte StateUpper = -1;
    private const sbyte StateTree = 0;
    private const sbyte StateLower = 1;
    private const sbyte DirUp = 1;
    private const sbyte DirDown = -1;

    private readonly int _nodeCount;
    private readonly int _arcCount;
    private readonly int _root;

    // Arcs in internal order: real arcs 0..m−1 (strided), artificial arcs m..m+n−1 (one per node).
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly long[] _cost;
    private readonly long[] _capacity;
    private readonly long[] _flow;
    private readonly sbyte[] _state;

    // The spanning tree, for nodes 0..n (n is the root).
    private readonly int[] _parent;
    private readonly int[] _pred;
    private readonly sbyte[] _predDir;
    private readonly int[] _thread;
    private readonly int[] _revThread;
    private readonly int[] _succNum;
    private readonly int[] _lastSucc;
    private readonly long[] _pi;

    // Scratch for the stem that a pivot turns over.
    private readonly int[] _stem;
    private readonly int[] _stemRev;
    private readonly int[] _stemLast;
    private readonly int[] _stemAfterLast;
    private readonly int[] _stemPred;
    private readonly sbyte[] _stemDir;
    private readonly int[] _stemSucc;

    private readonly long[]? _lower; // caller order; null when every lower bound is 0
    private readonly long[] _supply;
    private readonly long _maxCost;
    private readonly int _stride;
    private readonly int _blockSize;
    private readonly Func<NetworkFlowInterruption>? _interrupt;
    private int _nextArc;
    private long _pivots;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NetworkSimplex(int nodeCount, ReadOnlySpan<int> tail, ReadOnlySpan<int> head, ReadOnlySpan<long> lower, ReadOnlySpan<long> capacity, ReadOnlySpan<long> cost, ReadOnlySpan<long> supply, long maxCost, Func<NetworkFlowInterruption>? interrupt)
    {
        _interrupt = interrupt;
        _nodeCount = nodeCount;
        _arcCount = tail.Length;
        _root = nodeCount;
        var n = nodeCount;
        var m = _arcCount;
        var all = m + n;
        _maxCost = maxCost;

        // Arrays that Initialize and the copy below fill completely are not zeroed first; only the
        // flows must start at 0.
        _source = GC.AllocateUninitializedArray<int>(all);
        _target = GC.AllocateUninitializedArray<int>(all);
        _cost = GC.AllocateUninitializedArray<long>(all);
        _capacity = GC.AllocateUninitializedArray<long>(all);
        _flow = new long[all];
        _state = GC.AllocateUninitializedArray<sbyte>(all);
        _supply = GC.AllocateUninitializedArray<long>(n + 1);
        _parent = GC.AllocateUninitializedArray<int>(n + 1);
        _pred = GC.AllocateUninitializedArray<int>(n + 1);
        _predDir = GC.AllocateUninitializedArray<sbyte>(n + 1);
        _thread = GC.AllocateUninitializedArray<int>(n + 1);
        _revThread = GC.AllocateUninitializedArray<int>(n + 1);
        _succNum = GC.AllocateUninitializedArray<int>(n + 1);
        _lastSucc = GC.AllocateUninitializedArray<int>(n + 1);
        _pi = GC.AllocateUninitializedArray<long>(n + 1);
        _stem = GC.AllocateUninitializedArray<int>(n + 1);
        _stemRev = GC.AllocateUninitializedArray<int>(n + 1);
        _stemLast = GC.AllocateUninitializedArray<int>(n + 1);
        _stemAfterLast = GC.AllocateUninitializedArray<int>(n + 1);
        _stemPred = GC.AllocateUninitializedArray<int>(n + 1);
        _stemDir = GC.AllocateUninitializedArray<sbyte>(n + 1);
        _stemSucc = GC.AllocateUninitializedArray<int>(n + 1);
        _blockSize = Math.Max(10, (int)Math.Ceiling(Math.Sqrt(Math.Max(1, m))));
        _stride = Math.Max(3, n > 0 ? m / n : 3);

        supply.CopyTo(_supply);
        _supply[n] = 0;
        if (lower.IndexOfAnyExcept(0L) >= 0) _lower = lower.ToArray();

        // Strided order (see NextSlot): consecutive internal slots hold caller arcs from different parts
        // of the caller's list (arcs are usually grouped by tail).
        ref var source = ref MemoryMarshal.GetArrayDataReference(_source);
        ref var target = ref MemoryMarshal.GetArrayDataReference(_target);
        ref var internalCost = ref MemoryMarshal.GetArrayDataReference(_cost);
        ref var internalCapacity = ref MemoryMarshal.GetArrayDataReference(_capacity);
        int slot = 0, start = 0;
        for (var a = 0; a < m; a++)
        {
            Unsafe.Add(ref source, slot) = tail[a];
            Unsafe.Add(ref target, slot) = head[a];
            Unsafe.Add(ref internalCost, slot) = cost[a];
            Unsafe.Add(ref internalCapacity, slot) = capacity[a];
            NextSlot(ref slot, ref start);
        }

        if (_lower is { } lows)
        {
            slot = 0;
            start = 0;
            for (var a = 0; a < m; a++)
            {
                var low = lows[a];
                if (low != 0)
                {
                    if (_capacity[slot] != Unlimited) _capacity[slot] -= low;
                    _supply[tail[a]] -= low;
                    _supply[head[a]] += low;
                }

                NextSlot(ref slot, ref start);
            }
        }
    }

    /// <summary>
    /// The internal slot of the caller's next arc: slots 0, s, 2s, … below m, then 1, 1 + s, …, with
    /// stride s. Walking the caller's arcs in order with this gives each one's slot without a table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NextSlot(ref int slot, ref int start)
    {
        slot += _stride;
        if (slot >= _arcCount) slot = ++start;
    }

    /// <summary>
    /// Solves a min-cost-flow problem given as arrays (nodes 0..n−1, arcs in the caller's order).
    /// This is the pure solve: what a benchmark times apart from reading files and building plans.
    /// </summary>
    /// <param name="nodeCount">Number of nodes n.</param>
    /// <param name="tail">Tail node of every arc.</param>
    /// <param name="head">Head node of every arc.</param>
    /// <param name="lower">Lower bound of every arc, or empty for all 0.</param>
    /// <param name="capacity">Capacity (upper bound) of every arc; <see cref="Unlimited"/> for none.</param>
    /// <param name="cost">Cost per unit of every arc.</param>
    /// <param name="supply">Supply (&gt; 0) or demand (&lt; 0) of every node; must sum to 0 for a feasible problem.</param>
    /// <param name="interrupt">
    /// Null, or a check called after every <see cref="PollInterval"/> pivots (not before the first): when
    /// it returns anything but <see cref="NetworkFlowInterruption.None"/> the solve stops with
    /// <see cref="NetworkFlowStatus.Interrupted"/>. It should be cheap (read a token and a clock).
    /// </param>
    /// <returns>The status, and when optimal the flows and potentials.</returns>
    /// <exception cref="ArgumentException">Arrays of different lengths, nodes out of range, bounds out of order, or magnitudes that could overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NetworkFlowSolution Solve(int nodeCount, ReadOnlySpan<int> tail, ReadOnlySpan<int> head, ReadOnlySpan<long> lower, ReadOnlySpan<long> capacity, ReadOnlySpan<long> cost, ReadOnlySpan<long> supply, Func<NetworkFlowInterruption>? interrupt = null)
    {
        var maxCost = Check(nodeCount, tail, head, lower, capacity, cost, supply);
        var total = 0L;
        foreach (var b in supply) total += b;
        if (total != 0) return new NetworkFlowSolution { Status = NetworkFlowStatus.Infeasible };
        var solver = new NetworkSimplex(nodeCount, tail, head, lower, capacity, cost, supply, maxCost, interrupt);
        return solver.Run();
    }

    /// <summary>Throws on input the engine cannot take; returns max |cost| over the arcs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Check(int nodeCount, ReadOnlySpan<int> tail, ReadOnlySpan<int> head, ReadOnlySpan<long> lower, ReadOnlySpan<long> capacity, ReadOnlySpan<long> cost, ReadOnlySpan<long> supply)
    {
        if (nodeCount < 0 || supply.Length != nodeCount) throw new ArgumentException("The supply array must have one entry per node.", nameof(supply));
        var m = tail.Length;
        if (head.Length != m || capacity.Length != m || cost.Length != m || (!lower.IsEmpty && lower.Length != m))
        {
            throw new ArgumentException("Arc arrays must all have one entry per arc.", nameof(head));
        }

        // Magnitudes are summed in doubles: only the comparison with 2^62 matters, and it has room.
        var maxCost = 0L;
        var totalSupply = 0.0;
        for (var a = 0; a < m; a++)
        {
            if ((uint)tail[a] >= (uint)nodeCount || (uint)head[a] >= (uint)nodeCount) throw new ArgumentException($"Arc {a} names a node outside 0..{nodeCount - 1}.", nameof(tail));
            var low = lower.IsEmpty ? 0 : lower[a];
            if (low < 0 || capacity[a] < low) throw new ArgumentException($"Arc {a} has bounds out of order ({low} > {capacity[a]}) or a negative lower bound.", nameof(capacity));
            var c = cost[a];
            if (c == long.MinValue) throw new ArgumentException($"Arc {a} has a cost that cannot be negated.", nameof(cost));
            if (c > maxCost) maxCost = c;
            else if (-c > maxCost) maxCost = -c;
            totalSupply += low;
        }

        foreach (var b in supply)
        {
            if (b == long.MinValue) throw new ArgumentException("A supply cannot be negated.", nameof(supply));
            totalSupply += Math.Abs((double)b);
        }

        if ((Int128)maxCost * (nodeCount + 1) > MaxCostTimesNodes)
        {
            throw new ArgumentException($"max |cost| × (nodes + 1) = {maxCost} × {nodeCount + 1} exceeds 2^60; scale the costs down first.", nameof(cost));
        }

        if (totalSupply >= long.MaxValue / 2.0)
        {
            throw new ArgumentException("Total supply and lower bounds exceed 2^62; scale the quantities down first.", nameof(supply));
        }

        return maxCost;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NetworkFlowSolution Run()
    {
        Initialize();
        InitialPivots();
        while (FindEnteringArc(out var inArc))
        {
            if (!Pivot(inArc)) return new NetworkFlowSolution { Status = NetworkFlowStatus.Unbounded, Pivots = _pivots };
            if ((_pivots & (PollInterval - 1)) == 0 && _interrupt is not null)
            {
                var why = _interrupt();
                if (why != NetworkFlowInterruption.None) return new NetworkFlowSolution { Status = NetworkFlowStatus.Interrupted, Interruption = why, Pivots = _pivots };
            }
        }

        for (var e = _arcCount; e < _arcCount + _nodeCount; e++)
        {
            if (_flow[e] != 0) return new NetworkFlowSolution { Status = NetworkFlowStatus.Infeasible, Pivots = _pivots };
        }

        var m = _arcCount;
        var flows = GC.AllocateUninitializedArray<long>(m);
        var objective = Int128.Zero;
        var lows = _lower;
        int slot = 0, start = 0;
        for (var a = 0; a < m; a++)
        {
            var x = _flow[slot];
            if (lows is not null) x += lows[a];
            flows[a] = x;
            if (x != 0) objective += (Int128)_cost[slot] * x;
            NextSlot(ref slot, ref start);
        }

        var potentials = new long[_nodeCount];
        Array.Copy(_pi, potentials, _nodeCount);
        return new NetworkFlowSolution { Status = NetworkFlowStatus.Optimal, Flows = flows, Potentials = potentials, Objective = objective, Pivots = _pivots };
    }

    /// <summary>The artificial start basis: every node a child of the root, threaded in node order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Initialize()
    {
        var n = _nodeCount;
        var m = _arcCount;
        var bigM = (_maxCost * n) + 1;
        _state.AsSpan(0, m).Fill(StateLower);

        var root = _root;
        _parent[root] = -1;
        _pred[root] = -1;
        _predDir[root] = 0;
        _thread[root] = n > 0 ? 0 : root;
        _revThread[n > 0 ? 0 : root] = root;
        _succNum[root] = n + 1;
        _lastSucc[root] = n > 0 ? n - 1 : root;
        _pi[root] = 0;
        for (var u = 0; u < n; u++)
        {
            var e = m + u;
            _parent[u] = root;
            _pred[u] = e;
            _thread[u] = u + 1 < n ? u + 1 : root;
            _revThread[u + 1 < n ? u + 1 : root] = u;
            _succNum[u] = 1;
            _lastSucc[u] = u;
            _state[e] = StateTree;
            _capacity[e] = Unlimited;
            if (_supply[u] >= 0)
            {
                _predDir[u] = DirUp;
                _source[e] = u;
                _target[e] = root;
                _flow[e] = _supply[u];
                _cost[e] = 0;
                _pi[u] = 0;
            }
            else
            {
                _predDir[u] = DirDown;
                _source[e] = root;
                _target[e] = u;
                _flow[e] = -_supply[u];
                _cost[e] = bigM;
                _pi[u] = bigM;
            }
        }
    }

    /// <summary>
    /// A warm start before block search, for networks with one demand node (a sink, as in GOTO
    /// instances). On the reversed arcs that could each carry the whole supply (capacity ≥ Σ supply),
    /// shortest distances to the sink are found (Dijkstra; skipped when some cost is negative), and the
    /// arc of every reached node's shortest path enters the basis, nearest nodes first, when it prices
    /// out. Such arcs never block, so the supply that reaches this tree flows to the sink in one go
    /// instead of being driven off the artificial arcs pivot by pivot. Measured: it halves the pivots
    /// on GOTO; with many demand nodes (NETGEN) the search costs more than it saves, so it is skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InitialPivots()
    {
        var n = _nodeCount;
        var m = _arcCount;
        var total = 0L;
        var demandNodes = 0;
        for (var u = 0; u < n; u++)
        {
            total += Math.Max(0, _supply[u]);
            if (_supply[u] < 0) demandNodes++;
        }

        if (demandNodes != 1 || m == 0) return;

        var wide = 0;
        for (var e = 0; e < m; e++)
        {
            if (_cost[e] < 0) return;
            if (_capacity[e] >= total) wide++;
        }

        if (wide == 0) return;

        // Incoming arcs by head (CSR).
        var start = new int[n + 1];
        for (var e = 0; e < m; e++) start[_target[e] + 1]++;
        for (var v = 0; v < n; v++) start[v + 1] += start[v];
        var incoming = new int[m];
        var fill = new int[n];
        Array.Copy(start, fill, n);
        for (var e = 0; e < m; e++) incoming[fill[_target[e]]++] = e;

        var distance = new long[n];
        Array.Fill(distance, long.MaxValue);
        var via = new int[n];
        Array.Fill(via, -1);
        var done = new bool[n];
        var order = new int[n];
        var settled = 0;
        var heap = new PriorityQueue<int, long>(n);
        for (var v = 0; v < n; v++)
        {
            if (_supply[v] >= 0) continue;
            distance[v] = 0;
            heap.Enqueue(v, 0);
        }

        while (heap.TryDequeue(out var v, out var d))
        {
            if (done[v] || d != distance[v]) continue;
            done[v] = true;
            order[settled++] = v;
            for (var i = start[v]; i < start[v + 1]; i++)
            {
                var e = incoming[i];
                if (_capacity[e] < total) continue;
                var u = _source[e];
                var du = d + _cost[e];
                if (du < distance[u])
                {
                    distance[u] = du;
                    via[u] = e;
                    heap.Enqueue(u, du);
                }
            }
        }

        for (var i = 0; i < settled; i++)
        {
            var e = via[order[i]];
            if (e < 0 || _state[e] * (_cost[e] + _pi[_source[e]] - _pi[_target[e]]) >= 0) continue;
            if (!Pivot(e)) return;
        }
    }

    /// <summary>Block search for an arc whose reduced cost violates optimality; false when none does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FindEnteringArc(out int inArc)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        ref var cost = ref MemoryMarshal.GetArrayDataReference(_cost);
        ref var source = ref MemoryMarshal.GetArrayDataReference(_source);
        ref var target = ref MemoryMarshal.GetArrayDataReference(_target);
        ref var pi = ref MemoryMarshal.GetArrayDataReference(_pi);
        var m = _arcCount;
        var blockSize = _blockSize;
        var count = blockSize;
        var min = 0L;
        var best = -1;
        int e;
        for (e = _nextArc; e < m; e++)
        {
            var c = Unsafe.Add(ref state, e) * (Unsafe.Add(ref cost, e) + Unsafe.Add(ref pi, Unsafe.Add(ref source, e)) - Unsafe.Add(ref pi, Unsafe.Add(ref target, e)));
            if (c < min)
            {
                min = c;
                best = e;
            }

            if (--count == 0)
            {
                if (min < 0) goto Found;
                count = blockSize;
            }
        }

        for (e = 0; e < _nextArc; e++)
        {
            var c = Unsafe.Add(ref state, e) * (Unsafe.Add(ref cost, e) + Unsafe.Add(ref pi, Unsafe.Add(ref source, e)) - Unsafe.Add(ref pi, Unsafe.Add(ref target, e)));
            if (c < min)
            {
                min = c;
                best = e;
            }

            if (--count == 0)
            {
                if (min < 0) goto Found;
                count = blockSize;
            }
        }

        inArc = best;
        if (min >= 0) return false;
        _nextArc = e;
        return true;

    Found:
        inArc = best;
        _nextArc = e + 1 < m ? e + 1 : 0;
        return true;
    }

    /// <summary>One pivot: push flow around the cycle the arc closes and update the tree; false when unbounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Pivot(int inArc)
    {
        _pivots++;

        // The walks below are the hot path: references instead of indexed arrays drop the bounds
        // checks (every index is a node or arc of this tree, in range by construction).
        ref var parent = ref MemoryMarshal.GetArrayDataReference(_parent);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(_pred);
        ref var predDir = ref MemoryMarshal.GetArrayDataReference(_predDir);
        ref var flow = ref MemoryMarshal.GetArrayDataReference(_flow);
        ref var capacity = ref MemoryMarshal.GetArrayDataReference(_capacity);
        ref var succNum = ref MemoryMarshal.GetArrayDataReference(_succNum);

        // Apex of the cycle: walk up from both ends, always from the smaller subtree.
        int u = _source[inArc], v = _target[inArc];
        while (u != v)
        {
            if (Unsafe.Add(ref succNum, u) < Unsafe.Add(ref succNum, v)) u = Unsafe.Add(ref parent, u);
            else v = Unsafe.Add(ref parent, v);
        }

        var join = u;

        // The cycle runs join → … → first → (in) → second → … → join. The leaving arc is the last
        // blocking arc in that order: strict < on the first side, ≤ on the second.
        int first, second;
        var state = _state[inArc];
        if (state == StateLower)
        {
            first = _source[inArc];
            second = _target[inArc];
        }
        else
        {
            first = _target[inArc];
            second = _source[inArc];
        }

        var delta = Unsafe.Add(ref capacity, inArc);
        var result = 0;
        var uOut = -1;
        for (u = first; u != join; u = Unsafe.Add(ref parent, u))
        {
            var e = Unsafe.Add(ref pred, u);
            var d = Unsafe.Add(ref flow, e);
            if (Unsafe.Add(ref predDir, u) == DirDown)
            {
                var c = Unsafe.Add(ref capacity, e);
                d = c == Unlimited ? Unlimited : c - d;
            }

            if (d < delta)
            {
                delta = d;
                uOut = u;
                result = 1;
            }
        }

        for (u = second; u != join; u = Unsafe.Add(ref parent, u))
        {
            var e = Unsafe.Add(ref pred, u);
            var d = Unsafe.Add(ref flow, e);
            if (Unsafe.Add(ref predDir, u) == DirUp)
            {
                var c = Unsafe.Add(ref capacity, e);
                d = c == Unlimited ? Unlimited : c - d;
            }

            if (d <= delta)
            {
                delta = d;
                uOut = u;
                result = 2;
            }
        }

        if (delta == Unlimited) return false;

        if (delta > 0)
        {
            var val = state * delta;
            Unsafe.Add(ref flow, inArc) += val;
            for (u = _source[inArc]; u != join; u = Unsafe.Add(ref parent, u)) Unsafe.Add(ref flow, Unsafe.Add(ref pred, u)) -= Unsafe.Add(ref predDir, u) * val;
            for (u = _target[inArc]; u != join; u = Unsafe.Add(ref parent, u)) Unsafe.Add(ref flow, Unsafe.Add(ref pred, u)) += Unsafe.Add(ref predDir, u) * val;
        }

        if (result == 0)
        {
            _state[inArc] = (sbyte)-_state[inArc];
            return true;
        }

        var outArc = _pred[uOut];
        _state[inArc] = StateTree;
        _state[outArc] = _flow[outArc] == 0 ? StateLower : StateUpper;
        int uIn, vIn;
        if (result == 1)
        {
            uIn = first;
            vIn = second;
        }
        else
        {
            uIn = second;
            vIn = first;
        }

        UpdateTree(inArc, uIn, vIn, uOut, join);
        return true;
    }

    /// <summary>
    /// Re-hangs the subtree T below the leaving arc (rooted at <paramref name="uOut"/>) from
    /// <paramref name="vIn"/> through the entering arc, turning over the stem uIn … uOut, and shifts
    /// the potentials of T so the entering arc prices at 0.
    /// </summary>
    /// <remarks>
    /// New preorder of T: the old subtree of s0 = uIn, then for each stem node s_i (i ≥ 1) its old
    /// subtree without that of s_{i−1} — the part before s_{i−1} and the part after s_{i−1}'s last
    /// node. T is cut out of the thread and put back right after vIn, i.e. as vIn's first child.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateTree(int inArc, int uIn, int vIn, int uOut, int join)
    {
        // Every index below is a node of the tree or a stem position, in range by construction, so the
        // arrays are read through references without bounds checks.
        ref var parent = ref MemoryMarshal.GetArrayDataReference(_parent);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(_pred);
        ref var predDir = ref MemoryMarshal.GetArrayDataReference(_predDir);
        ref var thread = ref MemoryMarshal.GetArrayDataReference(_thread);
        ref var revThread = ref MemoryMarshal.GetArrayDataReference(_revThread);
        ref var succNum = ref MemoryMarshal.GetArrayDataReference(_succNum);
        ref var lastSucc = ref MemoryMarshal.GetArrayDataReference(_lastSucc);
        ref var stem = ref MemoryMarshal.GetArrayDataReference(_stem);
        ref var stemRev = ref MemoryMarshal.GetArrayDataReference(_stemRev);
        ref var stemLast = ref MemoryMarshal.GetArrayDataReference(_stemLast);
        ref var stemAfterLast = ref MemoryMarshal.GetArrayDataReference(_stemAfterLast);
        ref var stemPred = ref MemoryMarshal.GetArrayDataReference(_stemPred);
        ref var stemDir = ref MemoryMarshal.GetArrayDataReference(_stemDir);
        ref var stemSucc = ref MemoryMarshal.GetArrayDataReference(_stemSucc);

        // The stem with the old values that the re-threading reads.
        var k = 0;
        for (var s = uIn; ; s = Unsafe.Add(ref parent, s))
        {
            Unsafe.Add(ref stem, k) = s;
            Unsafe.Add(ref stemRev, k) = Unsafe.Add(ref revThread, s);
            var last = Unsafe.Add(ref lastSucc, s);
            Unsafe.Add(ref stemLast, k) = last;
            Unsafe.Add(ref stemAfterLast, k) = Unsafe.Add(ref thread, last);
            Unsafe.Add(ref stemPred, k) = Unsafe.Add(ref pred, s);
            Unsafe.Add(ref stemDir, k) = Unsafe.Add(ref predDir, s);
            Unsafe.Add(ref stemSucc, k) = Unsafe.Add(ref succNum, s);
            if (s == uOut) break;
            k++;
        }

        var oldParentOut = Unsafe.Add(ref parent, uOut);
        var size = Unsafe.Add(ref succNum, uOut);
        var lastOld = Unsafe.Add(ref lastSucc, uOut);
        var before = Unsafe.Add(ref revThread, uOut);
        var after = Unsafe.Add(ref thread, lastOld);

        // Cut T out of the thread.
        Unsafe.Add(ref thread, before) = after;
        Unsafe.Add(ref revThread, after) = before;

        // Thread T in its new order.
        var tail = Unsafe.Add(ref stemLast, 0);
        for (var i = 1; i <= k; i++)
        {
            var s = Unsafe.Add(ref stem, i);
            Unsafe.Add(ref thread, tail) = s;
            Unsafe.Add(ref revThread, s) = tail;
            tail = Unsafe.Add(ref stemRev, i - 1);
            if (Unsafe.Add(ref stemLast, i - 1) != Unsafe.Add(ref stemLast, i))
            {
                var b = Unsafe.Add(ref stemAfterLast, i - 1);
                Unsafe.Add(ref thread, tail) = b;
                Unsafe.Add(ref revThread, b) = tail;
                tail = Unsafe.Add(ref stemLast, i);
            }
        }

        // Put T back after vIn.
        var next = Unsafe.Add(ref thread, vIn);
        Unsafe.Add(ref thread, vIn) = uIn;
        Unsafe.Add(ref revThread, uIn) = vIn;
        Unsafe.Add(ref thread, tail) = next;
        Unsafe.Add(ref revThread, next) = tail;

        // Last successors: ancestors whose subtree ended with T, then ancestors whose subtree ended at vIn.
        for (var a = oldParentOut; a >= 0 && Unsafe.Add(ref lastSucc, a) == lastOld; a = Unsafe.Add(ref parent, a)) Unsafe.Add(ref lastSucc, a) = before;
        for (var i = 0; i <= k; i++) Unsafe.Add(ref lastSucc, Unsafe.Add(ref stem, i)) = tail;
        for (var a = vIn; a >= 0 && Unsafe.Add(ref lastSucc, a) == vIn; a = Unsafe.Add(ref parent, a)) Unsafe.Add(ref lastSucc, a) = tail;

        // Subtree sizes: above join nothing changes.
        for (var a = oldParentOut; a != join; a = Unsafe.Add(ref parent, a)) Unsafe.Add(ref succNum, a) -= size;
        for (var a = vIn; a != join; a = Unsafe.Add(ref parent, a)) Unsafe.Add(ref succNum, a) += size;
        Unsafe.Add(ref succNum, uIn) = size;
        for (var i = 1; i <= k; i++) Unsafe.Add(ref succNum, Unsafe.Add(ref stem, i)) = size - Unsafe.Add(ref stemSucc, i - 1);

        // Turn the stem over.
        for (var i = k; i >= 1; i--)
        {
            var s = Unsafe.Add(ref stem, i);
            Unsafe.Add(ref parent, s) = Unsafe.Add(ref stem, i - 1);
            Unsafe.Add(ref pred, s) = Unsafe.Add(ref stemPred, i - 1);
            Unsafe.Add(ref predDir, s) = (sbyte)-Unsafe.Add(ref stemDir, i - 1);
        }

        var up = uIn == _source[inArc];
        Unsafe.Add(ref parent, uIn) = vIn;
        Unsafe.Add(ref pred, uIn) = inArc;
        Unsafe.Add(ref predDir, uIn) = up ? DirUp : DirDown;

        // Potentials of T: shift them so that the entering arc prices at 0.
        ref var pi = ref MemoryMarshal.GetArrayDataReference(_pi);
        var sigma = Unsafe.Add(ref pi, vIn) - Unsafe.Add(ref pi, uIn) + (up ? -_cost[inArc] : _cost[inArc]);
        if (sigma != 0)
        {
            var w = uIn;
            for (var j = 0; j < size; j++)
            {
                Unsafe.Add(ref pi, w) += sigma;
                w = Unsafe.Add(ref thread, w);
            }
        }
    }
}
