using System.CommandLine;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt solve [SCENARIO]</c>: one solve, the plan on the console, and with <c>--out</c> plan.json and the reports.</summary>
internal static class SolveCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var appraise = CommonOptions.Appraise();
        var outDir = Shared.OutDirectory("write plan.json, report.html, report.md and the other reports (docs/reports.md) into DIR, whatever the status");
        var command = new Command("solve", "Solve a scenario (the built-in corridor by default) and print the plan: status, costs, crossings, investments, bottlenecks, prices, verification.")
        {
            scenario, appraise, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            if (Shared.Solve(context, parse.GetValue(scenario), solve.Read(parse, appraise), out var exit) is not var (s, result)) return exit;
            new PlanView(s, result, context.Output).Write();
            if (parse.GetValue(outDir) is { } dir)
            {
                var written = new ReportFiles(s, result).WriteAll(dir, context.Output, context.Error);
                if (written != ExitCodes.PlanFound) return written;
            }

            return exit;
        });
        return command;
    }
}
