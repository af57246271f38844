using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Scenarios;

namespace FreightOptimizer.Tests.Validation;

public sealed class GeneralisedCostValidationTests
{
    [Fact]
    public void Validate_NegativeValueFactorPriceCap_EachNamed()
    {
        var s = GeneralisedCostScenarios.RailOrRoad(0.1, 1000);
        var network = new FreightNetwork(
            s.Network.Commodities.Select(c => c with { ValuePerTonne = -1 }),
            s.Network.Locations,
            s.Network.Routes.Select((r, i) => i == 1 ? r with { Co2GramsPerTonneKm = -2 } : r));
        var bad = s with
        {
            Network = network,
            GeneralisedCost = s.GeneralisedCost! with { CarbonPricePerTonneCo2 = -3, HoldingRatePerYear = 11, EmissionFactors = EmissionFactors.Default.SetItem(TransportMode.Sea, double.NaN) },
            Co2CapTonnes = -4,
        };

        var issues = ScenarioValidator.Validate(bad);

        Assert.Contains(issues, i => i.Code == ValidationCode.Negative && i.Path == "$.commodities[0].valuePerTonne");
        Assert.Contains(issues, i => i.Code == ValidationCode.Negative && i.Path == "$.routes[1].co2GramsPerTonneKm");
        Assert.Contains(issues, i => i.Code == ValidationCode.Negative && i.Path == "$.generalisedCost.carbonPricePerTonneCo2");
        Assert.Contains(issues, i => i.Code == ValidationCode.OutOfRange && i.Path == "$.generalisedCost.holdingRatePerYear");
        Assert.Contains(issues, i => i.Code == ValidationCode.NotFinite && i.Path == "$.generalisedCost.emissionFactors.Sea");
        Assert.Contains(issues, i => i.Code == ValidationCode.Negative && i.Path == "$.co2CapTonnes");
    }

    [Fact]
    public void Validate_PriceWithoutDistance_WarnsPerRoute()
    {
        // mine-border has no distance; with a carbon price it emits nothing though rail has a factor.
        var issues = ScenarioValidator.Validate(GeneralisedCostScenarios.RailOrRoad(null, 1000));

        var warning = Assert.Single(issues);
        Assert.Equal(ValidationCode.EmissionsWithoutDistance, warning.Code);
        Assert.Equal(ValidationSeverity.Warning, warning.Severity);
        Assert.Equal("$.routes[0]", warning.Path);
    }

    [Fact]
    public void Validate_HoldingRateWithoutDaysOrValue_Warns()
    {
        var s = GeneralisedCostScenarios.RailOrRoad(0.1);
        var noValue = s with { Network = new FreightNetwork(s.Network.Commodities.Select(c => c with { ValuePerTonne = null }), s.Network.Locations, s.Network.Routes) };

        var issues = ScenarioValidator.Validate(noValue);

        Assert.Contains(issues, i => i.Code == ValidationCode.HoldingCostWithoutData && i.Path == "$.routes[0]");
        Assert.Contains(issues, i => i.Code == ValidationCode.HoldingCostWithoutData && i.Path == "$.commodities[0]");
        Assert.All(issues, i => Assert.Equal(ValidationSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Read_UnknownModeOrField_IsAnErrorAtItsPath()
    {
        const string Json = """
        { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
          "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
          "routes": [ { "id": "r", "from": "A", "to": "B", "mode": "Rail", "costPerTonne": { "coal": 1 } } ],
          "generalisedCost": { "emissionFactors": { "Plane": 500, "rail": 10 }, "carbonTax": 5 } }
        """;

        var result = ScenarioJson.TryRead(Json);

        Assert.Contains(result.Issues, i => i.Code == ValidationCode.OutOfRange && i.Path == "$.generalisedCost.emissionFactors.Plane");
        Assert.Contains(result.Issues, i => i.Code == ValidationCode.OutOfRange && i.Path == "$.generalisedCost.emissionFactors.rail");
        Assert.Contains(result.Issues, i => i.Code == ValidationCode.UnknownField && i.Path == "$.generalisedCost.carbonTax");
    }
}
