using System.Globalization;
using FreightOptimizer.Corridors;
using FreightOptimizer.Studies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Studies;

/// <summary>Reading study files: every kind of level, the errors with their paths, case order and ids.</summary>
public sealed class StudyJsonTests
{
    private const string Every = """
        {
          "formatVersion": 1,
          "id": "every-kind",
          "name": "One dimension of each kind",
          "baseScenario": "builtin:russia-china-2023",
          "dimensions": [
            { "kind": "closures", "levels": [ "none", "RU_ZABAIKALSK", "zabaikalsk-manzhouli-rail",
              { "label": "amur-winter", "locations": ["RU_BLAGOVESHCHENSK"], "routes": ["blagoveshchensk-heihe-road"], "periods": ["jan", "feb"] } ] },
            { "kind": "budgets", "levels": [ 0, 2500000000, "none", "base" ] },
            { "kind": "demandScale", "levels": [ 1, { "factor": 1.2, "commodities": ["coal"] } ] },
            { "kind": "tariffScale", "name": "rail", "levels": [ { "label": "dear-rail", "factor": 1.5, "modes": ["Rail"] }, 0.9 ] },
            { "kind": "availability", "levels": [ { "label": "good-ice" },
              { "label": "bad-ice", "routes": { "murmansk-qingdao-nsr": { "jul": 0, "aug": 0.5, "nov": 0 } } } ] },
            { "kind": "scenarios", "levels": [ "builtin:russia-china-2023" ] }
          ]
        }
        """;

    private static FreightValidationException Rejected(string json, string baseDirectory = ".") =>
        Assert.Throws<FreightValidationException>(() => StudyJson.Read(json, baseDirectory));

    private static string WithDimensions(string dimensions) =>
        $$"""{ "formatVersion": 1, "id": "s", "baseScenario": "builtin:russia-china-2023", "dimensions": [ {{dimensions}} ] }""";

    [Fact]
    public void Read_EveryKind_ReadsLevelsWithTheirLabels()
    {
        var study = StudyJson.Read(Every, "/studies");

        Assert.Equal("every-kind", study.Id);
        Assert.Equal("/studies", study.BaseDirectory);
        Assert.Equal(["close", "budget", "demand", "rail", "availability", "scenario"], study.Dimensions.Select(d => d.Name));
        Assert.Equal(["none", "RU_ZABAIKALSK", "zabaikalsk-manzhouli-rail", "amur-winter"], study.Dimensions[0].Levels.Select(l => l.Label));
        Assert.Equal(["0", "2.5e9", "none", "base"], study.Dimensions[1].Levels.Select(l => l.Label));
        Assert.Equal(["1", "coal*1.2"], study.Dimensions[2].Levels.Select(l => l.Label));
        Assert.Equal(["dear-rail", "0.9"], study.Dimensions[3].Levels.Select(l => l.Label));
        Assert.Equal(["good-ice", "bad-ice"], study.Dimensions[4].Levels.Select(l => l.Label));
        Assert.Equal(["builtin"], study.Dimensions[5].Levels.Select(l => l.Label));
        var budget = Assert.IsType<BudgetLevel>(study.Dimensions[1].Levels[1]);
        Assert.Equal(2.5e9, budget.CapitalCost);
        Assert.Equal("$.dimensions[1].levels[1]", budget.Path);
        Assert.True(Assert.IsType<BudgetLevel>(study.Dimensions[1].Levels[3]).KeepScenarioBudget);
        var tariff = Assert.IsType<TariffScaleLevel>(study.Dimensions[3].Levels[0]);
        Assert.Equal(TransportMode.Rail, Assert.Single(tariff.Modes));
    }

    [Fact]
    public void ResolveCases_EveryKind_CartesianProductFirstDimensionSlowest()
    {
        var cases = StudyJson.Read(Every, ".").ResolveCases();

        Assert.Equal(4 * 4 * 2 * 2 * 2 * 1, cases.Length);
        Assert.Equal(Enumerable.Range(0, cases.Length), cases.Select(c => c.Index));
        Assert.Equal("close=none|budget=0|demand=1|rail=dear-rail|availability=good-ice|scenario=builtin", cases[0].Id);
        Assert.Equal("close=none|budget=0|demand=1|rail=dear-rail|availability=bad-ice|scenario=builtin", cases[1].Id);
        Assert.Equal("close=none|budget=0|demand=1|rail=0.9|availability=good-ice|scenario=builtin", cases[2].Id);
        Assert.Equal("close=RU_ZABAIKALSK|budget=0|demand=1|rail=dear-rail|availability=good-ice|scenario=builtin", cases[32].Id);
        Assert.Equal("close=amur-winter|budget=base|demand=coal*1.2|rail=0.9|availability=bad-ice|scenario=builtin", cases[^1].Id);
        Assert.Equal(cases.Length, cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void CreateScenario_EachKind_ChangesWhatItSays()
    {
        var cases = StudyJson.Read(Every, ".").ResolveCases();
        var corridor = RussiaChinaCorridor.Scenario;
        var last = cases[^1].CreateScenario();

        // amur-winter: Blagoveshchensk and its road closed in jan and feb only.
        Assert.Equal(0, last.AvailabilityOf(new LocationId("RU_BLAGOVESHCHENSK"), new PeriodId("jan")));
        Assert.Equal(0, last.AvailabilityOf(new RouteId("blagoveshchensk-heihe-road"), new PeriodId("feb")));
        Assert.Equal(corridor.AvailabilityOf(new LocationId("RU_BLAGOVESHCHENSK"), new PeriodId("mar")), last.AvailabilityOf(new LocationId("RU_BLAGOVESHCHENSK"), new PeriodId("mar")));

        // base budget kept; coal demand × 1.2, others unchanged.
        Assert.Equal(corridor.Budget, last.Budget);
        for (var i = 0; i < corridor.Demands.Length; i++)
        {
            var factor = corridor.Demands[i].Commodity.Value == "coal" ? 1.2 : 1;
            Assert.Equal(corridor.Demands[i].AnnualTonnes * factor, last.Demands[i].AnnualTonnes, 9);
        }

        // 0.9 × every route's tariff; bad ice: the NSR shut in July, half in August, the rest as in the seed.
        foreach (var route in corridor.Network.Routes)
        {
            foreach (var (commodity, cost) in route.CostPerTonne.Select(kv => (kv.Key, kv.Value))) Assert.Equal(cost * 0.9, last.Network.GetRoute(route.Id).CostPerTonne[commodity], 9);
        }

        var nsr = new RouteId("murmansk-qingdao-nsr");
        Assert.Equal(0, last.AvailabilityOf(nsr, new PeriodId("jul")));
        Assert.Equal(0.5, last.AvailabilityOf(nsr, new PeriodId("aug")));
        Assert.Equal(corridor.AvailabilityOf(nsr, new PeriodId("sep")), last.AvailabilityOf(nsr, new PeriodId("sep")));

        // The first case: nothing closed, budget 0, the rail tariff × 1.5 and the others as they were.
        var first = cases[0].CreateScenario();
        Assert.Equal(0, first.Budget!.CapitalCost);
        foreach (var route in corridor.Network.Routes)
        {
            var factor = route.Mode == TransportMode.Rail ? 1.5 : 1;
            foreach (var (commodity, cost) in route.CostPerTonne.Select(kv => (kv.Key, kv.Value))) Assert.Equal(cost * factor, first.Network.GetRoute(route.Id).CostPerTonne[commodity], 9);
        }

        Assert.Equal(corridor.LocationAvailability, first.LocationAvailability);
    }

    [Fact]
    public void ResolveCases_EveryCrossingKeyword_OneLevelPerBorderCrossingInNetworkOrder()
    {
        var study = StudyJson.Read(WithDimensions("""{ "kind": "closures", "levels": [ "none", "every-crossing" ] }, { "kind": "budgets", "levels": [0, 8e9] }"""), ".");
        var crossings = RussiaChinaCorridor.Scenario.Network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => l.Id.Value).ToList();

        var cases = study.ResolveCases();

        Assert.Equal(14, crossings.Count);
        Assert.Equal((crossings.Count + 1) * 2, cases.Length);
        Assert.Equal(["close=none|budget=0", "close=none|budget=8e9", $"close={crossings[0]}|budget=0"], cases.Take(3).Select(c => c.Id));
    }

    [Fact]
    public void Read_NoDimensions_OneCaseNamedBase()
    {
        var cases = StudyJson.Read("""{ "formatVersion": 1, "id": "one", "baseScenario": "builtin:russia-china-2023" }""", ".").ResolveCases();

        var only = Assert.Single(cases);
        Assert.Equal("base", only.Id);
        Assert.Equal(RussiaChinaCorridor.Scenario, only.CreateScenario());
    }

    [Theory]
    [InlineData("""{ "kind": "closure", "levels": ["none"] }""", ValidationCode.OutOfRange, "$.dimensions[0].kind")]
    [InlineData("""{ "kind": "budgets", "levels": [ -1 ] }""", ValidationCode.Negative, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "budgets", "levels": [ "lots" ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "budgets", "levels": [ true ] }""", ValidationCode.WrongType, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "budgets", "levels": [ ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels")]
    [InlineData("""{ "kind": "budgets" }""", ValidationCode.MissingField, "$.dimensions[0].levels")]
    [InlineData("""{ "kind": "budgets", "levels": [ 1, 1.0 ] }""", ValidationCode.DuplicateId, "$.dimensions[0].levels[1]")]
    [InlineData("""{ "kind": "budgets", "levels": [ 1 ], "colour": "red" }""", ValidationCode.UnknownField, "$.dimensions[0].colour")]
    [InlineData("""{ "kind": "demandScale", "levels": [ { "factor": -2 } ] }""", ValidationCode.Negative, "$.dimensions[0].levels[0].factor")]
    [InlineData("""{ "kind": "demandScale", "levels": [ 2e6 ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "demandScale", "levels": [ { "commodities": ["coal"] } ] }""", ValidationCode.MissingField, "$.dimensions[0].levels[0].factor")]
    [InlineData("""{ "kind": "tariffScale", "levels": [ { "factor": 2, "modes": ["Rail", "Teleport"] } ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0].modes[1]")]
    [InlineData("""{ "kind": "availability", "levels": [ { "routes": {} } ] }""", ValidationCode.MissingField, "$.dimensions[0].levels[0].label")]
    [InlineData("""{ "kind": "availability", "levels": [ { "label": "x", "routes": { "r": { "jan": 1.5 } } } ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0].routes.r.jan")]
    [InlineData("""{ "kind": "availability", "levels": [ "bad-ice" ] }""", ValidationCode.WrongType, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ "a|b" ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ { "label": "x=y", "locations": ["A"] } ] }""", ValidationCode.OutOfRange, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ 7 ] }""", ValidationCode.WrongType, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "scenarios", "levels": [ { "label": "x" } ] }""", ValidationCode.MissingField, "$.dimensions[0].levels[0].file")]
    [InlineData("""{ "kind": "budgets", "levels": [1] }, { "kind": "budgets", "levels": [2] }""", ValidationCode.DuplicateId, "$.dimensions[1].name")]
    [InlineData("""[ "budgets" ]""", ValidationCode.WrongType, "$.dimensions[0]")]
    public void Read_BadDimension_NamesCodeAndPath(string dimension, ValidationCode code, string path)
    {
        var error = Rejected(WithDimensions(dimension));

        Assert.Contains(error.Issues, i => i.Code == code && i.Path == path && i.Severity == ValidationSeverity.Error);
        Assert.StartsWith("The study file is invalid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "formatVersion": 2, "id": "s", "baseScenario": "x.json" }""", ValidationCode.UnsupportedFormatVersion, "$.formatVersion")]
    [InlineData("""{ "formatVersion": 1, "baseScenario": "x.json" }""", ValidationCode.MissingField, "$.id")]
    [InlineData("""{ "formatVersion": 1, "id": "s" }""", ValidationCode.MissingField, "$.baseScenario")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": " " }""", ValidationCode.EmptyId, "$.baseScenario")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "cases": [] }""", ValidationCode.UnknownField, "$.cases")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": {} }""", ValidationCode.WrongType, "$.dimensions")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "id": "t", "baseScenario": "x.json" }""", ValidationCode.DuplicateField, "$.id")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", }""", ValidationCode.MalformedJson, "$")]
    [InlineData("""[]""", ValidationCode.WrongType, "$")]
    public void Read_BadStudy_NamesCodeAndPath(string json, ValidationCode code, string path)
    {
        var error = Rejected(json);

        Assert.Contains(error.Issues, i => i.Code == code && i.Path == path);
    }

    [Fact]
    public void Read_SeveralErrors_ReportsEveryOne()
    {
        var error = Rejected(WithDimensions("""{ "kind": "budgets", "levels": [ -1, "x" ] }, { "kind": "nope", "levels": [1] }"""));

        Assert.Equal(3, error.Issues.Length);
    }

    [Theory]
    [InlineData("""{ "kind": "closures", "levels": [ "NOWHERE" ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ { "locations": ["RU_ZABAIKALSK"], "routes": ["no-route"] } ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0].routes[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ { "locations": ["RU_ZABAIKALSK"], "periods": ["winter"] } ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0].periods")]
    [InlineData("""{ "kind": "demandScale", "levels": [ { "factor": 2, "commodities": ["gold"] } ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0].commodities[0]")]
    [InlineData("""{ "kind": "availability", "levels": [ { "label": "x", "routes": { "no-route": { "jan": 0 } } } ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0].routes['no-route']")]
    [InlineData("""{ "kind": "availability", "levels": [ { "label": "x", "locations": { "RU_ZABAIKALSK": { "winter": 0 } } } ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0].locations.RU_ZABAIKALSK")]
    [InlineData("""{ "kind": "scenarios", "levels": [ "missing.json" ] }""", ValidationCode.UnknownReference, "$.dimensions[0].levels[0]")]
    [InlineData("""{ "kind": "closures", "levels": [ "every-crossing", "RU_ZABAIKALSK" ] }""", ValidationCode.DuplicateId, "$.dimensions[0].levels[1]")]
    public void ResolveCases_UnknownIds_NamesCodeAndPath(string dimension, ValidationCode code, string path)
    {
        var study = StudyJson.Read(WithDimensions(dimension), Path.GetTempPath());

        var error = Assert.Throws<FreightValidationException>(() => study.ResolveCases());

        Assert.Contains(error.Issues, i => i.Code == code && i.Path == path);
    }

    [Fact]
    public void ResolveCases_BaseScenarioFileMissingOrInvalid_SaysWhichFile()
    {
        var dir = Directory.CreateTempSubdirectory("study-").FullName;
        try
        {
            var missing = StudyJson.Read("""{ "formatVersion": 1, "id": "s", "baseScenario": "nope.json" }""", dir);
            var error = Assert.Throws<FreightValidationException>(() => missing.ResolveCases());
            Assert.Contains(error.Issues, i => i.Code == ValidationCode.UnknownReference && i.Path == "$.baseScenario" && i.Message.Contains("nope.json", StringComparison.Ordinal));

            File.WriteAllText(Path.Combine(dir, "bad.json"), """{ "formatVersion": 1, "commodities": [], "locations": [], "routes": [ { "id": "r" } ] }""");
            var bad = StudyJson.Read("""{ "formatVersion": 1, "id": "s", "baseScenario": "bad.json" }""", dir);
            error = Assert.Throws<FreightValidationException>(() => bad.ResolveCases());
            Assert.Contains(error.Issues, i => i.Path == "$.baseScenario" && i.Message.Contains("$.routes[0]", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1.1, "1.1")]
    [InlineData(999, "999")]
    [InlineData(1500, "1500")]
    [InlineData(2e9, "2e9")]
    [InlineData(2.5e9, "2.5e9")]
    [InlineData(8e9, "8e9")]
    [InlineData(30e9, "30e9")]
    [InlineData(125e9, "125e9")]
    [InlineData(1e20, "1e20")]
    public void NumberLabel_Values_ReadableAndExact(double value, string label) => Assert.Equal(label, StudyJson.NumberLabel(value));

    [Property(MaxTest = 300)]
    public Property NumberLabel_AnyWholeOrDecimal_ReadsBackExactly() =>
        Prop.ForAll(Gen.Choose(0, 99_999).ToArbitrary(), Gen.Choose(-3, 15).ToArbitrary(), (mantissa, exponent) =>
        {
            var value = double.Parse(string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{exponent}"), CultureInfo.InvariantCulture);
            var label = StudyJson.NumberLabel(value);
            var back = double.Parse(label, NumberStyles.Float, CultureInfo.InvariantCulture);
            return (back == value && !label.Contains('|', StringComparison.Ordinal) && !label.Contains('=', StringComparison.Ordinal)).Label($"{value} → {label} → {back}");
        });

    [Property(MaxTest = 100)]
    public Property ResolveCases_AnyShape_IdsUniqueAndIndexDecodesRowMajor() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(1, 4)).Select(l => l.Take(4).ToArray()).ToArbitrary(), sizes =>
        {
            var dimensions = sizes.Select((n, d) => $$"""{ "kind": "budgets", "name": "b{{d}}", "levels": [ {{string.Join(", ", Enumerable.Range(0, n))}} ] }""");
            var cases = StudyJson.Read(WithDimensions(string.Join(", ", dimensions)), ".").ResolveCases();
            var expected = sizes.Aggregate(1, (a, b) => a * b);
            var decodes = cases.All(c =>
            {
                var rest = c.Index;
                var labels = new string[sizes.Length];
                for (var d = sizes.Length - 1; d >= 0; d--)
                {
                    labels[d] = (rest % sizes[d]).ToString(CultureInfo.InvariantCulture);
                    rest /= sizes[d];
                }

                return c.Id == (sizes.Length == 0 ? "base" : string.Join("|", labels.Select((l, d) => $"b{d}={l}")));
            });
            return (cases.Length == expected && cases.Select(c => c.Id).Distinct().Count() == expected && decodes)
                .Label($"sizes {string.Join("×", sizes)}: {cases.Length} cases");
        });
}
