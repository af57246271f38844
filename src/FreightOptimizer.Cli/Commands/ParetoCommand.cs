using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary><c>freightopt pareto [SCENARIO] --points N</c>: the cost–CO2 frontier by the ε-constraint method.</summary>
internal static class ParetoCommand
{
    public static Command Create(CliContext context)
    {
        var scenario = Shared.OptionalScenario();
        var solve = new Shared.SolveSymbols();
        var points = new Option<int>("--points") { Description = $"points on the frontier, the two ends included (2 to {EmissionsFrontier.MaxPoints})", HelpName = "N", DefaultValueFactory = _ => 6 };
        var outDir = Shared.OutDirectory("write pareto.csv and pareto.svg into DIR");
        var command = new Command("pareto", "The cost–CO2 frontier (docs/analysis.md): the least-cost plan, then the least cost under CO2 caps evenly spaced down to the least CO2; every point a verified optimum of the scenario and its cap.")
        {
            scenario, points, outDir,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(points);
            if (n is < 2 or > EmissionsFrontier.MaxPoints)
            {
                context.Error.Line($"error: --points {n}: give between 2 and {EmissionsFrontier.MaxPoints}.");
                return ExitCodes.InvalidInput;
            }

            if (!Inputs.TryReadScenario(parse.GetValue(scenario), context.Error, out var s)) return ExitCodes.InvalidInput;
            IReadOnlyList<EmissionsFrontierPoint> frontier;
            try
            {
                frontier = EmissionsFrontier.Compute(s, n, solve.Read(parse));
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "the scenario");
                return ExitCodes.InvalidInput;
            }

            var money = Unit.Money(frontier.Select(p => p.Cost ?? 0).DefaultIfEmpty(0).Max(), s.Currency);
            context.Output.Line($"Scenario: {s.Name ?? "(unnamed)"}");
            AnalysisViews.EmissionsFrontier(context.Output, frontier, money, s.Currency);
            if (parse.GetValue(outDir) is { } dir && !Shared.TryWrite(context, dir, () => ReportFiles.WriteEmissionsFrontier(s, frontier, dir)))
            {
                return ExitCodes.InvalidInput;
            }

            return frontier.Any(p => p.Status == SolveStatus.VerificationFailed) ? ExitCodes.VerificationFailed
                : frontier.Count > 0 && frontier.All(p => p.HasPlan) ? ExitCodes.PlanFound
                : ExitCodes.NoPlan;
        });
        return command;
    }
}
