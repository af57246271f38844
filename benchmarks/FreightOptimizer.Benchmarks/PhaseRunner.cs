using System.Diagnostics;
using FreightOptimizer.Formulation;
using FreightOptimizer.Graph;
using FreightOptimizer.Solving.NetworkFlow;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Benchmarks;

/// <summary>Wall-clock times of the phases of one solve, as <c>FreightPlanner.Optimize</c> runs them.</summary>
internal sealed record PhaseTimes
{
    public TimeSpan Validate { get; init; }

    public TimeSpan Formulate { get; init; }

    public TimeSpan Load { get; init; }

    public TimeSpan Solve { get; init; }

    public TimeSpan Extract { get; init; }

    public TimeSpan Verify { get; init; }

    public required SolveStatus Status { get; init; }

    public double Objective { get; init; }

    public int Variables { get; init; }

    public int FlowVariables { get; init; }

    public int Rows { get; init; }

    public long Nonzeros { get; init; }

    public bool? VerifierPassed { get; init; }

    /// <summary>
    /// For the network-flow engines: the bound, in money, on how far the objective may be from the LP
    /// optimum because the network was rounded to integers (<c>SolveReport.RoundingErrorBound</c>; 0 when
    /// exact). Null for the LP engines.
    /// </summary>
    public double? RoundingErrorBound { get; init; }

    /// <summary>Formulating plus loading into OR-Tools: the model building the targets speak of.</summary>
    public TimeSpan Build => Formulate + Load;

    /// <summary>Everything from validation to an extracted plan (verification excluded).</summary>
    public TimeSpan Total => Validate + Formulate + Load + Solve + Extract;
}

/// <summary>
/// Runs the steps of <c>FreightPlanner.Optimize</c> one by one through the library's internals, timing
/// each: validate, formulate, hand to OR-Tools, solve, extract the plan, verify. The steps are the
/// facade's own; only the clock is added. Engines without duals (HiGHS) get no pricing re-solve here:
/// the solve is what is compared. The network-flow engines take the path of <c>NetworkFlowPlanner</c>
/// instead (<see cref="RunNetworkFlow"/>).
/// </summary>
internal static class PhaseRunner
{
    /// <summary>Whether <paramref name="engine"/> is one of the integer network-flow engines.</summary>
    public static bool IsNetworkFlow(SolverEngine engine) => engine is SolverEngine.NetworkFlow or SolverEngine.OrToolsMinCostFlow;

    public static PhaseTimes Run(Scenario scenario, SolverEngine engine, bool verify = true)
    {
        if (IsNetworkFlow(engine)) return RunNetworkFlow(scenario, engine, verify);

        var clock = Stopwatch.StartNew();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var validate = clock.Elapsed;

        clock.Restart();
        var model = FreightModelBuilder.Build(scenario);
        var formulate = clock.Elapsed;

        var options = new SolveOptions { Engine = engine };
        clock.Restart();
        var prepared = OrToolsSolver.Prepare(model.Problem, engine, options, out var unavailable)
            ?? throw new InvalidOperationException(unavailable?.Message);
        var load = clock.Elapsed;

        SolverOutcome outcome;
        try
        {
            outcome = prepared.Run(CancellationToken.None);
        }
        finally
        {
            prepared.Dispose();
        }

        var solve = outcome.WallTime;

        var times = new PhaseTimes
        {
            Status = outcome.Status,
            Validate = validate,
            Formulate = formulate,
            Load = load,
            Solve = solve,
            Objective = outcome.Objective * model.Scaling.MoneyUnit,
            Variables = model.Problem.VariableCount,
            FlowVariables = model.Flows.Length,
            Rows = model.Problem.RowCount,
            Nonzeros = model.Problem.Rows.Sum(r => (long)r.Count),
        };
        if (outcome.Values is null) return times;

        clock.Restart();
        var plan = PlanAssembler.Assemble(scenario, model, outcome.Values, outcome.Duals, outcome.Objective * model.Scaling.MoneyUnit);
        var extract = clock.Elapsed;
        times = times with { Extract = extract };
        if (!verify) return times;

        clock.Restart();
        var report = PlanVerifier.Verify(scenario, plan);
        return times with { Verify = clock.Elapsed, VerifierPassed = report.Passed };
    }

    /// <summary>
    /// The network-flow path of <c>FreightPlanner.Optimize</c> (<c>NetworkFlowPlanner.TryOptimize</c>),
    /// step by step: validate; formulate = <c>FlowNetworkBuilder.Qualifies</c> + <c>Build</c> +
    /// <c>IntegerScaling.TryScale</c> (the planner's build clock covers Build and TryScale; Qualifies,
    /// linear and cheap, is counted here too because the path cannot skip it); no load phase (our simplex
    /// takes the arrays, and OR-Tools' MinCostFlow loads its arcs inside the call, so that is in its
    /// solve); solve = <c>NetworkSimplex.Solve</c>, or <c>OrToolsMinCostFlow.Solve</c> plus the residual
    /// potentials that price its flow (the planner's solve clock covers the same); extract = the plan's
    /// assembly (<c>NetworkFlowPlanner.Assemble</c>: tonnes and prices back through the index map, then
    /// <c>PlanAssembler</c>). Variables and rows are the network's arcs and nodes, as the planner reports them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A min-cost flow is not exact for the scenario, or it cannot be scaled to integers.</exception>
    public static PhaseTimes RunNetworkFlow(Scenario scenario, SolverEngine engine, bool verify = true)
    {
        if (!IsNetworkFlow(engine)) throw new ArgumentOutOfRangeException(nameof(engine), engine, "Not a network-flow engine.");
        var clock = Stopwatch.StartNew();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var validate = clock.Elapsed;

        clock.Restart();
        if (!FlowNetworkBuilder.Qualifies(scenario, out var why))
        {
            throw new InvalidOperationException($"{engine} does not apply: a min-cost flow is not exact here because {why}.");
        }

        var network = FlowNetworkBuilder.Build(scenario);
        if (!IntegerScaling.TryScale(network, out var scaling, out var integers, out var scaleWhy))
        {
            throw new InvalidOperationException($"{engine} does not apply: the network cannot be scaled to int64 safely ({scaleWhy}).");
        }

        var formulate = clock.Elapsed;
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(integers);
        if (engine == SolverEngine.OrToolsMinCostFlow && !scaling.ObjectiveFitsInt64)
        {
            throw new InvalidOperationException("OR-Tools' MinCostFlow does not apply: the total cost bound does not fit in int64 at a safe rounding.");
        }

        var times = new PhaseTimes
        {
            Status = SolveStatus.Infeasible,
            Validate = validate,
            Formulate = formulate,
            Variables = network.ArcCount,
            FlowVariables = network.Map.Flows.Length,
            Rows = network.NodeCount,
            Nonzeros = 2L * network.ArcCount,
            RoundingErrorBound = scaling.RoundingErrorBound,
        };
        if (network.ClosedHardDemand) return times;

        clock.Restart();
        long[]? flows;
        long[]? potentials = null;
        SolveStatus status;
        if (engine == SolverEngine.NetworkFlow)
        {
            var solution = NetworkSimplex.Solve(integers.NodeCount, integers.Tail, integers.Head, [], integers.Capacity, integers.Cost, integers.Supply);
            status = solution.Status switch
            {
                NetworkFlowStatus.Optimal => SolveStatus.Optimal,
                NetworkFlowStatus.Infeasible => SolveStatus.Infeasible,
                _ => SolveStatus.Unbounded,
            };
            flows = status == SolveStatus.Optimal ? solution.Flows : null;
            potentials = status == SolveStatus.Optimal ? solution.Potentials : null;
        }
        else
        {
            var outcome = OrToolsMinCostFlow.Solve(integers);
            status = outcome.Status;
            flows = outcome.Flows;
            if (flows is not null)
            {
                var sources = network.NodeSource.Where((s, v) => s == v);
                potentials = ResidualPotentials.Compute(integers.NodeCount, integers.Tail, integers.Head, integers.Capacity, integers.Cost, flows, sources, IntegerScaling.Unlimited);
            }
        }

        times = times with { Status = status, Solve = clock.Elapsed };
        if (flows is null || potentials is null) return times;

        clock.Restart();
        var plan = NetworkFlowPlanner.Assemble(scenario, network, scaling, integers, flows, potentials);
        times = times with { Extract = clock.Elapsed, Objective = plan.Objective };
        if (!verify) return times;

        clock.Restart();
        var report = PlanVerifier.Verify(scenario, plan);
        return times with { Verify = clock.Elapsed, VerifierPassed = report.Passed };
    }
}
