using System.CommandLine;
using FreightOptimizer.Reporting;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt validate SCENARIO</c>: every error and warning of a scenario file, with its code and JSON path.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = Shared.RequiredScenario();
        var command = new Command("validate", "Check a scenario file: print every error and warning with its code, JSON path and message; exit 0 when valid (warnings allowed), 2 when not.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            ScenarioReadResult read;
            try
            {
                read = ScenarioJson.TryReadFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.Line($"error: cannot read the scenario file: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var errors = read.Errors.Count();
            var warnings = read.Warnings.Count();
            var console = read.Succeeded ? context.Output : context.Error;
            if (read.Scenario is { } scenario)
            {
                var n = scenario.Network;
                context.Output.Line($"{path}: valid ({n.Locations.Length} locations, {n.Routes.Length} routes, {n.Commodities.Length} commodities, "
                    + $"{scenario.Horizon.Periods.Length} periods, {scenario.Investments.Length} investment options), {warnings} warning(s)");
            }
            else
            {
                context.Error.Line($"{path}: invalid, {errors} error(s) and {warnings} warning(s)");
            }

            if (!read.Issues.IsEmpty) AnalysisViews.Issues(console, read.Issues);
            return read.Succeeded ? ExitCodes.PlanFound : ExitCodes.InvalidInput;
        });
        return command;
    }
}
