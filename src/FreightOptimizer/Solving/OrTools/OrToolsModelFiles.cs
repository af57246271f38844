using System.Diagnostics;
using System.Globalization;
using MbModel = Google.OrTools.ModelBuilder.Model;
using MbSolveStatus = Google.OrTools.ModelBuilder.SolveStatus;
using MbSolver = Google.OrTools.ModelBuilder.Solver;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// Model files through OR-Tools: reads an MPS file (written by <c>Export/MpsWriter</c> or anyone
/// else) into OR-Tools and solves it with nothing of ours in between, to check an export and to time
/// a solver on the very file other solvers read.
/// </summary>
internal static class OrToolsModelFiles
{
    /// <summary>
    /// Reads a free-format MPS file into OR-Tools and solves it with the engine: the "direct" path,
    /// timing the solver alone.
    /// </summary>
    /// <remarks>
    /// The file is read as text and parsed from memory: in OR-Tools 9.15 for .NET,
    /// <c>Model.ImportFromMpsFile</c> returns false even for valid files, while
    /// <c>ImportFromMpsString</c> reads them. OR-Tools has no reader for the CPLEX LP format (its LP
    /// parser reads another syntax), so LP files are checked with outside solvers.
    /// </remarks>
    /// <param name="path">The model file.</param>
    /// <param name="engine">An LP engine, or Highs/Scip for MIPs.</param>
    /// <param name="solverParameters">Solver-specific parameters as text (for experiments), or null.</param>
    public static ModelFileOutcome SolveFile(string path, SolverEngine engine, string? solverParameters = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var readClock = Stopwatch.StartNew();
        var model = new MbModel();
        var read = model.ImportFromMpsString(File.ReadAllText(path));
        readClock.Stop();
        if (!read) throw new InvalidDataException($"OR-Tools could not read the model file {path}.");
        var name = engine switch
        {
            SolverEngine.Glop => "glop",
            SolverEngine.Clp => "clp",
            SolverEngine.Pdlp => "pdlp",
            SolverEngine.Highs => "highs",
            SolverEngine.Scip => "scip",
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Name a concrete engine."),
        };
        var solver = new MbSolver(name);
        if (!solver.SolverIsSupported()) return new ModelFileOutcome(SolveStatus.SolverUnavailable, double.NaN, TimeSpan.Zero, readClock.Elapsed, 0);
        if (engine == SolverEngine.Pdlp)
        {
            var tolerance = SolveDefaults.PdlpTolerance.ToString("R", CultureInfo.InvariantCulture);
            solver.SetSolverSpecificParameters($"termination_criteria {{ simple_optimality_criteria {{ eps_optimal_relative: {tolerance} eps_optimal_absolute: {tolerance} }} }}");
        }

        if (solverParameters is not null) solver.SetSolverSpecificParameters(solverParameters);
        // The solver's own WallTime reads 0 for GLOP through this API, so the clock is ours: it covers
        // the solver taking the model from OR-Tools' proto and solving it.
        var clock = Stopwatch.StartNew();
        var status = solver.Solve(model);
        clock.Stop();
        var mapped = status switch
        {
            MbSolveStatus.OPTIMAL => SolveStatus.Optimal,
            MbSolveStatus.FEASIBLE => SolveStatus.Feasible,
            MbSolveStatus.INFEASIBLE => SolveStatus.Infeasible,
            MbSolveStatus.UNBOUNDED => SolveStatus.Unbounded,
            _ => SolveStatus.InvalidModel,
        };
        var objective = solver.HasSolution() ? solver.ObjectiveValue : double.NaN;
        return new ModelFileOutcome(mapped, objective, clock.Elapsed, readClock.Elapsed, model.VariablesCount());
    }
}

/// <summary>What solving a model file gave: status, objective, and the solver's and the reader's times.</summary>
internal readonly record struct ModelFileOutcome(SolveStatus Status, double Objective, TimeSpan SolveTime, TimeSpan ReadTime, int Variables);
