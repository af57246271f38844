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
    /// <summary>
    /// Creates a result, refusing combinations that contradict themselves: a plan is required for
    /// <see cref="SolveStatus.Optimal"/>, <see cref="SolveStatus.Feasible"/> and
    /// <see cref="SolveStatus.VerificationFailed"/> (whose plan must carry the verifier's report), and
    /// not allowed for <see cref="SolveStatus.Infeasible"/>, <see cref="SolveStatus.Unbounded"/>,
    /// <see cref="SolveStatus.InvalidModel"/> and <see cref="SolveStatus.SolverUnavailable"/>;
    /// <see cref="SolveStatus.TimeLimit"/> and <see cref="SolveStatus.Cancelled"/> may have one or not.
    /// An explanation belongs to an infeasible result only.
    /// </summary>
    /// <param name="status">How the solve ended.</param>
    /// <param name="report">How the solve went.</param>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="message">A sentence on why there is no plan or what to watch for, or null.</param>
    /// <param name="explanation">Why an infeasible scenario is infeasible, or null.</param>
    /// <exception cref="ArgumentException">The status, the plan and the explanation contradict each other.</exception>
    public OptimizationResult(SolveStatus status, SolveReport report, AllocationPlan? plan = null, string? message = null, InfeasibilityExplanation? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Enum.IsDefined(status)) throw new ArgumentException($"{status} is not a solve status.", nameof(status));
        var needsPlan = status is SolveStatus.Optimal or SolveStatus.Feasible or SolveStatus.VerificationFailed;
        var forbidsPlan = status is SolveStatus.Infeasible or SolveStatus.Unbounded or SolveStatus.InvalidModel or SolveStatus.SolverUnavailable;
        if (needsPlan && plan is null) throw new ArgumentException($"A {status} result must have a plan.", nameof(plan));
        if (forbidsPlan && plan is not null) throw new ArgumentException($"A {status} result has no plan.", nameof(plan));
        if (status == SolveStatus.VerificationFailed && plan?.Verification is null)
        {
            throw new ArgumentException("A VerificationFailed result keeps the verifier's report in its plan.", nameof(plan));
        }

        if (explanation is not null && status != SolveStatus.Infeasible)
        {
            throw new ArgumentException($"Only an Infeasible result has an explanation, not a {status} one.", nameof(explanation));
        }

        Status = status;
        Report = report;
        Plan = plan;
        Message = message;
        Explanation = explanation;
    }

    /// <summary>How the solve ended.</summary>
    public SolveStatus Status { get; }

    /// <summary>How the solve went.</summary>
    public SolveReport Report { get; }

    /// <summary>The plan, or null when the solve ended without one.</summary>
    public AllocationPlan? Plan { get; }

    /// <summary>
    /// A sentence on why there is no plan or what to watch for, or null. For
    /// <see cref="SolveStatus.VerificationFailed"/>: that the plan was rejected, and the verifier's first finding.
    /// </summary>
    public string? Message { get; }

    /// <summary>
    /// For an <see cref="SolveStatus.Infeasible"/> solve: which hard demands are short, by how many
    /// tonnes, and which capacities are saturated (or which minimum flows cannot be carried); else null.
    /// </summary>
    public InfeasibilityExplanation? Explanation { get; }

    /// <summary>The same result with another report.</summary>
    internal OptimizationResult WithReport(SolveReport report) => new(Status, report, Plan, Message, Explanation);

    /// <summary>The same result with another plan (the status must still allow it).</summary>
    internal OptimizationResult WithPlan(AllocationPlan? plan) => new(Status, Report, plan, Message, Explanation);

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
