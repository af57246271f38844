using System.Diagnostics.CodeAnalysis;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>Reading the files a command is given, each failure said on the error console as the tools say it (exit code 2).</summary>
public static class Inputs
{
    /// <summary>Reads a scenario file, or takes the built-in Russia–China corridor when there is none.</summary>
    /// <param name="path">The scenario file of format v1, or null for the built-in corridor.</param>
    /// <param name="error">Where to say what is wrong.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Whether it was read; when not, every issue with its code and JSON path was written to <paramref name="error"/>.</returns>
    public static bool TryReadScenario(string? path, IAnsiConsole error, [NotNullWhen(true)] out Scenario? scenario)
    {
        ArgumentNullException.ThrowIfNull(error);
        scenario = null;
        try
        {
            scenario = path is null ? RussiaChinaCorridor.Build() : ScenarioJson.ReadFile(path);
            return true;
        }
        catch (FreightValidationException ex)
        {
            Invalid(error, ex, path is null ? "the scenario" : $"the scenario {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot read the scenario file: {ex.Message}");
        }

        return false;
    }

    /// <summary>Reads a plan file (plan.json, docs/plan-format.md).</summary>
    /// <param name="path">The file.</param>
    /// <param name="error">Where to say what is wrong.</param>
    /// <param name="document">The plan document.</param>
    /// <returns>Whether it was read.</returns>
    public static bool TryReadPlan(string path, IAnsiConsole error, [NotNullWhen(true)] out PlanDocument? document)
    {
        ArgumentNullException.ThrowIfNull(error);
        document = null;
        try
        {
            document = PlanJson.ReadFile(path);
            return true;
        }
        catch (FreightValidationException ex)
        {
            Invalid(error, ex, $"the plan {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot read the plan file: {ex.Message}");
        }

        return false;
    }

    /// <summary>Says that an input is invalid, every issue on its own line ("ERROR Code at $.path: message").</summary>
    /// <param name="error">Where to write.</param>
    /// <param name="exception">The validation failure.</param>
    /// <param name="subject">What was invalid ("the scenario").</param>
    public static void Invalid(IAnsiConsole error, FreightValidationException exception, string subject)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        error.Line($"error: {subject} is invalid ({exception.Errors.Count()} error(s)):");
        foreach (var issue in exception.Issues) error.Line($"  {issue}");
    }

    /// <summary>Finds a route or a location by id.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="id">The id.</param>
    /// <returns>The element, or null when the scenario has neither.</returns>
    public static NetworkElement? Element(Scenario scenario, string id)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Network.TryGetLocation(id, out _) ? NetworkElement.Of(new LocationId(id))
            : scenario.Network.TryGetRoute(id, out _) ? NetworkElement.Of(new RouteId(id))
            : null;
    }
}
