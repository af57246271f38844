using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Validation;

/// <summary>
/// A small valid scenario and helpers that break it one rule at a time. The layout, by index:
/// commodities [coal, oil]; periods [summer, winter]; locations [MINE (coal only), HUB (cap 1000),
/// MARKET]; routes [mine-hub (coal, cap 500), hub-market (coal + oil, cap 800)]; supplies [MINE coal];
/// demands [MARKET coal]; investments [hub-expansion (HUB), line-doubling (hub-market, Modular 2)].
/// </summary>
internal static class ValidationScenarios
{
    public static Scenario Valid()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal", "Thermal coal")
            .AddCommodity("oil")
            .AddLocation(new Location("MINE", LocationKind.Origin) { Commodities = ["coal"] })
            .AddLocation(new Location("HUB", LocationKind.Hub) { AnnualCapacityTonnes = 1000, HandlingCostPerTonne = Costs(("coal", 2)) })
            .AddLocation(new Location("MARKET", LocationKind.Market) { Latitude = 45, Longitude = 120 })
            .AddRoute(new Route("mine-hub", "MINE", "HUB", TransportMode.Rail) { CostPerTonne = Costs(("coal", 10)), AnnualCapacityTonnes = 500 })
            .AddRoute(new Route("hub-market", "HUB", "MARKET", TransportMode.Rail) { CostPerTonne = Costs(("coal", 5), ("oil", 7)), AnnualCapacityTonnes = 800 })
            .Build();
        return new ScenarioBuilder(network)
            .AddPeriod("summer", 0.5)
            .AddPeriod("winter", 0.5)
            .WithDiscountRate(0.08)
            .SetAvailability((RouteId)"mine-hub", "winter", 0.8)
            .AddSupply("MINE", "coal", 400, 100)
            .AddDemand("MARKET", "coal", 300, 5000)
            .AddInvestment(new InvestmentOption("hub-expansion", 100, 1000, 20) { Target = new LocationId("HUB") })
            .AddInvestment(new InvestmentOption("line-doubling", 200, 3000, 30) { Target = new RouteId("hub-market"), Kind = InvestmentKind.Modular, MaxUnits = 2 })
            .WithBudget(5000)
            .Build();
    }

    public static ImmutableDictionary<CommodityId, double> Costs(params (string Commodity, double Cost)[] costs) =>
        costs.ToImmutableDictionary(c => new CommodityId(c.Commodity), c => c.Cost);

    public static Scenario WithNetwork(
        this Scenario s,
        Func<ImmutableArray<Commodity>, IEnumerable<Commodity>>? commodities = null,
        Func<ImmutableArray<Location>, IEnumerable<Location>>? locations = null,
        Func<ImmutableArray<Route>, IEnumerable<Route>>? routes = null) =>
        s with
        {
            Network = new FreightNetwork(
                commodities is null ? s.Network.Commodities : commodities(s.Network.Commodities),
                locations is null ? s.Network.Locations : locations(s.Network.Locations),
                routes is null ? s.Network.Routes : routes(s.Network.Routes)),
        };

    public static Scenario WithLocation(this Scenario s, int index, Func<Location, Location> change) =>
        s.WithNetwork(locations: ls => ls.SetItem(index, change(ls[index])));

    public static Scenario WithRoute(this Scenario s, int index, Func<Route, Route> change) =>
        s.WithNetwork(routes: rs => rs.SetItem(index, change(rs[index])));

    public static Scenario WithInvestment(this Scenario s, int index, Func<InvestmentOption, InvestmentOption> change) =>
        s with { Investments = s.Investments.SetItem(index, change(s.Investments[index])) };

    /// <summary>Asserts that the issues are exactly one, with this code and path, and returns it.</summary>
    public static ValidationIssue AssertOnly(ImmutableArray<ValidationIssue> issues, ValidationCode code, string path)
    {
        var issue = Assert.Single(issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(path, issue.Path);
        return issue;
    }
}
