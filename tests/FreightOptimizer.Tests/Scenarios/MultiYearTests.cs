using System.Diagnostics;
using FreightOptimizer.Export;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Scenarios;

/// <summary>
/// A two-year case checked by hand: one route O→M of 100 t/yr at 10 per tonne, demand at M of 100 t in
/// 2024 growing 100 % a year (200 t in 2025), penalty 1,000 per unmet tonne, discount rate 10 %, and
/// one option adding 100 t/yr for a capital of 1,000 over a lifetime of 1 year (capital recovery
/// factor 1.1, so 1,100 a year).
/// </summary>
public sealed class MultiYearTests
{
    internal const string TwoYears = """
        {
          "formatVersion": 1,
          "discountRate": 0.1,
          "commodities": [ { "id": "coal", "unmetPenaltyPerTonne": 1000 } ],
          "periods": [ { "id": "y2024", "yearFraction": 1, "year": 2024 }, { "id": "y2025", "yearFraction": 1, "year": 2025 } ],
          "locations": [ { "id": "O", "kind": "Origin" }, { "id": "M", "kind": "Market" } ],
          "routes": [ { "id": "OM", "from": "O", "to": "M", "mode": "Rail", "costPerTonne": { "coal": 10 }, "annualCapacityTonnes": 100 } ],
          "supplies": [ { "location": "O", "commodity": "coal", "annualTonnes": 1000 } ],
          "demands": [ { "location": "M", "commodity": "coal", "annualTonnes": 100, "growthPerYear": 1 } ],
          "investments": [ { "id": "expand", "route": "OM", "addedAnnualCapacityTonnes": 100, "capitalCost": 1000, "lifetimeYears": 1 } ]
        }
        """;

    [Fact]
    public void Optimize_TwoYears_BuildsForTheSecondYearAtTheHandComputedPresentValue()
    {
        // Online in 2025: capital 1,100 × 1/1.1 = 1,000; transport 100 × 10 in 2024 and 200 × 10 / 1.1 in 2025.
        // Online in 2024 would add 1,100 more capital and save nothing; never would leave 100 t unmet in 2025
        // at 100,000 / 1.1. So: 1,000 + 1,000 + 2,000 / 1.1 = 3,818.18…
        var result = FreightPlanner.Optimize(ScenarioJson.Read(TwoYears));
        var plan = result.GetPlanOrThrow();
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(plan.Verification!.OptimalityCertified);
        Assert.Equal(2000 + (2000 / 1.1), plan.Objective, 6);
        Assert.Equal(1000, plan.Costs.Capital, 6);
        var decision = Assert.Single(plan.Investments);
        Assert.Equal(1, decision.Units);
        Assert.Equal(new PeriodId("y2025"), decision.OnlinePeriod);
        Assert.Equal(200, plan.Flows.Single(f => f.Period == new PeriodId("y2025")).Tonnes, 6);
    }

    [Fact]
    public void Optimize_LeadTimePastTheHorizon_NeverBuildsAndPaysThePenalty()
    {
        var scenario = ScenarioJson.Read(TwoYears.Replace("\"lifetimeYears\": 1", "\"lifetimeYears\": 1, \"leadTimeYears\": 2", StringComparison.Ordinal));
        Assert.Contains(ScenarioValidator.Validate(scenario), i => i.Code == ValidationCode.OptionNeverOnline);
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.Equal(0, plan.Investments[0].Units);
        Assert.Null(plan.Investments[0].OnlinePeriod);
        Assert.Equal(1000 + (101_000 / 1.1), plan.Objective, 6);
    }

    [Fact]
    public void Verify_OnlinePeriodBeforeTheLeadTime_IsRejected()
    {
        var scenario = ScenarioJson.Read(TwoYears.Replace("\"lifetimeYears\": 1", "\"lifetimeYears\": 1, \"leadTimeYears\": 1", StringComparison.Ordinal));
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.Equal(new PeriodId("y2025"), plan.Investments[0].OnlinePeriod);
        var early = plan with { Investments = [plan.Investments[0] with { OnlinePeriod = new PeriodId("y2024") }] };
        var report = PlanVerifier.Verify(scenario, early);
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Check == VerificationCheck.InvestmentUnits);
    }

    /// <summary>
    /// The two-year case with 200 t wanted in both years, and the expansion requiring a permit that can
    /// only come online in 2025 (lead time 1 year): the expansion, worth building in 2024, waits for it.
    /// </summary>
    [Fact]
    public void Optimize_PrerequisiteWithALeadTime_HoldsBackTheOptionThatRequiresIt()
    {
        var json = TwoYears.Replace("\"growthPerYear\": 1", "\"growthPerYear\": 0", StringComparison.Ordinal)
            .Replace("\"annualTonnes\": 100, \"growthPerYear\"", "\"annualTonnes\": 200, \"growthPerYear\"", StringComparison.Ordinal)
            .Replace("\"lifetimeYears\": 1 }", "\"lifetimeYears\": 1, \"requires\": [ \"permit\" ] }, { \"id\": \"permit\", \"route\": \"OM\", \"addedAnnualCapacityTonnes\": 1, \"capitalCost\": 1, \"lifetimeYears\": 1, \"leadTimeYears\": 1 }", StringComparison.Ordinal);
        var scenario = ScenarioJson.Read(json);
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.True(plan.Verification!.OptimalityCertified);
        var expand = plan.Investments.Single(d => d.Id == new InvestmentId("expand"));
        var permit = plan.Investments.Single(d => d.Id == new InvestmentId("permit"));
        Assert.Equal(new PeriodId("y2025"), permit.OnlinePeriod);
        Assert.Equal(new PeriodId("y2025"), expand.OnlinePeriod);

        // Online in 2024, before its permit: the verifier says so.
        var early = plan with { Investments = [.. plan.Investments.Select(d => d.Id == expand.Id ? d with { OnlinePeriod = new PeriodId("y2024") } : d)] };
        var report = PlanVerifier.Verify(scenario, early);
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f.Check == VerificationCheck.Prerequisite);
    }

    [Theory]
    [InlineData("\"year\": 2024 }, { \"id\": \"y2025\", \"yearFraction\": 1 }", ValidationCode.PeriodYears)]
    [InlineData("\"year\": 2026 }, { \"id\": \"y2025\", \"yearFraction\": 1, \"year\": 2025 }", ValidationCode.PeriodYears)]
    [InlineData("\"year\": 2025 }, { \"id\": \"y2025\", \"yearFraction\": 1, \"year\": 2025 }", ValidationCode.YearFractionsExceedYear)]
    public void Validate_BadYears_AreNamed(string periods, ValidationCode code)
    {
        var json = TwoYears.Replace("\"year\": 2024 }, { \"id\": \"y2025\", \"yearFraction\": 1, \"year\": 2025 }", periods, StringComparison.Ordinal);
        var issues = ScenarioJson.TryRead(json).Issues;
        Assert.Contains(issues, i => i.Code == code && i.Severity == ValidationSeverity.Error && i.Path.StartsWith("$.periods", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GrowthOfMinusOne_AndContinuousTimedOption_AreErrors()
    {
        var json = TwoYears.Replace("\"growthPerYear\": 1", "\"growthPerYear\": -1", StringComparison.Ordinal)
            .Replace("\"lifetimeYears\": 1", "\"lifetimeYears\": 1, \"kind\": \"Continuous\"", StringComparison.Ordinal);
        var issues = ScenarioJson.TryRead(json).Issues;
        Assert.Contains(issues, i => i.Code == ValidationCode.GrowthOutOfRange && i.Path == "$.demands[0].growthPerYear");
        Assert.Contains(issues, i => i.Code == ValidationCode.ContinuousTimedOption && i.Path == "$.investments[0].kind");
    }

    [Fact]
    public void ScenarioJson_MultiYearFields_RoundTrip()
    {
        var scenario = ScenarioJson.Read(TwoYears.Replace("\"lifetimeYears\": 1", "\"lifetimeYears\": 1, \"leadTimeYears\": 1", StringComparison.Ordinal));
        var again = ScenarioJson.Read(ScenarioJson.Write(scenario));
        Assert.Equal(scenario, again);
        Assert.Equal(2025, again.Horizon.Periods[1].Year);
        Assert.Equal(1, again.Demands[0].GrowthPerYear);
        Assert.Equal(1, again.Investments[0].LeadTimeYears);
    }

    /// <summary>The exported MIP solved by GLPK (glpsol), an outside solver: the same optimum.</summary>
    [GlpsolFact]
    public void ExportedMps_SolvedByGlpsol_GivesTheSameObjective()
    {
        var scenario = ScenarioJson.Read(TwoYears);
        var directory = Directory.CreateTempSubdirectory("multiyear-glpk");
        try
        {
            var mps = Path.Combine(directory.FullName, "model.mps");
            var output = Path.Combine(directory.FullName, "solution.txt");
            ModelExport.WriteMpsFile(scenario, mps);
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/glpsol", ["--freemps", mps, "-o", output]) { RedirectStandardOutput = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = File.ReadAllLines(output).First(l => l.StartsWith("Objective:", StringComparison.Ordinal));
            var value = double.Parse(line.Split('=')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
            Assert.Equal(plan.Objective, value, 3);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>
/// A <see cref="FactAttribute"/> that skips, saying why, when GLPK's glpsol is missing; under CI
/// (<c>CI=true</c>) it never skips, since <c>.ci/run</c> installs glpk-utils and a missing solver is then
/// a failure to see.
/// </summary>
public sealed class GlpsolFactAttribute : FactAttribute
{
    public GlpsolFactAttribute()
    {
        if (!File.Exists("/usr/bin/glpsol") && !FreightOptimizer.Tests.Export.Chromium.UnderCi)
        {
            Skip = "glpsol is missing: `apt-get install glpk-utils` to check the exported model with GLPK. .ci/run installs it.";
        }
    }
}
