using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Export;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt frontier [SCENARIO] --budgets MIN:MAX:STEP</c>: the optimum at every budget.</summary>
internal static class FrontierCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var budgets = CommonOptions.Budgets("--budgets",
            "the budgets MIN, MIN+STEP, …, MAX (MAX included; in the scenario's currency, e.g. 0:90e9:5e9)");
        budgets.Required = true;
        var outDir = Shared.OutDirectory("write frontier.csv and frontier.svg into DIR");
        var command = new Command("frontier", "Solve the scenario once per capital budget and print the budget frontier: the optimum, the capital spent and the options built at each budget.")
        {
            scenario, budgets, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            if (!Inputs.TryReadScenario(parse.GetValue(scenario), context.Error, out var s)) return ExitCodes.InvalidInput;
            var list = parse.GetValue(budgets)!;
            IReadOnlyList<FrontierPoint> points;
            try
            {
                points = LongRun.Run<FrontierProgress, IReadOnlyList<FrontierPoint>>(context.Output, "budgets", p => (p.Completed, p.Total),
                    progress => FrontierRun.Solve(s, list, solve.Read(parse), progress));
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "the scenario");
                return ExitCodes.InvalidInput;
            }

            var money = Unit.Money(points.Select(p => Math.Max(p.Budget, p.Objective ?? 0)).DefaultIfEmpty(0).Max(), s.Currency);
            context.Output.Line($"Scenario: {s.Name ?? "(unnamed)"}");
            AnalysisViews.Frontier(context.Output, points, money);
            if (parse.GetValue(outDir) is { } dir && !Shared.TryWrite(context, dir, () => ReportFiles.WriteFrontier(s, points, dir)))
            {
                return ExitCodes.InvalidInput;
            }

            // 0 when every budget has a plan; 3 when a plan was rejected; else 1.
            return points.Any(p => p.Status == SolveStatus.VerificationFailed) ? ExitCodes.VerificationFailed
                : points.All(p => p.HasPlan) ? ExitCodes.PlanFound
                : ExitCodes.NoPlan;
        });
        return command;
    }
}
