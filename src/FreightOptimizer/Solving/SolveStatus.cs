namespace FreightOptimizer;

/// <summary>How a solve ended. A solve that found nothing is a status, not an exception.</summary>
public enum SolveStatus
{
    /// <summary>Solved to optimality (for a MIP, within the relative gap asked for).</summary>
    Optimal,

    /// <summary>Stopped early with a solution that is feasible but not proven optimal.</summary>
    Feasible,

    /// <summary>The time limit was reached; the best solution found, if any, is kept.</summary>
    TimeLimit,

    /// <summary>Cancelled through the cancellation token; the best solution found, if any, is kept.</summary>
    Cancelled,

    /// <summary>No plan satisfies the constraints (only possible with hard demands, minimum flows or fixed decisions).</summary>
    Infeasible,

    /// <summary>The objective can fall without limit (cannot happen with non-negative costs).</summary>
    Unbounded,

    /// <summary>The solver rejected the model or failed numerically.</summary>
    InvalidModel,

    /// <summary>The requested engine is not available in this build or on this platform, or cannot solve this scenario exactly (the message says why).</summary>
    SolverUnavailable,

    /// <summary>
    /// The engine returned a plan, but the independent verifier rejected it: a constraint or the
    /// objective check failed, or the engine called the plan optimal and its prices do not certify
    /// that. The plan is kept, with the verifier's findings in <c>AllocationPlan.Verification</c>, for
    /// diagnosis only: it is not a plan to act on, and <c>OptimizationResult.IsOptimal</c> is false.
    /// <see cref="SolverEngine.Auto"/> returns it only when every exact engine it tried was rejected;
    /// an explicitly requested engine returns it for its own rejected plan.
    /// </summary>
    VerificationFailed,
}
