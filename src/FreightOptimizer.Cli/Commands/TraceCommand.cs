using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt trace ID [SCENARIO]</c>: the plan's origin–market flows through one route or location.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "the id of a route or a location of the scenario" };
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var top = new Option<int>("--top") { Description = "how many flows to print, largest first", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--top must be at least 1."); });
        var outDir = Shared.OutDirectory("write trace-ID.csv (origin, market, commodity, period, tonnes, path) into DIR");
        var command = new Command("trace", "Solve, then trace the plan's flows through one route or location: which origins feed which markets through it, by which routes (docs/analysis.md).")
        {
            id, scenario, top, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario);
            if (!Inputs.TryReadScenario(path, context.Error, out var s)) return ExitCodes.InvalidInput;
            var traceId = parse.GetValue(id)!;
            if (Inputs.Element(s, traceId) is not { } element)
            {
                context.Error.Line($"error: {traceId}: the scenario has no route or location with that id.");
                return ExitCodes.InvalidInput;
            }

            if (Shared.Solve(context, path, solve.Read(parse), out var exit) is not var (_, result)) return exit;
            var view = new PlanView(s, result, context.Output);
            Shared.StatusLine(context, s, result, view.Money);
            if (result.Plan is not { } plan || result.Status == SolveStatus.VerificationFailed)
            {
                context.Output.Line("No plan to trace.");
                return exit;
            }

            var decomposition = FlowTrace.Decompose(s, plan);
            AnalysisViews.Trace(context.Output, decomposition, element, parse.GetValue(top));
            if (parse.GetValue(outDir) is { } dir && !Shared.TryWrite(context, dir, () => new ReportFiles(s, result) { Trace = (decomposition, element) }.WriteAnalyses(dir)))
            {
                return ExitCodes.InvalidInput;
            }

            return exit;
        });
        return command;
    }
}
