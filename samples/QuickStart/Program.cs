using FreightOptimizer;
// QuickStart: the shortest honest program. Two mines, one border crossing with a capacity, one
// market; the plan says how much goes which way, what the crossing's capacity is worth, and that the
// independent verifier certifies it.

// 1. Network: locations and routes (cost per tonne by commodity; capacity in tonnes per year).
var network = new FreightNetworkBuilder()
    .AddCommodity("coal", "Thermal coal")
    .AddLocation("KUZBASS", LocationKind.Origin)
    .AddLocation("ZABAIKALSK", LocationKind.BorderCrossing, annualCapacityTonnes: 20_000_000)
    .AddLocation("HARBIN", LocationKind.Market)
    .AddRoute("kuzbass-zabaikalsk", "KUZBASS", "ZABAIKALSK", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 2_600 })
    .AddRoute("zabaikalsk-harbin", "ZABAIKALSK", "HARBIN", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 900 })
    .AddRoute("kuzbass-harbin-sea", "KUZBASS", "HARBIN", TransportMode.Sea, new Dictionary<CommodityId, double> { ["coal"] = 5_200 })
    .Build();

// 2. Scenario: supply, demand (with a penalty per unmet tonne).
var scenario = new ScenarioBuilder(network)
    .WithName("QuickStart")
    .AddSupply("KUZBASS", "coal", annualTonnes: 40_000_000, costPerTonne: 1_500)
    .AddDemand("HARBIN", "coal", annualTonnes: 25_000_000, unmetPenaltyPerTonne: 30_000)
    .Build();

// 3–4. Options and optimize.
var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.Auto });

// 5. Read the plan, checking the status first.
Console.WriteLine($"Status: {result.Status} ({result.Report.Engine})");
if (result.Status == SolveStatus.VerificationFailed)
{
    // The engine returned a plan, but the independent verifier rejected it: say why, and do not use it.
    Console.WriteLine(result.Message);
    return 3;
}

if (!result.TryGetPlan(out var plan)) return 1;
Console.WriteLine($"Total cost: {plan.Objective / 1e9:N2} bn RUB");
foreach (var flow in plan.Flows) Console.WriteLine($"  {flow.Route,-22} {flow.Tonnes / 1e6,6:N1} Mt {flow.Commodity}");
foreach (var price in plan.Prices.Capacity.Where(p => p.PerTonne > 0))
{
    Console.WriteLine($"  one more tonne of capacity at {price.Element.Id} saves {price.PerTonne:N0} RUB");
}

Console.WriteLine($"Verified: {plan.Verification?.Passed}, optimality certified: {plan.Verification?.OptimalityCertified}");
return 0;
