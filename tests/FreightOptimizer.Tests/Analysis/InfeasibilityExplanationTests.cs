using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Analysis;

public sealed class InfeasibilityExplanationTests
{
    private static Dictionary<CommodityId, double> Coal(double cost) => new() { ["coal"] = cost };

    /// <summary>
    /// Two seasons. A → B (rail, 20 t/yr, so 10 a season) and A → C (unlimited). B must get 50 t/yr
    /// (25 a season), hard: 15 t short in each season, and the rail line is what is full. C's soft
    /// demand is served in full and has nothing to do with it.
    /// </summary>
    private static Scenario ShortOnRail() => new ScenarioBuilder(
            new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("A", LocationKind.Origin)
                .AddLocation("B", LocationKind.Market)
                .AddLocation("C", LocationKind.Market)
                .AddRoute("a-b", "A", "B", TransportMode.Rail, Coal(5), 20)
                .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(5))
                .Build())
        .AddPeriod("summer", 0.5)
        .AddPeriod("winter", 0.5)
        .AddSupply("A", "coal", 1000)
        .AddDemand(new Demand("B", "coal", 50) { MustServe = true })
        .AddDemand("C", "coal", 30, unmetPenaltyPerTonne: 100)
        .Build();

    [Fact]
    public void Optimize_HardDemandBeyondARoute_NamesTheDemandTheTonnesAndTheRoute()
    {
        var result = FreightPlanner.Optimize(ShortOnRail());

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        var explanation = Assert.IsType<InfeasibilityExplanation>(result.Explanation);
        Assert.Equal(InfeasibilityCauses.HardDemands, explanation.Causes);
        Assert.Equal(2, explanation.Shortfalls.Length);
        Assert.All(explanation.Shortfalls, s =>
        {
            Assert.Equal("B", s.Location.Value);
            Assert.Equal("coal", s.Commodity.Value);
            Assert.Equal(15, s.Tonnes, 1e-6);
        });
        Assert.Equal(["summer", "winter"], explanation.Shortfalls.Select(s => s.Period.Value).Order());
        Assert.Equal(30, explanation.TotalShortfallTonnes, 1e-6);
        Assert.Equal(2, explanation.Saturated.Length);
        Assert.All(explanation.Saturated, s => Assert.Equal("a-b", s.Element.Route?.Value));
        Assert.Contains("30 t short", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains("route a-b", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_HardDemandAtAClosedLocation_IsShortWithNothingSaturated()
    {
        var scenario = ShortOnRail() with
        {
            Network = new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("A", LocationKind.Origin)
                .AddLocation("B", LocationKind.Market)
                .AddLocation("C", LocationKind.Market)
                .AddRoute("a-b", "A", "B", TransportMode.Rail, Coal(5))
                .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(5))
                .Build(),
            LocationAvailability = new Dictionary<LocationId, Availability> { ["B"] = new(new Dictionary<PeriodId, double> { ["winter"] = 0 }) }.ToImmutableDictionary(),
        };

        var explanation = FreightPlanner.Optimize(scenario).Explanation!;

        var shortfall = Assert.Single(explanation.Shortfalls);
        Assert.Equal("winter", shortfall.Period.Value);
        Assert.Equal(25, shortfall.Tonnes, 1e-6);
        Assert.Empty(explanation.Saturated);
        Assert.Contains("closed in that period", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_MinimumFlowThatCannotBeCarried_NamesTheRoute()
    {
        // A → C must carry 40 t/yr but A has 30 t: relaxing demands cannot help; dropping the minimum does.
        var scenario = new ScenarioBuilder(
                new FreightNetworkBuilder()
                    .AddCommodity("coal")
                    .AddLocation("A", LocationKind.Origin)
                    .AddLocation("C", LocationKind.Market)
                    .AddRoute(new Route("a-c", "A", "C", TransportMode.Rail) { CostPerTonne = Coal(5).ToImmutableDictionary(), AnnualCapacityTonnes = 100, MinAnnualTonnes = 40 })
                    .AddRoute(new Route("a-c-road", "A", "C", TransportMode.Road) { CostPerTonne = Coal(9).ToImmutableDictionary(), AnnualCapacityTonnes = 100, MinAnnualTonnes = 5 })
                    .Build())
            .AddSupply("A", "coal", 30)
            .AddDemand(new Demand("C", "coal", 50) { MustServe = true })
            .Build();

        var result = FreightPlanner.Optimize(scenario);

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        var explanation = result.Explanation!;
        Assert.True(explanation.Causes.HasFlag(InfeasibilityCauses.MinimumFlows));
        Assert.Equal(["a-c"], explanation.MinimumFlowRoutes.Select(r => r.Value));
        Assert.Contains("minimum flow on route a-c", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_FeasibleScenario_HasNoExplanation()
    {
        var scenario = ShortOnRail() with { Demands = [new Demand("B", "coal", 10) { MustServe = true }] };

        var result = FreightPlanner.Optimize(scenario);

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Null(result.Explanation);
    }
}
