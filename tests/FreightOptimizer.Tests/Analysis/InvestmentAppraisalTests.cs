using FreightOptimizer.Analysis;

namespace FreightOptimizer.Tests.Analysis;

public sealed class InvestmentAppraisalTests
{
    private static Dictionary<CommodityId, double> Coal(double cost) => new() { ["coal"] = cost };

    /// <summary>
    /// Two years of one period each (horizon 2). A → B → C costs 2 + 3 per tonne, A → B carries 50 a
    /// year; A → C direct costs 10; supply at A costs 1; demand at C is 80 a year. Discount rate 0,
    /// so an option's annualised cost is capital ÷ lifetime.
    /// <list type="bullet">
    /// <item>"ab-expansion" adds 30 t/yr to A → B for 200 over 10 years (20 a year, 40 over the horizon).
    /// Without it: 2 × (50·5 + 30·10 + 80·1) = 1,260. With it: 2 × (80·5 + 80) + 40 = 1,000. Built;
    /// value 260; gross annual saving (260 + 40) ÷ 2 = 150 (30 t a year × 5 saved); payback 200 ÷ 150 = 1.33 years;
    /// the 30 t it adds are full: utilisation 1.</item>
    /// <item>"ab-big" adds 100 t/yr for 5,000 over 10 years (500 a year, 1,000 over the horizon). Not built;
    /// forced in, the plan builds it instead of the expansion: 2 × 480 + 1,000 = 1,960; regret 960.</item>
    /// </list>
    /// </summary>
    internal static Scenario TwoYears(double? budget = null) => new ScenarioBuilder(
            new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("A", LocationKind.Origin)
                .AddLocation("B", LocationKind.Hub)
                .AddLocation("C", LocationKind.Market)
                .AddRoute("a-b", "A", "B", TransportMode.Rail, Coal(2), 50)
                .AddRoute("b-c", "B", "C", TransportMode.Rail, Coal(3))
                .AddRoute("a-c", "A", "C", TransportMode.Road, Coal(10))
                .Build())
        .AddPeriod("y1", 1)
        .AddPeriod("y2", 1)
        .AddSupply("A", "coal", 100, costPerTonne: 1)
        .AddDemand("C", "coal", 80, unmetPenaltyPerTonne: 1000)
        .AddInvestment(new InvestmentOption("ab-expansion", 30, 200, 10) { Target = new RouteId("a-b") })
        .AddInvestment(new InvestmentOption("ab-big", 100, 5000, 10) { Target = new RouteId("a-b") })
        .WithBudget(budget is { } b ? new Budget(b) : null)
        .Build();

    [Fact]
    public void Optimize_SmallScenario_AppraisesAsComputedByHand()
    {
        var result = FreightPlanner.Optimize(TwoYears(), new SolveOptions { RelativeMipGap = 0 });

        var plan = result.GetPlanOrThrow();
        Assert.Equal(1000, plan.Objective, 1e-6);
        Assert.Equal(2, plan.Appraisal.Length);

        var expansion = plan.Appraisal[0];
        Assert.Equal("ab-expansion", expansion.Id);
        Assert.True(expansion.IsBuilt);
        Assert.Equal(1, expansion.Units);
        Assert.Equal(200, expansion.CapitalCost, 1e-9);
        Assert.Equal(20, expansion.AnnualisedCost, 1e-9);
        Assert.Equal(1.0, expansion.Utilisation!.Value, 1e-9);
        Assert.Equal(260, expansion.Value!.Value, 1e-5);
        Assert.Equal(150, expansion.GrossAnnualSaving!.Value, 1e-5);
        Assert.Equal(200.0 / 150, expansion.PaybackYears!.Value, 1e-7);
        Assert.Null(expansion.Regret);

        var big = plan.Appraisal[1];
        Assert.Equal("ab-big", big.Id);
        Assert.False(big.IsBuilt);
        Assert.Equal(0, big.Units);
        Assert.Equal(1, big.AppraisedUnits);
        Assert.Equal(5000, big.CapitalCost, 1e-9);
        Assert.Equal(500, big.AnnualisedCost, 1e-9);
        Assert.Equal(960, big.Regret!.Value, 1e-5);
        Assert.Null(big.Value);
        Assert.Null(big.PaybackYears);
        Assert.Null(big.Utilisation);
        Assert.Contains(result.Report.Notes, n => n.Contains("Appraised 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Optimize_ForcedOptionOverBudget_HasNoRegretAndSaysWhy()
    {
        var plan = FreightPlanner.Optimize(TwoYears(budget: 1000)).GetPlanOrThrow();

        var big = plan.Appraisal[1];
        Assert.Null(big.Regret);
        Assert.Contains("budget", big.Note, StringComparison.Ordinal);
        Assert.Equal(260, plan.Appraisal[0].Value!.Value, 1e-5);
    }

    [Fact]
    public void Optimize_ContinuousOptionNotBuilt_IsForcedInAtItsFullMaxUnits()
    {
        var scenario = TwoYears() with
        {
            Investments = [new InvestmentOption("ab-modules", 10, 5000, 10) { Target = new RouteId("a-b"), Kind = InvestmentKind.Continuous, MaxUnits = 2.5 }],
        };

        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();

        var modules = Assert.Single(plan.Appraisal);
        Assert.Equal(0, modules.Units);
        Assert.Equal(2.5, modules.AppraisedUnits);
        // 25 t/yr more through B saves 5 × 25 × 2 = 250 and costs 2.5 × 5,000 ÷ 10 × 2 = 2,500.
        Assert.Equal(2250, modules.Regret!.Value, 1e-5);
    }

    [Fact]
    public void Optimize_AppraiseNever_LeavesTheAppraisalEmpty()
    {
        var plan = FreightPlanner.Optimize(TwoYears(), new SolveOptions { Appraise = AppraisalMode.Never }).GetPlanOrThrow();

        Assert.Empty(plan.Appraisal);
    }

    [Fact]
    public void Optimize_MoreThanTwentyOptions_AppraisesOnlyOnRequest()
    {
        var options = Enumerable.Range(0, 21).Select(i => new InvestmentOption($"step{i}", 1, 1000 + i, 10) { Target = new RouteId("a-b"), Kind = InvestmentKind.Continuous });
        var scenario = TwoYears() with { Investments = [.. options] };

        var result = FreightPlanner.Optimize(scenario);
        Assert.Empty(result.GetPlanOrThrow().Appraisal);
        Assert.Contains(result.Report.Notes, n => n.Contains("Always", StringComparison.Ordinal));

        var appraised = InvestmentAppraisal.Appraise(scenario, result, new SolveOptions { MaxParallelSolves = 2 });
        Assert.Equal(21, appraised.GetPlanOrThrow().Appraisal.Length);
        Assert.All(appraised.GetPlanOrThrow().Appraisal, a => Assert.True(a.IsBuilt ? a.Value >= 0 : a.Regret >= 0));
    }

    [Fact]
    public void Appraise_PlanOfAnotherScenario_Throws()
    {
        var result = FreightPlanner.Optimize(TwoYears());

        Assert.Throws<ArgumentException>(() => InvestmentAppraisal.Appraise(TwoYears() with { Investments = [] }, result));
    }
}
