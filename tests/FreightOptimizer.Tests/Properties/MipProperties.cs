using FreightOptimizer.Formulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>Invariants of the MIP (investment options, groups, prerequisites, budget) over random valid scenarios (ScenarioGenerator).</summary>
public sealed class MipProperties
{
    private static OptimizationResult Solve(Scenario scenario, LinkingInequalities linking) =>
        FreightPlanner.Optimize(scenario, new SolveOptions { RelativeMipGap = 0, LinkingInequalities = linking });

    [Property(MaxTest = 150)]
    [Trait("Category", "Slow")]
    public Property StrengthenedAndPlainFormulations_GiveTheSameOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var plain = Solve(c.Scenario, LinkingInequalities.Off);
            var strong = Solve(c.Scenario, LinkingInequalities.On);
            var rows = c.Scenario.HasIntegerDecisions ? FreightModelBuilder.Build(c.Scenario, linkingInequalities: true).LinkingRowCount : 0;
            var same = plain.Status == strong.Status
                && (plain.Plan is null || Close(plain.Plan.Objective, strong.Plan!.Objective));
            return same
                .Label($"plain {plain.Status} {plain.Plan?.Objective}, strong {strong.Status} {strong.Plan?.Objective}, {rows} linking rows")
                .Classify(rows > 0, "has linking rows")
                .Classify(plain.Status == SolveStatus.Infeasible, "infeasible");
        });

    [Property(MaxTest = 60)]
    [Trait("Category", "Slow")]
    public Property RaisingTheBudget_NeverRaisesTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), (c, share, raise) =>
        {
            var capital = c.Scenario.Investments.Sum(o => o.CapitalCost * o.UnitLimit);
            var budget = Math.Round(capital * share / 100.0);
            var before = Solve(c.Scenario with { Budget = new Budget(budget) }, LinkingInequalities.Auto);
            var after = Solve(c.Scenario with { Budget = new Budget(budget + Math.Round(capital * raise / 100.0)) }, LinkingInequalities.Auto);
            var holds = before.Status switch
            {
                SolveStatus.Optimal => after.Status == SolveStatus.Optimal
                    && after.Plan!.Objective <= before.Plan!.Objective + (Relative * Math.Max(1, Math.Abs(before.Plan.Objective))),
                SolveStatus.Infeasible => after.Status is SolveStatus.Optimal or SolveStatus.Infeasible,
                _ => false,
            };
            return holds
                .Label($"budget {budget}: {before.Status} {before.Plan?.Objective}; raised: {after.Status} {after.Plan?.Objective}")
                .Classify(c.Scenario.Investments.IsEmpty, "no options")
                .Classify(before.Plan is { } p && after.Plan is { } q && q.Objective < p.Objective - 1e-6, "more budget helped");
        });

    [Property(MaxTest = 60)]
    [Trait("Category", "Slow")]
    public Property PricesAfterAMip_CertifyTheLpWithInvestmentsFixed() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var mip = c.Scenario.HasIntegerDecisions;
            var results = new[] { LinkingInequalities.On, LinkingInequalities.Off }.Select(l => (Linking: l, Result: Solve(c.Scenario, l))).ToList();
            var certified = results.All(r => r.Result.Plan is not { } plan
                || (plan.Verification is { Passed: true, OptimalityCertified: true } && !plan.Prices.Balance.IsDefaultOrEmpty));
            return certified
                .Label(string.Join("; ", results.Select(r => $"{r.Linking}: {r.Result.Status}, {string.Join(" | ", r.Result.Plan?.Verification?.Findings.Select(f => f.Message) ?? [])}")))
                .Classify(mip, "MIP")
                .Classify(results[0].Result.HasPlan, "has a plan");
        });
}
