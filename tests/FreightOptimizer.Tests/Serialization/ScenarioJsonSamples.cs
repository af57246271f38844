using System.Text.Json.Nodes;

namespace FreightOptimizer.Tests.Serialization;

internal static class ScenarioJsonSamples
{
    /// <summary>
    /// A small corridor that uses nearly every field of format v1 (docs/scenario-format.md), with every
    /// reference resolving: coal, oil and chemicals; the Kuzbass origin, the Zabaikalsk crossing with a
    /// winter derating, the Harbin market; a priced route per leg, supply, demand and an investment.
    /// </summary>
    public const string FormatExample = """
        {
          "$schema": "optional, ignored by the reader",
          "formatVersion": 1,
          "name": "Russia–China corridor, 2023 base",
          "currency": "RUB",
          "discountRate": 0.10,
          "periods": [
            { "id": "summer", "yearFraction": 0.5 },
            { "id": "winter", "yearFraction": 0.5 }
          ],
          "commodities": [
            { "id": "coal", "name": "Thermal coal", "unmetPenaltyPerTonne": 50000 },
            { "id": "oil" },
            { "id": "chemicals" }
          ],
          "locations": [
            { "id": "RU_KUZBASS", "name": "Kuzbass", "kind": "Origin", "country": "RU" },
            { "id": "RU_ZABAIKALSK", "name": "Zabaikalsk", "kind": "BorderCrossing",
              "country": "RU", "latitude": 49.65, "longitude": 117.33,
              "annualCapacityTonnes": 25000000,
              "handlingCostPerTonne": { "coal": 800 },
              "commodities": ["coal", "oil", "chemicals"],
              "availability": { "winter": 0.9 },
              "source": "2023 flow 22 Mt (TASS); capacity assumed 25 Mt" },
            { "id": "CN_HARBIN", "name": "Harbin", "kind": "Market", "country": "CN" }
          ],
          "routes": [
            { "id": "kuzbass-zabaikalsk-rail", "from": "RU_KUZBASS", "to": "RU_ZABAIKALSK",
              "mode": "Rail", "distanceKm": 3200, "transitDays": 6,
              "annualCapacityTonnes": 60000000,
              "costPerTonne": { "coal": 2560, "chemicals": 3840 },
              "minAnnualTonnes": 0,
              "availability": { "winter": 1.0 } },
            { "id": "zabaikalsk-harbin-rail", "from": "RU_ZABAIKALSK", "to": "CN_HARBIN",
              "mode": "Rail", "distanceKm": 940, "costPerTonne": { "coal": 900 } }
          ],
          "supplies": [
            { "location": "RU_KUZBASS", "commodity": "coal", "annualTonnes": 40000000,
              "costPerTonne": 0 }
          ],
          "demands": [
            { "location": "CN_HARBIN", "commodity": "coal", "annualTonnes": 25000000,
              "unmetPenaltyPerTonne": 30000 }
          ],
          "investments": [
            { "id": "zabaikalsk-expansion", "name": "Zabaikalsk to 30 Mt/yr",
              "location": "RU_ZABAIKALSK",
              "addedAnnualCapacityTonnes": 5000000, "capitalCost": 8000000000,
              "lifetimeYears": 25, "kind": "Binary" }
          ],
          "budget": { "capitalCost": 10000000000 }
        }
        """;

    /// <summary>
    /// A small valid file to break one rule at a time. By index: commodities [coal, oil]; periods
    /// [jan, feb]; locations [MINE, HUB (cap), PORT]; routes [mine-hub, hub-port]; supplies [MINE coal];
    /// demands [PORT coal]; investments [hub-plus (HUB), hub-plus-2 (HUB)].
    /// </summary>
    public const string Small = """
        {
          "formatVersion": 1,
          "periods": [ { "id": "jan", "yearFraction": 0.5 }, { "id": "feb", "yearFraction": 0.5 } ],
          "commodities": [ { "id": "coal" }, { "id": "oil" } ],
          "locations": [
            { "id": "MINE", "kind": "Origin" },
            { "id": "HUB", "kind": "Hub", "annualCapacityTonnes": 1000 },
            { "id": "PORT", "kind": "Port" }
          ],
          "routes": [
            { "id": "mine-hub", "from": "MINE", "to": "HUB", "mode": "Rail", "costPerTonne": { "coal": 10 } },
            { "id": "hub-port", "from": "HUB", "to": "PORT", "mode": "Road", "costPerTonne": { "coal": 5, "oil": 6 } }
          ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 500 } ],
          "demands": [ { "location": "PORT", "commodity": "coal", "annualTonnes": 400 } ],
          "investments": [
            { "id": "hub-plus", "location": "HUB", "addedAnnualCapacityTonnes": 100, "capitalCost": 10, "lifetimeYears": 10 },
            { "id": "hub-plus-2", "location": "HUB", "addedAnnualCapacityTonnes": 100, "capitalCost": 10, "lifetimeYears": 10, "requires": ["hub-plus"] }
          ]
        }
        """;

    /// <summary>The small file with one change made to its tree.</summary>
    public static string SmallWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Small)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Item(this JsonObject root, string array, int index) => root[array]![index]!.AsObject();
}
