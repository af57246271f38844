
namespace FreightOptimizer.Serialization;

/// <summary>
/// What a plan file holds: the scenario's name, how the solve ended, the engine that solved it and,
/// when there was a solution, the plan. Read one with <see cref="PlanJson.Read"/>, for example to
/// verify a plan written elsewhere with <c>PlanVerifier</c>.
/// </summary>
/// <param name="ScenarioName">The scenario's name as written in the file, or null.</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="Engine">The engine that solved the model.</param>
/// <param name="Plan">
/// The plan, or null when the file has none (no <c>flows</c>). Its <see cref="AllocationPlan.CapacityUse"/>
/// is empty and its verification report has no findings: the format carries neither.
/// </param>
public sealed record PlanDocument(string? ScenarioName, SolveStatus Status, SolverEngine Engine, AllocationPlan? Plan)
{
    /// <summary>Why the scenario was infeasible, when the file says (<c>explanation</c>); else null.</summary>
    public InfeasibilityExplanation? Explanation { get; init; }

    /// <summary>Whether the file holds a plan.</summary>
    public bool HasPlan => Plan is not null;
}
