using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt closures [SCENARIO]</c>: close every border crossing in turn for the whole horizon and re-solve (N-1).</summary>
internal static class ClosuresCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var mode = CommonOptions.ClosureModeOption("--mode", "operational (default; the base plan's investments kept) or replan (investments re-optimised)", valueOptional: false);
        var outDir = Shared.OutDirectory("write closures.csv into DIR");
        var command = new Command("closures", "Close every border crossing in turn for the whole horizon, re-solve, and print what each closure costs and where the cargo goes (docs/analysis.md).")
        {
            scenario, mode, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            if (!Inputs.TryReadScenario(parse.GetValue(scenario), context.Error, out var s)) return ExitCodes.InvalidInput;
            var options = new ClosureOptions { Mode = parse.GetValue(mode) ?? ClosureMode.Operational, Solve = solve.Read(parse) };
            ClosureStudy study;
            try
            {
                study = LongRun.Run<ClosureProgress, ClosureStudy>(context.Output, "closures", p => (p.Completed, p.Total),
                    progress => Closures.Run(s, options, progress));
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "the scenario");
                return ExitCodes.InvalidInput;
            }

            var money = Unit.Money(study.Base.Plan?.Objective ?? 0, s.Currency);
            Shared.StatusLine(context, s, study.Base, money);
            AnalysisViews.Closures(context.Output, study, money);
            if (parse.GetValue(outDir) is { } dir && !Shared.TryWrite(context, dir, () => new ReportFiles(s, study.Base) { Closures = study }.WriteAnalyses(dir)))
            {
                return ExitCodes.InvalidInput;
            }

            return ExitCodes.Of(study.Base);
        });
        return command;
    }
}
