using FreightOptimizer.Analysis;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>
/// Invariants of the analyses over random valid scenarios (ScenarioGenerator). MIPs are solved at
/// gap 0 (SolveHelpers.Solve), so the signs below hold up to the solvers' tolerances.
/// </summary>
public sealed class AnalysisProperties
{
    private static readonly GeneratorSettings WithOptions = new() { HardDemands = true };

    [Property(MaxTest = 40)]
    public Property RaisingTheBudget_NeverRaisesTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(WithOptions), Gen.Choose(0, 100).ToArbitrary(), (c, percent) =>
        {
            var all = c.Scenario.Investments.Sum(o => o.CapitalCost * o.UnitLimit);
            var lower = Math.Round(all * percent / 100.0);
            var points = BudgetFrontier.Solve(c.Scenario, [lower, lower + (all / 3) + 1], new SolveOptions { RelativeMipGap = 0, MaxParallelSolves = 2 });
            var (low, high) = (points[0], points[1]);
            var holds = low.Status != SolveStatus.Optimal
                ? high.Status is SolveStatus.Optimal or SolveStatus.Infeasible
                : high.Status == SolveStatus.Optimal && high.Objective <= low.Objective + (Relative * Math.Max(1, Math.Abs(low.Objective!.Value)));
            return holds.Label($"{low.Budget}: {low.Status} {low.Objective}; {high.Budget}: {high.Status} {high.Objective}")
                .Classify(c.Scenario.Investments.Length > 0, "has options")
                .Classify(high.Objective < low.Objective, "more budget helped");
        });

    [Property(MaxTest = 40)]
    public Property ForbiddenOption_HasZeroUnits_AndNeverLowersTheOptimum() =>
        Prop.ForAll(ScenarioGenerator.Cases(WithOptions), c =>
        {
            var result = Solve(c.Scenario);
            if (result.Status != SolveStatus.Optimal || c.Scenario.Investments.IsEmpty) return true.Label("nothing to forbid").Classify(true, "trivial");
            var model = FreightModelBuilder.Build(c.Scenario);
            var engine = model.IsMip ? SolverEngine.Scip : SolverEngine.Glop;
            var failures = new List<string>();
            for (var i = 0; i < c.Scenario.Investments.Length; i++)
            {
                var outcome = OrToolsSolver.Solve(model.Problem.WithBounds(OptionAppraiser.Forbidden(model, i)), engine, new SolveOptions { RelativeMipGap = 0 }, CancellationToken.None);
                if (outcome.Values is null) continue; // forbidding can make hard demands infeasible
                var units = outcome.Values[model.Investments[i].Units];
                var objective = outcome.Objective * model.Scaling.MoneyUnit;
                if (Math.Abs(units) > 1e-9) failures.Add($"{c.Scenario.Investments[i].Id} forbidden but {units} units");
                if (objective < result.Plan!.Objective - (Relative * Math.Max(1, Math.Abs(result.Plan.Objective)))) failures.Add($"{c.Scenario.Investments[i].Id} forbidden lowers the optimum to {objective}");
            }

            return (failures.Count == 0).Label(string.Join("; ", failures)).Classify(result.Plan!.Investments.Any(d => d.Units > 0), "some option built");
        });

    [Property(MaxTest = 50)]
    public Property Appraisal_ValueOfBuiltAndRegretOfUnbuilt_AreNotNegative() =>
        Prop.ForAll(ScenarioGenerator.Cases(WithOptions), c =>
        {
            var result = Solve(c.Scenario, appraise: AppraisalMode.Always);
            if (result.Status != SolveStatus.Optimal || c.Scenario.Investments.IsEmpty) return true.Label("no appraisal").Classify(true, "trivial");
            var plan = result.Plan!;
            var tolerance = Relative * Math.Max(1, Math.Abs(plan.Objective));
            var failures = new List<string>();
            if (plan.Appraisal.Length != c.Scenario.Investments.Length) failures.Add($"{plan.Appraisal.Length} appraisals for {c.Scenario.Investments.Length} options");
            foreach (var (a, decision) in plan.Appraisal.Zip(plan.Investments))
            {
                if (a.Id != decision.Id || a.Units != decision.Units) failures.Add($"{a.Id}: appraisal says {a.Units} units, plan {decision.Units}");
                if (a.IsBuilt && a.Regret is not null) failures.Add($"{a.Id}: built but has a regret");
                if (!a.IsBuilt && (a.Value ?? a.PaybackYears ?? a.GrossAnnualSaving) is not null) failures.Add($"{a.Id}: not built but has a value");
                if (a.Value < -tolerance) failures.Add($"{a.Id}: value {a.Value}");
                if (a.Regret < -tolerance) failures.Add($"{a.Id}: regret {a.Regret}");
                if ((a.IsBuilt ? a.Value : a.Regret) is null && a.Note is null) failures.Add($"{a.Id}: missing number without a note");
                if (a.Utilisation is { } u && (u < -1e-9 || u > 1 + 1e-9)) failures.Add($"{a.Id}: utilisation {u}");
            }

            return (failures.Count == 0).Label(string.Join("; ", failures))
                .Classify(plan.Appraisal.Any(a => a.IsBuilt), "some option built")
                .Classify(plan.Appraisal.Any(a => a.Note is not null), "some null with a note")
                .Classify(c.Scenario.Investments.Any(o => o.ExclusiveGroup is not null), "exclusive group");
        });

    [Property(MaxTest = 30)]
    public Property Explanation_OfAnInfeasibleScenario_NamesHardDemandsOrMinimumFlows() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var result = Solve(c.Scenario);
            if (result.Status != SolveStatus.Infeasible) return (result.Explanation is null).Label("explanation on a feasible solve");
            var e = result.Explanation;
            var hardDemands = c.Scenario.Demands.Where(d => d.MustServe).Select(d => (d.Location, d.Commodity)).ToHashSet();
            var holds = e is not null && e.Causes != InfeasibilityCauses.None
                && e.Shortfalls.All(s => hardDemands.Contains((s.Location, s.Commodity)) && s.Tonnes > 0)
                && (!e.Causes.HasFlag(InfeasibilityCauses.HardDemands) || !e.Shortfalls.IsEmpty)
                && (!e.Causes.HasFlag(InfeasibilityCauses.MinimumFlows) || !e.MinimumFlowRoutes.IsEmpty);
            return holds.Label(e?.Summary ?? "no explanation").Classify(e?.Causes.HasFlag(InfeasibilityCauses.MinimumFlows) == true, "minimum flows");
        });
}
