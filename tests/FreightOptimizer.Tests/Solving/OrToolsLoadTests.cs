using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Tests.Solving;

/// <summary>How a LinearProblem reaches OR-Tools.</summary>
public sealed class OrToolsLoadTests
{
    /// <summary>
    /// A variable twice in a row means the sum of its coefficients, as the MPS and LP writers write it;
    /// OR-Tools' SetCoefficient alone would keep the last one. min x + y, 3x + 2x − y ≥ 10, 0 ≤ y ≤ 1:
    /// 5x ≥ 10 + y, so x = 2, y = 0 and the optimum is 2 (with the last coefficient alone, 2x ≥ 10 gives 5).
    /// </summary>
    [Theory]
    [InlineData(SolverEngine.Glop)]
    [InlineData(SolverEngine.Clp)]
    [InlineData(SolverEngine.Highs)]
    [InlineData(SolverEngine.Scip)]
    public void Load_VariableTwiceInARow_SumsItsCoefficients(SolverEngine engine)
    {
        var problem = new LinearProblem();
        var x = problem.AddVariable(0, double.PositiveInfinity, 1, false, "x");
        var y = problem.AddVariable(0, 1, 1, false, "y");
        var row = problem.AddRow(10, double.PositiveInfinity, "r");
        problem.AddTerm(row, x, 3);
        problem.AddTerm(row, y, -1);
        problem.AddTerm(row, x, 2);

        var outcome = OrToolsSolver.Solve(problem, engine, new SolveOptions(), CancellationToken.None);

        Assert.Equal(SolveStatus.Optimal, outcome.Status);
        Assert.Equal(2, outcome.Objective, 9);
        Assert.Equal(2, outcome.Values![x], 9);
    }
}
