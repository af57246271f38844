using System.Diagnostics;
using FreightOptimizer.Formulation;
using Google.OrTools.Graph;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// The only user of OR-Tools' min-cost-flow solver: loads an <see cref="IntegerNetwork"/>, solves it
/// and copies the flows out before the native solver is disposed. It returns no potentials.
/// </summary>
internal static class OrToolsMinCostFlow
{
    /// <summary>What the solver returned.</summary>
    public sealed record Outcome(SolveStatus Status, long[]? Flows, TimeSpan WallTime, string? Message);

    /// <summary>Loads and solves <paramref name="network"/>; the flows are copied out when optimal.</summary>
    /// <remarks>
    /// Cannot be interrupted mid-solve: OR-Tools' <c>MinCostFlow.Solve</c> takes no time limit and no
    /// interrupt, so this runs to its end. Callers check the cancellation token before calling and say
    /// in the solve report when a cancellation or the time limit came while it ran.
    /// </remarks>
    /// <param name="network">The integer network.</param>
    /// <param name="onCreate">Called just before the solver is created (the test seam <see cref="SolveOptions.OnOrToolsCreate"/>), or null.</param>
    public static Outcome Solve(IntegerNetwork network, Action<string>? onCreate = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var m = network.Tail.Length;

        // An optimal basic flow never puts more on an arc than the total supply plus every finite
        // capacity (what can circulate); OR-Tools gets that instead of "unlimited" so that its own
        // sums cannot overflow.
        var total = 0L;
        foreach (var b in network.Supply) total = SaturatingAdd(total, Math.Max(0, b));
        foreach (var c in network.Capacity)
        {
            if (c != IntegerScaling.Unlimited) total = SaturatingAdd(total, c);
        }

        var clock = Stopwatch.StartNew();
        MinCostFlow solver;
        try
        {
            // The first OR-Tools call of the process may be this one: it loads the native library.
            onCreate?.Invoke("MinCostFlow");
            solver = new MinCostFlow(network.NodeCount, m);
        }
        catch (Exception e) when (OrToolsNative.IsLoadFailure(e))
        {
            return new Outcome(SolveStatus.SolverUnavailable, null, clock.Elapsed, OrToolsNative.Describe("MinCostFlow", e));
        }

        using var owned = solver;
        for (var a = 0; a < m; a++)
        {
            var capacity = network.Capacity[a] == IntegerScaling.Unlimited ? total : network.Capacity[a];
            solver.AddArcWithCapacityAndUnitCost(network.Tail[a], network.Head[a], capacity, network.Cost[a]);
        }

        for (var v = 0; v < network.NodeCount; v++)
        {
            if (network.Supply[v] != 0) solver.SetNodeSupply(v, network.Supply[v]);
        }

        var status = solver.Solve();
        clock.Stop();
        var mapped = StatusTable.Map(status);
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return new Outcome(mapped, null, clock.Elapsed, $"OR-Tools MinCostFlow ended with {status}.");
        }

        var flows = new long[m];
        for (var a = 0; a < m; a++) flows[a] = solver.Flow(a);
        return new Outcome(mapped, flows, clock.Elapsed, null);
    }

    private static long SaturatingAdd(long a, long b) => a > (1L << 62) - b ? 1L << 62 : a + b;
}
