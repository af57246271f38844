using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Network;

public sealed class FreightNetworkTests
{
    [Fact]
    public void Build_KeepsOrderAndFindsById()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal", "Thermal coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("B", LocationKind.Market, 100)
            .AddRoute("a-b", "A", "B", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 5 }, 50)
            .Build();

        Assert.Equal(["A", "B"], network.Locations.Select(l => l.Id.Value));
        Assert.Equal(100, network.GetLocation("B").AnnualCapacityTonnes);
        Assert.True(network.GetRoute("a-b").Carries("coal"));
        Assert.False(network.GetRoute("a-b").Carries("oil"));
        Assert.False(network.TryGetRoute("missing", out _));
    }

    [Fact]
    public void Equals_SameContentInNewCollections_IsTrue()
    {
        static FreightNetwork Make() => new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation(new Location("A", LocationKind.Hub) { Commodities = ["coal"], HandlingCostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 3 }.ToImmutableDictionary() })
            .Build();

        Assert.Equal(Make(), Make());
        Assert.NotEqual(Make(), new FreightNetworkBuilder().AddCommodity("oil").Build());
    }
}
