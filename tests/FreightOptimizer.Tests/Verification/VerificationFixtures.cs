using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Verification;

/// <summary>
/// Small scenarios with optimal plans and prices computed by hand (the derivation is in each
/// method's comment), shared by the verifier's tests.
/// </summary>
internal static class VerificationFixtures
{
    public static Dictionary<CommodityId, double> Coal(double cost) => new() { ["coal"] = cost };

    public static RouteFlow Flow(string route, double tonnes, string period = "year") => new(route, "coal", period, tonnes);

    public static SupplyUse Supplied(string location, double tonnes, string period = "year") => new(location, "coal", period, tonnes);

    public static UnmetDemand Unmet(string location, double tonnes, string period = "year") => new(location, "coal", period, tonnes);

    public static BalancePrice Pi(string location, double perTonne, string period = "year") => new(location, "coal", period, perTonne);

    public static CapacityPrice RouteRho(string route, double perTonne, string period = "year") => new(new RouteId(route), period, perTonne);

    public static CapacityPrice LocationRho(string location, double perTonne, string period = "year") => new(new LocationId(location), period, perTonne);

    /// <summary>
    /// A 3-node line A → B → C with a binding route capacity. Supply 100 t at A (cost 1), demand
    /// 80 t at C (penalty 1000). a-b costs 2 with capacity 50; a-b-slow costs 10, unlimited; b-c
    /// costs 3. Optimum: 50 on a-b, 30 on a-b-slow, 80 on b-c; transport 640, supply 80.
    /// Prices: supply unsaturated ⇒ π_A = 1; a-b-slow used ⇒ π_B = 10 + 1 = 11; a-b at capacity ⇒
    /// ρ = 11 − 1 − 2 = 8; b-c ⇒ π_C = 14. Dual: 14·80 − 8·50 = 720 = primal.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) Line()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("B", LocationKind.BorderCrossing)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-b", "A", "B", TransportMode.Rail, Coal(2), 50)
            .AddRoute("a-b-slow", "A", "B", TransportMode.Road, Coal(10))
            .AddRoute("b-c", "B", "C", TransportMode.Rail, Coal(3))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .WithName("line")
            .AddSupply("A", "coal", 100, 1)
            .AddDemand("C", "coal", 80, 1000)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 720,
            Costs = new CostBreakdown(640, 0, 80, 0, 0),
            Flows = [Flow("a-b", 50), Flow("a-b-slow", 30), Flow("b-c", 80)],
            Supplied = [Supplied("A", 80)],
            Prices = new PlanPrices([Pi("A", 1), Pi("B", 11), Pi("C", 14)], [RouteRho("a-b", 8)], [], null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// A market that cannot be served in full: supply 50 t at A (cost 0), demand 80 t at C (penalty
    /// 100), route a-c costs 10. Optimum: 50 t flow, 30 t unmet; objective 500 + 3000 = 3500.
    /// Unmet strictly between its bounds ⇒ π_C = 100 (the penalty); a-c used ⇒ π_A = 90; the supply
    /// is at its bound with reduced cost −90. Dual: 100·80 + 50·(−90) = 3500.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) ShortMarket()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(10))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 50)
            .AddDemand("C", "coal", 80, 100)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 3500,
            Costs = new CostBreakdown(500, 0, 0, 0, 3000),
            Flows = [Flow("a-c", 50)],
            Supplied = [Supplied("A", 50)],
            Unmet = [Unmet("C", 30)],
            Prices = new PlanPrices([Pi("A", 90), Pi("C", 100)], [], [], null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// A hub with a throughput capacity: A → H → C (costs 1 and 1, handling 0.5 at H, capacity 40)
    /// or A → C direct (cost 20). Supply 100 at A, demand 60 at C. Optimum: 40 via H, 20 direct;
    /// transport 40 + 40 + 400 = 480, handling 20. Prices: π_A = 0, π_C = 20 (direct used),
    /// π_H = 19 (h-c used), ρ_H = 19 − 1 − 0.5 = 17.5 (a-h used). Dual: 20·60 − 17.5·40 = 500.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) Hub()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation(new Location("H", LocationKind.Hub)
            {
                AnnualCapacityTonnes = 40,
                HandlingCostPerTonne = ImmutableDictionary<CommodityId, double>.Empty.Add("coal", 0.5),
            })
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-h", "A", "H", TransportMode.Rail, Coal(1))
            .AddRoute("h-c", "H", "C", TransportMode.Rail, Coal(1))
            .AddRoute("a-c", "A", "C", TransportMode.Road, Coal(20))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100)
            .AddDemand("C", "coal", 60, 1000)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 500,
            Costs = new CostBreakdown(480, 20, 0, 0, 0),
            Flows = [Flow("a-h", 40), Flow("h-c", 40), Flow("a-c", 20)],
            Supplied = [Supplied("A", 60)],
            Prices = new PlanPrices([Pi("A", 0), Pi("H", 19), Pi("C", 20)], [LocationRho("H", 17.5)], [], null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// A minimum flow: two routes A → C, cheap (cost 1) and contracted (cost 5, at least 10 t/yr).
    /// Supply 100 at A, demand 50 at C. Optimum: 10 on the contract, 40 cheap; objective 90.
    /// Prices: π_A = 0, π_C = 1, μ = 5 − 1 = 4. Dual: 1·50 + 4·10 = 90.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) MinimumFlow()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("cheap", "A", "C", TransportMode.Rail, Coal(1))
            .AddRoute(new Route("contract", "A", "C", TransportMode.Sea)
            {
                CostPerTonne = Coal(5).ToImmutableDictionary(),
                MinAnnualTonnes = 10,
            })
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100)
            .AddDemand("C", "coal", 50, 1000)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 90,
            Costs = new CostBreakdown(90, 0, 0, 0, 0),
            Flows = [Flow("cheap", 40), Flow("contract", 10)],
            Supplied = [Supplied("A", 50)],
            Prices = new PlanPrices([Pi("A", 0), Pi("C", 1)], [], [new MinimumFlowPrice("contract", "year", 4)], null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// A capacity investment on route a-c-rail (cost 1, capacity 30); a-c-road costs 10, unlimited.
    /// Supply 100 at A, demand 50 at C. The option adds 10 t/yr per unit for a capital cost of 40
    /// (lifetime 1 year, rate 0 ⇒ 40 in the objective per unit), up to 5 units.
    /// <list type="bullet">
    /// <item>Continuous: build 2 units, all 50 t by rail; objective 50 + 80 = 130. y strictly
    /// between its bounds ⇒ ρ = 40 / 10 = 4; π_C = 1 + 4 = 5. Dual: 5·50 − 4·30 = 130.</item>
    /// <item>With a budget of 40: 1 unit, 40 t by rail, 10 by road; objective 40 + 100 + 40 = 180.
    /// π_C = 10, ρ = 9, β from 40 + 40β − 9·10 = 0 ⇒ 1.25. Dual: 500 − 270 − 1.25·40 = 180.</item>
    /// </list>
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) ContinuousInvestment(bool withBudget = false)
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-c-rail", "A", "C", TransportMode.Rail, Coal(1), 30)
            .AddRoute("a-c-road", "A", "C", TransportMode.Road, Coal(10))
            .Build();
        var builder = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100)
            .AddDemand("C", "coal", 50, 1000)
            .AddInvestment(new InvestmentOption("rail-upgrade", 10, 40, 1)
            {
                Target = new RouteId("a-c-rail"),
                Kind = InvestmentKind.Continuous,
                MaxUnits = 5,
            });
        if (withBudget) builder.WithBudget(40);
        var scenario = builder.Build();
        var plan = withBudget
            ? new AllocationPlan
            {
                Objective = 180,
                Costs = new CostBreakdown(140, 0, 0, 40, 0),
                Flows = [Flow("a-c-rail", 40), Flow("a-c-road", 10)],
                Supplied = [Supplied("A", 50)],
                Investments = [new InvestmentDecision("rail-upgrade", 1)],
                Prices = new PlanPrices([Pi("A", 0), Pi("C", 10)], [RouteRho("a-c-rail", 9)], [], 1.25),
            }
            : new AllocationPlan
            {
                Objective = 130,
                Costs = new CostBreakdown(50, 0, 0, 80, 0),
                Flows = [Flow("a-c-rail", 50)],
                Supplied = [Supplied("A", 50)],
                Investments = [new InvestmentDecision("rail-upgrade", 2)],
                Prices = new PlanPrices([Pi("A", 0), Pi("C", 5)], [RouteRho("a-c-rail", 4)], [], null),
            };
        return (scenario, plan);
    }

    /// <summary>
    /// The same corridor with a binary option adding 20 t/yr for 80 (objective 80 per unit), built.
    /// The certificate is for the LP with the option fixed at 1: rail carries 50 = its capacity, road
    /// nothing; ρ = 0, π_C = 1 is one valid dual. Objective 50 + 80 = 130; dual 1·50 + 80 (the
    /// fixed capital) = 130.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) BinaryInvestment()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-c-rail", "A", "C", TransportMode.Rail, Coal(1), 30)
            .AddRoute("a-c-road", "A", "C", TransportMode.Road, Coal(10))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100)
            .AddDemand("C", "coal", 50, 1000)
            .AddInvestment(new InvestmentOption("rail-upgrade", 20, 80, 1) { Target = new RouteId("a-c-rail") })
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 130,
            Costs = new CostBreakdown(50, 0, 0, 80, 0),
            Flows = [Flow("a-c-rail", 50)],
            Supplied = [Supplied("A", 50)],
            Investments = [new InvestmentDecision("rail-upgrade", 1)],
            Prices = new PlanPrices([Pi("A", 0), Pi("C", 1)], [RouteRho("a-c-rail", 0)], [], null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// Two seasons of half a year. Supply 200 t/yr at A, demand 100 t/yr at C (penalty 50), so 50 t
    /// a season. Rail (cost 1, 60 t/yr) runs at half availability in winter: 30 t in summer, 15 t
    /// in winter. Road (cost 10, unlimited) is closed in winter.
    /// Summer: rail 30, road 20; π_A = 0, π_C = 10, ρ_rail = 9. Winter: rail 15, 35 t unmet;
    /// π_C = 50 (the penalty), ρ_rail = 49. Objective: transport 30 + 200 + 15, penalty 1750 ⇒ 1995.
    /// Dual: (10·50 − 9·30) + (50·50 − 49·15) = 230 + 1765 = 1995.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) Seasonal()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-c-rail", "A", "C", TransportMode.Rail, Coal(1), 60)
            .AddRoute("a-c-road", "A", "C", TransportMode.Road, Coal(10))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddPeriod("summer", 0.5)
            .AddPeriod("winter", 0.5)
            .SetAvailability(new RouteId("a-c-rail"), "winter", 0.5)
            .SetAvailability(new RouteId("a-c-road"), "winter", 0)
            .AddSupply("A", "coal", 200)
            .AddDemand("C", "coal", 100, 50)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 1995,
            Costs = new CostBreakdown(245, 0, 0, 0, 1750),
            Flows = [Flow("a-c-rail", 30, "summer"), Flow("a-c-road", 20, "summer"), Flow("a-c-rail", 15, "winter")],
            Supplied = [Supplied("A", 50, "summer"), Supplied("A", 15, "winter")],
            Unmet = [Unmet("C", 35, "winter")],
            Prices = new PlanPrices(
                [Pi("A", 0, "summer"), Pi("C", 10, "summer"), Pi("A", 0, "winter"), Pi("C", 50, "winter")],
                [RouteRho("a-c-rail", 9, "summer"), RouteRho("a-c-rail", 49, "winter")],
                [],
                null),
        };
        return (scenario, plan);
    }

    /// <summary>
    /// Two supply lines at A: 30 t at cost 1 and 100 t at cost 5; demand 50 t at C over a-c (cost 1).
    /// Optimum: the cheap line in full, 20 t of the dear one; supply 30 + 100 = 130, transport 50.
    /// π_A = 5 (the dear line is between its bounds), π_C = 6; the cheap line sits at its bound with
    /// reduced cost −4. Dual: 6·50 + 30·(−4) = 180.
    /// </summary>
    public static (Scenario Scenario, AllocationPlan Plan) TwoSupplyLines()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin)
            .AddLocation("C", LocationKind.Market)
            .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(1))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 100, 5)
            .AddSupply("A", "coal", 30, 1)
            .AddDemand("C", "coal", 50, 1000)
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 180,
            Costs = new CostBreakdown(50, 0, 130, 0, 0),
            Flows = [Flow("a-c", 50)],
            Supplied = [Supplied("A", 50)],
            Prices = new PlanPrices([Pi("A", 5), Pi("C", 6)], [], [], null),
        };
        return (scenario, plan);
    }
}
