using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Solving;

/// <summary>Hand-computed cases for the network-flow engines, and Auto's choice.</summary>
public sealed class NetworkFlowEngineTests
{
    private static Dictionary<CommodityId, double> Coal(double cost) => new() { ["coal"] = cost };

    private static OptimizationResult Solve(Scenario scenario, SolverEngine engine) =>
        FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine });

    private static AllocationPlan CertifiedPlan(OptimizationResult result)
    {
        Assert.Equal(SolveStatus.Optimal, result.Status);
        var plan = result.GetPlanOrThrow();
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, string.Join("; ", plan.Verification?.Findings.Select(f => f.ToString()) ?? []));
        return plan;
    }

    public static TheoryData<SolverEngine> FlowEngines() => [SolverEngine.NetworkFlow, SolverEngine.OrToolsMinCostFlow];

    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_BottleneckLine_MatchesHandComputedPlanAndPrices(SolverEngine engine)
    {
        var result = Solve(FreightPlannerTests.BottleneckLine(), engine);

        var plan = CertifiedPlan(result);
        Assert.Equal(engine, result.Report.Engine);
        Assert.Equal(0, result.Report.RoundingErrorBound);
        Assert.NotNull(result.Report.PricingMethod);
        Assert.Equal(630, plan.Objective, 9);
        Assert.Equal(50, plan.Flows.Single(f => f.Route == "a-b").Tonnes, 9);
        Assert.Equal(30, plan.Flows.Single(f => f.Route == "a-c").Tonnes, 9);
        Assert.Equal(11, plan.Prices.Balance.Single(p => p.Location == "C").PerTonne, 9);
        Assert.Equal(1, plan.Prices.Balance.Single(p => p.Location == "A").PerTonne, 9);
        Assert.Equal(5, plan.Prices.Capacity.Single(p => p.Element.Route == "a-b").PerTonne, 9);
        Assert.Equal("a-b", Assert.Single(plan.Bottlenecks).Element.Route?.Value);
    }

    /// <summary>
    /// O → H → M costs 1 + 1 plus handling 1 at H, whose throughput is capped at 30; O → M direct costs
    /// 10. Demand 50 at M. By hand: 30 through H (3 each), 20 direct: transport 60 + 200, handling 30,
    /// objective 290. Price at M 10; capacity price of H 10 − 3 = 7; price at H 10 − 1 = 9 (one tonne
    /// kept at H comes off H → M and is replaced at M by a direct tonne).
    /// </summary>
    private static Scenario HubCapacity() => new ScenarioBuilder(
            new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("O", LocationKind.Origin)
                .AddLocation(new Location("H", LocationKind.Hub) { AnnualCapacityTonnes = 30, HandlingCostPerTonne = ImmutableDictionary<CommodityId, double>.Empty.Add("coal", 1) })
                .AddLocation("M", LocationKind.Market)
                .AddRoute("o-h", "O", "H", TransportMode.Rail, Coal(1))
                .AddRoute("h-m", "H", "M", TransportMode.Rail, Coal(1))
                .AddRoute("o-m", "O", "M", TransportMode.Road, Coal(10))
                .Build())
        .AddSupply("O", "coal", 100)
        .AddDemand("M", "coal", 50, unmetPenaltyPerTonne: 1000)
        .Build();

    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_LocationCapacity_SplitsTheNodeAndPricesTheBottleneck(SolverEngine engine)
    {
        var plan = CertifiedPlan(Solve(HubCapacity(), engine));

        Assert.Equal(290, plan.Objective, 9);
        Assert.Equal(30, plan.Costs.Handling, 9);
        Assert.Equal(30, plan.Flows.Single(f => f.Route == "h-m").Tonnes, 9);
        Assert.Equal(20, plan.Flows.Single(f => f.Route == "o-m").Tonnes, 9);
        Assert.Equal(7, plan.Prices.Capacity.Single(p => p.Element.Location == "H").PerTonne, 9);
        Assert.Equal(10, plan.Prices.Balance.Single(p => p.Location == "M").PerTonne, 9);
        Assert.Equal(9, plan.Prices.Balance.Single(p => p.Location == "H").PerTonne, 9);
        Assert.Equal(1.0, plan.CapacityUse.Single(c => c.Element.Location == "H").Utilisation!.Value, 9);
    }

    /// <summary>
    /// Two supply lines at O (20 t at 5, 15 t at 1) and two soft demand lines at M (30 t with penalty
    /// 500, 30 t with penalty 2000), O → M costs 1. Supply 35 &lt; demand 60: the cheap line first,
    /// then the dear one, and the 25 t short fall on the line with the lower penalty. By hand:
    /// supply 15 + 100, transport 35, penalty 25·500 = 12500; objective 12650; price at M 500.
    /// </summary>
    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_ShortSupplyOverSeveralLines_UsesCheapSupplyFirstAndLeavesTheCheapestPenaltyUnmet(SolverEngine engine)
    {
        var scenario = new ScenarioBuilder(
                new FreightNetworkBuilder()
                    .AddCommodity("coal")
                    .AddLocation("O", LocationKind.Origin)
                    .AddLocation("M", LocationKind.Market)
                    .AddRoute("o-m", "O", "M", TransportMode.Rail, Coal(1))
                    .Build())
            .AddSupply("O", "coal", 20, costPerTonne: 5)
            .AddSupply("O", "coal", 15, costPerTonne: 1)
            .AddDemand("M", "coal", 30, unmetPenaltyPerTonne: 500)
            .AddDemand("M", "coal", 30, unmetPenaltyPerTonne: 2000)
            .Build();

        var plan = CertifiedPlan(Solve(scenario, engine));

        Assert.Equal(12650, plan.Objective, 9);
        Assert.Equal(115, plan.Costs.Supply, 9);
        Assert.Equal(12500, plan.Costs.UnmetPenalty, 9);
        Assert.Equal(25, plan.TotalUnmetTonnes, 9);
        Assert.Equal(500, plan.Prices.Balance.Single(p => p.Location == "M").PerTonne, 9);
    }

    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_SurplusSupply_LeavesItUnused(SolverEngine engine)
    {
        var plan = CertifiedPlan(Solve(HubCapacity() with { Demands = [new Demand("M", "coal", 10)] }, engine));

        Assert.Equal(10, plan.Supplied.Single().Tonnes, 9);
        Assert.Equal(30, plan.Objective, 9);
        Assert.Equal(0, plan.Prices.Balance.Single(p => p.Location == "O").PerTonne, 9);
    }

    [Theory]
    [InlineData(SolverEngine.NetworkFlow)]
    [InlineData(SolverEngine.OrToolsMinCostFlow)]
    [InlineData(SolverEngine.Glop)]
    public void Optimize_HardDemandBeyondSupply_IsInfeasibleWithoutPlan(SolverEngine engine)
    {
        var scenario = HubCapacity() with { Demands = [new Demand("M", "coal", 150) { MustServe = true }] };

        var result = Solve(scenario, engine);

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Null(result.Plan);
    }

    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_HardDemandAtAClosedLocation_IsInfeasible(SolverEngine engine)
    {
        var scenario = HubCapacity() with
        {
            Demands = [new Demand("M", "coal", 10) { MustServe = true }],
            LocationAvailability = ImmutableDictionary<LocationId, Availability>.Empty.Add("M", Availability.ClosedIn(PlanningHorizon.SingleYear.Periods[0].Id)),
        };

        Assert.Equal(SolveStatus.Infeasible, Solve(scenario, engine).Status);
    }

    /// <summary>
    /// BottleneckLine over two half-year periods; in "winter" a-b is closed and in "summer" it is
    /// derated to half (25 t per year, 12.5 t in the period). Demand 40 per half year. By hand: winter
    /// all 40 direct (supply 40 + transport 400 = 440); summer 12.5 via B (12.5 · 6 = 75) and 27.5 direct
    /// (27.5 · 11 = 302.5): 377.5. Objective 817.5.
    /// </summary>
    [Theory]
    [MemberData(nameof(FlowEngines))]
    public void Optimize_ClosedAndDeratedRoute_CarriesNothingWhenClosedAndHalfWhenDerated(SolverEngine engine)
    {
        var line = FreightPlannerTests.BottleneckLine();
        var scenario = new ScenarioBuilder(line.Network)
            .AddPeriod("winter", 0.5)
            .AddPeriod("summer", 0.5)
            .SetAvailability(new RouteId("a-b"), "winter", 0)
            .SetAvailability(new RouteId("a-b"), "summer", 0.5)
            .AddSupply("A", "coal", 200, costPerTonne: 1)
            .AddDemand("C", "coal", 80, unmetPenaltyPerTonne: 1000)
            .Build();

        var plan = CertifiedPlan(Solve(scenario, engine));

        Assert.Equal(817.5, plan.Objective, 9);
        Assert.DoesNotContain(plan.Flows, f => f.Route == "a-b" && f.Period == "winter");
        Assert.Equal(12.5, plan.Flows.Single(f => f.Route == "a-b" && f.Period == "summer").Tonnes, 9);
        Assert.Equal(SolveStatus.Optimal, Solve(scenario, SolverEngine.Glop).Status);
        Assert.Equal(817.5, Solve(scenario, SolverEngine.Glop).GetPlanOrThrow().Objective, 6);
    }

    [Fact]
    public void Auto_SingleCommodityScenario_PicksTheNetworkSimplexAndSaysWhy()
    {
        var result = Solve(FreightPlannerTests.BottleneckLine(), SolverEngine.Auto);

        Assert.Equal(SolverEngine.NetworkFlow, result.Report.Engine);
        Assert.Contains("min-cost flow", result.Report.EngineReason, StringComparison.Ordinal);
        Assert.Equal(0, result.Report.RoundingErrorBound);
    }

    [Fact]
    public void Auto_CapacitySharedByTwoCommodities_PicksTheLpEngineAndSaysWhy()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddCommodity("oil")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("B", LocationKind.Market)
            .AddRoute("a-b", "A", "B", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1, ["oil"] = 2 }, 50)
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100).AddSupply("A", "oil", 100)
            .AddDemand("B", "coal", 40).AddDemand("B", "oil", 40)
            .Build();

        var result = Solve(scenario, SolverEngine.Auto);

        Assert.Equal(SolverEngine.Clp, result.Report.Engine);
        Assert.Contains("shared by 2 commodities", result.Report.EngineReason, StringComparison.Ordinal);
        Assert.Equal(SolveStatus.SolverUnavailable, Solve(scenario, SolverEngine.NetworkFlow).Status);
    }

    [Theory]
    [InlineData(InvestmentKind.Continuous, SolverEngine.Clp)]
    [InlineData(InvestmentKind.Binary, SolverEngine.Scip)]
    public void Auto_WithAnInvestment_PicksTheLpOrMipEngine(InvestmentKind kind, SolverEngine expected)
    {
        var scenario = FreightPlannerTests.BottleneckLine() with
        {
            Investments = [new InvestmentOption("widen", 20, 100, 20) { Target = new RouteId("a-b"), Kind = kind }],
        };

        var result = Solve(scenario, SolverEngine.Auto);

        Assert.Equal(expected, result.Report.Engine);
        Assert.Contains("investment", result.Report.EngineReason, StringComparison.Ordinal);
        Assert.Null(result.Report.RoundingErrorBound);
    }

    [Fact]
    public void NetworkFlow_Cancelled_ReturnsCancelledWithoutSolving()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = FreightPlanner.Optimize(FreightPlannerTests.BottleneckLine(), new SolveOptions { Engine = SolverEngine.NetworkFlow }, cancelled.Token);

        Assert.Equal(SolveStatus.Cancelled, result.Status);
    }
}
