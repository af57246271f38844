using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt sensitivity [SCENARIO]</c>: the ranges of the binding capacities and used tariffs, and what moves the optimum.</summary>
internal static class SensitivityCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var noSweeps = new Option<bool>("--no-sweeps") { Description = "range only; skip the ±20 % sweeps of the six busiest tariffs and four largest demands" };
        var outDir = Shared.OutDirectory("write sensitivity.csv into DIR");
        var command = new Command("sensitivity", "Solve, then range every bottleneck's capacity and every used tariff, and sweep the inputs that move the optimum most (docs/analysis.md).")
        {
            scenario, noSweeps, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            var options = solve.Read(parse);
            if (Shared.Solve(context, parse.GetValue(scenario), options, out var exit) is not var (s, result)) return exit;
            var view = new PlanView(s, result, context.Output);
            Shared.StatusLine(context, s, result, view.Money);
            if (result.Status != SolveStatus.Optimal || result.Plan is not { } plan)
            {
                context.Output.Line("Sensitivity needs an optimal plan; there is none.");
                return exit == ExitCodes.PlanFound ? ExitCodes.NoPlan : exit;
            }

            var files = new ReportFiles(s, result) { Sensitivity = Sensitivity.Analyse(s, plan) };
            AnalysisViews.Sensitivity(context.Output, files.Sensitivity, s.Currency);
            if (!parse.GetValue(noSweeps))
            {
                files.Sweeps = LongRun.Run<AnalysisProgress, IReadOnlyList<SweepResult>>(context.Output, "sweeps", p => (p.Completed, p.Total),
                    progress => Sensitivity.Sweep(s, AnalysisViews.TornadoTargets(s, plan), new SweepOptions { Solve = options }, progress));
                AnalysisViews.Sweeps(context.Output, files.Sweeps, view.Money);
            }

            if (parse.GetValue(outDir) is { } dir && !Shared.TryWrite(context, dir, () => files.WriteAnalyses(dir))) return ExitCodes.InvalidInput;
            return exit;
        });
        return command;
    }
}
