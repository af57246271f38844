using System.Collections.Immutable;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Scenarios;

/// <summary>Scenarios with a generalised cost, shared by the tests of several folders.</summary>
internal static class GeneralisedCostScenarios
{
    /// <summary>
    /// Rail against road, computed by hand. 1,000 t from MINE to CITY. Rail: 900/t, 1,000 km, 10 days,
    /// 600 t/yr; road: 1,000/t, 800 km, 2 days. Coal is worth 50,000/t, held at 10 % a year. Default
    /// factors: rail 11.3, road 90.3 g/tkm, so rail emits 0.0113 t CO2e per tonne, road 0.07224.
    /// </summary>
    public static Scenario RailOrRoad(double? holdingRate = 0.1, double? carbonPrice = null, double? cap = null) =>
        ScenarioJson.Read($$"""
        {
          "formatVersion": 1,
          "commodities": [ { "id": "coal", "valuePerTonne": 50000, "unmetPenaltyPerTonne": 100000 } ],
          "locations": [ { "id": "MINE", "kind": "Origin" }, { "id": "BORDER", "kind": "BorderCrossing" }, { "id": "CITY", "kind": "Market" } ],
          "routes": [
            { "id": "mine-border", "from": "MINE", "to": "BORDER", "mode": "Rail", "costPerTonne": { "coal": 0 } },
            { "id": "rail", "from": "BORDER", "to": "CITY", "mode": "Rail", "distanceKm": 1000, "transitDays": 10, "annualCapacityTonnes": 600, "costPerTonne": { "coal": 900 } },
            { "id": "road", "from": "BORDER", "to": "CITY", "mode": "Road", "distanceKm": 800, "transitDays": 2, "costPerTonne": { "coal": 1000 } }
          ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 2000 } ],
          "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1000 } ],
          "generalisedCost": { {{Field("holdingRatePerYear", holdingRate)}} {{Field("carbonPricePerTonneCo2", carbonPrice)}} "notes": "test" }
          {{(cap is { } c ? $", \"co2CapTonnes\": {c.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")}}
        }
        """);

    private static string Field(string name, double? value) =>
        value is { } v ? $"\"{name}\": {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}," : "";

    /// <summary>
    /// A generated scenario given distances, transit days and commodity values drawn from the seed, so
    /// that a generalised cost has something to act on; no generalised cost is set.
    /// </summary>
    public static Scenario WithActivityData(Scenario scenario, int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        var network = new FreightNetwork(
            scenario.Network.Commodities.Select(c => c with { ValuePerTonne = Math.Round(random.Next(100, 100_000) / 10.0) * 10 }),
            scenario.Network.Locations,
            scenario.Network.Routes.Select(r => r with
            {
                DistanceKm = random.Next(0, 10) == 0 ? null : random.Next(50, 3000),
                TransitDays = random.Next(0, 10) == 0 ? null : random.Next(1, 30),
                Co2GramsPerTonneKm = random.Next(0, 5) == 0 ? random.Next(1, 120) : null,
            }));
        return scenario with { Network = network };
    }

    /// <summary>The scenario with a generalised cost of the given holding rate and carbon price, default factors.</summary>
    public static Scenario Priced(Scenario scenario, double? holdingRate, double? carbonPrice) =>
        scenario with { GeneralisedCost = new GeneralisedCost { HoldingRatePerYear = holdingRate, CarbonPricePerTonneCo2 = carbonPrice, EmissionFactors = ImmutableDictionary<TransportMode, double>.Empty } };
}
