using FreightOptimizer.Serialization;
using static FreightOptimizer.Tests.Validation.ValidationScenarios;

namespace FreightOptimizer.Tests.Validation;

/// <summary>
/// The validator's rules for cost adjustments (mine-hub carries coal at 10, hub-market coal at 5 and oil
/// at 7, HUB handles coal at 2 and oil at 0), and the costs the scenario charges with them.
/// </summary>
public sealed class CostAdjustmentValidationTests
{
    private static Scenario With(params CostAdjustment[] adjustments) =>
        Valid() with { CostAdjustments = [.. adjustments], Observations = [new Observation("hub", [new LocationId("HUB")], 300, 0.25) { Source = "yard" }] };

    private static ValidationIssue Only(Scenario s, ValidationCode code, string path) =>
        AssertOnly(ScenarioValidator.Validate(s), code, path);

    [Fact]
    public void Validate_GoodAdjustments_ReportsNothing() =>
        Assert.Empty(ScenarioValidator.Validate(With(
            new CostAdjustment(new RouteId("hub-market"), -5) { Commodity = "coal", Observation = "hub", Source = "calibration" },
            new CostAdjustment(new LocationId("HUB"), 3),
            new CostAdjustment(new LocationId("HUB"), -2) { Commodity = "coal" })));

    [Fact]
    public void CostPerTonne_Adjusted_AddsEveryAdjustmentThatApplies()
    {
        var s = With(new CostAdjustment(new RouteId("hub-market"), 1.5), new CostAdjustment(new RouteId("hub-market"), -3) { Commodity = "oil" },
            new CostAdjustment(new LocationId("HUB"), 4) { Commodity = "oil" });
        var route = s.Network.GetRoute("hub-market");
        var hub = s.Network.GetLocation("HUB");

        Assert.Equal(6.5, s.RouteCostPerTonne(route, "coal"));
        Assert.Equal(5.5, s.RouteCostPerTonne(route, "oil"));
        Assert.Equal(2, s.HandlingCostPerTonne(hub, "coal"));
        Assert.Equal(4, s.HandlingCostPerTonne(hub, "oil"));
        Assert.Equal(10, s.RouteCostPerTonne(s.Network.GetRoute("mine-hub"), "coal"));
    }

    [Fact]
    public void Validate_AdjustedCostBelowZero_ReportsAdjustedCostNegative()
    {
        // Handling of oil at HUB is 0: any negative amount for every commodity takes it below 0.
        var issue = Only(With(new CostAdjustment(new LocationId("HUB"), -1)), ValidationCode.AdjustedCostNegative, "$.costAdjustments[0].costPerTonne");
        Assert.Contains("'oil'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoAdjustmentsTogetherBelowZero_ReportsAtTheFirst() =>
        Only(With(new CostAdjustment(new RouteId("mine-hub"), -6), new CostAdjustment(new RouteId("mine-hub"), -6)), ValidationCode.AdjustedCostNegative, "$.costAdjustments[0].costPerTonne");

    [Fact]
    public void Validate_CommodityTheRouteDoesNotCarry_ReportsCostAdjustmentTarget() =>
        Only(With(new CostAdjustment(new RouteId("mine-hub"), 1) { Commodity = "oil" }), ValidationCode.CostAdjustmentTarget, "$.costAdjustments[0].commodity");

    [Fact]
    public void Validate_NoElement_ReportsCostAdjustmentTarget() =>
        Only(With(new CostAdjustment(default, 1)), ValidationCode.CostAdjustmentTarget, "$.costAdjustments[0]");

    [Fact]
    public void Validate_UnknownRouteOrObservation_ReportsUnknownReference()
    {
        Only(With(new CostAdjustment(new RouteId("sea"), 1)), ValidationCode.UnknownReference, "$.costAdjustments[0].route");
        Only(With(new CostAdjustment(new RouteId("mine-hub"), 1) { Observation = "port" }), ValidationCode.UnknownReference, "$.costAdjustments[0].observation");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_NotFinite_ReportsNotFinite(double amount) =>
        Only(With(new CostAdjustment(new RouteId("mine-hub"), amount)), ValidationCode.NotFinite, "$.costAdjustments[0].costPerTonne");

    [Fact]
    public void Json_Adjustments_RoundTripCanonically()
    {
        var s = With(new CostAdjustment(new RouteId("hub-market"), -2.5) { Commodity = "coal", Observation = "hub", Source = "calibration", Notes = "n" },
            new CostAdjustment(new LocationId("HUB"), 3));
        var json = ScenarioJson.Write(s);
        var back = ScenarioJson.Read(json);

        Assert.Equal(s.CostAdjustments.ToArray(), back.CostAdjustments.ToArray());
        Assert.Equal(json, ScenarioJson.Write(back));
        Assert.Contains("\"costAdjustments\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_BothLocationAndRoute_IsRejectedWithCostAdjustmentTarget()
    {
        var json = ScenarioJson.Write(With(new CostAdjustment(new RouteId("hub-market"), 1)))
            .Replace("\"route\": \"hub-market\",", "\"route\": \"hub-market\", \"location\": \"HUB\",", StringComparison.Ordinal);
        var read = ScenarioJson.TryRead(json);

        Assert.False(read.Succeeded);
        Assert.Contains(read.Errors, e => e.Code == ValidationCode.CostAdjustmentTarget && e.Path == "$.costAdjustments[0]");
    }
}
