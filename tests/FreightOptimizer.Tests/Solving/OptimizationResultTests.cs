using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Verification;

namespace FreightOptimizer.Tests.Solving;

/// <summary>A result cannot be built in a state that contradicts itself.</summary>
public sealed class OptimizationResultTests
{
    private static readonly SolveReport Report = new() { Engine = SolverEngine.Clp, EngineReason = "test" };

    private static AllocationPlan Plan() => VerificationFixtures.Line().Plan;

    [Theory]
    [InlineData(SolveStatus.Optimal)]
    [InlineData(SolveStatus.Feasible)]
    [InlineData(SolveStatus.VerificationFailed)]
    public void Constructor_StatusThatClaimsAPlanWithoutOne_Throws(SolveStatus status) =>
        Assert.Throws<ArgumentException>("plan", () => new OptimizationResult(status, Report));

    [Theory]
    [InlineData(SolveStatus.Infeasible)]
    [InlineData(SolveStatus.Unbounded)]
    [InlineData(SolveStatus.InvalidModel)]
    [InlineData(SolveStatus.SolverUnavailable)]
    public void Constructor_StatusWithoutAPlanGivenOne_Throws(SolveStatus status) =>
        Assert.Throws<ArgumentException>("plan", () => new OptimizationResult(status, Report, Plan()));

    [Theory]
    [InlineData(SolveStatus.TimeLimit)]
    [InlineData(SolveStatus.Cancelled)]
    public void Constructor_InterruptedSolve_MayHaveAPlanOrNot(SolveStatus status)
    {
        Assert.True(new OptimizationResult(status, Report, Plan()).HasPlan);
        Assert.False(new OptimizationResult(status, Report).HasPlan);
    }

    [Fact]
    public void Constructor_VerificationFailedWithoutTheVerifiersReport_Throws() =>
        Assert.Throws<ArgumentException>("plan", () => new OptimizationResult(SolveStatus.VerificationFailed, Report, Plan() with { Verification = null }));

    [Fact]
    public void Constructor_ExplanationOfAResultThatIsNotInfeasible_Throws()
    {
        var explanation = new InfeasibilityExplanation { Causes = InfeasibilityCauses.HardDemands, Summary = "short" };

        Assert.Throws<ArgumentException>("explanation", () => new OptimizationResult(SolveStatus.Optimal, Report, Plan(), explanation: explanation));
        Assert.Same(explanation, new OptimizationResult(SolveStatus.Infeasible, Report, explanation: explanation).Explanation);
    }

    [Fact]
    public void Constructor_UndefinedStatus_Throws() =>
        Assert.Throws<ArgumentException>("status", () => new OptimizationResult((SolveStatus)99, Report));

    [Fact]
    public void Equals_TwoSolvesOfOneScenario_AreEqualByContentExceptTheirTimes()
    {
        var scenario = VerificationFixtures.Line().Scenario;

        var first = FreightPlanner.Optimize(scenario);
        var second = FreightPlanner.Optimize(scenario);

        Assert.NotSame(first.Plan, second.Plan);
        Assert.Equal(first.Plan, second.Plan);
        Assert.Equal(first.Plan!.GetHashCode(), second.Plan!.GetHashCode());
        var sameTimes = second.Report with { BuildTime = first.Report.BuildTime, SolveTime = first.Report.SolveTime };
        Assert.Equal(first, second.WithReport(sameTimes));
    }

    [Fact]
    public void Equals_PlansThatDifferInOneFlow_AreNotEqual()
    {
        var plan = FreightPlanner.Optimize(VerificationFixtures.Line().Scenario).GetPlanOrThrow();
        var changed = plan with { Flows = plan.Flows.SetItem(0, plan.Flows[0] with { Tonnes = plan.Flows[0].Tonnes + 1 }) };

        Assert.NotEqual(plan, changed);
        Assert.Equal(plan, plan with { Flows = [.. plan.Flows] });
    }

    [Fact]
    public void Equals_PricesReadBackFromPlanJson_EqualThoseWritten()
    {
        var result = FreightPlanner.Optimize(VerificationFixtures.Line().Scenario);

        var back = PlanJson.Read(PlanJson.Write(result)).Plan!;

        Assert.Equal(result.Plan!.Prices, back.Prices);
        Assert.Equal(result.Plan.Verification, back.Verification);
    }

    [Theory]
    [InlineData(SolveStatus.TimeLimit)]
    [InlineData(SolveStatus.Cancelled)]
    public void WithoutRejectedPoint_InterruptedSolveWhosePointFailsTheVerifier_KeepsItsStatusWithoutAPlan(SolveStatus status)
    {
        var rejected = Plan() with
        {
            Verification = new VerificationReport { Passed = false, MaxViolation = 0.25, RecomputedObjective = 1, OptimalityCertified = false },
        };
        var stopped = new OptimizationResult(status, Report with { Engine = SolverEngine.Clp }, rejected);

        var result = PlanSolver.WithoutRejectedPoint(stopped, "RouteCapacity at route a-b: 0.25 t over");

        Assert.Equal(status, result.Status);
        Assert.False(result.HasPlan);
        Assert.Contains("fails the verifier", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Report.Notes, n => n.Contains("not returned as a plan", StringComparison.Ordinal));
    }
}
