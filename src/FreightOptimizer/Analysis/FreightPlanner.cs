using System.Diagnostics;
using FreightOptimizer.Analysis;

namespace FreightOptimizer;

/// <summary>
/// The public entry point and what follows one solve: the explanation of an infeasible scenario and
/// the appraisal of every option, and the comparison of the plan with the scenario's observations.
/// </summary>
public static class FreightPlanner
{
    /// <summary>
    /// Finds the least-cost allocation plan for a scenario. When the scenario is infeasible the result
    /// carries an <see cref="OptimizationResult.Explanation"/>; when the plan is optimal and
    /// <see cref="SolveOptions.Appraise"/> allows it, the plan carries the appraisal of every option.
    /// A plan the independent verifier rejects is never returned as <see cref="SolveStatus.Optimal"/>
    /// or <see cref="SolveStatus.Feasible"/>: <see cref="SolverEngine.Auto"/> re-solves with the next exact
    /// engine, and an explicit engine returns <see cref="SolveStatus.VerificationFailed"/> with the plan
    /// and the findings (<see cref="SolveOptions.Verify"/> says which plans are checked).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">How to solve; null for the defaults.</param>
    /// <param name="cancellationToken">
    /// Interrupts the solve: the result is <see cref="SolveStatus.Cancelled"/>, with SCIP's incumbent as
    /// the plan when it has one (GLOP, CLP, PDLP and the network simplex return nothing; HiGHS and
    /// OR-Tools' MinCostFlow cannot be interrupted and run to their end). The
    /// short LP re-solve that prices an interrupted MIP's plan is not interrupted, so the plan keeps its prices.
    /// </param>
    /// <returns>The status, the solve report and, when one was found, the plan. A solve that finds nothing is a status, not an exception.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public static OptimizationResult Optimize(Scenario scenario, SolveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SolveOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var result = WithObservations(scenario, PlanSolver.Solve(scenario, options, cancellationToken));
        if (result.Status == SolveStatus.Infeasible && !cancellationToken.IsCancellationRequested)
        {
            return Explained(scenario, result, options, cancellationToken);
        }

        return ShouldAppraise(scenario, result, options, out var skipped) ? AppraiseResult(scenario, result, options, cancellationToken)
            : skipped is null ? result
            : result.WithReport(result.Report with { Notes = result.Report.Notes.Add(skipped) });
    }

    /// <summary>Adds the appraisal of every option to an optimal result (one re-solve per option).</summary>
    internal static OptimizationResult AppraiseResult(Scenario scenario, OptimizationResult result, SolveOptions options, CancellationToken cancellationToken)
    {
        if (result.Plan is not { } plan || result.Status != SolveStatus.Optimal || scenario.Investments.IsEmpty) return result;
        var clock = Stopwatch.StartNew();
        var appraisal = OptionAppraiser.Appraise(scenario, plan, result.Report.Engine, options, cancellationToken);
        var note = $"Appraised {scenario.Investments.Length} investment option(s) with one re-solve each in {clock.Elapsed.TotalMilliseconds:0} ms (up to {options.ParallelSolves} at once).";
        var appraised = plan with { Appraisal = appraisal };
        if (PlanAssembler.DescribeNonFinite(appraised) is { } bad)
        {
            // The plan itself was checked when it was made; an appraisal figure that is not finite
            // is left out rather than making the whole plan unwritable.
            note = $"Options not appraised: the appraisal gave a number that is not finite ({bad}). {PlanSolver.ReportIt}";
            appraised = plan;
        }

        return result.WithPlan(appraised).WithReport(result.Report with { Notes = result.Report.Notes.Add(note) });
    }

    /// <summary>Attaches the comparison with the scenario's observations to the plan, when both exist.</summary>
    private static OptimizationResult WithObservations(Scenario scenario, OptimizationResult result) =>
        result.Plan is { } plan && !scenario.Observations.IsDefaultOrEmpty
            ? result.WithPlan(plan with { Observations = ObservationReport.Compare(scenario, plan) })
            : result;

    private static bool ShouldAppraise(Scenario scenario, OptimizationResult result, SolveOptions options, out string? skipped)
    {
        skipped = null;
        if (options.Appraise == AppraisalMode.Never || scenario.Investments.IsEmpty || !result.HasPlan) return false;
        if (result.Status != SolveStatus.Optimal)
        {
            skipped = result.Status == SolveStatus.VerificationFailed
                ? "Options not appraised: the verifier rejected the plan, and an appraisal compares optima."
                : $"Options not appraised: the solve ended {result.Status}, and an appraisal compares optima.";
            return false;
        }

        if (MultiYear.IsMultiYear(scenario))
        {
            // The appraisal's annual saving and payback divide by one horizon and charge capital over
            // all of it; an option that chooses its online year has no such single figure.
            skipped = "Options not appraised: the horizon has calendar years, and each option's value depends on the year it comes online; see InvestmentTimetable.";
            return false;
        }

        if (options.Appraise == AppraisalMode.Auto && scenario.Investments.Length > SolveDefaults.AutoAppraisalMaxOptions)
        {
            skipped = $"Options not appraised: {scenario.Investments.Length} options need as many re-solves; set SolveOptions.Appraise to Always to appraise them.";
            return false;
        }

        return true;
    }

    private static OptimizationResult Explained(Scenario scenario, OptimizationResult result, SolveOptions options, CancellationToken cancellationToken)
    {
        var explanation = InfeasibilityExplainer.Explain(scenario, options, cancellationToken);
        return new OptimizationResult(result.Status, result.Report, result.Plan, result.Message, explanation);
    }
}
