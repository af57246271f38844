using System.Collections.Immutable;
using FreightOptimizer.Analysis;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Analysis;

/// <summary>
/// The plan against the observations, on a scenario small enough to solve by hand: two seasons of half
/// a year; coal (3 Mt/yr wanted) and ore (1 Mt/yr) from one mine to one city across a border with a
/// rail crossing of 3 Mt/yr (1,620 per tonne of the whole way) and a road crossing (3,100, coal only).
/// Ore (30,000 a tonne unmet) takes the rail first, so coal has 2 Mt/yr of rail and 1 Mt/yr of road; in summer the road is closed,
/// so 0.5 Mt of coal (1 Mt/yr over the half year) goes unmet at 20,000 a tonne.
/// </summary>
public sealed class ObservationReportTests
{
    private static Scenario Build(params Observation[] observations)
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddCommodity("ore")
            .AddLocation("MINE", LocationKind.Origin)
            .AddLocation("BORDER_RU", LocationKind.BorderCrossing)
            .AddLocation("BORDER_CN", LocationKind.BorderCrossing)
            .AddLocation("CITY", LocationKind.Market)
            .AddRoute("mine-border", "MINE", "BORDER_RU", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 900, ["ore"] = 900 })
            .AddRoute(new Route("border-rail", "BORDER_RU", "BORDER_CN", TransportMode.Rail)
            {
                AnnualCapacityTonnes = 3_000_000,
                CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 20, ["ore"] = 20 }.ToImmutableDictionary(),
            })
            .AddRoute("border-road", "BORDER_RU", "BORDER_CN", TransportMode.Road, new Dictionary<CommodityId, double> { ["coal"] = 1_500 })
            .AddRoute("to-city", "BORDER_CN", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 700, ["ore"] = 700 })
            .Build();
        var builder = new ScenarioBuilder(network)
            .AddPeriod("summer", 0.5)
            .AddPeriod("winter", 0.5)
            .SetAvailability((RouteId)"border-road", "summer", 0)
            .AddSupply("MINE", "coal", 4_000_000)
            .AddSupply("MINE", "ore", 1_000_000)
            .AddDemand("CITY", "coal", 3_000_000, 20_000)
            .AddDemand("CITY", "ore", 1_000_000, 30_000);
        foreach (var o in observations) builder.AddObservation(o);
        return builder.Build();
    }

    private static Observation Seen(string id, double annualTonnes, double tolerance, params NetworkElement[] elements) =>
        new(id, [.. elements], annualTonnes, tolerance) { Source = "by hand" };

    private static readonly Observation[] Observations =
    [
        // Rail 3 Mt/yr + road 1 Mt/yr in winter only = (3 + 0 + 3 + 1) × 0.5 Mt over the year = 3.5 Mt/yr.
        Seen("border", 4_200_000, 0.25, new RouteId("border-rail"), new RouteId("border-road")) with { Name = "The border" },
        // Road coal in winter: 0.5 Mt in half a year, 1 Mt/yr; observed 0.8: +25 %, outside 20 %.
        Seen("road-winter", 800_000, 0.2, new RouteId("border-road")) with { Commodity = "coal", Period = "winter" },
        // City throughput of coal: 2 Mt/yr in summer, 3 Mt/yr in winter: 2.5 Mt/yr.
        Seen("city-coal", 2_500_000, 0, new LocationId("CITY")) with { Commodity = "coal" },
        // Mine throughput is its supply used: coal 2.5 + ore 1 = 3.5 Mt/yr.
        Seen("mine", 3_500_000, 0.01, new LocationId("MINE")),
        // Nothing crosses by road in summer, and nothing was observed.
        Seen("road-summer", 0, 0, new RouteId("border-road")) with { Period = "summer" },
    ];

    private static readonly Lazy<OptimizationResult> Solved = new(() => FreightPlanner.Optimize(Build(Observations)));

    [Fact]
    public void Compare_SmallScenario_GivesTheHandComputedTable()
    {
        var rows = ObservationReport.Compare(Build(Observations), Solved.Value.GetPlanOrThrow());

        Assert.Equal(
        [
            new ObservationComparison("border", 3_500_000, 4_200_000, 0.25) { Name = "The border" },
            new ObservationComparison("road-winter", 1_000_000, 800_000, 0.2),
            new ObservationComparison("city-coal", 2_500_000, 2_500_000, 0),
            new ObservationComparison("mine", 3_500_000, 3_500_000, 0.01),
            new ObservationComparison("road-summer", 0, 0, 0),
        ], rows.ToArray());
        Assert.Equal(-700_000, rows[0].Difference, 6);
        Assert.Equal(-1.0 / 6, rows[0].RelativeDifference!.Value, 12);
        Assert.True(rows[0].WithinTolerance);
        Assert.Equal(0.25, rows[1].RelativeDifference!.Value, 12);
        Assert.False(rows[1].WithinTolerance);
        Assert.True(rows[2].WithinTolerance);
        Assert.Null(rows[4].RelativeDifference);
        Assert.True(rows[4].WithinTolerance);
    }

    [Fact]
    public void Optimize_ScenarioWithObservations_AttachesTheComparisonAndKeepsTheOptimum()
    {
        var with = Solved.Value.GetPlanOrThrow();
        var without = FreightPlanner.Optimize(Build()).GetPlanOrThrow();

        Assert.Equal(ObservationReport.Compare(Build(Observations), with).ToArray(), with.Observations.ToArray());
        Assert.Empty(without.Observations);
        Assert.Equal(without.Objective, with.Objective);
        Assert.Equal(without.Flows.ToArray(), with.Flows.ToArray());
    }

    [Fact]
    public void Compare_ScenarioWithoutObservations_IsEmpty() =>
        Assert.Empty(ObservationReport.Compare(Build(), Solved.Value.GetPlanOrThrow()));

    [Fact]
    public void ObservationComparison_Equality_IsByContent()
    {
        Assert.Equal(new ObservationComparison("a", 1, 2, 0.1) { Name = "A" }, new ObservationComparison("a", 1, 2, 0.1) { Name = "A" });
        Assert.NotEqual(new ObservationComparison("a", 1, 2, 0.1), new ObservationComparison("a", 1, 2, 0.2));
    }

    [Fact]
    public void CompareAsObserved_ScenarioWithAnOption_SolvesWithNothingBuilt()
    {
        var scenario = Build(Observations) with
        {
            Investments = [new InvestmentOption("second-track", 1_000_000, 1, 20) { Target = new RouteId("border-rail") }],
        };
        var built = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.Equal(1, built.Investments[0].Units);

        var result = ObservationReport.CompareAsObserved(scenario);

        var plan = result.GetPlanOrThrow();
        Assert.Empty(plan.Investments);
        Assert.Equal(Solved.Value.GetPlanOrThrow().Observations.ToArray(), plan.Observations.ToArray());
    }

    [Fact]
    public void PlanJson_PlanWithObservations_WritesAndReadsThem()
    {
        var result = Solved.Value;

        var json = PlanJson.Write(result);
        var read = PlanJson.Read(json).Plan!;

        Assert.Equal(result.GetPlanOrThrow().Observations.ToArray(), read.Observations.ToArray());
        Assert.Contains("\"withinTolerance\": false", json, StringComparison.Ordinal);
        Assert.Contains("\"relativeDifference\": null", json, StringComparison.Ordinal);
    }
}
