using FreightOptimizer.Formulation;
using Google.OrTools.LinearSolver;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// One OR-Tools solver that keeps a linear program loaded between solves: each solve changes some
/// variable and row bounds, solves, copies the answer out and puts the bounds back. MPSolver keeps
/// the simplex basis of GLOP and CLP across bound changes, so each re-solve starts from the last
/// optimal basis instead of from scratch. Not thread-safe: one per worker.
/// </summary>
internal sealed class IncrementalLp : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _variables;
    private readonly Constraint[] _rows;
    private readonly LinearProblem _problem;
    private readonly string _id;
    private readonly SolverEngine _engine;
    private readonly SolveOptions _options;

    private IncrementalLp(Solver solver, Variable[] variables, LinearProblem problem, string id, SolverEngine engine, SolveOptions options)
    {
        _solver = solver;
        _variables = variables;
        _problem = problem;
        _id = id;
        _engine = engine;
        _options = options;
        var constraints = solver.constraints();
        _rows = new Constraint[constraints.Count];
        for (var i = 0; i < _rows.Length; i++) _rows[i] = constraints[i];
    }

    /// <summary>
    /// Loads <paramref name="problem"/> (an LP: no integer variables) into a new <paramref name="engine"/> solver
    /// (<see cref="SolverEngine.Clp"/> or <see cref="SolverEngine.Glop"/>).
    /// </summary>
    /// <returns>The loaded solver, or null with <paramref name="notRun"/> saying why it could not be made.</returns>
    /// <param name="problem">The LP.</param>
    /// <param name="engine">The simplex.</param>
    /// <param name="options">Time limit, threads.</param>
    /// <param name="reused">Whether the solver will be re-solved after bound changes (so it should keep a reusable basis) or solved once.</param>
    /// <param name="notRun">Why no solver was made, when none was.</param>
    public static IncrementalLp? Create(LinearProblem problem, SolverEngine engine, SolveOptions options, bool reused, out SolverOutcome? notRun)
    {
        if (problem.IntegerCount > 0) throw new InvalidOperationException("An incremental LP has no integer variables.");
        if (engine is not (SolverEngine.Clp or SolverEngine.Glop)) throw new InvalidOperationException($"Engine {engine} is not a warm-startable simplex.");
        var id = OrToolsSolver.SolverId(engine, mip: false)!;
        if (problem.DescribeNonFinite() is { } bad)
        {
            notRun = new SolverOutcome { Status = SolveStatus.InvalidModel, ModelRejected = true, Message = $"The formulated model was not handed to {id}: {bad}, and a solver needs finite numbers." };
            return null;
        }

        var solver = OrToolsSolver.Create(id, options, out notRun);
        if (solver is null) return null;
        var variables = OrToolsSolver.Load(solver, problem);
        OrToolsSolver.Configure(solver, engine, mip: false, options);

        // GLOP presolves by default, and a presolved problem is a new problem each time, so its basis is
        // not reused: on the corridor's 14 operational closures it took 4,550 iterations re-solving in
        // one solver against 4,650 loaded afresh. Without presolve its revised simplex starts from the
        // previous basis: 1,328. A solver loaded for one solve keeps presolve, which helps it then.
        if (engine == SolverEngine.Glop && reused) solver.SetSolverSpecificParametersAsString("use_preprocessing: false");
        return new IncrementalLp(solver, variables, problem, id, engine, options);
    }

    /// <summary>
    /// Solves with the given bounds changed, then restores the loaded problem's bounds (the basis stays).
    /// </summary>
    /// <param name="variableBounds">Variables and their bounds for this solve, in model units.</param>
    /// <param name="rowBounds">Rows and their bounds for this solve.</param>
    /// <param name="cancellationToken">Interrupts the solve.</param>
    public SolverOutcome Solve(
        IReadOnlyList<(int Variable, double Lower, double Upper)> variableBounds,
        IReadOnlyList<(int Row, double Lower, double Upper)> rowBounds,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new SolverOutcome { Status = SolveStatus.Cancelled, Message = "Cancelled before the solve started." };
        }

        foreach (var (v, lower, upper) in variableBounds) _variables[v].SetBounds(lower, upper);
        foreach (var (r, lower, upper) in rowBounds) _rows[r].SetBounds(lower, upper);
        try
        {
            return OrToolsSolver.SolveLoaded(_solver, _variables, _id, _engine, mip: false, _options, cancellationToken);
        }
        finally
        {
            foreach (var (v, _, _) in variableBounds) _variables[v].SetBounds(_problem.VariableLower[v], _problem.VariableUpper[v]);
            foreach (var (r, _, _) in rowBounds) _rows[r].SetBounds(_problem.Rows[r].Lower, _problem.Rows[r].Upper);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _solver.Dispose();
}
