namespace FreightOptimizer.Reporting;

/// <summary>
/// The exit codes of the freightopt tool and the CorridorPlanner sample (docs/cli.md): 0 a plan, 1 no
/// plan, 2 invalid input, 3 a plan the independent verifier rejected.
/// </summary>
public static class ExitCodes
{
    /// <summary>A plan exists (any status that carries one, except <see cref="SolveStatus.VerificationFailed"/>), or a command without a solve succeeded.</summary>
    public const int PlanFound = 0;

    /// <summary>The solve ended without a plan (infeasible, unbounded, a limit hit before any plan, …).</summary>
    public const int NoPlan = 1;

    /// <summary>Invalid input: a bad argument, a scenario or plan file that cannot be read or is invalid, a file that cannot be written.</summary>
    public const int InvalidInput = 2;

    /// <summary>The engine returned a plan, but the independent verifier rejected it (status VerificationFailed).</summary>
    public const int VerificationFailed = 3;

    /// <summary>The exit code of a solve's result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>0, 1 or 3.</returns>
    public static int Of(OptimizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status == SolveStatus.VerificationFailed ? VerificationFailed
            : result.HasPlan ? PlanFound
            : NoPlan;
    }
}
