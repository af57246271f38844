using System.Collections.Immutable;
using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Export;

/// <summary>Scenarios and solved results the report tests share (each solved once).</summary>
internal static class ReportScenarios
{
    private static readonly Lazy<OptimizationResult> CorridorResult = new(() => FreightPlanner.Optimize(RussiaChinaCorridor.Scenario));

    /// <summary>The built-in corridor, solved with the defaults (appraisal included).</summary>
    public static (Scenario Scenario, OptimizationResult Result) Corridor => (RussiaChinaCorridor.Scenario, CorridorResult.Value);

    /// <summary>
    /// A small located scenario: a mine, a crossing and a market joined by rail and a parallel road,
    /// a winter-closed barge back-up, a full crossing, named <paramref name="name"/>.
    /// </summary>
    public static Scenario Small(string name = "Small corridor", bool coordinates = true)
    {
        Location At(string id, LocationKind kind, double lat, double lon, double? capacity = null) =>
            new(id, kind) { Name = id + " place", Latitude = coordinates ? lat : null, Longitude = coordinates ? lon : null, AnnualCapacityTonnes = capacity };
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddCommodity("oil")
            .AddLocation(At("MINE", LocationKind.Origin, 52, 110))
            .AddLocation(At("BORDER", LocationKind.BorderCrossing, 50, 117, capacity: 3_000_000))
            .AddLocation(At("CITY", LocationKind.Market, 46, 126))
            .AddRoute(new Route("mine-border-rail", "MINE", "BORDER", TransportMode.Rail) { CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 900, ["oil"] = 1_000 }.ToImmutableDictionary() })
            .AddRoute(new Route("mine-border-road", "MINE", "BORDER", TransportMode.Road) { CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 2_500 }.ToImmutableDictionary() })
            .AddRoute(new Route("border-city-rail", "BORDER", "CITY", TransportMode.Rail) { CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 700, ["oil"] = 800 }.ToImmutableDictionary() })
            .AddRoute(new Route("mine-city-barge", "MINE", "CITY", TransportMode.InlandWaterway) { AnnualCapacityTonnes = 500_000, CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 2_000 }.ToImmutableDictionary() })
            .Build();
        return new ScenarioBuilder(network)
            .WithName(name)
            .AddPeriod("summer", 0.5)
            .AddPeriod("winter", 0.5)
            .SetAvailability((RouteId)"mine-city-barge", "winter", 0)
            .AddSupply("MINE", "coal", 5_000_000, costPerTonne: 1_000)
            .AddSupply("MINE", "oil", 1_000_000, costPerTonne: 3_000)
            .AddDemand("CITY", "coal", 3_000_000, unmetPenaltyPerTonne: 20_000)
            .AddDemand("CITY", "oil", 800_000, unmetPenaltyPerTonne: 30_000)
            .Build();
    }

    /// <summary>The small scenario solved.</summary>
    public static (Scenario Scenario, OptimizationResult Result) SmallSolved(string name = "Small corridor", bool coordinates = true)
    {
        var scenario = Small(name, coordinates);
        return (scenario, FreightPlanner.Optimize(scenario));
    }
}
