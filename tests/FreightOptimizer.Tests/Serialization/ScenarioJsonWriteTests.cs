using System.Collections.Immutable;
using System.Text.Json;
using FreightOptimizer.Serialization;
using FsCheck;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Serialization;

public sealed class ScenarioJsonWriteTests
{
    /// <summary>A valid scenario that sets every field the format has, with awkward numbers and text.</summary>
    internal static Scenario Rich(
        double tonnes = 25_000_000, double cost = 2560.75, string text = "Забайкальск–满洲里 \"quoted\" \\ line\nbreak")
    {
        var coal = new CommodityId("coal");
        var network = new FreightNetworkBuilder()
            .AddCommodity(new Commodity("coal", "Thermal coal") { UnmetPenaltyPerTonne = 50_000, Source = text, Notes = "n" })
            .AddCommodity(new Commodity("oil"))
            .AddCommodity(new Commodity("coking-coal", "Coking coal"))
            .AddLocation(new Location("RU_KUZBASS", LocationKind.Origin) { Name = "Kuzbass", Country = "RU", Latitude = 54.0, Longitude = 86.7, Commodities = ["coal", "coking-coal"] })
            .AddLocation(new Location("RU_ZABAIKALSK", LocationKind.BorderCrossing)
            {
                Name = "Zabaikalsk", Country = "RU", Latitude = 49.65, Longitude = 117.33, AnnualCapacityTonnes = tonnes,
                HandlingCostPerTonne = ImmutableDictionary.CreateRange(new Dictionary<CommodityId, double> { [coal] = 800, ["oil"] = 0.1 }),
                Commodities = ["coal", "oil", "coking-coal"], Source = "TASS 2023", Notes = text,
            })
            .AddLocation(new Location("CN_HARBIN", LocationKind.Market) { Country = "CN" })
            .AddLocation(new Location("CN_DALIAN", LocationKind.Port) { Commodities = [] })
            .AddRoute(new Route("kuzbass-zabaikalsk-rail", "RU_KUZBASS", "RU_ZABAIKALSK", TransportMode.Rail)
            {
                Name = "Trans-Siberian", DistanceKm = 3200, TransitDays = 6.5, AnnualCapacityTonnes = 60_000_000,
                CostPerTonne = ImmutableDictionary.CreateRange(new Dictionary<CommodityId, double> { ["coking-coal"] = 1.0 / 3, [coal] = cost }),
                MinAnnualTonnes = 1e-300, Source = "RZD", Notes = "tariff 2023",
            })
            .AddRoute(new Route("zabaikalsk-harbin", "RU_ZABAIKALSK", "CN_HARBIN", TransportMode.Conveyor)
            {
                AnnualCapacityTonnes = 123456789012.5,
                CostPerTonne = ImmutableDictionary.CreateRange(new Dictionary<CommodityId, double> { [coal] = 0.1, ["oil"] = 5e-324 }),
            })
            .Build();
        return new ScenarioBuilder(network)
            .WithName("Russia–China corridor")
            .WithCurrency("CNY")
            .WithDiscountRate(0.1)
            .WithProvenance("docs/corridor.md", text)
            .AddPeriod(new Period("summer", 0.5) { Source = "season", Notes = "May–Oct" })
            .AddPeriod("winter", 0.5)
            .SetAvailability((LocationId)"RU_ZABAIKALSK", "winter", 0.9)
            .SetAvailability((RouteId)"zabaikalsk-harbin", "summer", 1.0)
            .SetAvailability((RouteId)"zabaikalsk-harbin", "winter", 0)
            .AddSupply(new Supply("RU_KUZBASS", "coal", 40_000_000) { CostPerTonne = 1200, Period = "summer", Source = "s", Notes = "n" })
            .AddSupply("RU_KUZBASS", "coking-coal", 1)
            .AddDemand(new Demand("CN_HARBIN", "coal", tonnes) { UnmetPenaltyPerTonne = 30_000, MustServe = true, Period = "summer", Source = "d", Notes = "n" })
            .AddDemand("CN_HARBIN", "oil", 0)
            .AddInvestment(new InvestmentOption("zabaikalsk-expansion", 5_000_000, 8e9, 25)
            {
                Name = "Zabaikalsk to 30 Mt/yr", Target = new LocationId("RU_ZABAIKALSK"), MaxUnits = 1, FirstPeriod = "winter",
                ExclusiveGroup = "border", Source = "s", Notes = "n",
            })
            .AddInvestment(new InvestmentOption("second-track", 10_000_000, 2e9, 40) { Target = new RouteId("zabaikalsk-harbin"), Kind = InvestmentKind.Modular, MaxUnits = 3, ExclusiveGroup = "border" })
            .AddInvestment(new InvestmentOption("conveyor-upgrade", 1, cost, 12.5) { Target = new RouteId("zabaikalsk-harbin"), Kind = InvestmentKind.Continuous, MaxUnits = 2.5, Requires = ["second-track", "zabaikalsk-expansion"] })
            .WithBudget(new Budget(1e10) { Source = "ministry", Notes = "n" })
            .Build();
    }

    [Fact]
    public void Rich_IsValid() => Assert.DoesNotContain(ScenarioValidator.Validate(Rich()), i => i.Severity == ValidationSeverity.Error);

    [Fact]
    public void WriteThenRead_RichScenario_GivesEqualScenario()
    {
        var scenario = Rich();
        var json = ScenarioJson.Write(scenario);

        var back = ScenarioJson.Read(json);

        Assert.Equal(scenario, back);
        Assert.Equal(json, ScenarioJson.Write(back));
    }

    [Fact]
    public void WriteThenRead_FormatExample_GivesEqualScenario()
    {
        var scenario = ScenarioJson.Read(ScenarioJsonSamples.FormatExample);
        Assert.Equal(scenario, ScenarioJson.Read(ScenarioJson.Write(scenario)));
    }

    [Fact]
    public void Write_AvailabilityAndProvenance_SitInsideTheirObjects()
    {
        using var doc = JsonDocument.Parse(ScenarioJson.Write(Rich()));
        var root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(0.9, root.GetProperty("locations")[1].GetProperty("availability").GetProperty("winter").GetDouble());
        Assert.Equal(["summer", "winter"], root.GetProperty("routes")[1].GetProperty("availability").EnumerateObject().Select(p => p.Name));
        Assert.Equal("TASS 2023", root.GetProperty("locations")[1].GetProperty("source").GetString());
        Assert.False(root.TryGetProperty("locationAvailability", out _));
        // Map keys follow the order of the commodities list, whatever order the dictionary has.
        Assert.Equal(["coal", "coking-coal"], root.GetProperty("routes")[0].GetProperty("costPerTonne").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Write_Defaults_AreLeftOut()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("B", LocationKind.Market, 10)
            .AddRoute("a-b", "A", "B", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 })
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 5)
            .AddDemand(new Demand("B", "coal", 5))
            .AddInvestment(new InvestmentOption("b-plus", 1, 1, 1) { Target = new LocationId("B") })
            .Build();

        var json = ScenarioJson.Write(scenario);

        foreach (var field in new[] { "currency", "discountRate", "periods", "kind\": \"Binary", "costPerTonne\": 0", "mustServe", "requires", "null", "name", "budget" })
        {
            Assert.DoesNotContain($"\"{field}", json, StringComparison.Ordinal);
        }

        Assert.Equal(scenario, ScenarioJson.Read(json));
    }

    [Fact]
    public void Write_ReadableText_IsNotEscaped()
    {
        var json = ScenarioJson.Write(Rich());
        Assert.Contains("Russia–China corridor", json, StringComparison.Ordinal);
        Assert.Contains("Забайкальск–满洲里", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NaNInScenario_ThrowsNamingThePath()
    {
        var scenario = Rich() with { DiscountRate = double.NaN };
        var e = Assert.Throws<FreightValidationException>(() => ScenarioJson.Write(scenario));
        Assert.Equal("$.discountRate", Assert.Single(e.Issues).Path);
    }

    [Property(MaxTest = 200)]
    public bool WriteThenRead_AnyFiniteNumbersAndText_GivesEqualScenario(NormalFloat tonnes, NormalFloat cost, NonNull<string> text)
    {
        // Keep text to what UTF-8 can carry: a lone surrogate is not a character.
        var clean = new string([.. text.Get.Where(c => !char.IsSurrogate(c))]);
        var scenario = Rich(Math.Abs(tonnes.Get), Math.Abs(cost.Get), clean);
        return scenario.Equals(ScenarioJson.Read(ScenarioJson.Write(scenario)));
    }
}
