using System.Text.Json.Nodes;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// Scenario files with closures of every kind, as a user writes them, and the engines that solve
/// each: routes closed in a period, routes whose end is closed, locations closed in some periods,
/// capacities nothing can use, a location and commodity nothing can reach, minimum flows waived by a
/// closure, with and without capacities and minimum flows. Shared by the price-completeness tests and
/// the plan-file certifier's tests.
/// </summary>
internal static class ClosureScenarios
{
    /// <summary>
    /// Coal and oil over three periods. H (coal only, capacity 200) is closed in p1 and M (capacity
    /// 300) in p2, so o-h loses an end in p1, h-m in p1 and p2 (its minimum is waived there), o-m is
    /// closed in p0 and loses M in p2. o-x carries only oil into X, which handles only coal: neither
    /// o-x's capacity nor X's can ever be used, and X's coal balance has no variable. M's demand in p2
    /// is unmet by closure.
    /// </summary>
    public const string TwoCommodities = """
        {
          "formatVersion": 1,
          "name": "closures, two commodities",
          "discountRate": 0.08,
          "periods": [ { "id": "p0", "yearFraction": 0.25 }, { "id": "p1", "yearFraction": 0.25 }, { "id": "p2", "yearFraction": 0.5 } ],
          "commodities": [ { "id": "coal", "unmetPenaltyPerTonne": 500 }, { "id": "oil" } ],
          "locations": [
            { "id": "O", "kind": "Origin", "annualCapacityTonnes": 400 },
            { "id": "H", "kind": "Hub", "annualCapacityTonnes": 200, "commodities": ["coal"], "availability": { "p1": 0 }, "handlingCostPerTonne": { "coal": 2 } },
            { "id": "X", "kind": "Hub", "annualCapacityTonnes": 50, "commodities": ["coal"] },
            { "id": "M", "kind": "Market", "annualCapacityTonnes": 300, "availability": { "p2": 0 } },
            { "id": "N", "kind": "Market", "handlingCostPerTonne": { "oil": 1 } }
          ],
          "routes": [
            { "id": "o-h", "from": "O", "to": "H", "mode": "Rail", "annualCapacityTonnes": 150, "costPerTonne": { "coal": 3 } },
            { "id": "h-m", "from": "H", "to": "M", "mode": "Rail", "annualCapacityTonnes": 120, "minAnnualTonnes": 20, "costPerTonne": { "coal": 2 } },
            { "id": "o-m", "from": "O", "to": "M", "mode": "Road", "annualCapacityTonnes": 100, "minAnnualTonnes": 10, "costPerTonne": { "coal": 9, "oil": 4 }, "availability": { "p0": 0 } },
            { "id": "o-x", "from": "O", "to": "X", "mode": "Pipeline", "annualCapacityTonnes": 80, "costPerTonne": { "oil": 1 } },
            { "id": "h-n", "from": "H", "to": "N", "mode": "Rail", "costPerTonne": { "coal": 4 } },
            { "id": "o-n", "from": "O", "to": "N", "mode": "Sea", "annualCapacityTonnes": 60, "costPerTonne": { "coal": 15, "oil": 6 }, "availability": { "p1": 0.5 } }
          ],
          "supplies": [
            { "location": "O", "commodity": "coal", "annualTonnes": 500, "costPerTonne": 1 },
            { "location": "O", "commodity": "oil", "annualTonnes": 200 }
          ],
          "demands": [
            { "location": "M", "commodity": "coal", "annualTonnes": 240 },
            { "location": "M", "commodity": "oil", "annualTonnes": 80, "unmetPenaltyPerTonne": 300 },
            { "location": "N", "commodity": "coal", "annualTonnes": 100 },
            { "location": "N", "commodity": "oil", "annualTonnes": 40, "period": "p2" }
          ]
        }
        """;

    /// <summary>
    /// One commodity, so a min-cost flow is exact: the same closures as <see cref="TwoCommodities"/>
    /// (H closed in p1, M in p2, o-m closed in p0, o-x into X that handles nothing o-x carries is
    /// replaced by a route into a hub closed in p0), no minimum flows and no investments.
    /// </summary>
    public const string Coal = """
        {
          "formatVersion": 1,
          "name": "closures, coal",
          "periods": [ { "id": "p0", "yearFraction": 0.25 }, { "id": "p1", "yearFraction": 0.25 }, { "id": "p2", "yearFraction": 0.5 } ],
          "commodities": [ { "id": "coal", "unmetPenaltyPerTonne": 400 } ],
          "locations": [
            { "id": "O", "kind": "Origin", "annualCapacityTonnes": 400 },
            { "id": "H", "kind": "Hub", "annualCapacityTonnes": 200, "availability": { "p1": 0 }, "handlingCostPerTonne": { "coal": 2 } },
            { "id": "Y", "kind": "Hub", "annualCapacityTonnes": 50, "availability": { "p0": 0, "p2": 0.5 } },
            { "id": "Z", "kind": "Hub" },
            { "id": "M", "kind": "Market", "annualCapacityTonnes": 300, "availability": { "p2": 0 } },
            { "id": "N", "kind": "Market" }
          ],
          "routes": [
            { "id": "o-h", "from": "O", "to": "H", "mode": "Rail", "annualCapacityTonnes": 150, "costPerTonne": { "coal": 3 } },
            { "id": "h-m", "from": "H", "to": "M", "mode": "Rail", "annualCapacityTonnes": 120, "costPerTonne": { "coal": 2 } },
            { "id": "o-m", "from": "O", "to": "M", "mode": "Road", "annualCapacityTonnes": 100, "costPerTonne": { "coal": 9 }, "availability": { "p0": 0 } },
            { "id": "o-y", "from": "O", "to": "Y", "mode": "Rail", "annualCapacityTonnes": 80, "costPerTonne": { "coal": 1 } },
            { "id": "y-n", "from": "Y", "to": "N", "mode": "Rail", "annualCapacityTonnes": 40, "costPerTonne": { "coal": 1 }, "availability": { "p1": 0 } },
            { "id": "h-n", "from": "H", "to": "N", "mode": "Rail", "costPerTonne": { "coal": 4 } },
            { "id": "o-n", "from": "O", "to": "N", "mode": "Sea", "annualCapacityTonnes": 60, "costPerTonne": { "coal": 15 }, "availability": { "p1": 0.5 } }
          ],
          "supplies": [
            { "location": "O", "commodity": "coal", "annualTonnes": 500, "costPerTonne": 1 }
          ],
          "demands": [
            { "location": "M", "commodity": "coal", "annualTonnes": 240 },
            { "location": "N", "commodity": "coal", "annualTonnes": 180, "unmetPenaltyPerTonne": 30 }
          ]
        }
        """;

    /// <summary>LP engines: every one that solves a scenario without integer decisions and returns prices.</summary>
    public static readonly SolverEngine[] LpEngines = [SolverEngine.Clp, SolverEngine.Glop, SolverEngine.Highs, SolverEngine.Scip];

    /// <summary>MIP engines.</summary>
    public static readonly SolverEngine[] MipEngines = [SolverEngine.Scip, SolverEngine.Highs];

    /// <summary>Network-flow engines, for scenarios a min-cost flow solves exactly.</summary>
    public static readonly SolverEngine[] FlowEngines = [SolverEngine.NetworkFlow, SolverEngine.OrToolsMinCostFlow];

    /// <summary>Every variant by name, with the scenario text and the engines that solve it.</summary>
    public static IReadOnlyList<(string Name, string Json, SolverEngine[] Engines)> All { get; } =
    [
        ("two commodities", TwoCommodities, LpEngines),
        ("two commodities, no minimum flows", Edit(TwoCommodities, RemoveMinimumFlows), LpEngines),
        ("two commodities, no capacities", Edit(TwoCommodities, RemoveCapacities), [.. FlowEngines, .. LpEngines]),
        ("two commodities, investments and budget", Edit(TwoCommodities, AddInvestments), MipEngines),
        ("two commodities, continuous investment", Edit(TwoCommodities, AddContinuousInvestment), LpEngines),
        ("coal", Coal, [.. FlowEngines, .. LpEngines]),
        ("coal, no capacities", Edit(Coal, RemoveCapacities), [.. FlowEngines, .. LpEngines]),
        ("coal, minimum flows", Edit(Coal, AddMinimumFlows), LpEngines),
    ];

    /// <summary>The text of a variant by name.</summary>
    public static string Json(string name) => All.Single(v => v.Name == name).Json;

    /// <summary>Every (variant, engine) pair.</summary>
    public static TheoryData<string, SolverEngine> Cases()
    {
        var data = new TheoryData<string, SolverEngine>();
        foreach (var (name, _, engines) in All)
        {
            foreach (var engine in engines) data.Add(name, engine);
        }

        return data;
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static void RemoveMinimumFlows(JsonObject root)
    {
        foreach (var route in root["routes"]!.AsArray()) route!.AsObject().Remove("minAnnualTonnes");
    }

    private static void RemoveCapacities(JsonObject root)
    {
        RemoveMinimumFlows(root);
        foreach (var route in root["routes"]!.AsArray()) route!.AsObject().Remove("annualCapacityTonnes");
        foreach (var location in root["locations"]!.AsArray()) location!.AsObject().Remove("annualCapacityTonnes");
    }

    private static void AddMinimumFlows(JsonObject root)
    {
        foreach (var route in root["routes"]!.AsArray())
        {
            if (route!["id"]!.GetValue<string>() is "h-m" or "o-m" or "y-n") route.AsObject()["minAnnualTonnes"] = 12;
        }
    }

    /// <summary>
    /// A binary upgrade of h-m from p1 on (lead time), a modular yard at X that nothing can use, a
    /// continuous extension of o-n, and a budget that funds two of the three.
    /// </summary>
    private static void AddInvestments(JsonObject root)
    {
        root["investments"] = JsonNode.Parse("""
            [
              { "id": "h-m-upgrade", "route": "h-m", "addedAnnualCapacityTonnes": 100, "capitalCost": 900, "lifetimeYears": 10, "firstPeriod": "p1" },
              { "id": "x-yard", "location": "X", "addedAnnualCapacityTonnes": 20, "capitalCost": 100, "lifetimeYears": 5, "kind": "Modular", "maxUnits": 3 },
              { "id": "o-n-extension", "route": "o-n", "addedAnnualCapacityTonnes": 40, "capitalCost": 400, "lifetimeYears": 20, "kind": "Continuous", "maxUnits": 2 }
            ]
            """);
        root["budget"] = JsonNode.Parse("""{ "capitalCost": 1300 }""");
    }

    /// <summary>A continuous extension of o-n, so the LP has an investment variable and a budget row.</summary>
    private static void AddContinuousInvestment(JsonObject root)
    {
        root["investments"] = JsonNode.Parse("""
            [ { "id": "o-n-extension", "route": "o-n", "addedAnnualCapacityTonnes": 40, "capitalCost": 400, "lifetimeYears": 20, "kind": "Continuous", "maxUnits": 2 } ]
            """);
        root["budget"] = JsonNode.Parse("""{ "capitalCost": 300 }""");
    }
}
