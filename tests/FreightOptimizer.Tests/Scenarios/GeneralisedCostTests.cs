namespace FreightOptimizer.Tests.Scenarios;

/// <summary>The time and carbon surcharges and the CO2 cap on the hand-computed rail-or-road case.</summary>
public sealed class GeneralisedCostTests
{
    private const double RailTime = 50_000 * 10 / 365.0 * 0.1;   // 136.986… per tonne
    private const double RoadTime = 50_000 * 2 / 365.0 * 0.1;    // 27.397… per tonne
    private const double RailCo2 = 11.3 * 1000 / 1e6;            // 0.0113 t CO2e per tonne
    private const double RoadCo2 = 90.3 * 800 / 1e6;             // 0.07224 t CO2e per tonne

    [Fact]
    public void RouteCostPerTonne_AddsHoldingAndCarbon()
    {
        var scenario = GeneralisedCostScenarios.RailOrRoad(0.1, 1000);
        var rail = scenario.Network.GetRoute("rail");

        Assert.Equal(RailCo2, scenario.Co2TonnesPerTonne(rail), 12);
        Assert.Equal(RailTime, scenario.TransitCostPerTonne(rail, "coal"), 9);
        Assert.Equal(RailCo2 * 1000, scenario.CarbonCostPerTonne(rail), 9);
        Assert.Equal(900 + RailTime + (RailCo2 * 1000), scenario.RouteCostPerTonne(rail, "coal"), 9);
        Assert.Equal(0, scenario.Co2TonnesPerTonne(scenario.Network.GetRoute("mine-border")));
    }

    [Fact]
    public void Optimize_HoldingOnly_RoadWins()
    {
        // Rail 900 + 136.99 = 1,036.99 against road 1,000 + 27.40 = 1,027.40 per tonne.
        var plan = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1)).GetPlanOrThrow();

        Assert.Equal(1000, Tonnes(plan, "road"), 6);
        Assert.Equal(1000 * (1000 + RoadTime), plan.Objective, 6);
        Assert.Equal(1000 * 1000, plan.Costs.Transport, 6);
        Assert.Equal(1000 * RoadTime, plan.Costs.TransitTime, 6);
        Assert.Equal(0, plan.Costs.Carbon);
        Assert.Equal(1000 * RoadCo2, plan.Activity!.Total.Co2Tonnes, 9);
        Assert.Equal(1000 * 800, plan.Activity.Total.TonneKm, 6);
        Assert.Equal(1000 * 2, plan.Activity.Total.TonneDays, 6);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true });
    }

    [Fact]
    public void Optimize_CarbonPrice_ShiftsToRailUpToItsCapacity()
    {
        // With 1,000/t CO2e: rail 1,036.99 + 11.30 = 1,048.29 against road 1,027.40 + 72.24 = 1,099.64.
        var plan = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, 1000)).GetPlanOrThrow();

        Assert.Equal(600, Tonnes(plan, "rail"), 6);
        Assert.Equal(400, Tonnes(plan, "road"), 6);
        var co2 = (600 * RailCo2) + (400 * RoadCo2);
        Assert.Equal(co2, plan.Activity!.Total.Co2Tonnes, 9);
        Assert.Equal(co2 * 1000, plan.Costs.Carbon, 6);
        Assert.Equal((600 * 900) + (400 * 1000), plan.Costs.Transport, 6);
        Assert.Equal((600 * (900 + RailTime + (RailCo2 * 1000))) + (400 * (1000 + RoadTime + (RoadCo2 * 1000))), plan.Objective, 6);
        Assert.Equal(plan.Costs.Total, plan.Objective, 6);
        var rail = Assert.Single(plan.Activity.ByMode, l => l.Key == "Rail");
        Assert.Equal(600 * 1000, rail.TonneKm, 6);
        var border = Assert.Single(plan.Activity.ByCrossing);
        Assert.Equal("BORDER", border.Key);
        Assert.Equal(1000, border.Tonnes, 6); // the tonnes that arrive
        Assert.Equal(co2, border.Co2Tonnes, 9); // the routes in (no distance, 0) and out
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true });
    }

    [Fact]
    public void Optimize_Co2Cap_ShiftsJustEnoughAndPricesTheCap()
    {
        // Road alone emits 72.24 t. Under 50 t: r·0.0113 + (1000 − r)·0.07224 ≤ 50 ⇒ r ≥ 22.24 / 0.06094 = 364.95 t by rail.
        // Each tonne moved to rail costs 1,036.99 − 1,027.40 = 9.589 and saves 0.06094 t: the cap's price is 157.35 per t CO2e.
        var result = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, cap: 50));
        var plan = result.GetPlanOrThrow();

        var rail = (1000 * RoadCo2 - 50) / (RoadCo2 - RailCo2);
        Assert.Equal(rail, Tonnes(plan, "rail"), 6);
        Assert.Equal(50, plan.Activity!.Total.Co2Tonnes, 6);
        var price = (RailTime - RoadTime - 100) / (RoadCo2 - RailCo2);
        Assert.Equal(price, plan.Prices.Co2Cap!.Value, 4);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true });
        Assert.NotEqual(SolverEngine.NetworkFlow, result.Report.Engine);
        Assert.Contains("CO2 cap", result.Report.EngineReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_Co2CapBelowTheCleanestPlan_IsInfeasibleOrUnmet()
    {
        // Rail alone (600 t) emits 6.78 t; 1 t CO2e cannot move the demand, so most of it goes unmet at its penalty.
        var plan = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, cap: 1)).GetPlanOrThrow();

        Assert.True(plan.Activity!.Total.Co2Tonnes <= 1 + 1e-6);
        Assert.True(plan.TotalUnmetTonnes > 900);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true });
    }

    [Fact]
    public void Optimize_NetworkFlowWithCap_IsUnavailable()
    {
        var result = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, cap: 50), new SolveOptions { Engine = SolverEngine.NetworkFlow });

        Assert.Equal(SolveStatus.SolverUnavailable, result.Status);
        Assert.Contains("CO2 cap", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_NoGeneralisedCost_ReportsNoActivity()
    {
        var scenario = GeneralisedCostScenarios.RailOrRoad() with { GeneralisedCost = null };

        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();

        // The tariffs alone: rail (900) to its 600 t, road (1,000) for the rest.
        Assert.Null(plan.Activity);
        Assert.Equal((600 * 900) + (400 * 1000), plan.Objective, 6);
        Assert.Equal(0, plan.Costs.TransitTime);
    }

    private static double Tonnes(AllocationPlan plan, string route) => plan.Flows.Where(f => f.Route == route).Sum(f => f.Tonnes);
}
