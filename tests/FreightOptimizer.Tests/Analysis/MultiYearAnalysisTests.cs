using FreightOptimizer.Analysis;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Scenarios;

namespace FreightOptimizer.Tests.Analysis;

/// <summary>
/// The analyses on the two-year case of <see cref="MultiYearTests"/> (route OM 100 t/yr at 10 per tonne,
/// demand 100 t in 2024 and 200 t in 2025, penalty 1,000, 10 % discount, an option of +100 t/yr whose
/// capital is 1,100 a year), each figure worked by hand.
/// </summary>
public sealed class MultiYearAnalysisTests
{
    private static readonly Scenario TwoYears = ScenarioJson.Read(MultiYearTests.TwoYears);

    [Fact]
    public void InvestmentTimetable_TwoYears_OnlineIn2025_Carrying100TonnesAboveTheBase()
    {
        var plan = FreightPlanner.Optimize(TwoYears).GetPlanOrThrow();
        var entry = Assert.Single(InvestmentTimetable.Of(TwoYears, plan));
        Assert.True(entry.Built);
        Assert.Equal(2025, entry.OnlineYear);
        Assert.Equal(new PeriodId("y2025"), entry.OnlinePeriod);
        Assert.Equal(1000, entry.CapitalCost, 9);
        Assert.Equal(1000, entry.CapitalCharge, 9); // 1,100 for 2025, discounted by 1.1
        var year = Assert.Single(entry.TonnesByYear);
        Assert.Equal(2025, year.Year);
        Assert.Equal(200, year.TargetTonnes, 6);
        Assert.Equal(100, year.AddedTonnes, 6);
    }

    [Fact]
    public void InvestmentTimetable_PlanOfAnotherScenario_IsRefused() =>
        Assert.Throws<ArgumentException>(() => InvestmentTimetable.Of(TwoYears, new AllocationPlan { Objective = 0, Costs = new CostBreakdown(0, 0, 0, 0, 0) }));

    [Fact]
    public void BudgetFrontier_TwoYears_NothingWithoutBudget_BuildsWithIt()
    {
        var points = BudgetFrontier.Solve(TwoYears, [0, 1000]);
        Assert.Equal(1000 + (101_000 / 1.1), points[0].Objective!.Value, 6);
        Assert.Equal(2000 + (2000 / 1.1), points[1].Objective!.Value, 6);
        Assert.Equal(1000, points[1].CapitalSpent!.Value, 6); // undiscounted, as the budget counts it
    }

    [Fact]
    public void Closures_Operational_KeepTheOnlineYear_AtTheHandComputedCost()
    {
        // Closed in 2024: 100 t unmet (100,000); 2025 ships 200 t on the expanded route (2,000 / 1.1); capital 1,000.
        var study = Closures.Run(TwoYears, new ClosureOptions { Closures = [new Closure(NetworkElement.Of(new RouteId("OM")), [new PeriodId("y2024")])] });
        var result = Assert.Single(study.Results);
        Assert.True(result.Status == SolveStatus.Optimal, $"{result.Status}: {result.Message} {string.Join("; ", result.Plan?.Verification?.Findings.Select(f => f.Message) ?? [])}");
        Assert.Equal(101_000 + (2000 / 1.1), result.Objective!.Value, 6);
    }

    [Fact]
    public void Sensitivity_MultiYear_IsRefusedWithAReason()
    {
        var plan = FreightPlanner.Optimize(TwoYears).GetPlanOrThrow();
        var error = Assert.Throws<ArgumentException>(() => Sensitivity.Analyse(TwoYears, plan));
        Assert.Contains("calendar years", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_MultiYear_SkipsTheAppraisalAndSaysWhy()
    {
        var result = FreightPlanner.Optimize(TwoYears, new SolveOptions { Appraise = AppraisalMode.Always });
        Assert.Empty(result.GetPlanOrThrow().Appraisal);
        Assert.Contains(result.Report.Notes, n => n.Contains("calendar years", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanJson_OnlinePeriod_RoundTrips()
    {
        var result = FreightPlanner.Optimize(TwoYears);
        var read = PlanJson.Read(PlanJson.Write(result));
        Assert.Equal(new PeriodId("y2025"), read.Plan!.Investments[0].OnlinePeriod);
        Assert.Contains("\"onlinePeriod\": \"y2025\"", PlanJson.Write(result), StringComparison.Ordinal);
    }
}
