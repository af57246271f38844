using System.Collections.Immutable;
using System.Diagnostics;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Closures (N-1 studies): what the optimum, unmet demand and the border crossings' traffic become
/// when one route or location closes (availability factor 0) for the whole horizon or some periods,
/// "what if Zabaikalsk closes for a month". The model is formulated once; each closure is that model
/// with bounds changed, re-solved from the last optimal basis by a simplex that each worker keeps
/// loaded (docs/analysis.md, "Closures").
/// </summary>
public static class Closures
{
    /// <summary>
    /// Solves the base scenario, then every closure (up to <see cref="ClosureOptions.MaxParallelSolves"/>
    /// at once), and verifies every closure's plan against the scenario with that closure.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">What to close and how; null for every border crossing, whole horizon, operational mode.</param>
    /// <param name="progress">Told after each closure; null for none.</param>
    /// <param name="cancellationToken">Interrupts the study: closures not yet solved (and the one being solved, where the engine allows) report <see cref="SolveStatus.Cancelled"/>.</param>
    /// <returns>The base result and one result per closure, in order.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid, or a closure names a route, location or period the scenario does not have.</exception>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public static ClosureStudy Run(Scenario scenario, ClosureOptions? options = null, IProgress<ClosureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ClosureOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var closures = Resolve(scenario, options);
        var logger = options.Logger ?? NullLogger.Instance;
        var solve = (options.Solve ?? new SolveOptions()).Copy();
        solve.Appraise = AppraisalMode.Never;
        solve.Verify = true;

        var clock = Stopwatch.StartNew();
        var baseResult = FreightPlanner.Optimize(scenario, solve, cancellationToken);
        ClosureLog.BaseSolved(logger, baseResult.Status, baseResult.Plan?.Objective, baseResult.Report.Engine, clock.Elapsed.TotalMilliseconds);
        if (baseResult.Status != SolveStatus.Optimal || baseResult.Plan is null)
        {
            var message = $"No closures were solved: the base solve ended {baseResult.Status}, and closures are measured against an optimal base plan.";
            ClosureLog.NoBase(logger, message);
            return new ClosureStudy { Base = baseResult, Mode = options.Mode, Results = [], Message = message };
        }

        var study = new ClosureRun(scenario, options, solve, baseResult.Plan, logger);
        var results = new ClosureResult[closures.Length];
        var completed = 0;
        Parallel.For(
            0,
            closures.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.ParallelSolves },
            () => new ClosureWorker(study),
            (i, _, worker) =>
            {
                results[i] = worker.Solve(closures[i].Closure, closures[i].Periods, cancellationToken);
                var done = Interlocked.Increment(ref completed);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var element = results[i].Element.ToString();
                    ClosureLog.ClosureSolved(logger, done, closures.Length, element, results[i].Status, results[i].CostChange, results[i].Iterations, results[i].Elapsed.TotalMilliseconds);
                }

                if (results[i].Status == SolveStatus.VerificationFailed && logger.IsEnabled(LogLevel.Warning))
                {
                    var element = results[i].Element.ToString();
                    ClosureLog.Rejected(logger, element, results[i].Message ?? "");
                }

                progress?.Report(new ClosureProgress(done, closures.Length, results[i]));
                return worker;
            },
            worker => worker.Dispose());

        if (logger.IsEnabled(LogLevel.Information))
        {
            var iterations = results.Sum(r => r.Iterations ?? 0);
            ClosureLog.StudyDone(logger, closures.Length, options.Mode, iterations, clock.Elapsed.TotalMilliseconds);
        }

        return new ClosureStudy { Base = baseResult, Mode = options.Mode, Results = [.. results] };
    }

    /// <summary>The closures to study with their periods as horizon indices, checked against the scenario.</summary>
    private static ImmutableArray<(Closure Closure, ImmutableArray<int> Periods)> Resolve(Scenario scenario, ClosureOptions options)
    {
        var network = scenario.Network;
        var horizon = scenario.Horizon;
        var issues = new List<ValidationIssue>();
        ImmutableArray<PeriodId> common = options.Periods is { Count: > 0 } periods ? [.. periods] : [];
        for (var p = 0; p < common.Length; p++)
        {
            if (horizon.IndexOf(common[p]) < 0) issues.Add(Unknown($"$.closureOptions.periods[{p}]", $"period '{common[p]}' is not in the scenario's horizon"));
        }

        var asked = options.Closures is { Count: > 0 } list
            ? list.ToList()
            : [.. network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => Closure.Of(l.Id))];
        var resolved = ImmutableArray.CreateBuilder<(Closure, ImmutableArray<int>)>(asked.Count);
        for (var c = 0; c < asked.Count; c++)
        {
            var closure = asked[c];
            if (closure is null)
            {
                issues.Add(Unknown($"$.closures[{c}]", "a closure is null"));
                continue;
            }

            var element = closure.Element;
            var known = element.Kind switch
            {
                ElementKind.Route => network.TryGetRoute(element.Route!.Value, out _),
                ElementKind.Location => network.TryGetLocation(element.Location!.Value, out _),
                _ => false,
            };
            if (!known) issues.Add(Unknown($"$.closures[{c}].element", $"{element} is not in the scenario's network"));
            var named = closure.WholeHorizon ? common : closure.Periods;
            var indices = new SortedSet<int>();
            for (var p = 0; p < named.Length; p++)
            {
                var t = horizon.IndexOf(named[p]);
                if (t < 0) issues.Add(Unknown($"$.closures[{c}].periods[{p}]", $"period '{named[p]}' is not in the scenario's horizon"));
                else indices.Add(t);
            }

            if (named.IsEmpty) indices.UnionWith(Enumerable.Range(0, horizon.Periods.Length));
            resolved.Add((closure, [.. indices]));
        }

        if (issues.Count > 0) throw new FreightValidationException(issues, "closure study");
        return resolved.MoveToImmutable();
    }

    private static ValidationIssue Unknown(string path, string message) => new(ValidationCode.UnknownReference, ValidationSeverity.Error, path, message + ".");
}

/// <summary>What every worker of one study shares: the scenario, the formulated model and the LP each worker loads.</summary>
internal sealed class ClosureRun
{
    public ClosureRun(Scenario scenario, ClosureOptions options, SolveOptions solve, AllocationPlan basePlan, ILogger logger)
    {
        Scenario = scenario;
        Options = options;
        Solve = solve;
        BasePlan = basePlan;
        Logger = logger;
        Model = FreightModelBuilder.Build(scenario);
        var operational = options.Mode == ClosureMode.Operational;

        // Operational: the investments are data, fixed at the base plan's units, so the model is an LP
        // even when the scenario's is a MIP. Replan keeps them free; a MIP then cannot go to a simplex.
        if (operational && !scenario.Investments.IsEmpty)
        {
            var values = new double[Model.Problem.VariableCount];
            var continuous = new Dictionary<int, (double, double)>();
            for (var i = 0; i < scenario.Investments.Length; i++)
            {
                var units = basePlan.Investments[i].Units;
                var v = Model.Investments[i];
                Model.SetDecision(values, i, units, basePlan.Investments[i].OnlinePeriod is { } online ? scenario.Horizon.IndexOf(online) : -1);
                if (!scenario.Investments[i].IsInteger) continuous[v.Units] = (units, units);
            }

            Lp = Model.Problem.WithIntegersFixed(values, Model.PlainRowCount).WithBounds(continuous);
        }
        else
        {
            Lp = Model.IsMip ? null : Model.Problem;
        }

        BaseCrossings = ClosureMeasures.CrossingThroughput(scenario, basePlan);
        BaseUnmet = ClosureMeasures.UnmetByMarket(scenario, basePlan);
        var mipGap = Lp is null ? solve.RelativeMipGap : 0;
        Tolerance = 2 * Math.Max(mipGap, 1e-9) * Math.Max(1, Math.Abs(basePlan.Objective));
    }

    public Scenario Scenario { get; }

    public ClosureOptions Options { get; }

    public SolveOptions Solve { get; }

    public AllocationPlan BasePlan { get; }

    public ILogger Logger { get; }

    public FreightModel Model { get; }

    /// <summary>The LP every closure re-solves with bounds changed, or null when closures are whole MIP solves (replan mode with integer decisions).</summary>
    public LinearProblem? Lp { get; }

    public ImmutableDictionary<LocationId, double> BaseCrossings { get; }

    public ImmutableDictionary<(LocationId, CommodityId), double> BaseUnmet { get; }

    /// <summary>Cost changes within this of 0 are 0 (two optima of one model may differ by the solvers' tolerance).</summary>
    public double Tolerance { get; }
}

/// <summary>
/// One worker of a study: keeps one solver with the study's LP loaded (warm start) and solves the
/// closures it is given, one after another.
/// </summary>
internal sealed class ClosureWorker(ClosureRun run) : IDisposable
{
    private IncrementalLp? _lp;
    private bool _loadFailed;
    private SolverOutcome? _notRun;

    public ClosureResult Solve(Closure closure, ImmutableArray<int> periods, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scenario = run.Scenario;
        var periodIds = periods.Select(t => scenario.Horizon.Periods[t].Id).ToImmutableArray();
        var closed = ClosureBounds.ClosedScenario(scenario, closure.Element, periodIds);
        var result = new ClosureResult { Closure = closure, Periods = periodIds, Status = SolveStatus.Cancelled };
        if (cancellationToken.IsCancellationRequested) return result with { Message = "Cancelled before this closure was solved.", Elapsed = clock.Elapsed };

        if (run.Lp is null) return Finish(ColdSolve(closed, result, note: "Solved as a whole scenario: replan mode with integer decisions needs a MIP, which no simplex basis warm-starts.", cancellationToken), clock);

        var bounds = ClosureBounds.For(run.Model, run.Lp, scenario, closure.Element, periods);
        var outcome = SolveLp(bounds, cancellationToken, out var warm);
        result = result with { WarmStarted = warm, Iterations = outcome.Iterations };
        if (outcome.Status == SolveStatus.Optimal && outcome.Values is not null && outcome.Duals is not null)
        {
            var view = bounds.View(run.Model, run.Lp);
            var plan = PlanAssembler.Assemble(closed, view, outcome.Values, outcome.Duals, outcome.Objective * run.Model.Scaling.MoneyUnit);
            plan = plan with { Verification = PlanVerifier.Verify(ClosureBounds.VerificationScenario(closed, run.Options.Mode), plan) };
            var checkedResult = new OptimizationResult(SolveStatus.Optimal, new SolveReport { Engine = run.Options.LpEngine, EngineReason = "closure re-solve" }, plan);
            if (PlanSolver.Objection(checkedResult) is not { } objection && PlanAssembler.DescribeNonFinite(plan) is null)
            {
                return Finish(WithPlan(result, SolveStatus.Optimal, plan), clock);
            }

            var why = PlanSolver.Objection(checkedResult) ?? "the plan has a number that is not finite";
            if (CanSolveCold) return Finish(ColdSolve(closed, result, note: $"The warm re-solve's plan was rejected by the verifier ({why}); a cold solve of the scenario with the closure answered.", cancellationToken), clock);
            return Finish(result with { Status = SolveStatus.VerificationFailed, Plan = plan, Message = $"The verifier rejected the closure's plan: {why}. The plan is kept for diagnosis; do not use it." }, clock);
        }

        if (outcome.Status == SolveStatus.InvalidModel && CanSolveCold && !cancellationToken.IsCancellationRequested)
        {
            return Finish(ColdSolve(closed, result, note: $"The warm re-solve failed numerically ({outcome.Message}); a cold solve of the scenario with the closure answered.", cancellationToken), clock);
        }

        var message = outcome.Status switch
        {
            SolveStatus.Infeasible => "No plan serves every hard demand and minimum flow with this closure.",
            SolveStatus.Cancelled => "Cancelled while this closure was being solved.",
            _ => outcome.Message ?? $"The re-solve ended {outcome.Status}.",
        };
        return Finish(result with { Status = outcome.Status, Message = message }, clock);
    }

    /// <summary>A cold solve answers the same question only when the investments are free or there are none.</summary>
    private bool CanSolveCold => run.Options.Mode == ClosureMode.Replan || run.Scenario.Investments.IsEmpty;

    private SolverOutcome SolveLp(ClosureBounds bounds, CancellationToken cancellationToken, out bool warm)
    {
        var engine = run.Options.LpEngine;
        if (!run.Options.WarmStart)
        {
            warm = false;
            using var fresh = IncrementalLp.Create(run.Lp!, engine, run.Solve, reused: false, out var notRun);
            return fresh?.Solve(bounds.Variables, bounds.Rows, cancellationToken) ?? notRun!;
        }

        if (_lp is null && !_loadFailed)
        {
            // The worker's first solve is the base LP itself, so that every closure starts from an
            // optimal basis of the unchanged model rather than from scratch.
            _lp = IncrementalLp.Create(run.Lp!, engine, run.Solve, reused: true, out _notRun);
            _loadFailed = _lp is null;
            if (_lp is not null)
            {
                var first = _lp.Solve([], [], cancellationToken);
                ClosureLog.WorkerLoaded(run.Logger, engine, first.Status, first.Iterations, first.WallTime.TotalMilliseconds);
            }
        }

        warm = _lp is not null;
        return _lp?.Solve(bounds.Variables, bounds.Rows, cancellationToken) ?? _notRun!;
    }

    private ClosureResult ColdSolve(Scenario closed, ClosureResult result, string note, CancellationToken cancellationToken)
    {
        var cold = PlanSolver.Solve(closed, run.Solve, cancellationToken);
        result = result with { WarmStarted = false, Iterations = cold.Report.Iterations };
        if (cold.Plan is { } plan && cold.Status is SolveStatus.Optimal) return WithPlan(result, SolveStatus.Optimal, plan) with { Message = note };
        return result with { Status = cold.Status, Plan = cold.Plan, Message = $"{note} {cold.Message}".Trim() };
    }

    private ClosureResult WithPlan(ClosureResult result, SolveStatus status, AllocationPlan plan)
    {
        var change = plan.Objective - run.BasePlan.Objective;
        if (Math.Abs(change) <= run.Tolerance) change = 0;
        return result with
        {
            Status = status,
            Plan = plan,
            Objective = plan.Objective,
            CostChange = change,
            Unmet = ClosureMeasures.Shortfalls(run.Scenario, run.BaseUnmet, ClosureMeasures.UnmetByMarket(run.Scenario, plan)),
            Crossings = ClosureMeasures.Shifts(run.Scenario, run.BaseCrossings, ClosureMeasures.CrossingThroughput(run.Scenario, plan)),
        };
    }

    private static ClosureResult Finish(ClosureResult result, Stopwatch clock) => result with { Elapsed = clock.Elapsed };

    public void Dispose() => _lp?.Dispose();
}

/// <summary>The structured log lines of a closure study.</summary>
internal static partial class ClosureLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Closure study: base solve ended {Status} with objective {Objective} by {Engine} in {Milliseconds:0} ms")]
    public static partial void BaseSolved(ILogger logger, SolveStatus status, double? objective, SolverEngine engine, double milliseconds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void NoBase(ILogger logger, string message);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Worker loaded the LP into {Engine}; base re-solve {Status} in {Iterations} iterations, {Milliseconds:0.0} ms")]
    public static partial void WorkerLoaded(ILogger logger, SolverEngine engine, SolveStatus status, long? iterations, double milliseconds);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Closure {Done}/{Total}: {Element} {Status}, cost change {CostChange}, {Iterations} iterations, {Milliseconds:0.0} ms")]
    public static partial void ClosureSolved(ILogger logger, int done, int total, string element, SolveStatus status, double? costChange, long? iterations, double milliseconds);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Closure of {Element}: {Message}")]
    public static partial void Rejected(ILogger logger, string element, string message);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Closure study: {Count} closures ({Mode}) in {Iterations} iterations, {Milliseconds:0} ms")]
    public static partial void StudyDone(ILogger logger, int count, ClosureMode mode, long iterations, double milliseconds);
}
