using System.Globalization;
using System.Text;
using FreightOptimizer.Export;
using FreightOptimizer.Solving.NetworkFlow;

namespace FreightOptimizer.Tests.Solving.NetworkFlow;

/// <summary>
/// The time limit and the cancellation token stop the network simplex mid-solve (polled every
/// <see cref="NetworkSimplex.PollInterval"/> pivots) with no plan; OR-Tools' MinCostFlow runs to its end.
/// Deterministic: cancellation comes from the poll hook at a known poll, never from a timer.
/// </summary>
public sealed class NetworkFlowInterruptionTests
{
    private const int Nodes = 1500;

    private static readonly Lazy<DimacsNetwork> LargeNetwork = new(() => DimacsNetwork.Read(new StringReader(LargeDimacs())));

    private static readonly Lazy<Scenario> LargeScenario = new(() => DimacsMinCostFlow.Read(new StringReader(LargeDimacs()), "generated").Scenario);

    /// <summary>
    /// A NETGEN-like network (fixed seed): a cycle through every node that can carry all the supply
    /// (so it is feasible), plus 7 random arcs per node; 20 sources and 20 sinks.
    /// </summary>
    private static string LargeDimacs()
    {
        var random = new Random(20240917);
        var arcs = new List<(int Tail, int Head, int Capacity, int Cost)>();
        const int total = 20 * 500;
        for (var v = 0; v < Nodes; v++) arcs.Add((v, (v + 1) % Nodes, total, random.Next(50, 100)));
        for (var i = 0; i < 7 * Nodes; i++)
        {
            var tail = random.Next(Nodes);
            var head = random.Next(Nodes);
            if (tail != head) arcs.Add((tail, head, random.Next(1, 1000), random.Next(1, 100)));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"p min {Nodes} {arcs.Count}\n");
        for (var s = 0; s < 20; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"n {1 + (s * 37)} 500\n");
            text.Append(CultureInfo.InvariantCulture, $"n {1 + (s * 37) + 700} -500\n");
        }

        foreach (var (tail, head, capacity, cost) in arcs) text.Append(CultureInfo.InvariantCulture, $"a {tail + 1} {head + 1} 0 {capacity} {cost}\n");
        return text.ToString();
    }

    private static NetworkFlowSolution SolveLarge(Func<NetworkFlowInterruption>? interrupt)
    {
        var network = LargeNetwork.Value;
        return NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, network.Lower, network.Capacity, network.Cost, network.Supply, interrupt);
    }

    [Fact]
    public void Solve_CheckThatNeverStops_IsPolledEveryIntervalAndChangesNothing()
    {
        var polls = 0;
        var plain = SolveLarge(null);
        var polled = SolveLarge(() =>
        {
            polls++;
            return NetworkFlowInterruption.None;
        });

        Assert.Equal(NetworkFlowStatus.Optimal, plain.Status);
        Assert.True(plain.Pivots > 3 * NetworkSimplex.PollInterval, $"the test network needs more than three poll intervals of pivots, has {plain.Pivots}");
        Assert.Equal(NetworkFlowStatus.Optimal, polled.Status);
        Assert.Equal(plain.Objective, polled.Objective);
        Assert.Equal(plain.Pivots, polled.Pivots);
        Assert.Equal(NetworkFlowInterruption.None, polled.Interruption);
        Assert.InRange(polls, (plain.Pivots / NetworkSimplex.PollInterval) - 1, plain.Pivots / NetworkSimplex.PollInterval);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Solve_CheckThatStopsOnItsThirdPoll_StopsThereWithoutFlowsOrPotentials(bool cancelled)
    {
        var reason = cancelled ? NetworkFlowInterruption.Cancelled : NetworkFlowInterruption.TimeLimit;
        var polls = 0;
        var solution = SolveLarge(() => ++polls == 3 ? reason : NetworkFlowInterruption.None);

        Assert.Equal(NetworkFlowStatus.Interrupted, solution.Status);
        Assert.Equal(reason, solution.Interruption);
        Assert.Equal(3, polls);
        Assert.Equal(3 * NetworkSimplex.PollInterval, solution.Pivots);
        Assert.Empty(solution.Flows);
        Assert.Empty(solution.Potentials);
    }

    [Fact]
    public void Optimize_TokenCancelledAtTheSecondPoll_IsCancelledWithoutPlan()
    {
        using var source = new CancellationTokenSource();
        var polls = 0;
        var options = new SolveOptions
        {
            Engine = SolverEngine.NetworkFlow,
            OnNetworkSimplexPoll = () =>
            {
                if (++polls == 2) source.Cancel();
            },
        };

        var result = FreightPlanner.Optimize(LargeScenario.Value, options, source.Token);

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.False(result.HasPlan);
        Assert.Null(result.Explanation);
        Assert.Equal(2, polls);
        Assert.Equal(2 * NetworkSimplex.PollInterval, result.Report.Iterations);
        Assert.Contains("cancelled", result.Message, StringComparison.Ordinal);
        Assert.Contains("no plan", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_TinyTimeLimit_StopsAtAPollWithTimeLimitAndNoPlan()
    {
        // One tick (100 ns) has passed long before the first poll, which comes after 1,024 pivots.
        var polls = 0;
        var options = new SolveOptions { Engine = SolverEngine.NetworkFlow, TimeLimit = TimeSpan.FromTicks(1), OnNetworkSimplexPoll = () => polls++ };

        var result = FreightPlanner.Optimize(LargeScenario.Value, options);

        Assert.Equal(SolveStatus.TimeLimit, result.Status);
        Assert.False(result.HasPlan);
        Assert.True(polls >= 1);
        Assert.Equal(polls * NetworkSimplex.PollInterval, result.Report.Iterations);
        Assert.Contains("time limit", result.Message, StringComparison.Ordinal);
        Assert.Contains("no plan", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_WithoutInterruption_StillSolvesTheLargeNetwork()
    {
        using var source = new CancellationTokenSource();
        var result = FreightPlanner.Optimize(LargeScenario.Value, new SolveOptions { Engine = SolverEngine.NetworkFlow, TimeLimit = TimeSpan.FromHours(1) }, source.Token);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.Report.Iterations > 2 * NetworkSimplex.PollInterval, $"the test scenario needs more than two poll intervals of pivots, has {result.Report.Iterations}");
    }

    [Fact]
    public void Optimize_OrToolsMinCostFlowPastItsTimeLimit_RunsToItsEndAndSaysSo()
    {
        var options = new SolveOptions { Engine = SolverEngine.OrToolsMinCostFlow, TimeLimit = TimeSpan.FromTicks(1) };

        var result = FreightPlanner.Optimize(LargeScenario.Value, options);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.HasPlan);
        Assert.Contains(result.Report.Notes, note => note.Contains("cannot be interrupted", StringComparison.Ordinal));
    }
}
