using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace FreightOptimizer.Serialization;

/// <summary>
/// What reading a scenario file found: the scenario when it has no errors, and every issue
/// (errors first, then warnings), each with its JSON path.
/// </summary>
public sealed class ScenarioReadResult
{
    private ScenarioReadResult(Scenario? scenario, ImmutableArray<ValidationIssue> issues)
    {
        Scenario = scenario;
        Issues = issues;
    }

    /// <summary>The scenario, or null when the file has errors.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every issue found: errors first, then warnings.</summary>
    public ImmutableArray<ValidationIssue> Issues { get; }

    /// <summary>The errors; the scenario is null when there is any.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);

    /// <summary>The warnings: the scenario is usable, but something in it is probably not what was meant.</summary>
    public IEnumerable<ValidationIssue> Warnings => Issues.Where(i => i.Severity == ValidationSeverity.Warning);

    /// <summary>Whether the file was read without errors (warnings allowed).</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Succeeded => Scenario is not null;

    /// <summary>The scenario, or an exception carrying every issue when the file has errors.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The file has errors.</exception>
    public Scenario GetScenarioOrThrow() => Scenario ?? throw new FreightValidationException(Issues);

    internal static ScenarioReadResult Success(Scenario scenario, IEnumerable<ValidationIssue> issues) =>
        new(scenario, [.. issues]);

    internal static ScenarioReadResult Failure(IEnumerable<ValidationIssue> issues) => new(null, [.. issues]);
}
