using System.Text;
using System.Text.Json.Nodes;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Validation;

/// <summary>
/// Every kind of bad input the reader, the validator and the planner must survive, as one table: each
/// case says what it feeds and what must come back (an error with its code, path and a stable piece
/// of its message; a warning; or a valid scenario). One theory runs them all, each on a task bounded
/// by a generous timeout so a hang fails its case instead of stalling the suite. For every case only
/// <see cref="FreightValidationException"/> may escape <see cref="ScenarioJson.Read(string)"/>, and
/// a valid scenario must solve to a status whose plan, if optimal or feasible, passed the verifier.
/// </summary>
public sealed class BadInputCatalogue
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    private const string Minimal = """
        {
          "formatVersion": 1,
          "commodities": [ { "id": "coal" } ],
          "locations": [
            { "id": "MINE", "kind": "Origin" },
            { "id": "CITY", "kind": "Market" }
          ],
          "routes": [
            { "id": "rail", "from": "MINE", "to": "CITY", "mode": "Rail", "costPerTonne": { "coal": 900 } }
          ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 2000000 } ],
          "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1500000 } ]
        }
        """;

    private enum Outcome
    {
        /// <summary>The read fails with the issue named.</summary>
        Error,

        /// <summary>The read succeeds with the warning named, and the scenario solves.</summary>
        Warning,

        /// <summary>The read succeeds, and the scenario solves.</summary>
        Valid,
    }

    private sealed record Case(string Name, Outcome Outcome, ValidationCode? Code = null, string? Path = null, string? Fragment = null)
    {
        public Func<string>? Text { get; init; }

        /// <summary>Takes over about 2 s (a large input): run with the slow tests.</summary>
        public bool Slow { get; init; }

        public Func<byte[]>? Bytes { get; init; }

        public ScenarioReadOptions Options { get; init; } = ScenarioReadOptions.Default;

        public SolveOptions Solve { get; init; } = new() { TimeLimit = TimeSpan.FromSeconds(20), Appraise = AppraisalMode.Never };

        /// <summary>What the solve must give, beyond a verified plan when there is one.</summary>
        public Action<OptimizationResult>? Then { get; init; }
    }

    private static Case Err(string name, string text, ValidationCode code, string path, string fragment) =>
        new(name, Outcome.Error, code, path, fragment) { Text = () => text };

    private static Case Err(string name, Func<string> text, ValidationCode code, string path, string fragment) =>
        new(name, Outcome.Error, code, path, fragment) { Text = text };

    private static Case SlowErr(string name, Func<string> text, ValidationCode code, string path, string fragment) =>
        new(name, Outcome.Error, code, path, fragment) { Text = text, Slow = true };

    private static string Edit(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Minimal)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject At(JsonObject root, string list, int index) => root[list]![index]!.AsObject();

    /// <summary>The minimal file with a capacity on the route and the given investments and budget.</summary>
    private static string WithOptions(string investments, string budget) => Edit(root =>
    {
        At(root, "routes", 0)["annualCapacityTonnes"] = 1_000_000;
        root["investments"] = JsonNode.Parse(investments);
        if (budget.Length > 0) root["budget"] = JsonNode.Parse(budget);
    });

    private static string Nested(int depth) =>
        "{\"formatVersion\":1,\"deep\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

    private static string ManyEntries(string list, int count, string entry) => Edit(root =>
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++) array.Add(JsonNode.Parse(entry.Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        root[list] = array;
    });

    private static readonly Case[] Cases =
    [
        // Malformed and truncated text.
        Err("Empty_Text", "", ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Whitespace_Only", "  \n\t ", ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Truncated_AfterOpeningBrace", Minimal[..Minimal.IndexOf('{', StringComparison.Ordinal)] + "{", ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Truncated_InsideFieldName", Minimal[..(Minimal.IndexOf("commodities", StringComparison.Ordinal) + 4)], ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Truncated_InsideNumber", Minimal[..(Minimal.IndexOf("2000000", StringComparison.Ordinal) + 3)], ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Truncated_InsideString", Minimal[..(Minimal.IndexOf("\"CITY\"", StringComparison.Ordinal) + 3)], ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Truncated_BeforeLastBrace", Minimal.TrimEnd()[..^1], ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Comment", Minimal.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, // v1", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "line 2"),
        Err("TrailingComma", Minimal.Replace("\"annualTonnes\": 1500000 }", "\"annualTonnes\": 1500000, }", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("NaN_Token", Minimal.Replace("1500000", "NaN", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("Infinity_Token", Minimal.Replace("1500000", "Infinity", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("SingleQuotedStrings", Minimal.Replace("\"coal\" }", "'coal' }", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "not well-formed JSON"),
        Err("TwoDocuments", Minimal + Minimal, ValidationCode.MalformedJson, "$", "not well-formed JSON"),

        // Not a scenario object.
        Err("Root_IsList", "[" + Minimal + "]", ValidationCode.WrongType, "$", "must hold one JSON object, not a list"),
        Err("Root_IsNumber", "42", ValidationCode.WrongType, "$", "must hold one JSON object, not the number 42"),
        Err("Root_IsNull", "null", ValidationCode.WrongType, "$", "must hold one JSON object, not null"),
        Err("Root_IsText", "\"scenario\"", ValidationCode.WrongType, "$", "not the text"),
        Err("FormatVersion_Missing", Edit(r => r.Remove("formatVersion")), ValidationCode.UnsupportedFormatVersion, "$.formatVersion", "has no formatVersion"),
        Err("FormatVersion_Text", Edit(r => r["formatVersion"] = "1"), ValidationCode.UnsupportedFormatVersion, "$.formatVersion", "must be the number 1"),
        Err("FormatVersion_Two", Edit(r => r["formatVersion"] = 2), ValidationCode.UnsupportedFormatVersion, "$.formatVersion", "format version 2"),

        // Encodings and text.
        new("ByteOrderMark_InText", Outcome.Valid) { Text = () => "\uFEFF" + Minimal },
        new("ByteOrderMark_InStream", Outcome.Valid) { Bytes = () => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Minimal)] },
        new("InvalidUtf8_InString", Outcome.Error, ValidationCode.MalformedJson, "$.locations[1].id", "not valid Unicode")
        {
            Bytes = () => Encoding.UTF8.GetBytes(Minimal).Select((b, i) => i == Minimal.IndexOf("CITY", StringComparison.Ordinal) ? (byte)0xC3 : b).ToArray(),
        },
        Err("LoneSurrogateEscape_InValue", Minimal.Replace("\"CITY\", \"kind\"", "\"CI\\ud800TY\", \"kind\"", StringComparison.Ordinal), ValidationCode.MalformedJson, "$.locations[1].id", "is not valid Unicode"),
        Err("LoneSurrogateEscape_InFieldName", Minimal.Replace("\"routes\"", "\"r\\ud800outes\"", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "A field name in the object at $ is not valid Unicode"),
        Err("LoneSurrogate_InDotNetString", Minimal.Replace("CITY", "CI\uD800TY", StringComparison.Ordinal), ValidationCode.MalformedJson, "$", "half of a surrogate pair"),
        Err("Id_ControlCharacter", Minimal.Replace("\"MINE\", \"kind\"", "\"MI\\u0001NE\", \"kind\"", StringComparison.Ordinal), ValidationCode.OutOfRange, "$.locations[0].id", "control character U+0001"),
        Err("Id_Newline", Minimal.Replace("\"rail\"", "\"ra\\nil\"", StringComparison.Ordinal), ValidationCode.OutOfRange, "$.routes[0].id", "control character U+000A"),
        Err("Id_WhitespaceOnly", Edit(r => At(r, "routes", 0)["id"] = "   "), ValidationCode.EmptyId, "$.routes[0].id", "has an empty id"),
        new("Id_OneMegabyte", Outcome.Valid)
        {
            Text = () => Minimal.Replace("CITY", new string('C', 1 << 20), StringComparison.Ordinal),
            Then = r => Assert.Equal(SolveStatus.Optimal, r.Status),
        },
        new("Name_TenMegabytes", Outcome.Valid) { Text = () => Edit(r => r["name"] = new string('n', 10 << 20)) },

        // Duplicate keys and ids.
        Err("DuplicateKey_Root", Minimal.Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"formatVersion\": 1,", StringComparison.Ordinal), ValidationCode.DuplicateField, "$.formatVersion", "appears more than once"),
        Err("DuplicateKey_CostMap", Minimal.Replace("{ \"coal\": 900 }", "{ \"coal\": 900, \"coal\": 1 }", StringComparison.Ordinal), ValidationCode.DuplicateField, "$.routes[0].costPerTonne.coal", "appears more than once"),
        Err("DuplicateId_Location", Edit(r => At(r, "locations", 1)["id"] = "MINE"), ValidationCode.DuplicateId, "$.locations[1].id", "MINE"),
        Err("DanglingReference_RouteEnd", Edit(r => At(r, "routes", 0)["to"] = "NOWHERE"), ValidationCode.UnknownReference, "$.routes[0].to", "NOWHERE"),
        Err("DanglingReference_SupplyCommodity", Edit(r => At(r, "supplies", 0)["commodity"] = "gold"), ValidationCode.UnknownReference, "$.supplies[0].commodity", "gold"),

        // Wrong types.
        Err("WrongType_ListIsObject", Edit(r => r["locations"] = new JsonObject()), ValidationCode.WrongType, "$.locations", "must be a list"),
        Err("WrongType_EntryIsNumber", Edit(r => r["locations"]![1] = 7), ValidationCode.WrongType, "$.locations[1]", "must be an object"),
        Err("WrongType_NumberIsText", Edit(r => At(r, "routes", 0)["annualCapacityTonnes"] = "lots"), ValidationCode.WrongType, "$.routes[0].annualCapacityTonnes", "must be a number"),
        Err("WrongType_MustServeIsText", Edit(r => At(r, "demands", 0)["mustServe"] = "yes"), ValidationCode.WrongType, "$.demands[0].mustServe", "true or false"),
        Err("UnknownField", Edit(r => At(r, "routes", 0)["capacity"] = 5), ValidationCode.UnknownField, "$.routes[0].capacity", "has no field 'capacity'"),

        // Numbers.
        Err("Number_1e400", Minimal.Replace("1500000", "1e400", StringComparison.Ordinal), ValidationCode.NotFinite, "$.demands[0].annualTonnes", "too large to be a finite number"),
        Err("Number_Minus1e400", Minimal.Replace("900", "-1e400", StringComparison.Ordinal), ValidationCode.NotFinite, "$.routes[0].costPerTonne.coal", "too large to be a finite number"),
        Err("Number_Negative", Edit(r => At(r, "routes", 0)["annualCapacityTonnes"] = -5), ValidationCode.Negative, "$.routes[0].annualCapacityTonnes", "must not be negative"),
        Err("Number_AboveMagnitudeCap", Edit(r => At(r, "supplies", 0)["annualTonnes"] = 1e16), ValidationCode.OutOfRange, "$.supplies[0].annualTonnes", "is 10000000000000000, above 1e15"),
        new("Number_Subnormal", Outcome.Valid) { Text = () => Minimal.Replace("900", "4.9e-324", StringComparison.Ordinal) },
        new("Number_ManyDigits", Outcome.Valid) { Text = () => Minimal.Replace("900", "900." + new string('0', 100_000) + "1", StringComparison.Ordinal) },

        // Empty and degenerate networks.
        new("EmptyNetwork", Outcome.Valid) { Text = () => """{ "formatVersion": 1, "commodities": [], "locations": [], "routes": [] }""" },
        new("ZeroCommodities_WithLocations", Outcome.Valid) { Text = () => """{ "formatVersion": 1, "commodities": [], "locations": [ { "id": "A", "kind": "Hub" } ], "routes": [] }""" },
        Err("ZeroCommodities_RouteCarriesOne", Edit(r => r["commodities"] = new JsonArray()), ValidationCode.UnknownReference, "$.routes[0].costPerTonne.coal", "coal"),
        new("NoRoutes_DemandUnreachable", Outcome.Warning, ValidationCode.UnreachableDemand, "$.demands[0]", "will all go unmet") { Text = () => Edit(r => r["routes"] = new JsonArray()) },
        Err("EmptyCostMap", Edit(r => At(r, "routes", 0)["costPerTonne"] = new JsonObject()), ValidationCode.EmptyCostMap, "$.routes[0].costPerTonne", "could carry nothing"),
        Err("SelfLoop", Edit(r => At(r, "routes", 0)["to"] = "MINE"), ValidationCode.SelfLoop, "$.routes[0]", "MINE"),
        new("MustServe_Unreachable", Outcome.Warning, ValidationCode.UnreachableDemand, "$.demands[0]", "will all go unmet")
        {
            Text = () => Edit(r => { r["routes"] = new JsonArray(); At(r, "demands", 0)["mustServe"] = true; }),
            Then = r => Assert.Equal(SolveStatus.Infeasible, r.Status),
        },

        // Periods and availability.
        Err("Periods_Empty", Edit(r => r["periods"] = new JsonArray()), ValidationCode.OutOfRange, "$.periods", "has no periods"),
        Err("Periods_SumToZero", Edit(r => r["periods"] = JsonNode.Parse("""[ { "id": "a", "yearFraction": 0 }, { "id": "b", "yearFraction": 0 } ]""")), ValidationCode.OutOfRange, "$.periods[0].yearFraction", "must last more than 0 of a year"),
        Err("Periods_HorizonTooLong", Edit(r => r["periods"] = JsonNode.Parse("""[ { "id": "a", "yearFraction": 1000 }, { "id": "b", "yearFraction": 1000 } ]""")), ValidationCode.DerivedValueOutOfRange, "$.periods", "1,000 years"),
        Err("Availability_AboveOne", Edit(r => At(r, "routes", 0)["availability"] = JsonNode.Parse("""{ "year": 1.5 }""")), ValidationCode.OutOfRange, "$.routes[0].availability.year", "must be between 0 (closed) and 1 (fully open). It is 1.5."),
        Err("Availability_Negative", Edit(r => At(r, "locations", 0)["availability"] = JsonNode.Parse("""{ "year": -0.1 }""")), ValidationCode.OutOfRange, "$.locations[0].availability.year", "must be between 0 (closed) and 1 (fully open). It is -0.1."),
        Err("Availability_UnknownPeriod", Edit(r => At(r, "routes", 0)["availability"] = JsonNode.Parse("""{ "winter": 0 }""")), ValidationCode.UnknownReference, "$.routes[0].availability.winter", "winter"),

        // Investments and budget.
        Err("Prerequisites_Cycle", WithOptions("""
            [ { "id": "a", "route": "rail", "addedAnnualCapacityTonnes": 1, "capitalCost": 1, "lifetimeYears": 10, "requires": ["b"] },
              { "id": "b", "route": "rail", "addedAnnualCapacityTonnes": 1, "capitalCost": 1, "lifetimeYears": 10, "requires": ["a"] } ]
            """, ""), ValidationCode.PrerequisiteCycle, "$.investments[0].requires[0]", "'a' → 'b' → 'a'"),
        Err("Prerequisites_Self", WithOptions("""[ { "id": "a", "route": "rail", "addedAnnualCapacityTonnes": 1, "capitalCost": 1, "lifetimeYears": 10, "requires": ["a"] } ]""", ""), ValidationCode.PrerequisiteCycle, "$.investments[0].requires[0]", "requires itself"),
        Err("ExclusiveGroup_OfOne", WithOptions("""[ { "id": "a", "route": "rail", "addedAnnualCapacityTonnes": 1, "capitalCost": 1, "lifetimeYears": 10, "exclusiveGroup": "g" } ]""", ""), ValidationCode.ExclusiveGroupOfOne, "$.investments[0].exclusiveGroup", "only option in exclusive group 'g'"),
        Err("Investment_OnUnlimitedTarget", Edit(r => r["investments"] = JsonNode.Parse("""[ { "id": "a", "location": "CITY", "addedAnnualCapacityTonnes": 1, "capitalCost": 1, "lifetimeYears": 10 } ]""")), ValidationCode.InvestmentOnUnlimitedTarget, "$.investments[0].location", "CITY"),
        new("Budget_BelowEveryOption", Outcome.Valid)
        {
            Text = () => WithOptions("""
                [ { "id": "a", "route": "rail", "addedAnnualCapacityTonnes": 1000000, "capitalCost": 500, "lifetimeYears": 10 },
                  { "id": "b", "route": "rail", "addedAnnualCapacityTonnes": 1000000, "capitalCost": 800, "lifetimeYears": 10, "kind": "Modular", "maxUnits": 3 } ]
                """, """{ "capitalCost": 100 }"""),
            Then = r => Assert.All(r.Plan!.Investments, i => Assert.Equal(0, i.Units)),
        },
        new("Budget_ZeroWithContinuousOption", Outcome.Valid)
        {
            Text = () => WithOptions("""[ { "id": "a", "route": "rail", "addedAnnualCapacityTonnes": 1000000, "capitalCost": 500, "lifetimeYears": 10, "kind": "Continuous" } ]""", """{ "capitalCost": 0 }"""),
            Then = r => Assert.All(r.Plan!.Investments, i => Assert.Equal(0, i.Units)),
        },

        // Magnitudes the integer engines cannot take exactly: the LP engine must take them, or an
        // explicitly asked network-flow engine must decline; nothing may overflow.
        new("Costs_BeyondIntegerEngine_Auto", Outcome.Valid)
        {
            Text = () => Edit(r =>
            {
                At(r, "routes", 0)["costPerTonne"] = JsonNode.Parse("""{ "coal": 1e15 }""");
                r["routes"]!.AsArray().Add(JsonNode.Parse("""{ "id": "road", "from": "MINE", "to": "CITY", "mode": "Road", "costPerTonne": { "coal": 3.3e-7 }, "annualCapacityTonnes": 1e-3 }"""));
                At(r, "supplies", 0)["annualTonnes"] = 1e15;
                At(r, "demands", 0)["annualTonnes"] = 9.99e14;
                At(r, "demands", 0)["unmetPenaltyPerTonne"] = 1e15;
            }),
            Then = r => Assert.Equal(SolveStatus.Optimal, r.Status),
        },
        new("Costs_BeyondIntegerEngine_NetworkSimplexAsked", Outcome.Valid)
        {
            Text = () => Edit(r =>
            {
                At(r, "routes", 0)["costPerTonne"] = JsonNode.Parse("""{ "coal": 1e15 }""");
                r["routes"]!.AsArray().Add(JsonNode.Parse("""{ "id": "road", "from": "MINE", "to": "CITY", "mode": "Road", "costPerTonne": { "coal": 3.3e-7 }, "annualCapacityTonnes": 1e-3 }"""));
                At(r, "supplies", 0)["annualTonnes"] = 1e15;
                At(r, "demands", 0)["annualTonnes"] = 9.99e14;
                At(r, "demands", 0)["unmetPenaltyPerTonne"] = 1e15;
            }),
            Solve = new() { Engine = SolverEngine.NetworkFlow, TimeLimit = TimeSpan.FromSeconds(20), Appraise = AppraisalMode.Never },
            Then = r => Assert.Contains(r.Status, new[] { SolveStatus.Optimal, SolveStatus.SolverUnavailable }),
        },

        // Limits.
        Err("Limit_Depth", Nested(17), ValidationCode.LimitExceeded, "$", "ScenarioReadOptions.MaxDepth"),
        Err("Limit_DepthHundredThousand", () => Nested(100_000), ValidationCode.LimitExceeded, "$", "more than 16 deep"),
        Err("Limit_DepthInsideLimitStillUnknown", Nested(16), ValidationCode.UnknownField, "$.deep", "has no field 'deep'"),
        SlowErr("Limit_FileBytes", () => new string(' ', 70_000_000) + Minimal, ValidationCode.LimitExceeded, "$", "ScenarioReadOptions.MaxFileBytes of 67,108,864"),
        new("Limit_FileBytes_Stream", Outcome.Error, ValidationCode.LimitExceeded, "$", "more than 1,000 bytes")
        {
            Bytes = () => Encoding.UTF8.GetBytes(Minimal + new string(' ', 2_000)),
            Options = new ScenarioReadOptions { MaxFileBytes = 1_000 },
        },
        SlowErr("Limit_Entities", () => ManyEntries("supplies", 200_001, "{}"), ValidationCode.LimitExceeded, "$", "ScenarioReadOptions.MaxEntities of 200,000"),
        Err("Limit_Periods", () => ManyEntries("periods", 1_001, """{ "id": "p#", "yearFraction": 0.001 }"""), ValidationCode.LimitExceeded, "$.periods", "ScenarioReadOptions.MaxPeriods of 1,000"),
        new("Limit_ModelVariables", Outcome.Error, ValidationCode.LimitExceeded, "$", "about 3 variables")
        {
            Text = () => Minimal,
            Options = new ScenarioReadOptions { MaxModelVariables = 2 },
        },

        // Many broken entries: the reader once compared every semantic issue with every structural one.
        SlowErr("ManyBrokenEntries", () => ManyEntries("supplies", 150_000, "1"), ValidationCode.WrongType, "$.supplies[149999]", "must be an object"),
        new("ManyMinimumFlowsAndOptions", Outcome.Valid)
        {
            Slow = true,
            Text = () => Edit(r =>
            {
                var routes = new JsonArray();
                var options = new JsonArray();
                for (var i = 0; i < 20_000; i++)
                {
                    routes.Add(JsonNode.Parse($$"""{ "id": "r{{i}}", "from": "MINE", "to": "CITY", "mode": "Rail", "costPerTonne": { "coal": {{900 + i}} }, "annualCapacityTonnes": 100, "minAnnualTonnes": 1 }"""));
                    options.Add(JsonNode.Parse($$"""{ "id": "o{{i}}", "route": "r{{i}}", "addedAnnualCapacityTonnes": 10, "capitalCost": 1, "lifetimeYears": 10, "kind": "Continuous" }"""));
                }

                r["routes"] = routes;
                r["investments"] = options;
            }),
            Solve = null!,
        },

        // The generalised cost, the CO2 cap, calibration adjustments and multi-year horizons.
        Err("HoldingRate_Negative", Edit(r => r["generalisedCost"] = JsonNode.Parse("""{ "holdingRatePerYear": -0.1 }""")), ValidationCode.OutOfRange, "$.generalisedCost.holdingRatePerYear", "at least 0 and at most 10 per year"),
        Err("CarbonPrice_Negative", Edit(r => r["generalisedCost"] = JsonNode.Parse("""{ "carbonPricePerTonneCo2": -5 }""")), ValidationCode.Negative, "$.generalisedCost.carbonPricePerTonneCo2", "must not be negative (it is -5)"),
        Err("EmissionFactor_Negative", Edit(r => At(r, "routes", 0)["co2GramsPerTonneKm"] = -1), ValidationCode.Negative, "$.routes[0].co2GramsPerTonneKm", "emission factor (gCO2e per tonne-km) of route 'rail'"),
        Err("Co2Cap_Negative", Edit(r => r["co2CapTonnes"] = -1), ValidationCode.Negative, "$.co2CapTonnes", "The CO2 cap (tonnes CO2e) must not be negative"),
        Err("Co2Cap_WithYears", Edit(r => { r["periods"] = TwoYears(); r["co2CapTonnes"] = 10; }), ValidationCode.Co2CapWithYears, "$.co2CapTonnes", "applies to a single-year horizon"),
        new("CarbonPrice_RouteWithoutDistance", Outcome.Warning, ValidationCode.EmissionsWithoutDistance, "$.routes[0]", "has no distanceKm, so it emits nothing")
        {
            Text = () => Edit(r => r["generalisedCost"] = JsonNode.Parse("""{ "carbonPricePerTonneCo2": 5000 }""")),
        },
        Err("CostAdjustment_UnknownRoute", Edit(r => r["costAdjustments"] = JsonNode.Parse("""[ { "route": "road", "costPerTonne": 10 } ]""")), ValidationCode.UnknownReference, "$.costAdjustments[0].route", "adjusts route 'road', which is not in the routes list"),
        Err("CostAdjustment_BelowZero", Edit(r => r["costAdjustments"] = JsonNode.Parse("""[ { "route": "rail", "commodity": "coal", "costPerTonne": -1000 } ]""")), ValidationCode.AdjustedCostNegative, "$.costAdjustments[0].costPerTonne", "bring the cost per tonne of 'coal' to -100"),
        Err("Years_Decreasing", Edit(r => r["periods"] = JsonNode.Parse("""[ { "id": "y1", "yearFraction": 1, "year": 2025 }, { "id": "y2", "yearFraction": 1, "year": 2024 } ]""")), ValidationCode.PeriodYears, "$.periods[1].year", "before the year of the period before it"),
        Err("Growth_MinusOne", Edit(r => { r["periods"] = TwoYears(); At(r, "demands", 0)["growthPerYear"] = -1; }), ValidationCode.GrowthOutOfRange, "$.demands[0].growthPerYear", "must be above −1 and at most 1"),
        new("Growth_WithoutYears", Outcome.Warning, ValidationCode.MultiYearFieldIgnored, "$.demands[0].growthPerYear", "the growth is ignored")
        {
            Text = () => Edit(r => At(r, "demands", 0)["growthPerYear"] = 0.05),
        },
        Err("SupplyGrowth_MinusOne", Edit(r => { r["periods"] = TwoYears(); At(r, "supplies", 0)["growthPerYear"] = -1; }), ValidationCode.GrowthOutOfRange, "$.supplies[0].growthPerYear", "must be above −1 and at most 1"),
        new("SupplyGrowth_WithoutYears", Outcome.Warning, ValidationCode.MultiYearFieldIgnored, "$.supplies[0].growthPerYear", "the growth is ignored")
        {
            Text = () => Edit(r => At(r, "supplies", 0)["growthPerYear"] = 0.05),
        },
    ];

    private static JsonNode TwoYears() => JsonNode.Parse("""[ { "id": "y1", "yearFraction": 1, "year": 2024 }, { "id": "y2", "yearFraction": 1, "year": 2025 } ]""")!;

    public static TheoryData<string> Names() => [.. Cases.Where(c => !c.Slow).Select(c => c.Name)];

    public static TheoryData<string> SlowNames() => [.. Cases.Where(c => c.Slow).Select(c => c.Name)];

    [Fact]
    public void Catalogue_Names_AreUniqueAndAtLeastForty()
    {
        Assert.True(Cases.Length >= 40, $"{Cases.Length} cases");
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public Task Catalogue_BadInput_EndsAsDocumented(string name) => RunGuarded(name);

    [Theory]
    [MemberData(nameof(SlowNames))]
    [Trait("Category", "Slow")]
    public Task Catalogue_LargeBadInput_EndsAsDocumented(string name) => RunGuarded(name);

    private static async Task RunGuarded(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var run = Task.Run(() => Run(c));
        if (await Task.WhenAny(run, Task.Delay(HangGuard)) != run) Assert.Fail($"Case {name} did not finish within {HangGuard.TotalSeconds} s.");
        await run;
    }

    private static void Run(Case c)
    {
        ScenarioReadResult read;
        try
        {
            read = c.Bytes is { } bytes ? ScenarioJson.TryRead(new MemoryStream(bytes()), c.Options) : ScenarioJson.TryRead(c.Text!(), c.Options);
        }
        catch (Exception e)
        {
            Assert.Fail($"Case {c.Name}: TryRead threw {e}");
            return;
        }

        var issues = string.Join(Environment.NewLine, read.Issues.Take(10));
        if (c.Outcome == Outcome.Error)
        {
            Assert.True(read.Scenario is null, $"Case {c.Name}: expected an error, the read succeeded with: {issues}");
            Assert.True(read.Issues.Any(Matches), $"Case {c.Name}: expected {c.Code} at {c.Path} with \"{c.Fragment}\"; got:{Environment.NewLine}{issues}");

            // Read throws the same issues, as FreightValidationException and nothing else.
            if (c.Text is { } text)
            {
                var thrown = Assert.Throws<FreightValidationException>(() => ScenarioJson.Read(text(), c.Options));
                Assert.Contains(thrown.Issues, Matches);
            }

            return;
        }

        Assert.True(read.Scenario is not null, $"Case {c.Name}: expected a valid scenario; got:{Environment.NewLine}{issues}");
        if (c.Outcome == Outcome.Warning) Assert.True(read.Warnings.Any(Matches), $"Case {c.Name}: expected warning {c.Code} at {c.Path} with \"{c.Fragment}\"; got:{Environment.NewLine}{issues}");
        if (c.Solve is null) return;
        var result = FreightPlanner.Optimize(read.Scenario, c.Solve);
        Assert.NotEqual(SolveStatus.VerificationFailed, result.Status);
        if (result.Status is SolveStatus.Optimal or SolveStatus.Feasible) Assert.True(result.Plan!.Verification!.Passed, $"Case {c.Name}: the plan failed verification.");
        c.Then?.Invoke(result);

        bool Matches(ValidationIssue i) => i.Code == c.Code && i.Path == c.Path && i.Message.Contains(c.Fragment!, StringComparison.Ordinal);
    }
}
