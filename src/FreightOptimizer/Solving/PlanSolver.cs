using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.NetworkFlow;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer;

/// <summary>
/// One solve behind <see cref="FreightPlanner"/>: validates a scenario, chooses the engine, formulates
/// the model, solves it (moving along the chain of exact engines where one fails or its plan is
/// rejected), prices the solution and returns an immutable <see cref="OptimizationResult"/> whose plan
/// the independent verifier has checked.
/// </summary>
internal static class PlanSolver
{
    /// <summary>One solve: the plan, its prices and its verification, without the analyses that follow (<see cref="FreightPlanner"/>).</summary>
    /// <remarks>
    /// <para>
    /// A plan the verifier rejects is never returned as <see cref="SolveStatus.Optimal"/> or
    /// <see cref="SolveStatus.Feasible"/> (<see cref="Objection"/> says what counts as rejected). Under
    /// <see cref="SolverEngine.Auto"/> the next exact engine re-solves: network flow, then CLP, then
    /// GLOP; a failed numerical solve moves along the same chain. An explicit engine, or Auto at the
    /// end of its chain, returns <see cref="SolveStatus.VerificationFailed"/> with the plan and the
    /// verifier's findings (an explicit PDLP keeps its own fallback to GLOP). The report's reason and
    /// notes say what was tried and why.
    /// </para>
    /// <para>
    /// Which plans are checked: all of them with <see cref="SolveOptions.Verify"/> on; with it off,
    /// still those of the engines that are not exact by construction, PDLP (first-order tolerances
    /// relative to the whole problem) and the network-flow engines after an inexact integer scaling
    /// (NetworkFlowPlanner).
    /// </para>
    /// </remarks>
    internal static OptimizationResult Solve(Scenario scenario, SolveOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SolveOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var auto = options.Engine == SolverEngine.Auto;
        var chainNotes = ImmutableArray.CreateBuilder<string>();

        // Network flow first: it answers when asked for, or for Auto when a min-cost flow is exact.
        var flowResult = NetworkFlowPlanner.TryOptimize(scenario, options, cancellationToken, out var flowNote);
        if (flowResult is not null)
        {
            if (Objection(flowResult) is not { } objection) return flowResult;
            if (!auto || cancellationToken.IsCancellationRequested) return Rejected(flowResult, objection, options.Engine);
            chainNotes.Add(RejectionNote(flowResult, objection, SolverEngine.Clp));
            flowNote = "The network simplex solved it first, but the verifier rejected its plan (see the notes).";
        }

        var mip = scenario.HasIntegerDecisions;
        var (engine, reason) = ChooseEngine(options.Engine, mip);
        if (flowNote is not null) reason = $"{reason} {flowNote}";
        if (OrToolsSolver.SolverId(engine, mip) is null)
        {
            return new OptimizationResult(SolveStatus.SolverUnavailable, new SolveReport { Engine = engine, EngineReason = reason }, message: $"{engine} solves linear programs only, and this scenario has integer investment decisions; use Scip, Highs or Auto.");
        }

        var buildClock = Stopwatch.StartNew();
        var linking = UseLinkingInequalities(options.LinkingInequalities, engine, mip);
        var model = FreightModelBuilder.Build(scenario, linking);
        buildClock.Stop();

        while (true)
        {
            var result = SolveModel(scenario, model, engine, reason, options, mip, linking, buildClock.Elapsed, cancellationToken);
            (engine, reason) = (result.Report.Engine, result.Report.EngineReason);
            var next = NextEngine(options.Engine, engine, mip);
            if (result.Plan is null)
            {
                if (result.Status == SolveStatus.InvalidModel && auto && next is { } other && !cancellationToken.IsCancellationRequested)
                {
                    // A simplex can give up on numbers that span too many orders of magnitude (GLOP reports
                    // ABNORMAL with penalties of 1e15 beside costs of 1); the other simplex may cope.
                    chainNotes.Add($"{engine} failed numerically ({result.Message}); Auto re-solved with {other}.");
                    reason += $" {engine} failed numerically, so {other} solved it.";
                    engine = other;
                    continue;
                }

                return WithNotesFirst(result, chainNotes);
            }

            if (Objection(result) is not { } why) return WithNotesFirst(result, chainNotes);
            if (next is { } following && (auto || engine == SolverEngine.Pdlp) && !cancellationToken.IsCancellationRequested
                && result.Status is SolveStatus.Optimal or SolveStatus.Feasible)
            {
                chainNotes.Add(RejectionNote(result, why, following));
                reason += $" {Display(engine)}'s plan was rejected by the verifier, so {Display(following)} solved it.";
                engine = following;
                continue;
            }

            if (result.Status is SolveStatus.TimeLimit or SolveStatus.Cancelled) return WithoutRejectedPoint(WithNotesFirst(result, chainNotes), why);
            return Rejected(WithNotesFirst(result, chainNotes), why, options.Engine);
        }
    }

    /// <summary>
    /// A solve stopped by its time limit or its token, whose last point the verifier rejects: that point
    /// is not a solution (CLP stopped by a limit hands back a point that breaks its rows), so the result
    /// keeps its status, as the statuses promise "the best solution found, if any", and has no plan.
    /// </summary>
    internal static OptimizationResult WithoutRejectedPoint(OptimizationResult result, string objection)
    {
        var engine = result.Report.Engine;
        var stopped = result.Status == SolveStatus.TimeLimit ? "the time limit stopped it" : "it was cancelled";
        return new OptimizationResult(
            result.Status,
            result.Report with { Notes = result.Report.Notes.Add($"{engine} stopped ({stopped}) at a point the verifier rejected: {objection}. It is not returned as a plan.") },
            plan: null,
            message: $"{Display(engine)} stopped before it had a solution ({stopped}); the point it stopped at fails the verifier ({objection}), so there is no plan. Give it more time, or use an engine that keeps a feasible incumbent (Scip).");
    }

    /// <summary>
    /// One engine on the formulated model: the solve, PDLP's infeasibility claim confirmed by GLOP,
    /// prices (by an LP re-solve where the engine gives none), the plan and, where it must be checked,
    /// its verification. The report's engine and reason are those of the answer returned.
    /// </summary>
    private static OptimizationResult SolveModel(
        Scenario scenario, FreightModel model, SolverEngine engine, string reason, SolveOptions options, bool mip, bool linking,
        TimeSpan buildTime, CancellationToken cancellationToken)
    {
        var outcome = OrToolsSolver.Solve(model.Problem, engine, options, cancellationToken);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (outcome.Note is { } remark) notes.Add(remark);
        if (outcome.Status == SolveStatus.Infeasible && engine == SolverEngine.Pdlp)
        {
            // PDLP's infeasibility test is a first-order certificate with tolerances; on some
            // feasible models it claims infeasibility (seen in the engines-agree property). A simplex
            // settles the question before the library tells a planner there is no plan.
            var check = OrToolsSolver.Solve(model.Problem, SolverEngine.Glop, options, cancellationToken);
            if (check.Status != SolveStatus.Infeasible)
            {
                notes.Add($"PDLP reported the model infeasible; GLOP, asked to confirm, ended {check.Status}, and its answer is used.");
                outcome = check;
                engine = SolverEngine.Glop;
                reason += " PDLP's infeasibility claim was not confirmed by GLOP, which solved it.";
            }
        }

        var report = new SolveReport
        {
            Engine = engine,
            EngineReason = reason,
            BuildTime = buildTime,
            SolveTime = outcome.WallTime,
            Variables = model.Problem.VariableCount,
            IntegerVariables = model.Problem.IntegerCount,
            Constraints = model.Problem.RowCount,
            Iterations = outcome.Iterations,
            Nodes = outcome.Nodes,
        };

        if (outcome.Values is null)
        {
            return new OptimizationResult(outcome.Status, report with { Notes = notes.ToImmutable() }, message: outcome.ModelRejected ? RejectedModel(outcome.Message) : DescribeNoPlan(outcome.Status, outcome.Message));
        }

        var values = outcome.Values;
        var duals = outcome.Duals;
        var objective = outcome.Objective;
        string pricing;
        if (duals is not null)
        {
            pricing = $"duals of the LP, by {engine}";
        }
        else
        {
            // MIP engines and HiGHS return no usable duals: re-solve the LP (with integer decisions
            // fixed at their values) with GLOP. Any optimal dual of that LP is complementary to any
            // optimal primal, so GLOP's prices certify the plan.
            // The pricing LP is the plain model: linking inequalities are valid for the optimum only,
            // and prices must be those of the plain model's rows (docs/plan-format.md, "Prices").
            var pricingProblem = mip ? model.Problem.WithIntegersFixed(values, model.PlainRowCount) : model.Problem;
            var priced = OrToolsSolver.Solve(pricingProblem, SolverEngine.Glop, new SolveOptions(), CancellationToken.None);
            report = report with { SolveTime = report.SolveTime + priced.WallTime };
            if (priced.Status == SolveStatus.Optimal && priced.Values is not null && priced.Duals is not null)
            {
                duals = priced.Duals;
                if (mip)
                {
                    // The LP with the decisions fixed is at least as good as the incumbent's own flows.
                    values = priced.Values;
                    objective = priced.Objective;
                }

                pricing = mip ? "duals of the LP with integer decisions fixed, by GLOP" : "duals of the same LP re-solved by GLOP";
            }
            else
            {
                pricing = "none: the pricing LP did not solve to optimality";
                notes.Add($"The pricing re-solve ended with {priced.Status}; the plan carries no prices.");
            }
        }

        if (mip && outcome.BestBound is { } bound)
        {
            var gap = Math.Abs(outcome.Objective - bound) / Math.Max(1e-9, Math.Abs(outcome.Objective));
            report = report with { BestBound = bound * model.Scaling.MoneyUnit, RelativeGap = gap };
        }

        var plan = PlanAssembler.Assemble(scenario, model, values, duals, objective * model.Scaling.MoneyUnit);

        // PDLP meets its tolerances relative to the norms of the whole problem, so a row with a small
        // right-hand side beside large ones (a budget of 13 beside costs of 10^5, found by the
        // engines-agree property) can be violated by more than the verifier allows: its plans are
        // checked whatever Verify says.
        if (options.Verify || engine == SolverEngine.Pdlp) plan = plan with { Verification = PlanVerifier.Verify(scenario, plan) };
        if (linking) notes.Add($"The MIP was strengthened with {model.LinkingRowCount} linking inequalities; prices come from the plain model.");
        report = report with { PricingMethod = pricing, Notes = notes.ToImmutable() };
        if (PlanAssembler.DescribeNonFinite(plan) is { } bad) return WithoutNonFinitePlan(report, bad);
        return new OptimizationResult(outcome.Status, report, plan: plan, message: outcome.Message);
    }

    /// <summary>
    /// The result for a plan with a NaN or infinite number in it: no plan, <see cref="SolveStatus.InvalidModel"/>,
    /// and a message that names the number. Validation bounds every input so that this does not
    /// happen; should it, a planner gets a status to act on instead of a number that cannot be written.
    /// </summary>
    internal static OptimizationResult WithoutNonFinitePlan(SolveReport report, string what) =>
        new(
            SolveStatus.InvalidModel,
            report,
            message: $"The solve gave a plan with a number that is not finite ({what}), so no plan is returned. {ReportIt}");

    private static string RejectedModel(string? why) => $"{why} {ReportIt}";

    internal const string ReportIt = "Validation bounds every number of a scenario so that this cannot happen; please report the scenario that led here.";

    /// <summary>
    /// Why the verifier rejects a result's plan, in a sentence, or null when it stands (or was not
    /// checked). Rejected: a plan that fails a constraint or the objective check, whatever the status;
    /// and an <see cref="SolveStatus.Optimal"/> plan whose prices do not certify its optimality, since
    /// that status claims what the certificate could not show. A plan stopped early
    /// (<see cref="SolveStatus.Feasible"/>, <see cref="SolveStatus.TimeLimit"/>,
    /// <see cref="SolveStatus.Cancelled"/>) claims feasibility only.
    /// </summary>
    internal static string? Objection(OptimizationResult result)
    {
        if (result.Plan?.Verification is not { } verification) return null;
        var certificateNeeded = result.Status == SolveStatus.Optimal;
        if (verification.Passed && (verification.OptimalityCertified || !certificateNeeded)) return null;
        var findings = verification.Findings;
        if (findings.IsDefaultOrEmpty) return "the verifier did not certify the plan, without a finding";
        var first = findings[0];
        var more = findings.Length > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({findings.Length - 1} more finding(s))") : "";
        return $"{first.Check} at {first.Subject}: {first.Message.TrimEnd('.')}{more}";
    }

    /// <summary>A result whose plan the verifier rejected: status <see cref="SolveStatus.VerificationFailed"/>, the plan and its findings kept.</summary>
    private static OptimizationResult Rejected(OptimizationResult result, string objection, SolverEngine requested)
    {
        var engine = result.Report.Engine;
        var advice = requested switch
        {
            SolverEngine.Auto => "Auto tried every exact engine it has for this scenario; the report's notes say what each did.",
            SolverEngine.NetworkFlow or SolverEngine.OrToolsMinCostFlow => "An LP engine (Auto, Clp or Glop) solves this scenario without rounding.",
            _ => "Another engine may solve it; Auto re-solves a rejected plan with the next exact engine.",
        };
        return new OptimizationResult(
            SolveStatus.VerificationFailed,
            result.Report with { Notes = result.Report.Notes.Add($"{engine} returned the plan as {Claim(result.Status)}; the verifier then rejected it, so the status is {SolveStatus.VerificationFailed}.") },
            result.Plan,
            $"The verifier rejected the plan of {engine}: {objection}. The plan and the verifier's findings (Plan.Verification) "
                + $"are kept for diagnosis; do not use it as a plan. {advice}" + (result.Message is { } earlier ? $" {earlier}" : ""));
    }

    /// <summary>What an engine's status claimed for its plan, in words (a rejected plan is never shown with the status name it no longer has).</summary>
    private static string Claim(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible, stopped before proving optimality",
        SolveStatus.TimeLimit => "its best at the time limit",
        SolveStatus.Cancelled => "its best when the solve was cancelled",
        _ => $"its answer ({status})",
    };

    private static string RejectionNote(OptimizationResult rejected, string objection, SolverEngine next) =>
        $"{Display(rejected.Report.Engine)}'s plan did not pass the verifier ({objection}); {Display(next)} re-solved the model, and its answer is returned.";

    /// <summary>The engine Auto (or an explicit PDLP) turns to when this one fails numerically or its plan is rejected; null at the end of the chain.</summary>
    private static SolverEngine? NextEngine(SolverEngine requested, SolverEngine engine, bool mip) => (requested, engine) switch
    {
        _ when mip => null,
        (SolverEngine.Auto, SolverEngine.Clp) => SolverEngine.Glop,
        (SolverEngine.Pdlp, SolverEngine.Pdlp) => SolverEngine.Glop,
        _ => null,
    };

    private static OptimizationResult WithNotesFirst(OptimizationResult result, ImmutableArray<string>.Builder notes) =>
        notes.Count == 0 ? result : result.WithReport(result.Report with { Notes = notes.ToImmutable().AddRange(result.Report.Notes) });

    private static string Display(SolverEngine engine) => engine switch
    {
        SolverEngine.Clp => "CLP",
        SolverEngine.Glop => "GLOP",
        SolverEngine.Pdlp => "PDLP",
        SolverEngine.Scip => "SCIP",
        SolverEngine.Highs => "HiGHS",
        _ => engine.ToString(),
    };

    private static (SolverEngine Engine, string Reason) ChooseEngine(SolverEngine requested, bool mip) => requested switch
    {
        SolverEngine.Auto when mip => (SolverEngine.Scip, "Auto: the scenario has integer investment decisions, so the MIP engine SCIP solves it."),
        SolverEngine.Auto => (SolverEngine.Clp, "Auto: the scenario has no integer decisions, so the LP engine CLP solves it exactly with prices (CLP was the fastest LP engine in benchmarks/README.md)."),
        _ => (requested, $"Requested in the solve options ({requested})."),
    };

    /// <summary>
    /// Resolves <see cref="LinkingInequalities.Auto"/> by engine, as measured on the Canad
    /// instances (benchmarks/README.md, "Network design (fixed-charge instances)"): they make HiGHS faster (about 2×
    /// on c25_100_10_F_L_5 and r01.5) and SCIP slower (about 1.5× on c25_100_10_F_L_5, 3× on r01.5),
    /// so Auto adds them for HiGHS only. A model without integer decisions never gets them.
    /// </summary>
    internal static bool UseLinkingInequalities(LinkingInequalities setting, SolverEngine engine, bool mip) => mip && setting switch
    {
        LinkingInequalities.On => true,
        LinkingInequalities.Off => false,
        _ => engine == SolverEngine.Highs,
    };

    private static string DescribeNoPlan(SolveStatus status, string? solverMessage) => status switch
    {
        SolveStatus.Infeasible => "No plan satisfies every hard demand, minimum flow and capacity together.",
        SolveStatus.Cancelled => "The solve was cancelled before a solution was found.",
        SolveStatus.TimeLimit => "The time limit was reached before a solution was found.",
        SolveStatus.InvalidModel => $"The solver failed numerically ({solverMessage}). Numbers that span many orders of magnitude "
            + "(for example penalties of 1e15 beside costs of 1) cause this: bring penalties closer to the costs, or try another engine.",
        _ => solverMessage ?? $"The solve ended with status {status}.",
    };
}
