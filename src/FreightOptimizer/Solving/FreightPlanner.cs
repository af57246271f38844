using System.Collections.Immutable;
using System.Diagnostics;
using FreightOptimizer.Formulation;
using FreightOptimizer.Results;
using FreightOptimizer.Scenarios;
using FreightOptimizer.Solving.NetworkFlow;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Validation;
using FreightOptimizer.Verification;

namespace FreightOptimizer.Solving;

/// <summary>
/// The library's front door: validates a scenario, formulates it, solves it with the chosen engine,
/// prices the solution and returns an immutable <see cref="OptimizationResult"/> whose plan the
/// independent verifier has checked.
/// </summary>
public static partial class FreightPlanner
{
    /// <summary>One solve: the plan, its prices and its verification, without the analyses that follow (FreightPlanner.Analysis.cs).</summary>
    internal static OptimizationResult OptimizeOnce(Scenario scenario, SolveOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new SolveOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);

        // Network flow first: it answers when asked for, or for Auto when a min-cost flow is exact.
        var flowResult = NetworkFlowPlanner.TryOptimize(scenario, options, cancellationToken, out var flowNote);
        if (flowResult is not null) return flowResult;

        var mip = scenario.HasIntegerDecisions;
        var (engine, reason) = ChooseEngine(options.Engine, mip);
        if (flowNote is not null) reason = $"{reason} {flowNote}";
        if (OrToolsSolver.SolverId(engine, mip) is null)
        {
            return new OptimizationResult
            {
                Status = SolveStatus.SolverUnavailable,
                Report = new SolveReport { Engine = engine, EngineReason = reason },
                Message = $"{engine} solves linear programs only, and this scenario has integer investment decisions; use Scip, Highs or Auto.",
            };
        }

        var buildClock = Stopwatch.StartNew();
        var linking = UseLinkingInequalities(options.LinkingInequalities, engine, mip);
        var model = FreightModelBuilder.Build(scenario, linking);
        buildClock.Stop();

        var outcome = OrToolsSolver.Solve(model.Problem, engine, options, cancellationToken);
        var fallbackNote = (string?)null;
        if (outcome.Status == SolveStatus.InvalidModel && !outcome.ModelRejected && options.Engine == SolverEngine.Auto && engine is SolverEngine.Clp or SolverEngine.Glop)
        {
            // A simplex can give up on numbers that span too many orders of magnitude (GLOP reports
            // ABNORMAL with penalties of 1e15 beside costs of 1); the other simplex may cope.
            var other = engine == SolverEngine.Clp ? SolverEngine.Glop : SolverEngine.Clp;
            var retry = OrToolsSolver.Solve(model.Problem, other, options, cancellationToken);
            fallbackNote = $"{engine} failed numerically ({outcome.Message}); Auto re-solved with {other}, which ended {retry.Status}.";
            reason += $" {engine} failed numerically, so {other} solved it.";
            outcome = retry;
            engine = other;
        }
        else if (outcome.Status == SolveStatus.Infeasible && engine == SolverEngine.Pdlp)
        {
            // PDLP's infeasibility test is a first-order certificate with tolerances; on some
            // feasible models it claims infeasibility (seen in the engines-agree property). A simplex
            // settles the question before the library tells a planner there is no plan.
            var check = OrToolsSolver.Solve(model.Problem, SolverEngine.Glop, options, cancellationToken);
            if (check.Status != SolveStatus.Infeasible)
            {
                fallbackNote = $"PDLP reported the model infeasible; GLOP, asked to confirm, ended {check.Status}, and its answer is used.";
                outcome = check;
                engine = SolverEngine.Glop;
                reason += " PDLP's infeasibility claim was not confirmed by GLOP, which solved it.";
            }
        }

        var report = new SolveReport
        {
            Engine = engine,
            EngineReason = reason,
            BuildTime = buildClock.Elapsed,
            SolveTime = outcome.WallTime,
            Variables = model.Problem.VariableCount,
            IntegerVariables = model.Problem.IntegerCount,
            Constraints = model.Problem.RowCount,
            Iterations = outcome.Iterations,
            Nodes = outcome.Nodes,
        };

        if (outcome.Values is null)
        {
            if (fallbackNote is not null) report = report with { Notes = [fallbackNote] };
            var message = outcome.ModelRejected ? RejectedModel(outcome.Message) : DescribeNoPlan(outcome.Status, outcome.Message);
            return new OptimizationResult { Status = outcome.Status, Report = report, Message = message };
        }

        var values = outcome.Values;
        var duals = outcome.Duals;
        var objective = outcome.Objective;
        var notes = ImmutableArray.CreateBuilder<string>();
        if (fallbackNote is not null) notes.Add(fallbackNote);
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
            // and prices must be those of SCENARIO-FORMAT.md's rows.
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
        if (options.Verify) plan = plan with { Verification = PlanVerifier.Verify(scenario, plan) };
        if (engine == SolverEngine.Pdlp && outcome.Status == SolveStatus.Optimal && !cancellationToken.IsCancellationRequested)
        {
            // PDLP meets its tolerances relative to the norms of the whole problem, so a row with a
            // small right-hand side beside large ones (a budget of 13 beside costs of 10^5, found by
            // the engines-agree property) can be violated by more than the verifier allows. Its plan
            // is checked whatever Verify says, and one the verifier rejects is replaced by a simplex's.
            var check = plan.Verification ?? PlanVerifier.Verify(scenario, plan);
            if (!check.Passed) return ResolvedAfterRejectedPdlp(scenario, options, check, cancellationToken);
        }

        if (linking) notes.Add($"The MIP was strengthened with {model.LinkingRowCount} linking inequalities; prices come from the plain model.");
        report = report with { PricingMethod = pricing, Notes = notes.ToImmutable() };
        if (PlanAssembler.DescribeNonFinite(plan) is { } bad) return WithoutNonFinitePlan(report, bad);
        return new OptimizationResult { Status = outcome.Status, Report = report, Plan = plan, Message = outcome.Message };
    }

    /// <summary>
    /// The result for a plan with a NaN or infinite number in it: no plan, <see cref="SolveStatus.InvalidModel"/>,
    /// and a message that names the number. Validation bounds every input so that this does not
    /// happen; should it, a planner gets a status to act on instead of a number that cannot be written.
    /// </summary>
    internal static OptimizationResult WithoutNonFinitePlan(SolveReport report, string what) => new()
    {
        Status = SolveStatus.InvalidModel,
        Report = report,
        Message = $"The solve gave a plan with a number that is not finite ({what}), so no plan is returned. {ReportIt}",
    };

    private static string RejectedModel(string? why) => $"{why} {ReportIt}";

    private const string ReportIt = "Validation bounds every number of a scenario so that this cannot happen; please report the scenario that led here.";

    /// <summary>GLOP re-solves a model whose PDLP plan the verifier rejected; the report says why.</summary>
    private static OptimizationResult ResolvedAfterRejectedPdlp(Scenario scenario, SolveOptions options, VerificationReport rejected, CancellationToken cancellationToken)
    {
        var simplex = options.Copy();
        simplex.Engine = SolverEngine.Glop;
        var retry = OptimizeOnce(scenario, simplex, cancellationToken);
        var finding = rejected.Findings.FirstOrDefault(f => f.Violation > 0)?.Message ?? "a check failed";
        var note = $"PDLP's plan did not pass the verifier ({finding}); GLOP re-solved the model, and its answer is returned.";
        return retry with
        {
            Report = retry.Report with
            {
                EngineReason = $"Requested in the solve options (Pdlp). PDLP's plan was rejected by the verifier, so GLOP solved it.",
                Notes = retry.Report.Notes.Insert(0, note),
            },
        };
    }

    private static (SolverEngine Engine, string Reason) ChooseEngine(SolverEngine requested, bool mip) => requested switch
    {
        SolverEngine.Auto when mip => (SolverEngine.Scip, "Auto: the scenario has integer investment decisions, so the MIP engine SCIP solves it."),
        SolverEngine.Auto => (SolverEngine.Clp, "Auto: the scenario has no integer decisions, so the LP engine CLP solves it exactly with prices (CLP was the fastest LP engine in benchmarks/README.md)."),
        _ => (requested, $"Requested in the solve options ({requested})."),
    };

    /// <summary>
    /// Resolves <see cref="LinkingInequalities.Auto"/> by engine, as measured on the Canad
    /// instances (benchmarks/README.md, "Network design (issue 4)"): they make HiGHS faster (about 2×
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
