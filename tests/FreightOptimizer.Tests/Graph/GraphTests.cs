using FreightOptimizer.Graph;
using FreightOptimizer.Network;
using FreightOptimizer.Scenarios;
using FreightOptimizer.Tests.Validation;

namespace FreightOptimizer.Tests.Graph;

public sealed class GraphTests
{
    [Fact]
    public void CommodityGraph_RouteNotCarryingCommodity_IsNoEdge()
    {
        var s = ValidationScenarios.Valid();

        var oil = CommodityGraph.Build(s, "oil");

        Assert.False(oil.Contains((LocationId)"MINE"));
        Assert.Equal(["hub-market"], oil.Routes.Select(r => r.Id.Value));
        Assert.Equal(["HUB", "MARKET"], oil.ReachableFrom(["HUB"]).Select(l => l.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CommodityGraph_RouteClosedInPeriod_IsNoEdgeInThatPeriod()
    {
        var s = ValidationScenarios.Valid();
        s = s with { RouteAvailability = s.RouteAvailability.SetItem("mine-hub", Availability.ClosedIn("winter")) };

        Assert.Contains((LocationId)"MARKET", CommodityGraph.Build(s, "coal", "summer").ReachableFrom(["MINE"]));
        Assert.DoesNotContain((LocationId)"MARKET", CommodityGraph.Build(s, "coal", "winter").ReachableFrom(["MINE"]));
        Assert.Contains((LocationId)"MARKET", CommodityGraph.Build(s, "coal").ReachableFrom(["MINE"]));
        Assert.Equal(["HUB", "MARKET"], CommodityGraph.Build(s, "coal", "winter").ReachingTo(["MARKET"]).Select(l => l.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FlowReachability_ValidScenario_UsesEverything()
    {
        var reach = FlowReachability.Analyse(ValidationScenarios.Valid());

        Assert.Empty(reach.UnreachableDemandPeriods);
        Assert.Equal([0, 1], reach.UsableRoutes.Order());
        Assert.Equal([0, 1, 2], reach.UsableLocations.Order());
    }

    [Fact]
    public void PrerequisiteGraph_TwoCyclesAndAChain_FindsEachCycleOnce()
    {
        var cycles = PrerequisiteGraph.FindCycles(
            ["a", "b", "c", "d", "e"],
            [["b"], ["c"], ["a"], ["d"], ["a"]]);

        Assert.Equal([[0, 1, 2], [3]], cycles.Select(c => c.ToArray()));
    }
}
