using System.Diagnostics.CodeAnalysis;

namespace FreightOptimizer;

/// <summary>
/// What <c>FreightPlanner.Optimize</c> returns: a status, a solve report and, when a solution was
/// found, the plan. Check <see cref="Status"/> (or <see cref="IsOptimal"/>) before acting on the plan:
/// a plan with status <see cref="SolveStatus.VerificationFailed"/> is kept for diagnosis, but the
/// verifier rejected it.
/// </summary>
public sealed record OptimizationResult
{
    /// <summary>How the solve ended.</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>How the solve went.</summary>
    public required SolveReport Report { get; init; }

    /// <summary>The plan, or null when the solve ended without one.</summary>
    public AllocationPlan? Plan { get; init; }

    /// <summary>
    /// A sentence on why there is no plan or what to watch for, or null. For
    /// <see cref="SolveStatus.VerificationFailed"/>: that the plan was rejected, and the verifier's first finding.
    /// </summary>
    public string? Message { get; init; }

    /// <summary>
    /// For an <see cref="SolveStatus.Infeasible"/> solve: which hard demands are short, by how many
    /// tonnes, and which capacities are saturated (or which minimum flows cannot be carried); else null.
    /// </summary>
    public InfeasibilityExplanation? Explanation { get; init; }

    /// <summary>Whether a plan exists (also for <see cref="SolveStatus.VerificationFailed"/>, whose plan the verifier rejected).</summary>
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool HasPlan => Plan is not null;

    /// <summary>
    /// Whether the solve proved optimality and the plan exists; false for
    /// <see cref="SolveStatus.VerificationFailed"/> and every other status.
    /// </summary>
    public bool IsOptimal => Status == SolveStatus.Optimal && Plan is not null;

    /// <summary>Gets the plan when there is one (check <see cref="Status"/>: a <see cref="SolveStatus.VerificationFailed"/> plan is returned too).</summary>
    /// <param name="plan">The plan, or null.</param>
    /// <returns>Whether a plan exists.</returns>
    public bool TryGetPlan([NotNullWhen(true)] out AllocationPlan? plan)
    {
        plan = Plan;
        return plan is not null;
    }

    /// <summary>Gets the plan, or throws when the solve ended without one (a <see cref="SolveStatus.VerificationFailed"/> plan is returned: check <see cref="Status"/>).</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="InvalidOperationException">No plan exists; the message gives the status.</exception>
    public AllocationPlan GetPlanOrThrow() =>
        Plan ?? throw new InvalidOperationException(
            $"The solve ended with status {Status} and no plan.{(Message is null ? "" : " " + Message)}");
}
