
namespace FreightOptimizer.Benchmarks;

/// <summary>
/// A seeded synthetic corridor of any size: origins → border crossings → hubs → markets by rail and
/// road, plus seasonal sea routes from origins to hubs that close in winter, each route reaching a
/// few places along the corridor; several commodities and
/// periods; route and crossing capacities sized so that the cheap routes fill up and bind. The same
/// seed and size always give the same scenario.
/// </summary>
internal static class SyntheticCorridor
{
    /// <summary>How many places up or down the corridor a route may reach.</summary>
    private const int Reach = 4;

    /// <summary>Makes a corridor with <paramref name="routes"/> routes.</summary>
    /// <param name="routes">Number of routes (≥ 20).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="commodities">Number of commodities (1..8).</param>
    /// <param name="periods">Number of periods; the first and last are winter, when sea routes close.</param>
    public static Scenario Generate(int routes, int seed = 1, int commodities = 3, int periods = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(routes, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(commodities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        var random = new Random(seed);
        double Uniform(double low, double high) => low + (random.NextDouble() * (high - low));

        var goods = Enumerable.Range(0, commodities).Select(k => new CommodityId($"c{k}")).ToArray();
        var origins = Enumerable.Range(0, Math.Max(3, routes / 40)).Select(i => new LocationId($"O{i}")).ToArray();
        var crossings = Enumerable.Range(0, Math.Max(2, routes / 100)).Select(i => new LocationId($"B{i}")).ToArray();
        var hubs = Enumerable.Range(0, Math.Max(3, routes / 40)).Select(i => new LocationId($"H{i}")).ToArray();
        var markets = Enumerable.Range(0, Math.Max(3, routes / 40)).Select(i => new LocationId($"M{i}")).ToArray();

        // Demand first: 80 % of supply, so the model chooses which supply to use.
        const double tonnesPerMarket = 2_000_000;
        var demandTotal = markets.Length * tonnesPerMarket;
        var network = new FreightNetworkBuilder();
        foreach (var c in goods) network.AddCommodity(c);
        foreach (var o in origins) network.AddLocation(o, LocationKind.Origin);
        foreach (var b in crossings) network.AddLocation(b, LocationKind.BorderCrossing, Math.Round(demandTotal / crossings.Length * Uniform(0.7, 1.3)));
        foreach (var h in hubs) network.AddLocation(h, LocationKind.Hub);
        foreach (var m in markets) network.AddLocation(m, LocationKind.Market);

        var layers = new (LocationId[] From, LocationId[] To, double Share, TransportMode Mode, double LowCost, double HighCost)[]
        {
            (origins, crossings, 0.35, TransportMode.Rail, 1_500, 4_000),
            (crossings, hubs, 0.30, TransportMode.Rail, 300, 1_500),
            (hubs, markets, 0.25, TransportMode.Road, 200, 1_200),
            (origins, hubs, 0.10, TransportMode.Sea, 900, 3_000),
        };

        var seasonal = new List<RouteId>();
        var index = 0;
        foreach (var (from, to, share, mode, low, high) in layers)
        {
            var count = (int)Math.Round(routes * share);
            if (ReferenceEquals(from, origins) && ReferenceEquals(to, hubs)) count = routes - index;
            for (var i = 0; i < count; i++, index++)
            {
                // Every location gets routes in turn; the other end is a random neighbour along the
                // corridor (locations are strung out west to east, and a route does not jump across
                // the continent), so the network is regional like a real one.
                var a = from[i % from.Length];
                var near = (int)((long)(i % from.Length) * to.Length / from.Length);
                var b = to[((near + random.Next(-Reach, Reach + 1)) % to.Length + to.Length) % to.Length];
                var carried = goods.Where(_ => random.NextDouble() < 0.6).ToList();
                if (carried.Count == 0) carried.Add(goods[random.Next(goods.Length)]);
                var costs = carried.ToDictionary(c => c, _ => Math.Round(Uniform(low, high)));
                var capacity = Math.Round(demandTotal / count * Uniform(1.0, 3.0) * (mode == TransportMode.Sea ? 1.5 : 1.0));
                var id = new RouteId($"r{index}");
                network.AddRoute(id, a, b, mode, costs, capacity);
                if (mode == TransportMode.Sea) seasonal.Add(id);
            }
        }

        var builder = new ScenarioBuilder(network.Build()).WithName($"synthetic corridor, {routes} routes, seed {seed}").WithCurrency("RUB");
        for (var t = 0; t < periods; t++) builder.AddPeriod($"p{t}", 1.0 / periods);
        foreach (var id in seasonal)
        {
            builder.SetAvailability(id, "p0", 0);
            if (periods > 1) builder.SetAvailability(id, $"p{periods - 1}", 0);
        }

        var supplyPerOrigin = demandTotal / 0.8 / origins.Length;
        foreach (var o in origins)
        {
            foreach (var c in goods) builder.AddSupply(o, c, Math.Round(supplyPerOrigin / goods.Length * Uniform(0.5, 1.5)), costPerTonne: Math.Round(Uniform(500, 1_500)));
        }

        foreach (var m in markets)
        {
            foreach (var c in goods) builder.AddDemand(m, c, Math.Round(tonnesPerMarket / goods.Length * Uniform(0.5, 1.5)), unmetPenaltyPerTonne: 50_000);
        }

        return builder.Build();
    }

    /// <summary>Number of routes that gives about <paramref name="flowVariables"/> flow variables.</summary>
    public static int RoutesFor(long flowVariables, int commodities = 3, int periods = 4)
    {
        // Each route carries each commodity with probability 0.6 (at least one) in every open period.
        var perRoute = Math.Max(1.0, commodities * 0.6) * periods * 0.95;
        return (int)Math.Ceiling(flowVariables / perRoute);
    }
}
