using FreightOptimizer.Solving.OrTools;
using Google.OrTools.Graph;

namespace FreightOptimizer.Tests.Solving;

/// <summary>One test per row of the min-cost-flow part of the OR-Tools status table.</summary>
public sealed class MinCostFlowStatusTableTests
{
    [Theory]
    [InlineData(MinCostFlowBase.Status.OPTIMAL, SolveStatus.Optimal)]
    [InlineData(MinCostFlowBase.Status.FEASIBLE, SolveStatus.Feasible)]
    [InlineData(MinCostFlowBase.Status.INFEASIBLE, SolveStatus.Infeasible)]
    [InlineData(MinCostFlowBase.Status.UNBALANCED, SolveStatus.Infeasible)]
    [InlineData(MinCostFlowBase.Status.BAD_COST_RANGE, SolveStatus.InvalidModel)]
    [InlineData(MinCostFlowBase.Status.BAD_RESULT, SolveStatus.InvalidModel)]
    [InlineData(MinCostFlowBase.Status.NOT_SOLVED, SolveStatus.InvalidModel)]
    public void Map_EachRow_GivesItsStatus(MinCostFlowBase.Status raw, SolveStatus expected)
    {
        Assert.Equal(expected, StatusTable.Map(raw));
    }
}
