using System.Diagnostics;
using FreightOptimizer.Results;
using FreightOptimizer.Scenarios;
using FreightOptimizer.Serialization;
using FreightOptimizer.Solving;
using FreightOptimizer.Tests.Serialization;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// Interrupting a MIP that takes 10–25 s to prove optimal (c25_100_10_F_L_5 at gap 0): a token or a
/// time limit stops it with SCIP's incumbent, and the plan is still priced and verified.
/// </summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    private static readonly Scenario Hard = NetworkDesignDow.ReadFile(NetworkDesignInstances.PathOf("c25_100_10_F_L_5"));

    private static SolveOptions Exact => new() { Engine = SolverEngine.Scip, RelativeMipGap = 0 };

    [Fact]
    public void Optimize_ScipCancelledAfterOneSecond_ReturnsCancelledWithAPricedPlan()
    {
        // Warm up first, so that the second counts SCIP's time and not the JIT compiling the pipeline.
        FreightPlanner.Optimize(NetworkDesignDow.ReadFile(NetworkDesignInstances.PathOf("r01.1")));
        using var source = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var cancelledAt = TimeSpan.Zero;
        using var registration = source.Token.Register(() => cancelledAt = clock.Elapsed);
        source.CancelAfter(TimeSpan.FromSeconds(1));

        var result = FreightPlanner.Optimize(Hard, Exact, source.Token);
        var elapsed = clock.Elapsed;
        output.WriteLine($"cancelled at {cancelledAt.TotalSeconds:0.00} s, returned at {elapsed.TotalSeconds:0.00} s (build {result.Report.BuildTime.TotalSeconds:0.00} s, solve and pricing {result.Report.SolveTime.TotalSeconds:0.00} s), objective {result.Plan?.Objective}, gap {result.Report.RelativeGap}");

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.True(plan.Objective >= 14941 - 1e-6, "an incumbent cannot beat the optimum");
        Assert.True(plan.Verification!.Passed, string.Join("; ", plan.Verification.Findings));

        // The GLOP re-solve that prices the plan must not be cancelled by the same token.
        Assert.False(plan.Prices.Balance.IsDefaultOrEmpty);
        Assert.True(plan.Verification.OptimalityCertified);
        Assert.NotNull(result.Report.RelativeGap);

        // Generous, for a shared CI machine: the solve alone takes 10 s or more; measured 1.3 s (see the test output).
        Assert.True(elapsed < TimeSpan.FromSeconds(6), $"returned after {elapsed.TotalSeconds:0.00} s");
    }

    [Fact]
    public void Optimize_ScipTimeLimitOfOneSecond_ReturnsTimeLimitWithIncumbentAndGap()
    {
        var options = Exact;
        options.TimeLimit = TimeSpan.FromSeconds(1);

        var result = FreightPlanner.Optimize(Hard, options);
        output.WriteLine($"time limit 1 s: solve {result.Report.SolveTime.TotalSeconds:0.00} s, objective {result.Plan?.Objective}, bound {result.Report.BestBound}, gap {result.Report.RelativeGap}");

        Assert.Equal(SolveStatus.TimeLimit, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.True(result.Report.RelativeGap > 0);
        Assert.True(result.Report.BestBound <= plan.Objective + 1e-6);
        Assert.True(plan.Verification!.Passed);
    }

    [Fact]
    public void Optimize_TokenCancelledBeforeTheSolve_ReturnsCancelledWithoutPlan()
    {
        var result = FreightPlanner.Optimize(Hard, Exact, new CancellationToken(canceled: true));

        Assert.Equal(SolveStatus.Cancelled, result.Status);
        Assert.False(result.HasPlan);
    }
}
