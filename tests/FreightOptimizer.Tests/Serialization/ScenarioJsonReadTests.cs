using System.Text;
using System.Text.Json.Nodes;
using FreightOptimizer.Serialization;
using static FreightOptimizer.Tests.Serialization.ScenarioJsonSamples;

namespace FreightOptimizer.Tests.Serialization;

public sealed class ScenarioJsonReadTests
{
    private static ValidationIssue Only(string json, ValidationCode code, string path)
    {
        var result = ScenarioJson.TryRead(json);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(path, issue.Path);
        return issue;
    }

    [Fact]
    public void Read_FormatExample_ReadsEveryField()
    {
        var result = ScenarioJson.TryRead(FormatExample);

        Assert.True(result.Succeeded, string.Join("\n", result.Issues));
        Assert.Empty(result.Issues);
        var s = result.Scenario;
        Assert.Equal("Russia–China corridor, 2023 base", s.Name);
        Assert.Equal(0.10, s.DiscountRate);
        Assert.Equal(["summer", "winter"], s.Horizon.Periods.Select(p => p.Id.Value));
        var zabaikalsk = s.Network.GetLocation("RU_ZABAIKALSK");
        Assert.Equal(LocationKind.BorderCrossing, zabaikalsk.Kind);
        Assert.Equal(25_000_000, zabaikalsk.AnnualCapacityTonnes);
        Assert.Equal(800, zabaikalsk.HandlingCostOf("coal"));
        Assert.Equal(0.9, s.AvailabilityOf((LocationId)"RU_ZABAIKALSK", "winter"));
        Assert.Equal("2023 flow 22 Mt (TASS); capacity assumed 25 Mt", zabaikalsk.Source);
        var rail = s.Network.GetRoute("kuzbass-zabaikalsk-rail");
        Assert.Equal(3840, rail.CostPerTonne["chemicals"]);
        Assert.Equal(0, rail.MinAnnualTonnes);
        Assert.Equal(1.0, s.AvailabilityOf(rail.Id, "winter"));
        Assert.Equal(30000, s.Demands[0].UnmetPenaltyPerTonne);
        Assert.Equal(InvestmentKind.Binary, s.Investments[0].Kind);
        Assert.Equal(10_000_000_000, s.Budget!.CapitalCost);
        Assert.Equal(50000, s.Network.GetCommodity("coal").UnmetPenaltyPerTonne);
    }

    [Fact]
    public void Read_SmallSample_IsValid() => Assert.Empty(ScenarioJson.TryRead(Small).Issues);

    [Fact]
    public void Read_OptionalFieldsLeftOut_UsesDefaults()
    {
        var s = ScenarioJson.Read("""
            { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
              "routes": [ { "id": "a-b", "from": "A", "to": "B", "mode": "Rail", "costPerTonne": { "coal": 1 } } ],
              "investments": [ { "id": "x", "route": "a-b", "addedAnnualCapacityTonnes": 1, "capitalCost": 0, "lifetimeYears": 1 } ] }
            """.Replace("\"mode\": \"Rail\",", "\"mode\": \"Rail\", \"annualCapacityTonnes\": 10,", StringComparison.Ordinal));

        Assert.Equal(PlanningHorizon.SingleYear, s.Horizon);
        Assert.Equal("year", s.Horizon.Periods.Single().Id.Value);
        Assert.Equal(1.0, s.Horizon.Periods.Single().YearFraction);
        Assert.Equal("RUB", s.Currency);
        Assert.Equal(0, s.DiscountRate);
        Assert.Equal(InvestmentKind.Binary, s.Investments[0].Kind);
        Assert.Null(s.Network.Locations[0].Commodities);
        Assert.Null(s.Budget);
    }

    [Fact]
    public void Read_NullOptionalFields_MeanAbsent()
    {
        var json = SmallWith(root =>
        {
            root["name"] = null;
            root["budget"] = null;
            root["supplies"]![0]!["period"] = null;
            root["locations"]![1]!["availability"] = null;
            root["investments"]![0]!["kind"] = null;
            root["investments"]![0]!["maxUnits"] = null;
        });

        Assert.Equal(ScenarioJson.Read(Small), ScenarioJson.Read(json));
    }

    [Fact]
    public void Read_ProvenanceEverywhere_IsKeptOnObjectsAndIgnoredInMaps()
    {
        var json = SmallWith(root =>
        {
            root["source"] = "root";
            root["$schema"] = "https://example.org/scenario.schema.json";
            root["periods"]![0]!["notes"] = "p";
            root["commodities"]![0]!["source"] = "c";
            root.Item("locations", 1)["source"] = "l";
            root.Item("locations", 1)["availability"] = new JsonObject { ["jan"] = 0.5, ["source"] = "ice", ["notes"] = "n" };
            root.Item("locations", 1)["handlingCostPerTonne"] = new JsonObject { ["coal"] = 1, ["source"] = "tariff" };
            root.Item("routes", 0)["notes"] = "r";
            root.Item("routes", 0)["costPerTonne"]!["source"] = "RZD tariff 2023";
            root.Item("supplies", 0)["source"] = "s";
            root.Item("demands", 0)["notes"] = "d";
            root.Item("investments", 0)["source"] = "i";
            root["budget"] = new JsonObject { ["capitalCost"] = 5, ["source"] = "b" };
        });

        var result = ScenarioJson.TryRead(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Issues));
        var s = result.Scenario;
        Assert.Equal("root", s.Source);
        Assert.Equal("p", s.Horizon.Periods[0].Notes);
        Assert.Equal("c", s.Network.Commodities[0].Source);
        Assert.Equal("l", s.Network.Locations[1].Source);
        Assert.Equal("r", s.Network.Routes[0].Notes);
        Assert.Equal(["coal"], s.Network.Routes[0].CostPerTonne.Keys.Select(k => k.Value));
        Assert.Equal(["jan"], s.LocationAvailability["HUB"].Factors.Keys.Select(k => k.Value));
        Assert.Equal("s", s.Supplies[0].Source);
        Assert.Equal("d", s.Demands[0].Notes);
        Assert.Equal("i", s.Investments[0].Source);
        Assert.Equal("b", s.Budget!.Source);
    }

    [Fact]
    public void Read_SourceKeyWithNumberInCostMap_IsACommodity() =>
        Only(SmallWith(root => root.Item("routes", 0)["costPerTonne"]!["source"] = 5), ValidationCode.UnknownReference, "$.routes[0].costPerTonne.source");

    // Structural errors

    [Fact]
    public void Read_MalformedJson_ReportsLineAndPosition()
    {
        var issue = Only("{\n  \"formatVersion\": 1,\n  \"name\" \"x\"\n}", ValidationCode.MalformedJson, "$");
        Assert.Contains("line 3, byte position 10", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyText_ReportsMalformedJson() => Only("", ValidationCode.MalformedJson, "$");

    [Fact]
    public void Read_MalformedJson_ThrowsWithTheIssue()
    {
        var e = Assert.Throws<FreightValidationException>(() => ScenarioJson.Read("{ \"formatVersion\": 1, }"));
        Assert.Equal(ValidationCode.MalformedJson, Assert.Single(e.Issues).Code);
    }

    [Fact]
    public void Read_RootIsAList_ReportsWrongType() => Only("[]", ValidationCode.WrongType, "$");

    [Fact]
    public void Read_FormatVersionMissing_ReportsUnsupportedFormatVersion()
    {
        var issue = Only(SmallWith(root => root.Remove("formatVersion")), ValidationCode.UnsupportedFormatVersion, "$.formatVersion");
        Assert.Contains("format version 1", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormatVersionTwo_ReportsVersionsKnownAndStops()
    {
        var issue = Only(SmallWith(root => { root["formatVersion"] = 2; root["futureField"] = true; }), ValidationCode.UnsupportedFormatVersion, "$.formatVersion");
        Assert.Contains("knows format version 1", issue.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormatVersionAsText_ReportsUnsupportedFormatVersion() =>
        Only(SmallWith(root => root["formatVersion"] = "1"), ValidationCode.UnsupportedFormatVersion, "$.formatVersion");

    [Fact]
    public void Read_UnknownRootField_ReportsUnknownField() =>
        Only(SmallWith(root => root["horizon"] = 1), ValidationCode.UnknownField, "$.horizon");

    [Fact]
    public void Read_UnknownNestedField_ReportsUnknownFieldAtItsPath()
    {
        var issue = Only(SmallWith(root => root.Item("routes", 1)["capacityTonnes"] = 5), ValidationCode.UnknownField, "$.routes[1].capacityTonnes");
        Assert.Contains("annualCapacityTonnes", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownFieldInBudget_ReportsUnknownField() =>
        Only(SmallWith(root => root["budget"] = new JsonObject { ["capitalCost"] = 1, ["cap"] = 2 }), ValidationCode.UnknownField, "$.budget.cap");

    [Fact]
    public void Read_FieldTwiceInOneObject_ReportsDuplicateField() =>
        Only(Small.Replace("\"id\": \"MINE\",", "\"id\": \"MINE\", \"id\": \"MINE\",", StringComparison.Ordinal), ValidationCode.DuplicateField, "$.locations[0].id");

    [Fact]
    public void Read_MissingRequiredRootList_ReportsMissingField() =>
        Assert.Contains(ScenarioJson.TryRead(SmallWith(root => root.Remove("commodities"))).Issues,
            i => i.Code == ValidationCode.MissingField && i.Path == "$.commodities");

    [Fact]
    public void Read_MissingRouteMode_ReportsMissingField() =>
        Only(SmallWith(root => root.Item("routes", 0).Remove("mode")), ValidationCode.MissingField, "$.routes[0].mode");

    [Fact]
    public void Read_MissingLocationId_ReportsMissingFieldFirst()
    {
        // The references to the location cannot be resolved either; they are reported after it.
        var issues = ScenarioJson.TryRead(SmallWith(root => root.Item("locations", 2).Remove("id"))).Issues;
        Assert.Equal((ValidationCode.MissingField, "$.locations[2].id"), (issues[0].Code, issues[0].Path));
        Assert.Equal(["$.routes[1].to", "$.demands[0].location"], issues.Skip(1).Select(i => i.Path));
    }

    [Fact]
    public void Read_InvestmentKindMisspelt_DoesNotAlsoJudgeMaxUnitsAsBinary() =>
        Only(SmallWith(root => { root.Item("investments", 0)["kind"] = "modular"; root.Item("investments", 0)["maxUnits"] = 3; }),
            ValidationCode.OutOfRange, "$.investments[0].kind");

    [Fact]
    public void Read_NullRequiredField_ReportsMissingField() =>
        Only(SmallWith(root => root.Item("supplies", 0)["annualTonnes"] = null), ValidationCode.MissingField, "$.supplies[0].annualTonnes");

    [Fact]
    public void Read_CapacityAsText_ReportsWrongType() =>
        Only(SmallWith(root => root.Item("locations", 1)["annualCapacityTonnes"] = "1000"), ValidationCode.WrongType, "$.locations[1].annualCapacityTonnes");

    [Fact]
    public void Read_CostAsText_ReportsWrongTypeAtKey() =>
        Only(SmallWith(root => root.Item("routes", 1)["costPerTonne"]!["oil"] = "6"), ValidationCode.WrongType, "$.routes[1].costPerTonne.oil");

    [Fact]
    public void Read_MustServeAsNumber_ReportsWrongType() =>
        Only(SmallWith(root => root.Item("demands", 0)["mustServe"] = 1), ValidationCode.WrongType, "$.demands[0].mustServe");

    [Fact]
    public void Read_RequiresEntryNotText_ReportsWrongTypeAtEntry() =>
        Only(SmallWith(root => root.Item("investments", 1)["requires"] = new JsonArray(1)), ValidationCode.WrongType, "$.investments[1].requires[0]");

    [Fact]
    public void Read_ListEntryNotObject_ReportsWrongTypeAndKeepsLaterPaths()
    {
        var json = SmallWith(root =>
        {
            root["routes"]!.AsArray().Insert(0, 42);
            root.Item("routes", 2)["to"] = "HARBOUR";
        });

        var issues = ScenarioJson.TryRead(json).Issues;

        Assert.Equal(
            [(ValidationCode.WrongType, "$.routes[0]"), (ValidationCode.UnknownReference, "$.routes[2].to")],
            issues.Select(i => (i.Code, i.Path)));
    }

    [Fact]
    public void Read_NumberTooLarge_ReportsNotFinite() =>
        Only(Small.Replace("\"annualCapacityTonnes\": 1000", "\"annualCapacityTonnes\": 1e400", StringComparison.Ordinal), ValidationCode.NotFinite, "$.locations[1].annualCapacityTonnes");

    [Fact]
    public void Read_UnknownLocationKind_ReportsOutOfRangeNamingAllowedValues()
    {
        var issue = Only(SmallWith(root => root.Item("locations", 2)["kind"] = "port"), ValidationCode.OutOfRange, "$.locations[2].kind");
        Assert.Contains("Origin, Hub, BorderCrossing, Port, Market", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownTransportMode_ReportsOutOfRangeNamingAllowedValues()
    {
        var issue = Only(SmallWith(root => root.Item("routes", 0)["mode"] = "Train"), ValidationCode.OutOfRange, "$.routes[0].mode");
        Assert.Contains("Rail, Road, Conveyor, Pipeline, InlandWaterway, Sea", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownInvestmentKind_ReportsOutOfRangeNamingAllowedValues()
    {
        var issue = Only(SmallWith(root => root.Item("investments", 0)["kind"] = "Integer"), ValidationCode.OutOfRange, "$.investments[0].kind");
        Assert.Contains("Binary, Modular, Continuous", issue.Message, StringComparison.Ordinal);
    }

    // Semantic errors carry file paths

    [Fact]
    public void Read_AvailabilityForUnknownPeriod_ReportsPathInsideLocation() =>
        Only(SmallWith(root => root.Item("locations", 2)["availability"] = new JsonObject { ["jan"] = 1, ["mar"] = 0 }),
            ValidationCode.UnknownReference, "$.locations[2].availability.mar");

    [Fact]
    public void Read_AvailabilityFactorAboveOne_ReportsPathInsideRoute() =>
        Only(SmallWith(root => root.Item("routes", 1)["availability"] = new JsonObject { ["feb"] = 2 }),
            ValidationCode.OutOfRange, "$.routes[1].availability.feb");

    [Fact]
    public void Read_CostForUnknownCommodity_ReportsPathAtKey() =>
        Only(SmallWith(root => root.Item("routes", 1)["costPerTonne"]!["gas"] = 1), ValidationCode.UnknownReference, "$.routes[1].costPerTonne.gas");

    [Fact]
    public void Read_RequiresUnknownOption_ReportsPathAtEntry() =>
        Only(SmallWith(root => root.Item("investments", 1)["requires"]![0] = "hub-minus"), ValidationCode.UnknownReference, "$.investments[1].requires[0]");

    [Fact]
    public void Read_DuplicateRouteId_ReportsDuplicateId() =>
        Only(SmallWith(root => root.Item("routes", 1)["id"] = "mine-hub"), ValidationCode.DuplicateId, "$.routes[1].id");

    [Fact]
    public void Read_NegativeSupply_ReportsNegative() =>
        Only(SmallWith(root => root.Item("supplies", 0)["annualTonnes"] = -1), ValidationCode.Negative, "$.supplies[0].annualTonnes");

    [Fact]
    public void Read_SeveralErrors_ReportsAllTogetherInOneException()
    {
        var json = SmallWith(root =>
        {
            root["discountRate"] = 1.5;
            root.Item("locations", 0)["kind"] = "Mine";
            root.Item("locations", 1)["capacity"] = 10;
            root.Item("routes", 0)["from"] = "MINES";
            root.Item("routes", 1)["costPerTonne"] = new JsonObject();
            root.Item("investments", 0)["route"] = "mine-hub";
            root.Item("investments", 1)["maxUnits"] = 2;
        });

        var e = Assert.Throws<FreightValidationException>(() => ScenarioJson.Read(json));

        Assert.Equal(
            [
                (ValidationCode.OutOfRange, "$.locations[0].kind"),
                (ValidationCode.UnknownField, "$.locations[1].capacity"),
                (ValidationCode.InvestmentTarget, "$.investments[0]"), // found while reading: an option holds one target
                (ValidationCode.OutOfRange, "$.discountRate"),
                (ValidationCode.UnknownReference, "$.routes[0].from"),
                (ValidationCode.EmptyCostMap, "$.routes[1].costPerTonne"),
                (ValidationCode.MaxUnitsMismatch, "$.investments[1].maxUnits"),
            ],
            e.Issues.Select(i => (i.Code, i.Path)));
        Assert.Contains("7 error(s)", e.Message, StringComparison.Ordinal);
    }

    // Warnings

    [Fact]
    public void TryRead_ScenarioWithWarnings_ReturnsScenarioAndWarnings()
    {
        var json = SmallWith(root => root.Item("routes", 0)["availability"] = new JsonObject { ["feb"] = 0 });

        var result = ScenarioJson.TryRead(json);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((ValidationCode.UnreachableDemand, "$.demands[0]"), (warning.Code, warning.Path));
        Assert.Empty(result.Errors);
        Assert.NotNull(ScenarioJson.Read(json));
    }

    // Sources

    [Fact]
    public void Read_Stream_WithByteOrderMark_Reads()
    {
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(FormatExample)]);
        Assert.Equal(ScenarioJson.Read(FormatExample), ScenarioJson.Read(stream));
    }

    [Fact]
    public void ReadFile_WrittenFile_ReadsBack()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        try
        {
            var scenario = ScenarioJson.Read(FormatExample);
            ScenarioJson.WriteFile(scenario, path);
            Assert.Equal(scenario, ScenarioJson.ReadFile(path));
            Assert.True(ScenarioJson.TryReadFile(path).Succeeded);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
