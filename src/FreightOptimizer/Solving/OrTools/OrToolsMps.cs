using FreightOptimizer.Formulation;
using Google.OrTools.LinearSolver;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// Writes a <see cref="LinearProblem"/> as free-format MPS with OR-Tools' own exporter, so that
/// another solver can be timed on exactly the model the library solves (benchmarks/README.md).
/// </summary>
internal static class OrToolsMps
{
    /// <summary>The problem as MPS text (free format, names kept; integer variables in MARKER sections).</summary>
    public static string Export(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);

        // SCIP accepts integer variables, so the integrality of the model survives the export.
        using var solver = Solver.CreateSolver("SCIP")
            ?? throw new InvalidOperationException("OR-Tools could not create the SCIP solver to export the model.");
        OrToolsSolver.Load(solver, problem);
        return solver.ExportModelAsMpsFormat(false, false);
    }
}
