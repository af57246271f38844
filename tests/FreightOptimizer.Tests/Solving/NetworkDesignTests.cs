using System.Diagnostics;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Serialization;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// The public Canad fixed-charge network-design instances through the library, at gap 0, against the
/// MIP optima of benchmarks/instances/README.md (nobody in this project computed them).
/// </summary>
public sealed class NetworkDesignTests(ITestOutputHelper output)
{
    private static OptimizationResult Solve(string instance, LinkingInequalities linking = LinkingInequalities.Auto, SolverEngine engine = SolverEngine.Auto) =>
        FreightPlanner.Optimize(
            NetworkDesignDow.ReadFile(NetworkDesignInstances.PathOf(instance)),
            new SolveOptions { RelativeMipGap = 0, LinkingInequalities = linking, Engine = engine });

    private static void AssertOptimum(OptimizationResult result, double optimum)
    {
        Assert.Equal(SolveStatus.Optimal, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.Equal(optimum, plan.Objective, 1e-6 * optimum);
        Assert.Equal(optimum, plan.Costs.Total, 1e-6 * optimum);
        Assert.Equal(0, plan.TotalUnmetTonnes);
        Assert.True(plan.Verification!.Passed, string.Join("; ", plan.Verification.Findings));
        Assert.True(plan.Verification.OptimalityCertified, "prices do not certify the LP with the design fixed");
    }

    [Theory]
    [InlineData("r01.1", 74079)]
    [InlineData("r01.5", 113036)]
    [InlineData("r04.1", 31730)]
    [InlineData("c25_100_10_V_L_5", 14712)]
    public void Optimize_CanadInstance_ReachesItsPublishedOptimum(string instance, double optimum) =>
        AssertOptimum(Solve(instance), optimum);

    [Theory]
    [InlineData("r01.1", 74079, LinkingInequalities.On)]
    [InlineData("r01.1", 74079, LinkingInequalities.Off)]
    [InlineData("r04.1", 31730, LinkingInequalities.On)]
    [InlineData("r04.1", 31730, LinkingInequalities.Off)]
    [InlineData("c25_100_10_V_L_5", 14712, LinkingInequalities.On)]
    [InlineData("c25_100_10_V_L_5", 14712, LinkingInequalities.Off)]
    public void Optimize_CanadInstance_SameOptimumWithAndWithoutLinkingInequalities(string instance, double optimum, LinkingInequalities linking) =>
        AssertOptimum(Solve(instance, linking), optimum);

    [Theory]
    [InlineData(SolverEngine.Scip)]
    [InlineData(SolverEngine.Highs)]
    public void Optimize_CanadInstance_ReachesItsOptimumWithEitherMipEngine(SolverEngine engine) =>
        AssertOptimum(Solve("r04.1", LinkingInequalities.On, engine), 31730);

    [Fact]
    public void Optimize_R019WithHardDemands_IsInfeasible()
    {
        var result = Solve("r01.9");

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.False(result.HasPlan);
    }

    /// <summary>
    /// The hardest instance here (10–25 s on two cores, see benchmarks/README.md): kept in the suite,
    /// under its own name so a slow run is easy to place.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Optimize_C25FixedCostInstance_ReachesItsPublishedOptimum_Slow()
    {
        var clock = Stopwatch.StartNew();
        var result = Solve("c25_100_10_F_L_5");
        output.WriteLine($"c25_100_10_F_L_5: {result.Status} {result.Plan?.Objective} in {clock.Elapsed.TotalSeconds:0.0} s (solve {result.Report.SolveTime.TotalSeconds:0.0} s)");

        AssertOptimum(result, 14941);
    }
}
