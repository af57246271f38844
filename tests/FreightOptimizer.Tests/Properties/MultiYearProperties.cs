using System.Collections.Immutable;
using FreightOptimizer.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>Invariants of multi-year horizons (docs/design.md, "Multi-year horizons") over the random scenarios of ScenarioGenerator.</summary>
public sealed class MultiYearProperties
{
    /// <summary>The scenario with two periods to a calendar year from 2024 (Continuous options made Binary: a timed option is whole).</summary>
    internal static Scenario WithYears(Scenario scenario, double discountRate) => scenario with
    {
        DiscountRate = discountRate,
        Horizon = new PlanningHorizon(scenario.Horizon.Periods.Select((p, i) => p with { Year = 2024 + (i / 2) })),
        Investments = [.. scenario.Investments.Select(o => o.Kind == InvestmentKind.Continuous ? o with { Kind = InvestmentKind.Binary, MaxUnits = null } : o)],
    };

    private static Scenario WithMultiYearFieldsIgnored(Scenario scenario) => scenario with
    {
        Demands = [.. scenario.Demands.Select((d, i) => d with { GrowthPerYear = 0.01 * (i % 5) })],
        Supplies = [.. scenario.Supplies.Select((s, i) => s with { GrowthPerYear = 0.02 * (i % 4) })],
        Investments = [.. scenario.Investments.Select((o, i) => o with { LeadTimeYears = i % 3 })],
    };

    [Property(MaxTest = 40)]
    [Trait("Category", "Slow")]
    public Property WithoutYears_GrowthAndLeadTimesChangeNothing_SamePlanJson() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var plain = Solve(c.Scenario);
            var marked = Solve(WithMultiYearFieldsIgnored(c.Scenario));
            var same = plain.Status == marked.Status && PlanJson.Write(plain) == PlanJson.Write(marked);
            return same.Label($"{plain.Status} {plain.Plan?.Objective} vs {marked.Status} {marked.Plan?.Objective}");
        });

    [Property(MaxTest = 40)]
    [Trait("Category", "Slow")]
    public Property MultiYear_PlansAreVerified_OnlineAtMostOnce_NoCapacityBeforeOnline() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Choose(0, 20).ToArbitrary(), (c, rate) =>
        {
            var scenario = WithYears(c.Scenario, rate / 100.0);
            var result = Solve(scenario);
            if (result.Plan is not { } plan) return (result.Status == SolveStatus.Infeasible).Label($"{result.Status}: {result.Message}");
            var ok = result.Status == SolveStatus.Optimal && plan.Verification!.Passed && plan.Verification.OptimalityCertified;
            var failures = new List<string>();
            foreach (var (option, decision) in scenario.Investments.Zip(plan.Investments))
            {
                if (decision.Units == 0)
                {
                    ok &= decision.OnlinePeriod is null;
                    continue;
                }

                var online = decision.OnlinePeriod is { } p ? scenario.Horizon.IndexOf(p) : -1;
                ok &= MultiYear.OnlinePeriods(scenario, option).Contains(online);
                var baseAnnual = option.Target.Route is { } r ? scenario.Network.GetRoute(r).AnnualCapacityTonnes : scenario.Network.GetLocation(option.Target.Location!.Value).AnnualCapacityTonnes;
                var others = scenario.Investments.Zip(plan.Investments).Any(x => x.First.Id != option.Id && x.First.Target == option.Target && x.Second.Units > 0);
                foreach (var use in plan.CapacityUse.Where(u => u.Element == option.Target && scenario.Horizon.IndexOf(u.Period) < online))
                {
                    var t = scenario.Horizon.IndexOf(use.Period);
                    var factor = option.Target.Route is { } rr ? scenario.AvailabilityOf(rr, use.Period) : scenario.AvailabilityOf(option.Target.Location!.Value, use.Period);
                    var baseTonnes = baseAnnual!.Value * scenario.Horizon.Periods[t].YearFraction * factor;
                    if (!others && use.ThroughputTonnes > baseTonnes + (1e-6 * Math.Max(1, baseTonnes)))
                    {
                        failures.Add($"{option.Id} online {decision.OnlinePeriod}: {use.ThroughputTonnes} t in {use.Period} above base {baseTonnes}");
                    }
                }
            }

            return (ok && failures.Count == 0).Label($"{result.Status} {plan.Objective} {string.Join("; ", failures)} {string.Join("; ", plan.Verification?.Findings.Select(f => f.Message) ?? [])}")
                .Classify(plan.Investments.Any(d => d.Units > 0), "builds");
        });

    [Property(MaxTest = 30)]
    [Trait("Category", "Slow")]
    public Property NoInvestments_DiscountedObjective_IsTheDiscountedSumOfPeriods() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), Gen.Choose(0, 20).ToArbitrary(), (c, rate) =>
        {
            var plain = c.Scenario with { Investments = [], Budget = null };
            var scenario = WithYears(plain, rate / 100.0);
            var whole = Solve(scenario);
            var sum = 0.0;
            var status = SolveStatus.Optimal;
            for (var t = 0; t < plain.Horizon.Periods.Length; t++)
            {
                var period = plain.Horizon.Periods[t];
                var one = Solve(plain with
                {
                    Horizon = new PlanningHorizon([period]),
                    Supplies = [.. plain.Supplies.Where(s => Scenario.AppliesIn(s.Period, period.Id))],
                    Demands = [.. plain.Demands.Where(d => Scenario.AppliesIn(d.Period, period.Id))],
                    LocationAvailability = plain.LocationAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value.Factors.Where(f => f.Key == period.Id).ToDictionary())),
                    RouteAvailability = plain.RouteAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value.Factors.Where(f => f.Key == period.Id).ToDictionary())),
                });
                if (one.Plan is null) status = one.Status;
                else sum += one.Plan.Objective * Math.Pow(1 + (rate / 100.0), -(t / 2));
            }

            var holds = status == SolveStatus.Optimal
                ? whole.Status == SolveStatus.Optimal && Close(whole.Plan!.Objective, sum)
                : whole.Status == status;
            return holds.Label($"whole {whole.Status} {whole.Plan?.Objective}, periods {status} {sum}");
        });

    [Property(MaxTest = 30)]
    [Trait("Category", "Slow")]
    public Property ZeroGrowth_EqualsNoGrowth_AndRateZero_EqualsTheUndiscountedSum() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var scenario = WithYears(c.Scenario, 0);
            var none = Solve(scenario);
            var zero = Solve(scenario with
            {
                Demands = [.. scenario.Demands.Select(d => d with { GrowthPerYear = 0 })],
                Supplies = [.. scenario.Supplies.Select(s => s with { GrowthPerYear = 0 })],
            });
            var same = none.Status == zero.Status && PlanJson.Write(none) == PlanJson.Write(zero);

            // At r = 0 the objective is the plain sum of its parts, recomputed here from the plan's flows.
            var undiscounted = true;
            if (none.Plan is { } plan)
            {
                var transport = plan.Flows.Sum(f => scenario.Network.GetRoute(f.Route).CostPerTonne[f.Commodity] * f.Tonnes);
                undiscounted = Close(transport, plan.Costs.Transport, 1e-9)
                    && Close(plan.Costs.Total, plan.Objective, 1e-9);
            }

            return (same && undiscounted).Label($"{none.Status} {none.Plan?.Objective} vs {zero.Status} {zero.Plan?.Objective}");
        });

    [Property(MaxTest = 30)]
    [Trait("Category", "Slow")]
    public Property LeadTimePastTheHorizon_OptionIsNeverBuilt() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var scenario = WithYears(c.Scenario, 0.05);
            if (scenario.Investments.IsEmpty) return true.Label("no options").Classify(true, "no options");
            var span = scenario.Horizon.Periods[^1].Year!.Value - scenario.Horizon.Periods[0].Year!.Value;
            var late = scenario with { Investments = [.. scenario.Investments.Select((o, i) => i == 0 ? o with { LeadTimeYears = span + 1 } : o)] };
            var result = Solve(late);
            var holds = result.Plan is not { } plan
                ? result.Status == SolveStatus.Infeasible
                : plan.Investments[0].Units == 0 && plan.Investments[0].OnlinePeriod is null && result.Status == SolveStatus.Optimal;
            return holds.Label($"{result.Status} {result.Plan?.Investments[0]}");
        });

    /// <summary>
    /// Growing supplies: every plan is verified and certified, and no supply line gives more in a
    /// period than its annual tonnes × year fraction × (1 + g)^(year − first year), recomputed here.
    /// </summary>
    [Property(MaxTest = 30)]
    [Trait("Category", "Slow")]
    public Property SupplyGrowth_PlansAreVerified_AndUseNoMoreThanTheGrownSupply() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Choose(-30, 100).ToArbitrary(), (c, percent) =>
        {
            var years = WithYears(c.Scenario, 0.05);
            var scenario = years with { Supplies = [.. years.Supplies.Select((s, i) => s with { GrowthPerYear = (i % 2 == 0 ? percent : -percent / 2) / 100.0 })] };
            var result = Solve(scenario);
            if (result.Plan is not { } plan) return (result.Status == SolveStatus.Infeasible).Label($"{result.Status}: {result.Message}");
            var ok = result.Status == SolveStatus.Optimal && plan.Verification!.Passed && plan.Verification.OptimalityCertified;
            var first = scenario.Horizon.Periods[0].Year!.Value;
            foreach (var period in scenario.Horizon.Periods)
            {
                foreach (var group in scenario.Supplies.GroupBy(s => (s.Location, s.Commodity)))
                {
                    var cap = group.Where(s => Scenario.AppliesIn(s.Period, period.Id))
                        .Sum(s => s.AnnualTonnes * period.YearFraction * Math.Pow(1 + (s.GrowthPerYear ?? 0), period.Year!.Value - first));
                    var used = plan.Supplied.Where(u => u.Location == group.Key.Location && u.Commodity == group.Key.Commodity && u.Period == period.Id).Sum(u => u.Tonnes);
                    ok &= used <= cap + (1e-6 * Math.Max(1, cap));
                }
            }

            return ok.Label($"{result.Status} {plan.Objective} {string.Join("; ", plan.Verification?.Findings.Select(f => f.Message) ?? [])}");
        });
}
