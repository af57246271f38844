using FreightOptimizer.Graph;
using FreightOptimizer.Tests.Properties;
using FreightOptimizer.Tests.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Graph;

public sealed class GraphTests
{
    [Fact]
    public void FlowReachability_ValidScenario_UsesEverything()
    {
        var reach = FlowReachability.Analyse(ValidationScenarios.Valid());

        Assert.Empty(reach.UnreachableDemandPeriods);
        Assert.Equal([0, 1], reach.UsableRoutes);
        Assert.Equal([0, 1, 2], reach.UsableLocations);
    }

    [Fact]
    public void FlowReachability_RouteClosedInOnePeriod_CutsTheDemandInThatPeriodOnly()
    {
        var s = ValidationScenarios.Valid();
        s = s with { RouteAvailability = s.RouteAvailability.SetItem("mine-hub", Availability.ClosedIn("winter")) };

        var reach = FlowReachability.Analyse(s);

        Assert.Equal([0], reach.UnreachableDemandPeriods.Keys);
        Assert.Equal(["winter"], reach.UnreachableDemandPeriods[0].Select(p => p.Value));
        Assert.Equal([0, 1], reach.UsableRoutes); // both are on the summer path
    }

    [Fact]
    public void FlowReachability_RouteNotCarryingTheCommodity_LeadsNowhere()
    {
        // Oil is demanded at MARKET and supplied at MINE, but mine-hub carries only coal and MINE handles only coal.
        var s = ValidationScenarios.Valid();
        s = s with { Demands = s.Demands.Add(new Demand("MARKET", "oil", 10)), Supplies = s.Supplies.Add(new Supply("HUB", "oil", 10)) };

        var reach = FlowReachability.Analyse(s);

        Assert.Empty(reach.UnreachableDemandPeriods);
        Assert.True(reach.IsUsableRoute(1));
        s = s with { Supplies = s.Supplies.RemoveAt(1).Add(new Supply("MINE", "oil", 10)) };
        Assert.Equal([1], FlowReachability.Analyse(s).UnreachableDemandPeriods.Keys);
    }

    [Fact]
    public void FlowReachability_SeveralSupplies_ReachTheUnionOfWhatEachReaches()
    {
        // Two chains A0 → … → A9 and B0 → … → B9 joined by A5 → B5; supplies at A7 and B2, demands at A9, B4 and B9 and A0.
        var network = new FreightNetworkBuilder().AddCommodity("coal");
        foreach (var chain in new[] { "A", "B" })
        {
            for (var i = 0; i < 10; i++) network.AddLocation($"{chain}{i}", LocationKind.Hub);
            for (var i = 0; i < 9; i++) network.AddRoute($"{chain}{i}", $"{chain}{i}", $"{chain}{i + 1}", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 });
        }

        network.AddRoute("join", "A5", "B5", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 });
        var scenario = new ScenarioBuilder(network.Build())
            .AddSupply("A7", "coal", 10).AddSupply("B2", "coal", 10)
            .AddDemand("A9", "coal", 5).AddDemand("B4", "coal", 5).AddDemand("B9", "coal", 5).AddDemand("A0", "coal", 5)
            .Build();

        var reach = FlowReachability.Analyse(scenario);

        Assert.Equal([3], reach.UnreachableDemandPeriods.Keys); // A0 lies upstream of every supply
        var usable = reach.UsableRoutes.Select(r => scenario.Network.Routes[r].Id.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["A7", "A8", "B2", "B3", "B4", "B5", "B6", "B7", "B8"], usable); // join: A5 is upstream of the supplies
    }

    /// <summary>
    /// The analysis against a plain fixed-point reading of the rules written here: a location is reached
    /// in a period when it holds a supply of the commodity or a route that <see cref="Scenario.CanFlow"/>
    /// allows leads there from a reached location; likewise backward from the demands.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property FlowReachability_AgreesWithAFixedPointOverCanFlow() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var s = c.Scenario;
            var reach = FlowReachability.Analyse(s);
            var network = s.Network;
            var usableRoutes = new HashSet<int>();
            var usableLocations = new HashSet<int>();
            var unreachable = new Dictionary<int, List<string>>();
            foreach (var period in s.Horizon.Periods.Select(p => p.Id))
            {
                foreach (var commodity in network.Commodities.Select(x => x.Id))
                {
                    bool Vertex(LocationId id) => network.GetLocation(id).Handles(commodity) && s.IsOpen(id, period);
                    var edges = network.Routes.Select((r, i) => (r, i)).Where(x => s.CanFlow(x.r, commodity, period)).ToList();
                    var forward = s.Supplies.Where(x => x.Commodity == commodity && x.AnnualTonnes > 0 && Scenario.AppliesIn(x.Period, period) && Vertex(x.Location))
                        .Select(x => x.Location).ToHashSet();
                    var demands = Enumerable.Range(0, s.Demands.Length)
                        .Where(i => s.Demands[i].Commodity == commodity && s.Demands[i].AnnualTonnes > 0 && Scenario.AppliesIn(s.Demands[i].Period, period)).ToList();
                    var backward = demands.Select(i => s.Demands[i].Location).Where(Vertex).ToHashSet();
                    for (var changed = true; changed;)
                    {
                        changed = false;
                        foreach (var (r, _) in edges)
                        {
                            changed |= forward.Contains(r.From) && forward.Add(r.To);
                            changed |= backward.Contains(r.To) && backward.Add(r.From);
                        }
                    }

                    foreach (var i in demands.Where(i => !forward.Contains(s.Demands[i].Location)))
                    {
                        if (!unreachable.TryGetValue(i, out var list)) unreachable[i] = list = [];
                        list.Add(period.Value);
                    }

                    usableRoutes.UnionWith(edges.Where(x => forward.Contains(x.r.From) && backward.Contains(x.r.To)).Select(x => x.i));
                    usableLocations.UnionWith(Enumerable.Range(0, network.Locations.Length).Where(v => forward.Contains(network.Locations[v].Id) && backward.Contains(network.Locations[v].Id)));
                }
            }

            var sameUnreachable = unreachable.Count == reach.UnreachableDemandPeriods.Count
                && unreachable.All(kv => reach.UnreachableDemandPeriods.TryGetValue(kv.Key, out var p) && p.Select(x => x.Value).Order().SequenceEqual(kv.Value.Order()));
            return (sameUnreachable && usableRoutes.Order().SequenceEqual(reach.UsableRoutes) && usableLocations.Order().SequenceEqual(reach.UsableLocations))
                .Label($"routes {string.Join(",", usableRoutes.Order())} vs {string.Join(",", reach.UsableRoutes)}; "
                    + $"locations {string.Join(",", usableLocations.Order())} vs {string.Join(",", reach.UsableLocations)}; unreachable {unreachable.Count} vs {reach.UnreachableDemandPeriods.Count}")
                .Classify(unreachable.Count > 0, "some demand unreachable")
                .Classify(usableRoutes.Count < network.Routes.Length, "some route unusable");
        });

    [Fact]
    public void PrerequisiteGraph_TwoCyclesAndAChain_FindsEachCycleOnce()
    {
        var cycles = PrerequisiteGraph.FindCycles(
            ["a", "b", "c", "d", "e"],
            [["b"], ["c"], ["a"], ["d"], ["a"]]);

        Assert.Equal([[0, 1, 2], [3]], cycles.Select(c => c.ToArray()));
    }
}
