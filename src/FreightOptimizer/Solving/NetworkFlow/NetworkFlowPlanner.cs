using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using FreightOptimizer.Formulation;
using FreightOptimizer.Graph;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Solving.NetworkFlow;

/// <summary>
/// The network-flow path of <see cref="FreightPlanner.Optimize"/>: decides whether it applies, formulates
/// the min-cost flow, scales it to integers, solves it with our network simplex or OR-Tools'
/// MinCostFlow, prices it, and maps flows and prices back through the same kind of index map as the
/// LP so that <see cref="PlanAssembler"/> and the verifier see an ordinary plan.
/// </summary>
internal static class NetworkFlowPlanner
{
    /// <summary>
    /// Solves through a network-flow engine when the options ask for one or for Auto and a min-cost flow
    /// is exact; returns null when the LP/MIP path should solve instead, with a sentence for Auto's reason.
    /// </summary>
    public static OptimizationResult? TryOptimize(Scenario scenario, SolveOptions options, CancellationToken cancellationToken, out string? autoNote)
    {
        autoNote = null;
        var requested = options.Engine;
        if (requested is not (SolverEngine.Auto or SolverEngine.NetworkFlow or SolverEngine.OrToolsMinCostFlow)) return null;
        var auto = requested == SolverEngine.Auto;
        var engine = auto ? SolverEngine.NetworkFlow : requested;

        if (!FlowNetworkBuilder.Qualifies(scenario, out var why))
        {
            if (auto)
            {
                autoNote = $"Network flow is not exact here: {why}.";
                return null;
            }

            return Unavailable(engine, $"{engine} solves only scenarios a min-cost flow solves exactly, and in this one {why}; use Auto or an LP engine.");
        }

        var buildClock = Stopwatch.StartNew();
        var network = FlowNetworkBuilder.Build(scenario);
        if (network.DescribeNonFinite() is { } bad)
        {
            // Scaled to int64, a NaN would become an arbitrary integer: the network is refused here,
            // as the LP path refuses a problem with one (OrToolsSolver.Prepare).
            return new OptimizationResult(SolveStatus.InvalidModel, new SolveReport { Engine = engine, EngineReason = auto ? "Auto: a min-cost flow solves this scenario exactly." : $"Requested in the solve options ({engine})." }, message: $"The flow network was not handed to {engine}: {bad}, and it needs finite numbers. Validation bounds every number of a scenario so that this cannot happen; please report the scenario that led here.");
        }

        if (!IntegerScaling.TryScale(network, out var scaling, out var integers, out var scaleWhy))
        {
            if (auto)
            {
                autoNote = $"A min-cost flow would be exact, but its numbers cannot be scaled to int64 safely ({scaleWhy}).";
                return null;
            }

            return Unavailable(engine, $"{engine} works in integers, and this scenario's tonnes and costs cannot be scaled to int64 without "
                + $"overflowing or moving some number by more than the verifier's tolerance, so it cannot solve it exactly ({scaleWhy}); "
                + "use Auto, which hands such scenarios to the LP engine, or an LP engine.");
        }

        buildClock.Stop();
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(integers);
        if (engine == SolverEngine.OrToolsMinCostFlow && !scaling.ObjectiveFitsInt64)
        {
            return Unavailable(engine, "OR-Tools' MinCostFlow sums its objective in int64, and for this scenario the total cost bound does not fit at a safe rounding; use NetworkFlow or Auto.");
        }

        var reason = auto
            ? $"Auto: a min-cost flow solves this scenario exactly ({why}), so the network simplex solves it."
            : $"Requested in the solve options ({engine}).";
        var report = new SolveReport
        {
            Engine = engine,
            EngineReason = reason,
            BuildTime = buildClock.Elapsed,
            Variables = network.ArcCount,
            Constraints = network.NodeCount,
            RoundingErrorBound = scaling.RoundingErrorBound,
            Notes = [scaling.Describe()],
        };

        if (cancellationToken.IsCancellationRequested)
        {
            return new OptimizationResult(SolveStatus.Cancelled, report, message: "Cancelled before the solve started.");
        }

        if (network.ClosedHardDemand)
        {
            return new OptimizationResult(SolveStatus.Infeasible, report, message: "A hard demand sits at a location that is closed in its period, so it cannot be served.");
        }

        var solveClock = Stopwatch.StartNew();
        long[]? flows;
        long[]? potentials = null;
        SolveStatus status;
        string? message = null;
        string pricing;
        if (engine == SolverEngine.NetworkFlow)
        {
            var interrupt = InterruptCheck(options, solveClock, cancellationToken);
            var solution = NetworkSimplex.Solve(integers.NodeCount, integers.Tail, integers.Head, [], integers.Capacity, integers.Cost, integers.Supply, interrupt);
            report = report with { Iterations = solution.Pivots };
            status = solution.Status switch
            {
                NetworkFlowStatus.Optimal => SolveStatus.Optimal,
                NetworkFlowStatus.Infeasible => SolveStatus.Infeasible,
                NetworkFlowStatus.Interrupted when solution.Interruption == NetworkFlowInterruption.Cancelled => SolveStatus.Cancelled,
                NetworkFlowStatus.Interrupted => SolveStatus.TimeLimit,
                _ => SolveStatus.Unbounded,
            };
            if (solution.Status == NetworkFlowStatus.Interrupted)
            {
                var stop = status == SolveStatus.Cancelled ? "was cancelled" : $"reached the time limit of {options.TimeLimit}";
                message = $"The network simplex {stop} after {solution.Pivots} pivots, so there is no plan: before it ends a network simplex has no "
                    + "plan to give (its flow may still run on artificial arcs, which is not a feasible flow, and its prices are not yet optimal).";
            }

            flows = status == SolveStatus.Optimal ? solution.Flows : null;
            potentials = status == SolveStatus.Optimal ? solution.Potentials : null;
            pricing = "node potentials of the network simplex";
        }
        else
        {
            // OR-Tools' MinCostFlow cannot be interrupted: the token was checked before it started,
            // and what arrived while it ran is said in the report; its result is kept.
            var outcome = OrToolsMinCostFlow.Solve(integers, options.OnOrToolsCreate);
            status = outcome.Status;
            flows = outcome.Flows;
            message = outcome.Message;
            pricing = "shortest-path distances on the residual network of OR-Tools' optimal flow";
            if (cancellationToken.IsCancellationRequested)
            {
                report = report with { Notes = report.Notes.Add($"Cancellation was asked for while OR-Tools' MinCostFlow ran; it cannot be interrupted, so it ran to its end ({status}) and its result is kept.") };
            }
            else if (options.TimeLimit is { } limit && solveClock.Elapsed > limit)
            {
                report = report with { Notes = report.Notes.Add($"OR-Tools' MinCostFlow ran past the time limit of {limit}; it cannot be interrupted, so it ran to its end ({status}) and its result is kept.") };
            }
        }

        if (flows is not null && potentials is null)
        {
            var sources = network.NodeSource.Where((s, v) => s == v);
            potentials = ResidualPotentials.Compute(integers.NodeCount, integers.Tail, integers.Head, integers.Capacity, integers.Cost, flows, sources, IntegerScaling.Unlimited);
        }

        solveClock.Stop();
        report = report with { SolveTime = solveClock.Elapsed };
        if (flows is null || potentials is null)
        {
            if (status == SolveStatus.Infeasible && !scaling.IsExact && auto)
            {
                autoNote = "The network simplex found the rounded network infeasible, which rounding may have caused, so the LP engine decides.";
                return null;
            }

            message ??= status == SolveStatus.Infeasible
                ? "No flow serves every hard demand within the capacities."
                : $"The network-flow solve ended with {status}.";
            return new OptimizationResult(status, report, message: message);
        }

        var plan = Assemble(scenario, network, scaling, integers, flows, potentials);

        // A rounded plan is checked whatever Verify says: it can be feasible within the verifier's
        // tolerance and still miss the optimum by more than the duality-gap tolerance when the
        // objective is small beside the rounding error bound (IntegerScaling's remarks), and
        // FreightPlanner does not return such a plan as optimal.
        if (options.Verify || !scaling.IsExact) plan = plan with { Verification = PlanVerifier.Verify(scenario, plan) };
        report = report with { PricingMethod = pricing };
        if (PlanAssembler.DescribeNonFinite(plan) is { } nonFinite) return PlanSolver.WithoutNonFinitePlan(report, nonFinite);
        return new OptimizationResult(SolveStatus.Optimal, report, plan: plan);
    }

    /// <summary>Values in tonnes and duals in money per tonne, LP sign convention, then the LP's assembler.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static AllocationPlan Assemble(Scenario scenario, FlowNetwork network, IntegerScaling scaling, IntegerNetwork integers, long[] flows, long[] potentials)
    {
        var tonneQuantum = scaling.TonneQuantum;
        var costQuantum = scaling.CostQuantum;
        var values = new double[network.VariableCount];
        var objective = network.ObjectiveConstant;
        for (var a = 0; a < network.ArcCount; a++)
        {
            var tonnes = flows[a] * tonneQuantum;
            objective += network.CostPerTonne[a] * tonnes;
            var variable = network.ArcVariable[a];
            if (variable >= 0) values[variable] = tonnes;
        }

        var balanceCount = network.BalanceIn.Length;
        var duals = new double[network.RowCount];
        for (var r = 0; r < balanceCount; r++)
        {
            duals[r] = (potentials[network.BalanceOut[r]] - potentials[network.BalanceSource[r]]) * costQuantum;
        }

        for (var c = 0; c < network.CapacityArc.Length; c++)
        {
            var a = network.CapacityArc[c];
            var reduced = integers.Cost[a] + potentials[integers.Tail[a]] - potentials[integers.Head[a]];
            duals[balanceCount + c] = -Math.Max(0, -reduced) * costQuantum;
        }

        return PlanAssembler.Assemble(scenario, network.Map, values, duals, objective);
    }

    /// <summary>
    /// The network simplex's interrupt check: the token, then the time limit counted from the start of
    /// the solve (as OR-Tools' solvers count theirs); null when neither can fire and no test hook is set.
    /// </summary>
    private static Func<NetworkFlowInterruption>? InterruptCheck(SolveOptions options, Stopwatch solveClock, CancellationToken cancellationToken)
    {
        var limit = options.TimeLimit;
        var hook = options.OnNetworkSimplexPoll;
        if (limit is null && !cancellationToken.CanBeCanceled && hook is null) return null;
        return () =>
        {
            hook?.Invoke();
            if (cancellationToken.IsCancellationRequested) return NetworkFlowInterruption.Cancelled;
            return limit is { } l && solveClock.Elapsed >= l ? NetworkFlowInterruption.TimeLimit : NetworkFlowInterruption.None;
        };
    }

    private static OptimizationResult Unavailable(SolverEngine engine, string message) =>
        new(
            SolveStatus.SolverUnavailable,
            new SolveReport { Engine = engine, EngineReason = $"Requested in the solve options ({engine})." },
            message: message);
}
