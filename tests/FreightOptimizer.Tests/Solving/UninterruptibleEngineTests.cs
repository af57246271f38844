using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// The engines OR-Tools cannot interrupt (HiGHS through OR-Tools' linear-solver API, OR-Tools'
/// MinCostFlow) run to their end when a cancellation arrives while they run, and the solve report
/// says so: the caller is not left to think the answer was interrupted or that the token was lost.
/// The cancellation is made to "arrive while the solver runs" through the seams, not by the clock.
/// </summary>
public sealed class UninterruptibleEngineTests
{
    [Fact]
    public void Optimize_HighsCancelledWhileItRuns_KeepsItsAnswerAndSaysItCannotBeInterrupted()
    {
        using var source = new CancellationTokenSource();
        var options = new SolveOptions { Engine = SolverEngine.Highs, OnOrToolsSolveReturned = source.Cancel };

        var result = FreightPlanner.Optimize(RussiaChinaCorridor.Build(), options, source.Token);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.HasPlan);
        Assert.Contains(result.Report.Notes, n => n.Contains("HiGHS", StringComparison.Ordinal) && n.Contains("cannot be interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public void Optimize_ClpCancelledWhileItRuns_KeepsItsAnswerAndSaysItCannotBeInterrupted()
    {
        using var source = new CancellationTokenSource();
        var options = new SolveOptions { Engine = SolverEngine.Clp, OnOrToolsSolveReturned = source.Cancel };

        var result = FreightPlanner.Optimize(NativeLoadFailureTests.Small(), options, source.Token);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.HasPlan);
        Assert.Contains(result.Report.Notes, n => n.Contains("CLP", StringComparison.Ordinal) && n.Contains("cannot be interrupted", StringComparison.Ordinal));
    }

    [Fact]
    public void Optimize_OrToolsMinCostFlowCancelledWhileItRuns_KeepsItsAnswerAndSaysItCannotBeInterrupted()
    {
        using var source = new CancellationTokenSource();
        var options = new SolveOptions
        {
            Engine = SolverEngine.OrToolsMinCostFlow,

            // Cancelled as the solver is created: after the check before the start, before the solve.
            OnOrToolsCreate = _ => source.Cancel(),
        };

        var result = FreightPlanner.Optimize(NativeLoadFailureTests.Small(), options, source.Token);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(result.HasPlan);
        Assert.Contains(result.Report.Notes, n => n.Contains("MinCostFlow", StringComparison.Ordinal) && n.Contains("cannot be interrupted", StringComparison.Ordinal));
    }
}
