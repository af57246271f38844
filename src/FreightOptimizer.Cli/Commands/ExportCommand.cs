using System.CommandLine;
using FreightOptimizer.Export;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary>
/// <c>freightopt export FORMAT SCENARIO --out PATH</c>: the model for other solvers (mps, lp, dimacs) or a
/// solved plan for other tools (geojson, csv, report).
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["mps", "lp", "dimacs", "geojson", "csv", "report"];

    public static Command Create(CliContext context)
    {
        var format = new Argument<string>("FORMAT")
        {
            Description = "mps, lp (the formulated model), dimacs (a one-commodity min-cost flow), geojson (the plan's flows on a map), "
                + "csv (flows.csv, unmet.csv and prices.csv in the folder PATH), report (report.html, or Markdown when PATH ends in .md)",
        };
        format.AcceptOnlyFromAmong(Formats);
        var scenario = Shared.RequiredScenario();
        var outPath = new Option<string>("--out") { Description = "the file to write (the folder, for csv)", HelpName = "PATH", Required = true };
        var solve = new Shared.SolveSymbols();
        var command = new Command("export", "Write a scenario's model (mps, lp, dimacs) or its solved plan (geojson, csv, report) for other tools (docs/reports.md).")
        {
            format, scenario, outPath,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(format)!;
            var path = parse.GetValue(outPath)!;
            if (!Inputs.TryReadScenario(parse.GetValue(scenario), context.Error, out var s)) return ExitCodes.InvalidInput;
            try
            {
                switch (kind)
                {
                    case "mps":
                        ModelExport.WriteMpsFile(s, path);
                        break;
                    case "lp":
                        ModelExport.WriteLpFile(s, path);
                        break;
                    case "dimacs":
                        DimacsMinCostFlow.WriteFile(s, path);
                        break;
                    default:
                        return ExportPlan(context, kind, s, path, solve.Read(parse));
                }
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "the scenario");
                return ExitCodes.InvalidInput;
            }
            catch (ArgumentException ex)
            {
                // DIMACS holds one commodity without investments or shared capacities: say why not.
                context.Error.Line($"error: cannot export {kind}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.Line($"error: cannot write {path}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            context.Output.Line($"{kind} written to {path}");
            return ExitCodes.PlanFound;
        });
        return command;
    }

    /// <summary>Solves, then writes the plan's files whatever the status (an empty map, header-only CSV without a plan); the exit code is the solve's.</summary>
    private static int ExportPlan(CliContext context, string kind, Scenario scenario, string path, SolveOptions options)
    {
        var result = FreightPlanner.Optimize(scenario, options);
        var plan = result.Plan;
        string[] written;
        switch (kind)
        {
            case "geojson":
                GeoJsonExport.WriteFile(scenario, plan, path);
                written = [path];
                break;
            case "csv":
                Directory.CreateDirectory(path);
                CsvExport.WriteFlowsFile(scenario, plan, Path.Combine(path, "flows.csv"));
                CsvExport.WriteUnmetFile(plan, Path.Combine(path, "unmet.csv"));
                CsvExport.WritePricesFile(plan, Path.Combine(path, "prices.csv"));
                written = [Path.Combine(path, "flows.csv"), Path.Combine(path, "unmet.csv"), Path.Combine(path, "prices.csv")];
                break;
            default:
                var content = new ReportFiles(scenario, result).Content();
                if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) MarkdownReport.WriteFile(content, path);
                else PlanReport.WriteFile(content, path);
                written = [path];
                break;
        }

        context.Output.Line($"Status: {result.Status} (engine {result.Report.Engine})");
        context.Output.Line($"{kind} written to {string.Join(", ", written)}");
        return ExitCodes.Of(result);
    }
}
