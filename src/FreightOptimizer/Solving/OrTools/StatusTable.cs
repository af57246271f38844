using Google.OrTools.Graph;
using Google.OrTools.LinearSolver;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>The one table that maps OR-Tools' result statuses to ours.</summary>
internal static class StatusTable
{
    /// <summary>Maps a raw OR-Tools status, given whether the solve was cancelled or hit its time limit.</summary>
    public static SolveStatus Map(Solver.ResultStatus status, bool cancelled, bool timeLimitReached) => status switch
    {
        Solver.ResultStatus.OPTIMAL => SolveStatus.Optimal,
        Solver.ResultStatus.FEASIBLE when cancelled => SolveStatus.Cancelled,
        Solver.ResultStatus.FEASIBLE when timeLimitReached => SolveStatus.TimeLimit,
        Solver.ResultStatus.FEASIBLE => SolveStatus.Feasible,
        Solver.ResultStatus.INFEASIBLE => SolveStatus.Infeasible,
        Solver.ResultStatus.UNBOUNDED => SolveStatus.Unbounded,
        Solver.ResultStatus.MODEL_INVALID => SolveStatus.InvalidModel,
        Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.NOT_SOLVED when cancelled => SolveStatus.Cancelled,
        Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.NOT_SOLVED when timeLimitReached => SolveStatus.TimeLimit,

        // HiGHS (OR-Tools 9.15) ends a MIP stopped by its time limit with code 99, outside the enum,
        // and keeps its incumbent to itself: the time limit, without a plan.
        (Solver.ResultStatus)99 when timeLimitReached => SolveStatus.TimeLimit,
        _ => SolveStatus.InvalidModel,
    };

    /// <summary>Maps a raw status of OR-Tools' min-cost-flow solver (which cannot be interrupted).</summary>
    /// <remarks>
    /// UNBALANCED means supplies and demands cannot be matched, so no flow exists: infeasible. The
    /// networks given to it are balanced by construction, so this only happens with hard demands.
    /// </remarks>
    public static SolveStatus Map(MinCostFlowBase.Status status) => status switch
    {
        MinCostFlowBase.Status.OPTIMAL => SolveStatus.Optimal,
        MinCostFlowBase.Status.FEASIBLE => SolveStatus.Feasible,
        MinCostFlowBase.Status.INFEASIBLE => SolveStatus.Infeasible,
        MinCostFlowBase.Status.UNBALANCED => SolveStatus.Infeasible,
        MinCostFlowBase.Status.BAD_COST_RANGE => SolveStatus.InvalidModel,
        MinCostFlowBase.Status.BAD_RESULT => SolveStatus.InvalidModel,
        _ => SolveStatus.InvalidModel,
    };

    /// <summary>Whether the raw status comes with a solution.</summary>
    public static bool HasSolution(Solver.ResultStatus status) =>
        status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
}
