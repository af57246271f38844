using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Scenarios;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>The generalised cost leaves scenarios without it alone, and a carbon price or a CO2 cap acts in the right direction.</summary>
public sealed class GeneralisedCostProperties
{
    [Property(MaxTest = 40)]
    public Property AbsentSettings_SameOptimumAndByteIdenticalPlanJson() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            // Values, distances, transit days and route factors without a generalised cost change nothing.
            var plain = c.Scenario;
            var withData = GeneralisedCostScenarios.WithActivityData(plain, c.Seed);
            var a = Solve(plain);
            var b = Solve(withData);
            var same = a.Status == b.Status && PlanJson.Write(a) == PlanJson.Write(b);
            return same.Label($"{a.Status} {a.Plan?.Objective} / {b.Status} {b.Plan?.Objective}");
        });

    [Property(MaxTest = 40)]
    public Property ZeroRateAndPrice_SameOptimumAndFlows() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), c =>
        {
            var withData = GeneralisedCostScenarios.WithActivityData(c.Scenario, c.Seed);
            var a = Solve(withData);
            var b = Solve(GeneralisedCostScenarios.Priced(withData, 0, 0));
            if (a.Plan is null || b.Plan is null) return (a.Status == b.Status).Label($"{a.Status} / {b.Status}");
            return (Close(a.Plan.Objective, b.Plan.Objective) && b.Plan.Costs.TransitTime == 0 && b.Plan.Costs.Carbon == 0 && b.Plan.Activity is not null)
                .Label($"{a.Plan.Objective} / {b.Plan.Objective}");
        });

    [Property(MaxTest = 40)]
    public Property CarbonPrice_NeverRaisesCo2_NeverLowersTheCost() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), Gen.Choose(1, 5000).ToArbitrary(), (c, price) =>
        {
            var withData = GeneralisedCostScenarios.WithActivityData(c.Scenario, c.Seed);
            var free = Solve(GeneralisedCostScenarios.Priced(withData, 0.08, 0));
            var priced = Solve(GeneralisedCostScenarios.Priced(withData, 0.08, price));
            if (free.Plan is null || priced.Plan is null) return (free.Status == priced.Status).Label($"{free.Status} / {priced.Status}");
            var co2Free = free.Plan.Activity!.Total.Co2Tonnes;
            var co2Priced = priced.Plan.Activity!.Total.Co2Tonnes;
            var certified = priced.Plan.Verification is { Passed: true, OptimalityCertified: true };
            return (certified && co2Priced <= co2Free + (Relative * Math.Max(1, co2Free)) && priced.Plan.Objective >= free.Plan.Objective - (Relative * Math.Max(1, free.Plan.Objective)))
                .Label($"CO2 {co2Free} → {co2Priced}, cost {free.Plan.Objective} → {priced.Plan.Objective}, certified {certified}");
        });

    [Property(MaxTest = 40)]
    public Property Co2Cap_PlanWithinTheCap_VerifiedAndNoCheaper() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.Full), Gen.Choose(0, 100).ToArbitrary(), (c, percent) =>
        {
            var withData = GeneralisedCostScenarios.Priced(GeneralisedCostScenarios.WithActivityData(c.Scenario, c.Seed), 0.1, null);
            var free = Solve(withData);
            if (free.Plan is null) return true.Label("no uncapped plan");
            var cap = free.Plan.Activity!.Total.Co2Tonnes * percent / 100.0;
            var capped = Solve(withData with { Co2CapTonnes = cap });
            if (capped.Status == SolveStatus.Infeasible) return true.Label("infeasible under the cap (hard demand)");
            var plan = capped.Plan;
            var holds = capped.Status == SolveStatus.Optimal && plan is not null
                && plan.Verification is { Passed: true, OptimalityCertified: true }
                && plan.Activity!.Total.Co2Tonnes <= cap + (1e-6 * Math.Max(1, cap))
                && plan.Objective >= free.Plan.Objective - (Relative * Math.Max(1, free.Plan.Objective))
                && plan.Prices.Co2Cap is >= 0;
            return holds.Label($"{capped.Status}, cap {cap}, CO2 {plan?.Activity?.Total.Co2Tonnes}, cost {free.Plan.Objective} → {plan?.Objective}, {plan?.Verification?.Findings.FirstOrDefault()?.Message}");
        });

    [Property(MaxTest = 60)]
    public Property Json_RoundTripsTheNewFields() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Choose(0, 3).ToArbitrary(), (c, variant) =>
        {
            var scenario = GeneralisedCostScenarios.WithActivityData(c.Scenario, c.Seed);
            scenario = variant switch
            {
                0 => scenario,
                1 => GeneralisedCostScenarios.Priced(scenario, 0.05, 2500) with { Co2CapTonnes = 1e6 },
                2 => scenario with { GeneralisedCost = new GeneralisedCost { EmissionFactors = EmissionFactors.Default.Remove(TransportMode.Sea), Source = "s" } },
                _ => scenario with { Co2CapTonnes = 0 },
            };
            var text = ScenarioJson.Write(scenario);
            var back = ScenarioJson.Read(text);
            return (back == scenario && ScenarioJson.Write(back) == text).Label(text);
        });
}

/// <summary>The frontier on random scenarios: every point certified, cost never falls and CO2e never rises along it.</summary>
public sealed class EmissionsFrontierProperties
{
    [Property(MaxTest = 15)]
    public Property Frontier_IsMonotoneAndCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), c =>
        {
            var scenario = GeneralisedCostScenarios.Priced(GeneralisedCostScenarios.WithActivityData(c.Scenario, c.Seed), 0.1, null);
            var points = FreightOptimizer.Analysis.EmissionsFrontier.Compute(scenario, 4, new SolveOptions { MaxParallelSolves = 1 });
            if (points.All(p => p.Status == SolveStatus.Infeasible)) return true.Label("infeasible (hard demand)");
            var certified = points.All(p => p.Plan?.Verification is { Passed: true, OptimalityCertified: true });
            var monotone = points.Zip(points.Skip(1)).All(p =>
                p.Second.Cost >= p.First.Cost - (Relative * Math.Max(1, Math.Abs(p.First.Cost!.Value)))
                && p.Second.Co2Tonnes <= p.First.Co2Tonnes + (Relative * Math.Max(1, p.First.Co2Tonnes!.Value)));
            return (certified && monotone).Label(string.Join(" | ", points.Select(p => $"{p.Status} cap {p.Co2CapTonnes} cost {p.Cost} co2 {p.Co2Tonnes}")));
        });
}
