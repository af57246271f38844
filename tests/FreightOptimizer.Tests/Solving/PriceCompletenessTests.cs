using System.Text.Json;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// Every engine's plan carries every price the plan format (docs/plan-format.md) promises, no more and no fewer, in the
/// plan and in plan.json: the keys expected are enumerated from the scenario alone.
/// </summary>
public sealed class PriceCompletenessTests
{
    [Theory]
    [MemberData(nameof(ClosureScenarios.Cases), MemberType = typeof(ClosureScenarios))]
    public void Optimize_ScenarioWithClosures_PricesEveryPromisedKeyInPlanAndFile(string variant, SolverEngine engine)
    {
        var scenario = ScenarioJson.Read(ClosureScenarios.Json(variant));

        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0 });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(engine, result.Report.Engine);
        var plan = result.GetPlanOrThrow();
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, string.Join("; ", plan.Verification?.Findings.Select(f => f.Message) ?? []));
        var expected = ExpectedKeys.Of(scenario);
        AssertKeys(expected, PlanKeys(plan.Prices));
        AssertKeys(expected, FileKeys(PlanJson.Write(result)));
        AssertZeroWhereNothingCanUseIt(scenario, plan.Prices);
    }

    [Fact]
    public void Optimize_ScenarioWithClosures_ReportsZeroForTheClosedEndsCapacities()
    {
        // o-h loses its end H in p1, and h-m both ends in turn; their capacities exist in every
        // period, and the closed ones are worth nothing.
        var scenario = ScenarioJson.Read(ClosureScenarios.TwoCommodities);

        var plan = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.Clp }).GetPlanOrThrow();

        Assert.Equal(0, plan.Prices.Capacity.Single(p => p.Element.Route == "o-h" && p.Period == "p1").PerTonne);
        Assert.Equal(0, plan.Prices.Capacity.Single(p => p.Element.Route == "h-m" && p.Period == "p2").PerTonne);
        Assert.Equal(0, plan.Prices.Capacity.Single(p => p.Element.Location == "H" && p.Period == "p1").PerTonne);
        Assert.Equal(0, plan.Prices.Capacity.Single(p => p.Element.Route == "o-x" && p.Period == "p0").PerTonne);
        Assert.Equal(0, plan.Prices.MinimumFlow.Single(p => p.Route == "o-m" && p.Period == "p0").PerTonne);
        Assert.Equal(0, plan.Prices.Balance.Single(p => p.Location == "X" && p.Commodity == "coal" && p.Period == "p0").PerTonne);
        Assert.DoesNotContain(plan.Prices.Balance, p => p.Location == "H" && p.Period == "p1");
        Assert.DoesNotContain(plan.Prices.Balance, p => p.Location == "X" && p.Commodity == "oil");
    }

    [Theory]
    [MemberData(nameof(ClosureScenarios.Cases), MemberType = typeof(ClosureScenarios))]
    public void Optimize_ScenarioWithClosures_ReportsTheUseOfEveryCapacityInEveryPeriod(string variant, SolverEngine engine)
    {
        var scenario = ScenarioJson.Read(ClosureScenarios.Json(variant));

        var plan = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0 }).GetPlanOrThrow();

        // The same keys as the capacity prices, in the same (scenario) order.
        Assert.Equal(plan.Prices.Capacity.Select(p => (p.Element, p.Period)), plan.CapacityUse.Select(u => (u.Element, u.Period)));
        foreach (var use in plan.CapacityUse)
        {
            var closed = use.Element.Route is { } r ? scenario.AvailabilityOf(r, use.Period) == 0 : !scenario.IsOpen(use.Element.Location!.Value, use.Period);
            if (closed) Assert.True(use.CapacityTonnes == 0 && use.ThroughputTonnes == 0, $"{use.Element} in {use.Period}: {use}");
            Assert.True(use.ThroughputTonnes <= use.CapacityTonnes * (1 + 1e-9) + 1e-9, $"{use.Element} in {use.Period}: {use}");
        }
    }

    [Property(MaxTest = 40)]
    public Property Optimize_GeneratedScenario_PricesEveryPromisedKey() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c => HoldsFor(c.Scenario, SolverEngine.Auto));

    [Property(MaxTest = 30)]
    public Property Optimize_GeneratedLinearScenario_PricesEveryPromisedKeyWithEachLpEngine() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), c =>
            ClosureScenarios.LpEngines.All(engine => HoldsFor(c.Scenario, engine)).ToProperty());

    [Property(MaxTest = 30)]
    public Property Optimize_GeneratedFlowScenario_PricesEveryPromisedKeyWithEachFlowEngine() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlow), c =>
            ClosureScenarios.FlowEngines.All(engine => HoldsFor(c.Scenario, engine)).ToProperty());

    private static bool HoldsFor(Scenario scenario, SolverEngine engine)
    {
        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0 });
        if (result.Plan is not { } plan) return result.Status is SolveStatus.Infeasible or SolveStatus.SolverUnavailable;
        var expected = ExpectedKeys.Of(scenario);
        return expected.SetEquals(PlanKeys(plan.Prices)) && PlanKeys(plan.Prices).Count == Count(plan.Prices)
            && expected.SetEquals(FileKeys(PlanJson.Write(result)));
    }

    private static void AssertKeys(HashSet<string> expected, List<string> actual)
    {
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(actualSet.Count, actual.Count); // no key twice
        var missing = expected.Except(actualSet).Order(StringComparer.Ordinal).ToList();
        var extra = actualSet.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"missing: {string.Join(", ", missing)}; not promised: {string.Join(", ", extra)}");
    }

    private static int Count(PlanPrices prices) => prices.Balance.Length + prices.Capacity.Length + prices.MinimumFlow.Length + (prices.Budget is null ? 0 : 1);

    private static List<string> PlanKeys(PlanPrices prices) =>
    [
        .. prices.Balance.Select(p => ExpectedKeys.Balance(p.Location.Value, p.Commodity.Value, p.Period.Value)),
        .. prices.Capacity.Select(p => ExpectedKeys.Capacity(p.Element.Route?.Value, p.Element.Location?.Value, p.Period.Value)),
        .. prices.MinimumFlow.Select(p => ExpectedKeys.Minimum(p.Route.Value, p.Period.Value)),
        .. prices.Budget is null ? [] : new[] { ExpectedKeys.Budget },
    ];

    /// <summary>The keys of plan.json's prices, read from the text.</summary>
    private static List<string> FileKeys(string json)
    {
        using var document = JsonDocument.Parse(json);
        var prices = document.RootElement.GetProperty("prices");
        static string? Text(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
        var keys = new List<string>();
        foreach (var p in prices.GetProperty("balance").EnumerateArray()) keys.Add(ExpectedKeys.Balance(Text(p, "location")!, Text(p, "commodity")!, Text(p, "period")!));
        foreach (var p in prices.GetProperty("capacity").EnumerateArray()) keys.Add(ExpectedKeys.Capacity(Text(p, "route"), Text(p, "location"), Text(p, "period")!));
        foreach (var p in prices.GetProperty("minimumFlow").EnumerateArray()) keys.Add(ExpectedKeys.Minimum(Text(p, "route")!, Text(p, "period")!));
        if (prices.GetProperty("budget").ValueKind == JsonValueKind.Number) keys.Add(ExpectedKeys.Budget);
        return keys;
    }

    /// <summary>
    /// Capacities and minimum flows nothing can use in a period, and balances nothing can touch, are
    /// priced 0 (PlanAssembler's remarks give the reasons).
    /// </summary>
    private static void AssertZeroWhereNothingCanUseIt(Scenario scenario, PlanPrices prices)
    {
        var network = scenario.Network;
        foreach (var price in prices.Capacity)
        {
            var period = price.Period;
            bool used;
            if (price.Element.Route is { } routeId)
            {
                var route = network.GetRoute(routeId);
                used = route.CostPerTonne.Keys.Any(k => scenario.CanFlow(route, k, period));
            }
            else
            {
                var location = price.Element.Location!.Value;
                used = scenario.IsOpen(location, period)
                    && (network.Routes.Any(r => r.To == location && r.CostPerTonne.Keys.Any(k => scenario.CanFlow(r, k, period)))
                        || scenario.Supplies.Any(s => s.Location == location && Scenario.AppliesIn(s.Period, period)));
            }

            if (!used) Assert.True(price.PerTonne == 0, $"{price}: nothing can use this capacity, so it is worth 0");
        }

        foreach (var price in prices.MinimumFlow)
        {
            if (!scenario.IsUsable(network.GetRoute(price.Route), price.Period)) Assert.True(price.PerTonne == 0, $"{price}: the minimum is waived");
        }

        foreach (var price in prices.Balance)
        {
            var touched = network.Routes.Any(r => (r.From == price.Location || r.To == price.Location) && scenario.CanFlow(r, price.Commodity, price.Period))
                || scenario.Supplies.Any(s => s.Location == price.Location && s.Commodity == price.Commodity && Scenario.AppliesIn(s.Period, price.Period))
                || scenario.Demands.Any(d => d.Location == price.Location && d.Commodity == price.Commodity && Scenario.AppliesIn(d.Period, price.Period));
            if (!touched) Assert.True(price.PerTonne == 0, $"{price}: nothing reaches this balance");
        }
    }
}

/// <summary>The price keys the plan format (docs/plan-format.md) promises for a scenario, enumerated from the scenario alone.</summary>
internal static class ExpectedKeys
{
    public const string Budget = "budget";

    public static string Balance(string location, string commodity, string period) => $"balance {location} {commodity} {period}";

    public static string Capacity(string? route, string? location, string period) =>
        route is not null ? $"capacity route {route} {period}" : $"capacity location {location} {period}";

    public static string Minimum(string route, string period) => $"minimum {route} {period}";

    /// <summary>
    /// Balance: every open location, commodity it handles and period. Capacity: every capacitated
    /// route and location in every period. Minimum flow: every route with a positive minimum in every
    /// period. Budget: when the scenario has one.
    /// </summary>
    public static HashSet<string> Of(Scenario scenario)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var periods = scenario.Horizon.Periods;
        foreach (var period in periods)
        {
            foreach (var location in scenario.Network.Locations)
            {
                if (location.AnnualCapacityTonnes is not null) keys.Add(Capacity(null, location.Id.Value, period.Id.Value));
                if (!scenario.IsOpen(location.Id, period.Id)) continue;
                foreach (var commodity in scenario.Network.Commodities)
                {
                    if (location.Handles(commodity.Id)) keys.Add(Balance(location.Id.Value, commodity.Id.Value, period.Id.Value));
                }
            }

            foreach (var route in scenario.Network.Routes)
            {
                if (route.AnnualCapacityTonnes is not null) keys.Add(Capacity(route.Id.Value, null, period.Id.Value));
                if (route.MinAnnualTonnes is > 0) keys.Add(Minimum(route.Id.Value, period.Id.Value));
            }
        }

        if (scenario.Budget is not null) keys.Add(Budget);
        return keys;
    }
}
