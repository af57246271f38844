using FreightOptimizer.Tests.Scenarios;

namespace FreightOptimizer.Tests.Verification;

/// <summary>The verifier checks the CO2 cap, its price, the time and carbon costs and the activity totals.</summary>
public sealed class Co2CapVerificationTests
{
    private static readonly Scenario Capped = GeneralisedCostScenarios.RailOrRoad(0.1, cap: 50);
    private static readonly AllocationPlan Plan = FreightPlanner.Optimize(Capped).GetPlanOrThrow();

    [Fact]
    public void Verify_PlanOverTheCap_NamesTheCap()
    {
        var looser = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, cap: 60)).GetPlanOrThrow();

        var report = PlanVerifier.Verify(Capped, looser);

        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Check == VerificationCheck.Co2 && f.Subject == "CO2 cap");
    }

    [Fact]
    public void Verify_CapPriceZeroed_IsNotCertified()
    {
        var report = PlanVerifier.Verify(Capped, Plan with { Prices = Plan.Prices with { Co2Cap = 0 } });

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
    }

    [Fact]
    public void Verify_CapPriceWithoutCap_IsNotCertified()
    {
        var uncapped = Capped with { Co2CapTonnes = null };
        var plan = FreightPlanner.Optimize(uncapped).GetPlanOrThrow();

        var report = PlanVerifier.Verify(uncapped, plan with { Prices = plan.Prices with { Co2Cap = 5 } });

        Assert.Contains(report.Findings, f => f.Check == VerificationCheck.DualFeasibility && f.Subject == "CO2 cap");
    }

    [Fact]
    public void Verify_CarbonCostMovedToTransport_NamesBothParts()
    {
        var priced = GeneralisedCostScenarios.RailOrRoad(0.1, 1000);
        var plan = FreightPlanner.Optimize(priced).GetPlanOrThrow();
        var moved = plan with { Costs = plan.Costs with { Transport = plan.Costs.Transport + plan.Costs.Carbon, Carbon = 0 } };

        var report = PlanVerifier.Verify(priced, moved);

        Assert.True(PlanVerifier.Verify(priced, plan).OptimalityCertified);
        Assert.Contains(report.Findings, f => f.Subject == "carbon cost");
        Assert.Contains(report.Findings, f => f.Subject == "transport cost");
    }

    [Fact]
    public void Verify_WrongActivityTotal_IsNamed()
    {
        var wrong = Plan with { Activity = Plan.Activity! with { Total = Plan.Activity.Total with { Co2Tonnes = 40 } } };

        var report = PlanVerifier.Verify(Capped, wrong);

        Assert.Contains(report.Findings, f => f.Check == VerificationCheck.Co2 && f.Subject.StartsWith("activity", StringComparison.Ordinal));
    }
}
