using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>Invariants of the model over random valid scenarios (ScenarioGenerator).</summary>
public sealed class ModelProperties
{
    [Property(MaxTest = 60)]
    [Trait("Category", "Slow")]
    public Property MoreCapacity_NeverRaisesTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var before = Solve(c.Scenario);
            var after = Solve(WithCapacityScaled(c.Scenario, 1.5));
            var holds = before.Status != SolveStatus.Optimal
                ? after.Status is SolveStatus.Optimal or SolveStatus.Infeasible
                : after.Status == SolveStatus.Optimal && after.Plan!.Objective <= before.Plan!.Objective + (Relative * Math.Max(1, Math.Abs(before.Plan.Objective)));
            return holds
                .Label($"before {before.Status} {before.Plan?.Objective}, after {after.Status} {after.Plan?.Objective}")
                .Classify(before.Plan?.Bottlenecks.Length > 0, "capacities bind")
                .Classify(before.Status == SolveStatus.Infeasible, "infeasible");
        });

    [Property(MaxTest = 60)]
    [Trait("Category", "Slow")]
    public Property ScalingEveryCost_ScalesTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Elements(0.5, 3.0, 1000.0).ToArbitrary(), (c, factor) =>
        {
            var before = Solve(c.Scenario);
            var after = Solve(WithCostsScaled(c.Scenario, factor));
            if (before.Status != SolveStatus.Optimal) return (after.Status == before.Status).Label($"status {before.Status} then {after.Status}");
            return (after.Status == SolveStatus.Optimal && Close(after.Plan!.Objective, factor * before.Plan!.Objective, 1e-6))
                .Label($"{before.Plan!.Objective} × {factor} vs {after.Plan?.Objective}");
        });

    [Property(MaxTest = 60)]
    [Trait("Category", "Slow")]
    public Property AddingAnExpensiveRoute_ChangesNothingUnlessUsed() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var scenario = c.Scenario;
            var locations = scenario.Network.Locations;
            var commodity = scenario.Network.Commodities[0].Id;
            var from = locations.First(l => l.Handles(commodity)).Id;
            var to = locations.Last(l => l.Handles(commodity) && l.Id != from).Id;
            var extra = new Route("extra-route", from, to, TransportMode.Road)
            {
                CostPerTonne = new Dictionary<CommodityId, double> { [commodity] = 1e7 }.ToImmutableDictionary(),
            };
            var widened = scenario with { Network = new FreightNetwork(scenario.Network.Commodities, locations, scenario.Network.Routes.Add(extra)) };
            var before = Solve(scenario);
            var after = Solve(widened);
            if (before.Status != SolveStatus.Optimal) return (after.Status is SolveStatus.Optimal or SolveStatus.Infeasible).Label($"after {after.Status}");
            var used = after.Plan!.Flows.Any(f => f.Route == "extra-route");
            return (used ? after.Plan.Objective <= before.Plan!.Objective * (1 + Relative) : Close(after.Plan.Objective, before.Plan!.Objective))
                .Label($"before {before.Plan!.Objective}, after {after.Plan.Objective}, used {used}")
                .Classify(used, "new route used (hard demand or minimum flow)");
        });

    [Property(MaxTest = 60)]
    public Property ZeroBudget_BuildsNoOptionWithCapitalCost() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var result = Solve(c.Scenario with { Budget = new Budget(0) });
            if (!result.HasPlan) return (result.Status == SolveStatus.Infeasible).Label($"status {result.Status}");
            var built = result.Plan.Investments.Zip(c.Scenario.Investments).Where(p => p.First.Units > 0 && p.Second.CapitalCost > 0).ToList();
            return (built.Count == 0).Label($"built under a zero budget: {string.Join(", ", built.Select(b => b.First.Id))}")
                .Classify(c.Scenario.Investments.Length > 0, "has options");
        });

    [Property(MaxTest = 40)]
    public Property AllLpEngines_AgreeOnTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), c =>
        {
            var results = new[] { SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Pdlp, SolverEngine.Highs }
                .Select(e => (Engine: e, Result: Solve(c.Scenario, e)))
                .ToList();
            var glop = results[0].Result;
            var agree = results.All(r => r.Result.Status == glop.Status
                && (glop.Plan is null || Close(r.Result.Plan!.Objective, glop.Plan.Objective, r.Engine == SolverEngine.Pdlp ? 1e-5 : 1e-7))
                && (r.Result.Plan is null || r.Result.Plan.Verification is { Passed: true, OptimalityCertified: true }));
            return agree.Label(string.Join("; ", results.Select(r => $"{r.Engine}: {r.Result.Status} {r.Result.Plan?.Objective} certified {r.Result.Plan?.Verification?.OptimalityCertified}")))
                .Classify(glop.Status == SolveStatus.Infeasible, "infeasible");
        });
}
