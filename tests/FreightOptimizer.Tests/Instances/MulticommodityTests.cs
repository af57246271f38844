using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Instances;

/// <summary>
/// The public multicommodity instances (benchmarks/instances/multicommodity) through the LP engine:
/// the listed optima, computed by nobody in this project, to 1e-9 relative.
/// </summary>
public sealed class MulticommodityTests
{
    public static string InstanceDirectory => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "benchmarks", "instances", "multicommodity");

    [Theory]
    [InlineData("pds", 29083930523.0, 11, 126, 372, 87)]
    [InlineData("grid", 827319.0, 50, 25, 80, 80)]
    public void AutoAndGlop_ReachTheListedLpOptimum(string name, double optimum, int commodities, int nodes, int arcs, int bundles)
    {
        var instance = MnetgenReader.Read(Path.Combine(InstanceDirectory, name));
        Assert.Equal((commodities, nodes, arcs, bundles), (instance.Commodities, instance.Nodes, instance.Arcs, instance.Bundles));

        var auto = FreightPlanner.Optimize(instance.Scenario);
        var glop = FreightPlanner.Optimize(instance.Scenario, new SolveOptions { Engine = SolverEngine.Glop });

        Assert.Equal(SolverEngine.Clp, auto.Report.Engine);
        foreach (var result in new[] { auto, glop })
        {
            Assert.Equal(SolveStatus.Optimal, result.Status);
            var plan = result.GetPlanOrThrow();
            Assert.True(Math.Abs(plan.Objective - optimum) <= 1e-9 * optimum, $"{name} ({result.Report.Engine}): {plan.Objective:R} vs {optimum:R} (relative {Math.Abs(plan.Objective - optimum) / optimum:E2})");


            // The plan's own transport costs, summed from its flows, give the same optimum: no other cost enters.
            var fromFlows = plan.Flows.Sum(f => f.Tonnes * instance.Scenario.Network.Routes.Single(r => r.Id == f.Route).CostPerTonne[f.Commodity]);
            Assert.True(Math.Abs(fromFlows - optimum) <= 1e-9 * optimum, $"{name}: Σ cost·flow = {fromFlows:R}");
            Assert.Equal(0, plan.TotalUnmetTonnes);
            Assert.True(plan.Verification is { Passed: true }, "the verifier should accept the plan");
        }
    }

    [Fact]
    public void Pds_PerCommodityCapsOnAnUnbundledArc_BecomeParallelRoutes()
    {
        var instance = MnetgenReader.Read(Path.Combine(InstanceDirectory, "pds"));

        // Arc 1 (1 → 75) caps each of the 11 commodities on its own and has no bundle.
        var parallel = instance.Scenario.Network.Routes.Where(r => r.Id.Value.StartsWith("a1.k", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, parallel.Count);
        Assert.All(parallel, r => Assert.Single(r.CostPerTonne));
        Assert.Equal(351, parallel.Single(r => r.Id == "a1.k1").AnnualCapacityTonnes);
        Assert.Equal(0, instance.AuxiliaryHubs);
        Assert.Empty(ScenarioValidator.Validate(instance.Scenario).Where(i => i.Severity == ValidationSeverity.Error));
    }

    [Fact]
    public void IndividualCapsBelowTheJointCap_GoThroughAnAuxiliaryHub_AndBothBind()
    {
        // Two commodities from node 1 to node 2: a cheap bundled arc (joint 10; k1 ≤ 6, k2 ≤ 1) and a
        // dear uncapacitated one. Supplies 8 and 1: the cheap arc takes 6 + 1 (individual caps bind,
        // the joint cap does not), the dear one 2: 7·1 + 2·10 = 27. Joint cap alone would give 9.
        var directory = Directory.CreateTempSubdirectory("mnetgen-").FullName;
        try
        {
            var basePath = Path.Combine(directory, "tiny");
            File.WriteAllText(basePath + ".nod", "2\n2\n2\n1\n");
            File.WriteAllText(basePath + ".arc", "1 1 2 1 1 6 1\n1 1 2 2 1 1 1\n2 1 2 -1 10 -1 0\n");
            File.WriteAllText(basePath + ".sup", "1 1 8\n1 2 1\n2 1 -8\n2 2 -1\n");
            File.WriteAllText(basePath + ".mut", "1 10\n");

            var instance = MnetgenReader.Read(basePath);
            var plan = FreightPlanner.Optimize(instance.Scenario).GetPlanOrThrow();

            Assert.Equal(1, instance.AuxiliaryHubs);
            Assert.Equal(27, plan.Objective, 9);
            Assert.Equal(7, plan.Flows.Where(f => f.Route == "a1.joint").Sum(f => f.Tonnes), 9);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Grid_IndividualCapsEqualTheJointCap_OneRoutePerArc()
    {
        var instance = MnetgenReader.Read(Path.Combine(InstanceDirectory, "grid"));

        Assert.Equal(0, instance.AuxiliaryHubs);
        Assert.Equal(80, instance.Scenario.Network.Routes.Length);
        Assert.All(instance.Scenario.Network.Routes, r => Assert.Equal(50, r.CostPerTonne.Count));
    }
}
