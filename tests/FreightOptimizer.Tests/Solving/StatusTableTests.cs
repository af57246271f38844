using FreightOptimizer.Solving.OrTools;
using Google.OrTools.LinearSolver;

namespace FreightOptimizer.Tests.Solving;

/// <summary>One test per row of the OR-Tools status table.</summary>
public sealed class StatusTableTests
{
    [Theory]
    [InlineData(Solver.ResultStatus.OPTIMAL, false, false, SolveStatus.Optimal)]
    [InlineData(Solver.ResultStatus.OPTIMAL, true, true, SolveStatus.Optimal)]
    [InlineData(Solver.ResultStatus.FEASIBLE, true, false, SolveStatus.Cancelled)]
    [InlineData(Solver.ResultStatus.FEASIBLE, false, true, SolveStatus.TimeLimit)]
    [InlineData(Solver.ResultStatus.FEASIBLE, false, false, SolveStatus.Feasible)]
    [InlineData(Solver.ResultStatus.INFEASIBLE, false, false, SolveStatus.Infeasible)]
    [InlineData(Solver.ResultStatus.UNBOUNDED, false, false, SolveStatus.Unbounded)]
    [InlineData(Solver.ResultStatus.MODEL_INVALID, false, false, SolveStatus.InvalidModel)]
    [InlineData(Solver.ResultStatus.NOT_SOLVED, true, false, SolveStatus.Cancelled)]
    [InlineData(Solver.ResultStatus.ABNORMAL, true, false, SolveStatus.Cancelled)]
    [InlineData(Solver.ResultStatus.NOT_SOLVED, false, true, SolveStatus.TimeLimit)]
    [InlineData(Solver.ResultStatus.ABNORMAL, false, true, SolveStatus.TimeLimit)]
    [InlineData(Solver.ResultStatus.NOT_SOLVED, false, false, SolveStatus.InvalidModel)]
    [InlineData(Solver.ResultStatus.ABNORMAL, false, false, SolveStatus.InvalidModel)]
    public void Map_EachRow_GivesItsStatus(Solver.ResultStatus raw, bool cancelled, bool timeLimit, SolveStatus expected)
    {
        Assert.Equal(expected, StatusTable.Map(raw, cancelled, timeLimit));
    }

    [Fact]
    public void Map_UnknownCode_IsInvalidModel()
    {
        // HiGHS reports bad solver parameters with a code outside the enum (85 was seen).
        Assert.Equal(SolveStatus.InvalidModel, StatusTable.Map((Solver.ResultStatus)85, false, false));
    }

    [Fact]
    public void Map_HighsTimeLimitCode_IsTimeLimitOnlyWhenTheLimitWasReached()
    {
        // HiGHS ends a MIP stopped by its time limit with code 99 (measured on c25_100_10_F_L_5).
        Assert.Equal(SolveStatus.TimeLimit, StatusTable.Map((Solver.ResultStatus)99, false, true));
        Assert.Equal(SolveStatus.InvalidModel, StatusTable.Map((Solver.ResultStatus)99, false, false));
    }

    [Theory]
    [InlineData(Solver.ResultStatus.OPTIMAL, true)]
    [InlineData(Solver.ResultStatus.FEASIBLE, true)]
    [InlineData(Solver.ResultStatus.INFEASIBLE, false)]
    [InlineData(Solver.ResultStatus.NOT_SOLVED, false)]
    [InlineData(Solver.ResultStatus.ABNORMAL, false)]
    public void HasSolution_OnlyOptimalAndFeasible(Solver.ResultStatus raw, bool expected)
    {
        Assert.Equal(expected, StatusTable.HasSolution(raw));
    }
}
