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
    public void ReachableFrom_SeveralRoots_IsTheUnionOfEachRootsReach()
    {
        // Two chains A0 → … → A9 and B0 → … → B9 joined at A5 → B5; roots A7 and B2 and one not in the graph.
        var network = new FreightNetworkBuilder().AddCommodity("coal");
        foreach (var chain in new[] { "A", "B" })
        {
            for (var i = 0; i < 10; i++) network.AddLocation($"{chain}{i}", LocationKind.Hub);
            for (var i = 0; i < 9; i++) network.AddRoute($"{chain}{i}", $"{chain}{i}", $"{chain}{i + 1}", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 });
        }

        network.AddRoute("join", "A5", "B5", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 });
        var graph = CommodityGraph.Build(new Scenario(network.Build()), "coal");

        LocationId[] roots = ["A7", "B2", "NOWHERE"];
        var together = graph.ReachableFrom(roots);
        var separately = roots.SelectMany(r => graph.ReachableFrom([r])).ToHashSet();

        static IEnumerable<string> Sorted(IEnumerable<LocationId> ids) => ids.Select(l => l.Value).Order(StringComparer.Ordinal);
        Assert.Equal(Sorted(separately), Sorted(together));
        Assert.Equal(11, together.Count);
        Assert.Equal(["A0", "A1", "A2", "A3", "A4", "A5", "B0", "B1", "B2", "B3", "B4", "B5"], Sorted(graph.ReachingTo(["B5"])));
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
