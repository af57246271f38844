using FreightOptimizer.Tests.Properties;
using static FreightOptimizer.Tests.Solving.WideRangeScenarios;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// No plan the verifier rejects comes back as Optimal or Feasible: Auto re-solves along its chain of
/// exact engines, an explicit engine says VerificationFailed. The scenarios span many orders of magnitude.
/// </summary>
public sealed class VerificationGateTests
{
    private static OptimizationResult Solve(Scenario scenario, SolverEngine engine, bool verify = true) =>
        FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, Verify = verify, Appraise = AppraisalMode.Never });

    private static string Describe(OptimizationResult result) =>
        $"{result.Status} by {result.Report.Engine}: {result.Message} | notes: {string.Join(" | ", result.Report.Notes)} | findings: "
        + string.Join(" | ", result.Plan?.Verification?.Findings.Select(f => f.Message) ?? []);

    private static AllocationPlan CertifiedOptimal(OptimizationResult result)
    {
        Assert.True(result.Status == SolveStatus.Optimal, Describe(result));
        var plan = result.GetPlanOrThrow();
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, Describe(result));
        return plan;
    }

    public static TheoryData<SolverEngine> ExactEngines() =>
        [SolverEngine.Auto, SolverEngine.NetworkFlow, SolverEngine.OrToolsMinCostFlow, SolverEngine.Clp, SolverEngine.Glop];

    /// <summary>
    /// 10^12 t of supply and a demand of 1,000 t at 1 per tonne. The integer scaling once counted in
    /// 10^12 t, rounded the demand to 0 units and returned Optimal with no flow and no unmet demand.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExactEngines))]
    public void Optimize_SupplyOf1e12BesideDemandOf1000_ServesTheThousandTonnes(SolverEngine engine)
    {
        var result = Solve(OneMarket(1e12, 1000), engine);

        var plan = CertifiedOptimal(result);
        Assert.Equal(1000, plan.Flows.Single().Tonnes, 1e-9);
        Assert.Empty(plan.Unmet);
        Assert.Equal(1000, plan.Objective, 1e-6);
        if (engine == SolverEngine.Auto)
        {
            Assert.Equal(SolverEngine.NetworkFlow, result.Report.Engine);
            Assert.Equal(0, result.Report.RoundingErrorBound);
        }
    }

    [Theory]
    [MemberData(nameof(ExactEngines))]
    public void Optimize_SupplyOf1e9BesideDemandOf1_ServesTheTonne(SolverEngine engine)
    {
        var plan = CertifiedOptimal(Solve(OneMarket(1e9, 1), engine));

        Assert.Equal(1, plan.Flows.Single().Tonnes, 1e-9);
        Assert.Empty(plan.Unmet);
        Assert.Equal(1, plan.Objective, 1e-9);
    }

    /// <summary>
    /// Transport at 10^−9 per tonne beside a penalty of 1,000: the scaling once counted costs in 10^3,
    /// rounding the transport cost to 0, and the plan assembler erased every price under 10^−6 per
    /// tonne, so the prices gave a dual objective of 0 against a cost of 10^−6 and the plan was not certified.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExactEngines))]
    public void Optimize_CostOf1e9PerTonne_IsCertifiedAndPricesTheMarketAtThatCost(SolverEngine engine)
    {
        var plan = CertifiedOptimal(Solve(OneMarket(1000, 1000, costPerTonne: 1e-9, penaltyPerTonne: 1000), engine));

        Assert.Equal(1000, plan.Flows.Single().Tonnes, 1e-9);
        Assert.Equal(1e-6, plan.Objective, 1e-15);
        // The market pays the mine's price plus the transport. Engines may put both prices at the
        // penalty (1,000 and 1,000 − 10^−9), so the difference is exact only to 10^−13 or so.
        var market = plan.Prices.Balance.Single(p => p.Location == "CITY").PerTonne;
        var mine = plan.Prices.Balance.Single(p => p.Location == "MINE").PerTonne;
        Assert.Equal(1e-9, market - mine, 1e-12);
    }

    [Theory]
    [InlineData(SolverEngine.NetworkFlow)]
    [InlineData(SolverEngine.OrToolsMinCostFlow)]
    public void Optimize_ExplicitFlowEngineWhosePlanIsRejected_ReturnsVerificationFailedWithThePlanAndItsFindings(SolverEngine engine)
    {
        var result = Solve(RoundedPastItsCertificate(), engine);

        Assert.Equal(SolveStatus.VerificationFailed, result.Status);
        Assert.False(result.IsOptimal);
        Assert.True(result.HasPlan);
        Assert.Equal(engine, result.Report.Engine);
        Assert.True(result.Report.RoundingErrorBound > 0);
        var verification = result.Plan!.Verification!;
        Assert.False(verification.OptimalityCertified);
        Assert.Contains(verification.Findings, f => f.Check == VerificationCheck.DualityGap);
        Assert.StartsWith($"The verifier rejected the plan of {engine}: DualityGap", result.Message, StringComparison.Ordinal);
        Assert.Contains("An LP engine", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Optimal", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Report.Notes, n => n == $"{engine} returned the plan as optimal; the verifier then rejected it, so the status is VerificationFailed.");
    }

    [Fact]
    public void Optimize_AutoWhenTheNetworkSimplexPlanIsRejected_ReSolvesWithClpAndSaysWhy()
    {
        var result = Solve(RoundedPastItsCertificate(), SolverEngine.Auto);

        var plan = CertifiedOptimal(result);
        Assert.Equal(SolverEngine.Clp, result.Report.Engine);
        Assert.Equal(0.2504321, plan.TotalUnmetTonnes, 1e-9);
        Assert.Equal(250_432.1, plan.Objective, 1e-6);
        Assert.Contains("the verifier rejected its plan", result.Report.EngineReason, StringComparison.Ordinal);
        Assert.StartsWith("NetworkFlow's plan did not pass the verifier (DualityGap", result.Report.Notes[0], StringComparison.Ordinal);
        Assert.Null(result.Report.RoundingErrorBound);
    }

    /// <summary>
    /// Seed 215 of the wide-range generator (one commodity): the network simplex's rounded plan misses the
    /// optimum by 1.2·10^−4, CLP's by 2.5·10^−6 (both beyond the verifier's 10^−6 gap), GLOP's is certified.
    /// Auto walks the whole chain and the report says so at each step.
    /// </summary>
    [Fact]
    public void Optimize_AutoWhenNetworkFlowAndClpAreBothRejected_EndsWithGlopsCertifiedPlan()
    {
        var scenario = ScenarioGenerator.Generate(215, GeneratorSettings.NetworkFlowWide);

        var result = Solve(scenario, SolverEngine.Auto);

        var plan = CertifiedOptimal(result);
        Assert.Equal(SolverEngine.Glop, result.Report.Engine);
        Assert.StartsWith("NetworkFlow's plan did not pass the verifier", result.Report.Notes[0], StringComparison.Ordinal);
        Assert.StartsWith("CLP's plan did not pass the verifier", result.Report.Notes[1], StringComparison.Ordinal);
        Assert.Contains("CLP's plan was rejected by the verifier, so GLOP solved it.", result.Report.EngineReason, StringComparison.Ordinal);
        Assert.Equal(Solve(scenario, SolverEngine.Glop).GetPlanOrThrow().Objective, plan.Objective, 1e-6 * plan.Objective);
    }

    [Fact]
    public void Optimize_ExplicitClpWhosePlanIsRejected_ReturnsVerificationFailed()
    {
        // The same scenario: CLP alone, asked for by name, has no engine after it.
        var result = Solve(ScenarioGenerator.Generate(215, GeneratorSettings.NetworkFlowWide), SolverEngine.Clp);

        Assert.Equal(SolveStatus.VerificationFailed, result.Status);
        Assert.Equal(SolverEngine.Clp, result.Report.Engine);
        Assert.False(result.IsOptimal);
        Assert.Contains("Auto re-solves a rejected plan", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_VerifyOffWithARoundedPlan_StillChecksItAndRejectsIt()
    {
        var result = Solve(RoundedPastItsCertificate(), SolverEngine.NetworkFlow, verify: false);

        Assert.Equal(SolveStatus.VerificationFailed, result.Status);
        Assert.NotNull(result.Plan!.Verification);
    }

    [Fact]
    public void Optimize_VerifyOffUnderAutoWithARoundedPlan_StillReSolvesWithTheLpEngine()
    {
        var result = Solve(RoundedPastItsCertificate(), SolverEngine.Auto, verify: false);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(SolverEngine.Clp, result.Report.Engine);
        Assert.Equal(250_432.1, result.GetPlanOrThrow().Objective, 1e-6);
    }

    [Fact]
    public void Optimize_VerifyOffWithAnExactScaling_LeavesThePlanUnchecked()
    {
        var result = Solve(OneMarket(1e12, 1000), SolverEngine.NetworkFlow, verify: false);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Null(result.GetPlanOrThrow().Verification);
        Assert.Equal(0, result.Report.RoundingErrorBound);
    }

    [Fact]
    public void Optimize_ExplicitFlowEngineOnNumbersNoQuantumScales_DeclinesAndSaysWhy()
    {
        // π t beside 9.9·10^11 t: see IntegerScalingTests. Auto hands it to CLP, which serves it.
        var scenario = OneMarket(987_654_321_987, Math.PI);

        var flow = Solve(scenario, SolverEngine.NetworkFlow);
        var auto = Solve(scenario, SolverEngine.Auto);

        Assert.Equal(SolveStatus.SolverUnavailable, flow.Status);
        Assert.Null(flow.Plan);
        Assert.Contains("cannot solve it exactly", flow.Message, StringComparison.Ordinal);
        Assert.Contains("verifier's tolerance", flow.Message, StringComparison.Ordinal);
        Assert.Equal(SolverEngine.Clp, auto.Report.Engine);
        Assert.Contains("cannot be scaled to int64 safely", auto.Report.EngineReason, StringComparison.Ordinal);
        Assert.Equal(Math.PI, CertifiedOptimal(auto).Flows.Single().Tonnes, 1e-9);
    }
}
