using System.Diagnostics;
using System.Globalization;
using FreightOptimizer.Export;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Scenarios;

/// <summary>
/// Supply growth in a multi-year horizon, on a two-year case checked by hand: one route O→M of
/// 1,000 t/yr at 10 per tonne, a supply at O of 100 t/yr at 2 per tonne growing 100 % a year (200 t
/// in 2025), demand at M of 100 t in 2024 growing 100 % a year (200 t in 2025), penalty 1,000 per
/// unmet tonne, discount rate 10 %. The second year is served in full only thanks to the supply's growth.
/// </summary>
public sealed class SupplyGrowthTests
{
    internal const string TwoYears = """
        {
          "formatVersion": 1,
          "discountRate": 0.1,
          "commodities": [ { "id": "coal", "unmetPenaltyPerTonne": 1000 } ],
          "periods": [ { "id": "y2024", "yearFraction": 1, "year": 2024 }, { "id": "y2025", "yearFraction": 1, "year": 2025 } ],
          "locations": [ { "id": "O", "kind": "Origin" }, { "id": "M", "kind": "Market" } ],
          "routes": [ { "id": "OM", "from": "O", "to": "M", "mode": "Rail", "costPerTonne": { "coal": 10 }, "annualCapacityTonnes": 1000 } ],
          "supplies": [ { "location": "O", "commodity": "coal", "annualTonnes": 100, "costPerTonne": 2, "growthPerYear": 1 } ],
          "demands": [ { "location": "M", "commodity": "coal", "annualTonnes": 100, "growthPerYear": 1 } ]
        }
        """;

    private static string WithoutSupplyGrowth => TwoYears.Replace(", \"costPerTonne\": 2, \"growthPerYear\": 1", ", \"costPerTonne\": 2", StringComparison.Ordinal);

    [Fact]
    public void Optimize_SupplyGrowing_ServesTheSecondYear_AtTheHandComputedPresentValue()
    {
        // 2024: 100 t × (2 + 10) = 1,200. 2025: 200 t × 12 = 2,400, discounted by 1.1 → 2,181.82.
        var scenario = ScenarioJson.Read(TwoYears);
        Assert.Equal(200, MultiYear.SupplyTonnes(scenario, scenario.Supplies[0], 1), 9);
        var result = FreightPlanner.Optimize(scenario);
        var plan = result.GetPlanOrThrow();
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.True(plan.Verification!.OptimalityCertified);
        Assert.Equal(1200 + (2400 / 1.1), plan.Objective, 6);
        Assert.Equal(0, plan.TotalUnmetTonnes, 6);
        Assert.Equal(200, plan.Flows.Single(f => f.Period == new PeriodId("y2025")).Tonnes, 6);
    }

    [Fact]
    public void Optimize_SupplyFlat_LeavesHalfOfTheSecondYearUnmet()
    {
        // 2025: 100 t × 12 + 100 t unmet × 1,000 = 101,200, discounted by 1.1 → 92,000; plus 1,200 in 2024.
        var plan = FreightPlanner.Optimize(ScenarioJson.Read(WithoutSupplyGrowth)).GetPlanOrThrow();
        Assert.True(plan.Verification!.OptimalityCertified);
        Assert.Equal(1200 + 92_000, plan.Objective, 6);
        Assert.Equal(100, plan.TotalUnmetTonnes, 6);
    }

    [Fact]
    public void Verify_PlanUsingTheGrownSupply_IsRejectedWhereTheSupplyDoesNotGrow()
    {
        var grown = FreightPlanner.Optimize(ScenarioJson.Read(TwoYears)).GetPlanOrThrow();
        var report = PlanVerifier.Verify(ScenarioJson.Read(WithoutSupplyGrowth), grown);
        Assert.False(report.Passed);
    }

    [Fact]
    public void Validate_SupplyGrowthOutOfRange_IsAnError_AndWithoutYearsAWarning()
    {
        var bad = ScenarioJson.TryRead(TwoYears.Replace("\"costPerTonne\": 2, \"growthPerYear\": 1", "\"costPerTonne\": 2, \"growthPerYear\": -1", StringComparison.Ordinal)).Issues;
        Assert.Contains(bad, i => i.Code == ValidationCode.GrowthOutOfRange && i.Severity == ValidationSeverity.Error && i.Path == "$.supplies[0].growthPerYear");
        var tooFast = ScenarioJson.TryRead(TwoYears.Replace("\"costPerTonne\": 2, \"growthPerYear\": 1", "\"costPerTonne\": 2, \"growthPerYear\": 1.5", StringComparison.Ordinal)).Issues;
        Assert.Contains(tooFast, i => i.Code == ValidationCode.GrowthOutOfRange && i.Path == "$.supplies[0].growthPerYear");

        var noYears = TwoYears.Replace(", \"year\": 2024", string.Empty, StringComparison.Ordinal).Replace(", \"year\": 2025", string.Empty, StringComparison.Ordinal);
        var ignored = ScenarioJson.TryRead(noYears).Issues;
        Assert.Contains(ignored, i => i.Code == ValidationCode.MultiYearFieldIgnored && i.Severity == ValidationSeverity.Warning && i.Path == "$.supplies[0].growthPerYear");
    }

    [Fact]
    public void Validate_SupplyGrowingPast1e15_IsDerivedValueOutOfRange()
    {
        var json = TwoYears.Replace("\"annualTonnes\": 100, \"costPerTonne\": 2", "\"annualTonnes\": 9e14, \"costPerTonne\": 2", StringComparison.Ordinal);
        var issues = ScenarioJson.TryRead(json).Issues;
        Assert.Contains(issues, i => i.Code == ValidationCode.DerivedValueOutOfRange && i.Severity == ValidationSeverity.Error && i.Path == "$.supplies[0].growthPerYear");
    }

    [Fact]
    public void ScenarioJson_SupplyGrowth_RoundTrips_InCanonicalOrder()
    {
        var scenario = ScenarioJson.Read(TwoYears);
        var text = ScenarioJson.Write(scenario);
        var again = ScenarioJson.Read(text);
        Assert.Equal(scenario, again);
        Assert.Equal(1, again.Supplies[0].GrowthPerYear);
        Assert.Equal(text, ScenarioJson.Write(again));
        var supply = text[text.IndexOf("\"supplies\"", StringComparison.Ordinal)..text.IndexOf("\"demands\"", StringComparison.Ordinal)];
        Assert.True(supply.IndexOf("\"costPerTonne\"", StringComparison.Ordinal) < supply.IndexOf("\"growthPerYear\"", StringComparison.Ordinal));
        Assert.DoesNotContain("growthPerYear", ScenarioJson.Write(ScenarioJson.Read(WithoutSupplyGrowth))[..text.IndexOf("\"demands\"", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    /// <summary>The exported LP solved by GLPK (glpsol), an outside solver: the same optimum.</summary>
    [GlpsolFact]
    public void ExportedMps_SolvedByGlpsol_GivesTheSameObjective()
    {
        var scenario = ScenarioJson.Read(TwoYears);
        var directory = Directory.CreateTempSubdirectory("supplygrowth-glpk");
        try
        {
            var mps = Path.Combine(directory.FullName, "model.mps");
            var output = Path.Combine(directory.FullName, "solution.txt");
            ModelExport.WriteMpsFile(scenario, mps);
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/glpsol", ["--freemps", mps, "-o", output]) { RedirectStandardOutput = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = File.ReadAllLines(output).First(l => l.StartsWith("Objective:", StringComparison.Ordinal));
            var value = double.Parse(line.Split('=')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.Equal(1200 + (2400 / 1.1), value, 3);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
