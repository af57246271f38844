using System.Collections.Immutable;
using System.Globalization;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Appraises every investment option of an optimal plan with one re-solve per option: a built
/// option is forbidden (its value is what the optimum rises by), an option not built is forced in
/// (its regret is what the optimum rises by). The model is formulated once; each re-solve is a
/// variant of it with the option's bounds changed, and the variants run in parallel.
/// </summary>
/// <remarks>
/// Forbidden: units (and build indicator) fixed at 0, the same as maxUnits 0; options that require it
/// then cannot be built either. Forced in: at least one unit for Binary and Modular, the full maxUnits
/// for Continuous (a fraction of a unit would make the regret depend on an arbitrary choice), with
/// the build indicator at 1, so prerequisites are built too and the other options of its exclusive
/// group are not.
/// </remarks>
internal static class OptionAppraiser
{
    /// <summary>
    /// The appraisal of every option of <paramref name="scenario"/>, in scenario order, for the
    /// optimal <paramref name="plan"/> found by <paramref name="engine"/>.
    /// </summary>
    public static ImmutableArray<OptionAppraisal> Appraise(
        Scenario scenario, AllocationPlan plan, SolverEngine engine, SolveOptions options, CancellationToken cancellationToken)
    {
        var investments = scenario.Investments;
        if (investments.IsEmpty) return [];
        var model = FreightModelBuilder.Build(scenario);
        var built = new bool[investments.Length];
        for (var i = 0; i < investments.Length; i++) built[i] = plan.Investments[i].Units > 0;

        var outcomes = new SolverOutcome[investments.Length];
        Parallel.For(0, investments.Length, new ParallelOptions { MaxDegreeOfParallelism = options.ParallelSolves }, i =>
        {
            var variant = model.Problem.WithBounds(built[i] ? Forbidden(model, i) : Forced(model, i, investments[i]));
            outcomes[i] = OrToolsSolver.Solve(variant, engine, options, cancellationToken);
        });

        // Two optima of one MIP may each be off by the relative gap; an LP's by the solver's tolerance.
        var tolerance = 2 * Math.Max(model.IsMip ? options.RelativeMipGap : 0, 1e-9) * Math.Max(1, Math.Abs(plan.Objective));
        var appraisals = ImmutableArray.CreateBuilder<OptionAppraisal>(investments.Length);
        for (var i = 0; i < investments.Length; i++)
        {
            appraisals.Add(built[i]
                ? AppraiseBuilt(scenario, plan, i, outcomes[i], model, tolerance)
                : AppraiseNotBuilt(scenario, plan, i, outcomes[i], model, tolerance));
        }

        return appraisals.MoveToImmutable();
    }

    internal static Dictionary<int, (double, double)> Forbidden(FreightModel model, int option)
    {
        var variables = model.Investments[option];
        var bounds = new Dictionary<int, (double, double)> { [variables.Units] = (0, 0) };
        if (variables.Indicator >= 0) bounds[variables.Indicator] = (0, 0);
        return bounds;
    }

    internal static Dictionary<int, (double, double)> Forced(FreightModel model, int index, InvestmentOption option)
    {
        var variables = model.Investments[index];
        var bounds = new Dictionary<int, (double, double)> { [variables.Units] = (ForcedUnits(option), option.UnitLimit) };
        if (variables.Indicator >= 0 && variables.Indicator != variables.Units) bounds[variables.Indicator] = (1, 1);
        return bounds;
    }

    /// <summary>The least units "forced in" builds: 1 for Binary and Modular, maxUnits for Continuous.</summary>
    public static double ForcedUnits(InvestmentOption option) => option.IsInteger ? 1 : option.UnitLimit;

    private static OptionAppraisal AppraiseBuilt(Scenario scenario, AllocationPlan plan, int i, SolverOutcome outcome, FreightModel model, double tolerance)
    {
        var option = scenario.Investments[i];
        var units = plan.Investments[i].Units;
        var appraisal = Costed(scenario, option, units, units) with { Utilisation = AddedCapacityUtilisation(scenario, plan, i) };
        if (outcome.Values is null || outcome.Status != SolveStatus.Optimal)
        {
            var note = outcome.Status == SolveStatus.Infeasible
                ? "the scenario is infeasible without it: a hard demand or minimum flow needs it, so its value is unbounded"
                : $"the re-solve without it ended with {outcome.Status}";
            return appraisal with { Note = note };
        }

        var value = Clamp(outcome.Objective * model.Scaling.MoneyUnit - plan.Objective, tolerance);
        var years = scenario.Horizon.Years;
        var saving = (value + Economics.ObjectiveCostPerUnit(scenario, option) * units) / years;
        double? payback = saving > 0 ? option.CapitalCost * units / saving : null;
        return appraisal with
        {
            Value = value,
            GrossAnnualSaving = saving,
            PaybackYears = payback,
            Note = payback is null ? "it saves nothing per year, so it never pays back" : null,
        };
    }

    private static OptionAppraisal AppraiseNotBuilt(Scenario scenario, AllocationPlan plan, int i, SolverOutcome outcome, FreightModel model, double tolerance)
    {
        var option = scenario.Investments[i];
        var forcedUnits = ForcedUnits(option);
        if (outcome.Values is not null && option.Kind == InvestmentKind.Modular)
        {
            forcedUnits = Math.Max(1, Math.Round(outcome.Values[model.Investments[i].Units]));
        }

        var appraisal = Costed(scenario, option, 0, forcedUnits);
        if (outcome.Values is null || outcome.Status != SolveStatus.Optimal)
        {
            return appraisal with { Note = outcome.Status == SolveStatus.Infeasible ? WhyForcingFails(scenario, option) : $"the re-solve with it ended with {outcome.Status}" };
        }

        return appraisal with { Regret = Clamp(outcome.Objective * model.Scaling.MoneyUnit - plan.Objective, tolerance) };
    }

    private static OptionAppraisal Costed(Scenario scenario, InvestmentOption option, double units, double appraisedUnits) => new()
    {
        Id = option.Id,
        Units = units,
        AppraisedUnits = appraisedUnits,
        CapitalCost = option.CapitalCost * appraisedUnits,
        AnnualisedCost = Economics.AnnualisedCostPerUnit(scenario, option) * appraisedUnits,
    };

    /// <summary>Differences within the solvers' tolerance of zero are zero; larger ones are kept, whatever their sign.</summary>
    private static double Clamp(double difference, double tolerance) => Math.Abs(difference) <= tolerance ? 0 : difference;

    private static string WhyForcingFails(Scenario scenario, InvestmentOption option)
    {
        if (scenario.Budget is { } budget)
        {
            var prerequisites = Prerequisites(scenario, option).ToList();
            var capital = option.CapitalCost * ForcedUnits(option) + prerequisites.Sum(p => p.CapitalCost * ForcedUnits(p));
            if (capital > budget.CapitalCost * (1 + 1e-12))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"forced in it does not fit the budget: {capital:N0} {scenario.Currency} of capital{(prerequisites.Count > 0 ? " with its prerequisites" : "")} against {budget.CapitalCost:N0} {scenario.Currency}, so it has no regret");
            }
        }

        return option.ExclusiveGroup is { } group
            ? $"forcing it in makes the scenario infeasible (its exclusive group '{group}' excludes an option the hard demands need, or the budget cannot also fund what they need), so it has no regret"
            : "forcing it in makes the scenario infeasible (with its prerequisites it leaves no budget for what the hard demands need), so it has no regret";
    }

    private static IEnumerable<InvestmentOption> Prerequisites(Scenario scenario, InvestmentOption option)
    {
        var byId = scenario.Investments.ToDictionary(o => o.Id);
        var seen = new HashSet<InvestmentId>();
        var stack = new Stack<InvestmentId>(option.Requires.IsDefault ? [] : option.Requires);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id) || !byId.TryGetValue(id, out var required)) continue;
            yield return required;
            foreach (var next in required.Requires.IsDefault ? [] : required.Requires) stack.Push(next);
        }
    }

    /// <summary>
    /// Used ÷ added over the periods the option exists. The added capacity of a target is the slice
    /// above its base capacity; what flows above the base is shared among the options on that target
    /// in proportion to what each adds.
    /// </summary>
    private static double? AddedCapacityUtilisation(Scenario scenario, AllocationPlan plan, int i)
    {
        var option = scenario.Investments[i];
        var periods = scenario.Horizon.Periods;
        var units = plan.Investments.Select(d => d.Units).ToArray();
        double added = 0, used = 0;
        foreach (var use in plan.CapacityUse)
        {
            if (use.Element != option.Target) continue;
            var t = scenario.Horizon.IndexOf(use.Period);
            if (t < scenario.FirstPeriodIndexOf(option)) continue;
            var scale = periods[t].YearFraction * (option.Target.Route is { } r ? scenario.AvailabilityOf(r, use.Period) : scenario.AvailabilityOf(option.Target.Location!.Value, use.Period));
            var mine = option.AddedAnnualCapacityTonnes * scale * units[i];
            var all = 0.0;
            for (var j = 0; j < units.Length; j++)
            {
                var other = scenario.Investments[j];
                if (other.Target == option.Target && t >= scenario.FirstPeriodIndexOf(other))
                {
                    all += other.AddedAnnualCapacityTonnes * scale * units[j];
                }
            }

            if (all <= 0) continue;
            var aboveBase = Math.Clamp(use.ThroughputTonnes - (use.CapacityTonnes - all), 0, all);
            added += mine;
            used += aboveBase * mine / all;
        }

        return added > 0 ? used / added : null;
    }
}
