using System.Text.Json;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>GeoJSON of locations and flows: RFC 7946 shapes, [lon, lat] order, the plan's tonnes.</summary>
public sealed class GeoJsonExportTests
{
    [Fact]
    public void Write_SmallScenario_HasAPointPerLocationAndALineStringPerRouteInLonLatOrder()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        using var json = JsonDocument.Parse(GeoJsonExport.Write(scenario, result.Plan));

        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(scenario.Network.Locations.Length + scenario.Network.Routes.Length, features.Count);
        var mine = features.Single(f => f.GetProperty("id").GetString() == "location:MINE");
        Assert.Equal("Point", mine.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([110.0, 52.0], mine.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("Origin", mine.GetProperty("properties").GetProperty("kind").GetString());
        var rail = features.Single(f => f.GetProperty("id").GetString() == "route:border-city-rail");
        Assert.Equal("LineString", rail.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([[117.0, 50.0], [126.0, 46.0]], rail.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => p.EnumerateArray().Select(c => c.GetDouble()).ToArray()));
        Assert.All(features, f => Assert.Equal("Feature", f.GetProperty("type").GetString()));
    }

    [Fact]
    public void Write_SmallScenario_RouteTonnesMatchThePlanByCommodityAndPeriod()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var plan = result.GetPlanOrThrow();

        using var json = JsonDocument.Parse(GeoJsonExport.Write(scenario, plan));

        foreach (var route in scenario.Network.Routes)
        {
            var properties = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "route:" + route.Id).GetProperty("properties");
            var flows = plan.Flows.Where(f => f.Route == route.Id).ToList();
            Assert.Equal(flows.Sum(f => f.Tonnes), properties.GetProperty("tonnes").GetDouble(), 6);
            foreach (var flow in flows)
            {
                Assert.Equal(flow.Tonnes, properties.GetProperty("tonnesByPeriod").GetProperty(flow.Period.Value).GetProperty(flow.Commodity.Value).GetDouble());
            }
        }

        var barge = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "route:mine-city-barge");
        Assert.Equal(["winter"], barge.GetProperty("properties").GetProperty("closedPeriods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Write_NoCoordinates_WritesNullGeometries()
    {
        var scenario = ReportScenarios.Small(coordinates: false);

        using var json = JsonDocument.Parse(GeoJsonExport.Write(scenario, null));

        Assert.All(json.RootElement.GetProperty("features").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("geometry").ValueKind));
    }
}
