using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt calibrate [SCENARIO] [--out FILE]</c>: base-year calibration to the scenario's observations.</summary>
internal static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var outFile = new Option<string?>("--out") { Description = "write the calibrated scenario (its constants as cost adjustments marked source \"calibration\") to FILE", HelpName = "FILE" };
        var command = new Command("calibrate", "Calibrate the base year to the scenario's observations (docs/analysis.md): impose them with penalised slack, read their duals as per-tonne constants, and re-solve without them to show modelled against observed before and after.")
        {
            scenario, outFile,
        };
        command.SetAction(parse =>
        {
            if (!Inputs.TryReadScenario(parse.GetValue(scenario), context.Error, out var s)) return ExitCodes.InvalidInput;
            CalibrationResult result;
            try
            {
                result = Calibration.Calibrate(s);
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "the scenario");
                return ExitCodes.InvalidInput;
            }

            context.Output.Line($"Scenario: {s.Name ?? "(unnamed)"}");
            AnalysisViews.Calibration(context.Output, result, s.Currency);
            if (result.Calibrated is not { } calibrated) return ExitCodes.NoPlan;
            if (parse.GetValue(outFile) is { } file)
            {
                try
                {
                    ScenarioJson.WriteFile(calibrated, file);
                    context.Output.Line($"calibrated scenario written to {file}");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    context.Error.Line($"error: cannot write {file}: {ex.Message}");
                    return ExitCodes.InvalidInput;
                }
            }

            return ExitCodes.PlanFound;
        });
        return command;
    }
}
