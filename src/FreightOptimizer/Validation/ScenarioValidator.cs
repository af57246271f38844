using System.Collections.Immutable;
using FreightOptimizer.Scenarios;

namespace FreightOptimizer.Validation;

/// <summary>Placeholder until the full validator lands.</summary>
public static class ScenarioValidator
{
    /// <summary>Validates a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The issues.</returns>
    public static ImmutableArray<ValidationIssue> Validate(Scenario scenario) => [];

    /// <summary>Throws when the scenario has errors.</summary>
    /// <param name="scenario">The scenario.</param>
    public static void ThrowIfInvalid(Scenario scenario)
    {
        var issues = Validate(scenario);
        if (issues.Any(i => i.Severity == ValidationSeverity.Error)) throw new FreightValidationException(issues);
    }
}
