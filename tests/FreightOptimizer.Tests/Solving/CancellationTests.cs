using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Serialization;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// Interrupting a MIP that takes 10–25 s to prove optimal (c25_100_10_F_L_5 at gap 0): a token or a
/// time limit stops it with SCIP's incumbent, and the plan is still priced and verified.
/// </summary>
/// <remarks>
/// Deterministic, whatever the load on the machine: no test waits for a moment of the wall clock.
/// OR-Tools' .NET linear-solver API has no callback into a running solve, so SCIP is told to stop at
/// its first incumbent (<c>limits/solutions = 1</c>, a point SCIP decides, the state an interrupt
/// leaves it in), and the token is cancelled, or the time limit is past, when the adapter reads them
/// after SCIP returns (<see cref="SolveOptions.OnOrToolsSolveReturned"/>). What is tested is the
/// library's part: the status, the incumbent kept, the gap, and the pricing re-solve that the same
/// token must not cancel. That OR-Tools' InterruptSolve reaches a running SCIP is OR-Tools' behaviour
/// (measured, see docs/engines.md), not tested here.
/// </remarks>
public sealed class CancellationTests(ITestOutputHelper output)
{
    private static readonly Scenario Hard = NetworkDesignDow.ReadFile(NetworkDesignInstances.PathOf("c25_100_10_F_L_5"));

    /// <summary>The published optimum of c25_100_10_F_L_5: no incumbent can beat it.</summary>
    private const double Optimum = 14941;

    /// <summary>SCIP at gap 0, stopping at its first incumbent (far from the optimum on this instance).</summary>
    private static SolveOptions StoppedAtFirstIncumbent => new() { Engine = SolverEngine.Scip, RelativeMipGap = 0, OrToolsParameters = "limits/solutions = 1" };

    [Fact]
    public void Optimize_ScipCancelledWhileItRuns_ReturnsCancelledWithAPricedPlan()
    {
        using var source = new CancellationTokenSource();
        var options = StoppedAtFirstIncumbent;
        options.OnOrToolsSolveReturned = source.Cancel;

        var result = FreightPlanner.Optimize(Hard, options, source.Token);
        output.WriteLine($"objective {result.Plan?.Objective}, bound {result.Report.BestBound}, gap {result.Report.RelativeGap}");

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.True(plan.Objective > Optimum, "the first incumbent is not the optimum, so the plan is SCIP's incumbent");
        Assert.True(plan.Verification!.Passed, string.Join("; ", plan.Verification.Findings));

        // The GLOP re-solve that prices the plan must not be cancelled by the same token.
        Assert.False(plan.Prices.Balance.IsDefaultOrEmpty);
        Assert.True(plan.Verification.OptimalityCertified);
        Assert.True(result.Report.RelativeGap > 0);
        Assert.Null(result.Explanation);
    }

    [Fact]
    public void Optimize_ScipStoppedPastItsTimeLimit_ReturnsTimeLimitWithIncumbentAndGap()
    {
        // A limit of one tick has passed when SCIP returns, so the adapter reads it as reached. SCIP's
        // own limit (1 ms, the least OR-Tools passes on) is lifted after it and SCIP stops at its
        // first incumbent instead: the plan a time limit leaves, at a point that no load can move.
        var options = StoppedAtFirstIncumbent;
        options.TimeLimit = TimeSpan.FromTicks(1);
        options.OrToolsParameters += "\nlimits/time = 1e20";

        var result = FreightPlanner.Optimize(Hard, options);
        output.WriteLine($"objective {result.Plan?.Objective}, bound {result.Report.BestBound}, gap {result.Report.RelativeGap}");

        Assert.Equal(SolveStatus.TimeLimit, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.True(result.Report.RelativeGap > 0);
        Assert.True(result.Report.BestBound <= plan.Objective + 1e-6);
        Assert.True(plan.Verification!.Passed);
    }

    [Fact]
    public void Optimize_ScipWithATimeLimitOfOneTick_ReturnsTimeLimit()
    {
        // SCIP gets 1 ms and stops by itself; whether it has an incumbent by then depends on the
        // machine, so only the status is asserted (and a plan, if there is one, must verify).
        var options = new SolveOptions { Engine = SolverEngine.Scip, RelativeMipGap = 0, TimeLimit = TimeSpan.FromTicks(1) };

        var result = FreightPlanner.Optimize(Hard, options);

        Assert.Equal(SolveStatus.TimeLimit, result.Status);
        Assert.True(result.Plan?.Verification?.Passed ?? true);
    }

    [Fact]
    public void Optimize_TokenCancelledBeforeTheSolve_ReturnsCancelledWithoutPlan()
    {
        var result = FreightPlanner.Optimize(Hard, StoppedAtFirstIncumbent, new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.False(result.HasPlan);
    }

    [Fact]
    public void Optimize_SolveReturnedHookThatDoesNothing_LeavesTheStoppedSolveFeasible()
    {
        // The control for the two tests above: stopped at its first incumbent, neither cancelled nor
        // past a limit, SCIP's answer is Feasible, so it is the token and the limit that make them
        // Cancelled and TimeLimit.
        var returned = 0;
        var options = StoppedAtFirstIncumbent;
        options.OnOrToolsSolveReturned = () => returned++;

        var result = FreightPlanner.Optimize(Hard, options);

        Assert.Equal(SolveStatus.Feasible, result.Status);
        Assert.True(result.HasPlan);
        Assert.Equal(1, returned); // SCIP's solve only: the GLOP re-solve that prices the plan has options of its own
    }
}
