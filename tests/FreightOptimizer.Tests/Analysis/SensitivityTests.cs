using FreightOptimizer.Analysis;

namespace FreightOptimizer.Tests.Analysis;

public sealed class SensitivityTests
{
    /// <summary>
    /// One mine, one market wanting 15 t (penalty 100): a cheap route (1 per t, capacity 10) and a dear
    /// one (3 per t, no capacity). The optimum sends 10 t cheap and 5 t dear, 25 in all; by hand:
    /// the cheap route's capacity is worth 3 − 1 = 2 per t from 0 t up to 15 t (then it stops binding);
    /// the flows stay optimal for a cheap tariff in [0, 3] (above 3 the dear route is cheaper) and for a
    /// dear tariff in [1, 100] (below 1 the dear route takes all; above 100, leaving demand unmet is cheaper).
    /// </summary>
    internal static Scenario TwoRoutes() =>
        new ScenarioBuilder(new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("MINE", LocationKind.Origin)
                .AddLocation("CITY", LocationKind.Market)
                .AddRoute("cheap", "MINE", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 }, annualCapacityTonnes: 10)
                .AddRoute("dear", "MINE", "CITY", TransportMode.Road, new Dictionary<CommodityId, double> { ["coal"] = 3 })
                .Build())
            .AddSupply("MINE", "coal", annualTonnes: 100, costPerTonne: 0)
            .AddDemand("CITY", "coal", annualTonnes: 15, unmetPenaltyPerTonne: 100)
            .Build();

    [Fact]
    public void Analyse_TwoRoutes_HandComputedRanges()
    {
        var scenario = TwoRoutes();
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.Equal(25, plan.Objective, 9);

        var report = Sensitivity.Analyse(scenario, plan, new SensitivityOptions { MaxParallelSolves = 1 });

        var capacity = Assert.Single(report.Capacities);
        Assert.Equal(NetworkElement.Of(new RouteId("cheap")), capacity.Element);
        Assert.Equal(2, capacity.PerTonne, 9);
        Assert.Equal((0.0, RangeEnd.Floor), (Math.Round(capacity.LowerTonnes, 9), capacity.LowerEnd));
        Assert.Equal((15.0, RangeEnd.Breakpoint), (Math.Round(capacity.UpperTonnes!.Value, 9), capacity.UpperEnd));

        Assert.Equal(2, report.Tariffs.Length);
        var cheap = report.Tariffs.Single(t => t.Route == "cheap");
        Assert.Equal((10.0, 0.0, 3.0), (cheap.FlowTonnes, Math.Round(cheap.LowerCostPerTonne, 9), Math.Round(cheap.UpperCostPerTonne!.Value, 9)));
        Assert.Equal((RangeEnd.Floor, RangeEnd.Breakpoint), (cheap.LowerEnd, cheap.UpperEnd));
        var dear = report.Tariffs.Single(t => t.Route == "dear");
        Assert.Equal((5.0, 1.0, 100.0), (dear.FlowTonnes, Math.Round(dear.LowerCostPerTonne, 9), Math.Round(dear.UpperCostPerTonne!.Value, 9)));
        Assert.Equal((RangeEnd.Breakpoint, RangeEnd.Breakpoint), (dear.LowerEnd, dear.UpperEnd));
    }

    [Fact]
    public void Analyse_OnlyRoute_TariffRangeHasNoUpperEnd()
    {
        var scenario = new ScenarioBuilder(new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("MINE", LocationKind.Origin)
                .AddLocation("CITY", LocationKind.Market)
                .AddRoute("rail", "MINE", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 900 })
                .Build())
            .AddSupply("MINE", "coal", annualTonnes: 20, costPerTonne: 0)
            .AddDemand(new Demand("CITY", "coal", 10) { MustServe = true })
            .Build();
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();

        var tariff = Assert.Single(Sensitivity.Analyse(scenario, plan).Tariffs);

        Assert.Null(tariff.UpperCostPerTonne);
        Assert.Equal(RangeEnd.Unbounded, tariff.UpperEnd);
        Assert.Equal((0.0, RangeEnd.Floor), (tariff.LowerCostPerTonne, tariff.LowerEnd));
    }

    [Fact]
    public void Sweep_CheapTariffInsideItsRange_OptimumMovesByItsFlowAndNoFlowChanges()
    {
        var results = Sensitivity.Sweep(TwoRoutes(), [SweepTarget.Tariff("cheap", "coal"), SweepTarget.Demand("CITY", "coal")], new SweepOptions { Percent = 50, Steps = 2 });

        var tariff = results.Single(r => r.Target.Kind == SweepKind.Tariff);
        Assert.Equal([-50.0, 0, 50], tariff.Points.Select(p => p.Percent));
        Assert.Equal([20.0, 25, 30], tariff.Points.Select(p => Math.Round(p.Objective!.Value, 9)));
        Assert.All(tariff.Points, p => Assert.Empty(p.FlowChanges));

        // Demand 7.5 t goes all by the cheap route (3 t less on it and 5 t less on the dear one); 22.5 t, 7.5 t more on the dear one.
        var demand = results.Single(r => r.Target.Kind == SweepKind.Demand);
        Assert.Equal([7.5, 25, 47.5], demand.Points.Select(p => Math.Round(p.Objective!.Value, 9)));
        Assert.Equal([("dear", -5.0), ("cheap", -2.5)], demand.Points[0].FlowChanges.Select(c => (c.Route.Value, Math.Round(c.ChangeTonnes, 9))));
        Assert.Equal([("dear", 7.5)], demand.Points[2].FlowChanges.Select(c => (c.Route.Value, Math.Round(c.ChangeTonnes, 9))));
        Assert.Equal(demand, results[0]); // the larger swing (40 against 10) comes first
    }

    [Fact]
    public void Sweep_RouteWithoutTheCommodity_ThrowsNamingIt()
    {
        var error = Assert.Throws<FreightValidationException>(() => Sensitivity.Sweep(TwoRoutes(), [SweepTarget.Tariff("cheap", "oil")]));

        Assert.Contains("targets[0]", error.Message);
        Assert.Contains("'cheap'", error.Message);
    }

    [Fact]
    public void Options_Invalid_ThrowNamingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new SensitivityOptions { Engine = SolverEngine.Scip, MaxResolvesPerEnd = 0 }.Validate());

        Assert.Contains("Engine", error.Message);
        Assert.Contains("MaxResolvesPerEnd", error.Message);
    }
}
