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
public static class FreightPlanner
{
    /// <summary>Finds the least-cost allocation plan for a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">How to solve; null for the defaults.</param>
    /// <param name="cancellationToken">Interrupts the solve (SCIP returns its incumbent; GLOP, CLP and PDLP return nothing; HiGHS cannot be interrupted).</param>
    /// <returns>The status, the solve report and, when one was found, the plan. A solve that finds nothing is a status, not an exception.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public static OptimizationResult Optimize(Scenario scenario, SolveOptions? options = null, CancellationToken cancellationToken = default)
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
        var model = FreightModelBuilder.Build(scenario);
        buildClock.Stop();

        var outcome = OrToolsSolver.Solve(model.Problem, engine, options, cancellationToken);
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
            return new OptimizationResult { Status = outcome.Status, Report = report, Message = outcome.Message ?? DescribeNoPlan(outcome.Status) };
        }

        var values = outcome.Values;
        var duals = outcome.Duals;
        var objective = outcome.Objective;
        var notes = ImmutableArray.CreateBuilder<string>();
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
            var pricingProblem = mip ? model.Problem.WithIntegersFixed(values) : model.Problem;
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
        report = report with { PricingMethod = pricing, Notes = notes.ToImmutable() };
        return new OptimizationResult { Status = outcome.Status, Report = report, Plan = plan, Message = outcome.Message };
    }

    private static (SolverEngine Engine, string Reason) ChooseEngine(SolverEngine requested, bool mip) => requested switch
    {
        SolverEngine.Auto when mip => (SolverEngine.Scip, "Auto: the scenario has integer investment decisions, so the MIP engine SCIP solves it."),
        SolverEngine.Auto => (SolverEngine.Glop, "Auto: the scenario has no integer decisions, so the LP engine GLOP solves it exactly with prices."),
        _ => (requested, $"Requested in the solve options ({requested})."),
    };

    private static string DescribeNoPlan(SolveStatus status) => status switch
    {
        SolveStatus.Infeasible => "No plan satisfies every hard demand, minimum flow and capacity together.",
        SolveStatus.Cancelled => "The solve was cancelled before a solution was found.",
        SolveStatus.TimeLimit => "The time limit was reached before a solution was found.",
        _ => $"The solve ended with status {status}.",
    };
}
