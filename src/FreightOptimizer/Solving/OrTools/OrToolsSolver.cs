using System.Diagnostics;
using System.Globalization;
using FreightOptimizer.Formulation;
using Google.OrTools.LinearSolver;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// The only user of OR-Tools' linear-solver API: loads a <see cref="LinearProblem"/> into the chosen
/// engine, solves it under a time limit and cancellation token, and copies every value out before
/// the native solver is disposed.
/// </summary>
internal static class OrToolsSolver
{
    /// <summary>The OR-Tools solver id for an engine and model kind, or null when the engine cannot solve it.</summary>
    public static string? SolverId(SolverEngine engine, bool mip) => (engine, mip) switch
    {
        (SolverEngine.Glop, false) => "GLOP",
        (SolverEngine.Clp, false) => "CLP",
        (SolverEngine.Pdlp, false) => "PDLP",
        (SolverEngine.Highs, false) => "HIGHS_LP",
        (SolverEngine.Highs, true) => "HIGHS",
        (SolverEngine.Scip, _) => "SCIP",
        _ => null,
    };

    /// <summary>Whether the engine returns real duals for an LP through this API.</summary>
    public static bool GivesDuals(SolverEngine engine) => engine is SolverEngine.Glop or SolverEngine.Clp or SolverEngine.Pdlp;

    public static SolverOutcome Solve(LinearProblem problem, SolverEngine engine, SolveOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new SolverOutcome { Status = SolveStatus.Cancelled, Message = "Cancelled before the solve started." };
        }

        // Disposed in reverse order: the solver is freed before the gate opens.
        using var gate = ScipGate.Enter(engine, options.Threads);
        using var prepared = Prepare(problem, engine, options, out var notRun);
        return prepared?.Run(cancellationToken) ?? notRun!;
    }

    /// <summary>
    /// Creates the engine's solver and loads the problem into it, ready to <see cref="PreparedSolve.Run"/>:
    /// the "hand to the solver" phase on its own (the benchmarks time it apart from the solve).
    /// </summary>
    /// <returns>
    /// The loaded solver, or null with <paramref name="notRun"/> set: <see cref="SolveStatus.InvalidModel"/>
    /// when a number of the problem is NaN or infinite where it must be finite (no solver is handed
    /// one: CLP and GLOP would return garbage or fail without saying which number), or
    /// <see cref="SolveStatus.SolverUnavailable"/> when OR-Tools has no such solver here.
    /// </returns>
    internal static PreparedSolve? Prepare(LinearProblem problem, SolverEngine engine, SolveOptions options, out SolverOutcome? notRun)
    {
        var mip = problem.IntegerCount > 0;
        var id = SolverId(engine, mip) ?? throw new InvalidOperationException($"Engine {engine} cannot solve this model.");
        if (problem.DescribeNonFinite() is { } bad)
        {
            notRun = new SolverOutcome
            {
                Status = SolveStatus.InvalidModel,
                ModelRejected = true,
                Message = $"The formulated model was not handed to {id}: {bad}, and a solver needs finite numbers.",
            };
            return null;
        }

        var solver = Create(id, options, out notRun);
        if (solver is null) return null;
        var variables = Load(solver, problem);
        Configure(solver, engine, mip, options);
        return new PreparedSolve(solver, variables, id, engine, mip, options);
    }

    /// <summary>
    /// Creates an OR-Tools solver with its output suppressed, or says why none can be had: a native
    /// library that fails to load, or a solver this build of OR-Tools lacks, is
    /// <see cref="SolveStatus.SolverUnavailable"/> naming the runtime and the library, never an exception.
    /// </summary>
    internal static Solver? Create(string id, SolveOptions options, out SolverOutcome? notRun)
    {
        notRun = null;
        Solver? solver;
        try
        {
            // The first OR-Tools call of the process: it loads the native library.
            options.OnOrToolsCreate?.Invoke(id);
            solver = Solver.CreateSolver(id);
        }
        catch (Exception e) when (OrToolsNative.IsLoadFailure(e))
        {
            notRun = new SolverOutcome { Status = SolveStatus.SolverUnavailable, Message = OrToolsNative.Describe($"the {id} solver", e) };
            return null;
        }

        if (solver is null)
        {
            notRun = new SolverOutcome { Status = SolveStatus.SolverUnavailable, Message = $"OR-Tools could not create the {id} solver on this platform." };
            return null;
        }

        solver.SuppressOutput();
        return solver;
    }

    /// <summary>A solver with a problem loaded: solves once, copies every value out, and disposes the native solver.</summary>
    internal sealed class PreparedSolve(Solver solver, Variable[] variables, string id, SolverEngine engine, bool mip, SolveOptions options) : IDisposable
    {
        public SolverOutcome Run(CancellationToken cancellationToken) => SolveLoaded(solver, variables, id, engine, mip, options, cancellationToken);

        public void Dispose() => solver.Dispose();
    }

    /// <summary>
    /// Solves what <paramref name="solver"/> holds now and copies every value out: the one solve of a
    /// <see cref="PreparedSolve"/>, and each re-solve of an <see cref="IncrementalLp"/> (which keeps the solver,
    /// and with it the simplex basis, between solves).
    /// </summary>
    internal static SolverOutcome SolveLoaded(Solver solver, Variable[] variables, string id, SolverEngine engine, bool mip, SolveOptions options, CancellationToken cancellationToken)
    {
        using var parameters = new MPSolverParameters();
        if (mip) parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.RelativeMipGap);

        var clock = Stopwatch.StartNew();
        Solver.ResultStatus status;
        using (cancellationToken.Register(() => solver.InterruptSolve()))
        {
            status = solver.Solve(parameters);
        }

        clock.Stop();
        options.OnOrToolsSolveReturned?.Invoke();
        var cancelled = cancellationToken.IsCancellationRequested;
        var timeLimitReached = options.TimeLimit is { } limit && clock.Elapsed >= limit * 0.98;
        var mapped = StatusTable.Map(status, cancelled, timeLimitReached);

        // OR-Tools' HiGHS and CLP interfaces ignore InterruptSolve (CLP, cancelled 1 s into a 125 s
        // solve, ran to its end: benchmarks/interrupt/run.sh): a cancellation that came while they
        // ran did not stop them, and the report says so rather than letting the result look interrupted.
        var note = engine is SolverEngine.Highs or SolverEngine.Clp && cancelled
            ? $"Cancellation was asked for while {(engine == SolverEngine.Clp ? "CLP" : "HiGHS")} ran; OR-Tools' {(engine == SolverEngine.Clp ? "CLP" : "HiGHS")} interface cannot be interrupted, so it ran to its end ({status}) and its answer is kept."
            : null;
        if (!StatusTable.HasSolution(status))
        {
            return new SolverOutcome
            {
                Status = mapped,
                WallTime = clock.Elapsed,
                Message = string.Create(CultureInfo.InvariantCulture, $"{id} ended with {status}."),
                Note = note,
            };
        }

        var values = new double[variables.Length];
        for (var j = 0; j < variables.Length; j++) values[j] = variables[j].SolutionValue();
        double[]? duals = null;
        if (!mip && GivesDuals(engine))
        {
            var constraints = solver.constraints();
            duals = new double[constraints.Count];
            for (var i = 0; i < duals.Length; i++) duals[i] = constraints[i].DualValue();
        }

        var objective = solver.Objective();
        return new SolverOutcome
        {
            Status = mapped,
            Values = values,
            Duals = duals,
            Objective = objective.Value(),
            BestBound = mip ? objective.BestBound() : null,
            Iterations = solver.Iterations(),
            Nodes = mip ? solver.Nodes() : null,
            WallTime = clock.Elapsed,
            Note = note,
        };
    }

    /// <summary>
    /// Keeps a SCIP solve with more than one thread from running beside any other SCIP solve of the
    /// process. OR-Tools runs such a solve in SCIP's concurrent mode, and two of them at once (the
    /// appraisal's parallel re-solves with <see cref="SolveOptions.Threads"/> = 2 on the corridor)
    /// crashed the process in native code, every time (ConcurrencyTests and DeterminismTests found it);
    /// so did one freed while another ran, so the gate is held from the solver's creation to its
    /// disposal. Single-threaded SCIP solves, the default, still run side by side; a multi-threaded
    /// one waits for them and they for it.
    /// </summary>
    internal static class ScipGate
    {
        private static readonly ReaderWriterLockSlim Gate = new(LockRecursionPolicy.NoRecursion);

        public static IDisposable? Enter(SolverEngine engine, int? threads)
        {
            if (engine != SolverEngine.Scip) return null;
            if (threads is > 1)
            {
                Gate.EnterWriteLock();
                return new Release(Gate.ExitWriteLock);
            }

            Gate.EnterReadLock();
            return new Release(Gate.ExitReadLock);
        }

        private sealed class Release(Action exit) : IDisposable
        {
            public void Dispose() => exit();
        }
    }

    /// <summary>Creates every variable and row of <paramref name="problem"/> in <paramref name="solver"/>, in order.</summary>
    internal static Variable[] Load(Solver solver, LinearProblem problem)
    {
        var variables = new Variable[problem.VariableCount];
        var objective = solver.Objective();
        for (var j = 0; j < variables.Length; j++)
        {
            variables[j] = solver.MakeVar(problem.VariableLower[j], problem.VariableUpper[j], problem.IsInteger[j], problem.VariableNames[j]);
            if (problem.Cost[j] != 0) objective.SetCoefficient(variables[j], problem.Cost[j]);
        }

        objective.SetOffset(problem.ObjectiveConstant);
        objective.SetMinimization();

        // A variable may appear twice in a row: LinearProblem (like the MPS and LP writers) means the
        // sum, while OR-Tools' SetCoefficient overwrites. Sum in managed code, set each variable once.
        var seenInRow = new int[problem.VariableCount];
        Array.Fill(seenInRow, -1);
        var sum = new double[problem.VariableCount];
        var r = 0;
        foreach (var row in problem.Rows)
        {
            var constraint = solver.MakeConstraint(row.Lower, row.Upper, row.Name);
            var vars = row.Variables;
            var coefficients = row.Coefficients;
            var repeated = false;
            for (var i = 0; i < vars.Length; i++)
            {
                var v = vars[i];
                if (seenInRow[v] == r)
                {
                    sum[v] += coefficients[i];
                    repeated = true;
                }
                else
                {
                    seenInRow[v] = r;
                    sum[v] = coefficients[i];
                }
            }

            for (var i = 0; i < vars.Length; i++)
            {
                var v = vars[i];
                if (repeated && seenInRow[v] != r) continue; // already set from the sum
                constraint.SetCoefficient(variables[v], sum[v]);
                seenInRow[v] = -1;
            }

            r++;
        }

        return variables;
    }

    internal static void Configure(Solver solver, SolverEngine engine, bool mip, SolveOptions options)
    {
        if (options.TimeLimit is { } limit) solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        if (options.Threads is { } threads) solver.SetNumThreads(threads);
        var specific = engine switch
        {
            SolverEngine.Pdlp => string.Create(CultureInfo.InvariantCulture,
                $"termination_criteria {{ simple_optimality_criteria {{ eps_optimal_relative: {SolveDefaults.PdlpTolerance:R} eps_optimal_absolute: {SolveDefaults.PdlpTolerance:R} }} }}"),

            // HiGHS ignores the generic MIP-gap parameter; its own option goes in as text. The
            // setter returns false although the string is applied when the solve starts.
            // output_flag=false keeps HiGHS's banner off the caller's standard output.
            SolverEngine.Highs => mip
                ? string.Create(CultureInfo.InvariantCulture, $"output_flag=false\nmip_rel_gap={options.RelativeMipGap:R}")
                : "output_flag=false",
            _ => null,
        };

        // OR-Tools applies these when the solve starts, after the time limit, so they may override it.
        if (options.OrToolsParameters is { } extra) specific = specific is null ? extra : specific + "\n" + extra;
        if (specific is not null) solver.SetSolverSpecificParametersAsString(specific);
    }
}
