using System.CommandLine;
using FreightOptimizer.Analysis;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary>
/// <c>freightopt compare A B</c>: two scenarios solved (or their saved plans read) and compared figure by
/// figure: costs, crossings, market prices, investments (<see cref="PlanComparison"/>).
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var a = Shared.RequiredScenario("A");
        a.Description = "the first scenario file (the \"before\")";
        var b = Shared.RequiredScenario("B");
        b.Description = "the second scenario file (the \"after\")";
        var planA = new Option<string?>("--plan-a") { Description = "a plan.json of A to compare instead of solving A", HelpName = "FILE" };
        var planB = new Option<string?>("--plan-b") { Description = "a plan.json of B to compare instead of solving B", HelpName = "FILE" };
        var solve = new Shared.SolveSymbols();
        var command = new Command("compare", "Compare the plans of two scenarios (a scenario and a modified copy, say): every cost, crossing tonnage, market price and investment that changed.")
        {
            a, b, planA, planB,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            var options = solve.Read(parse);
            options.Appraise = AppraisalMode.Never;
            if (Plan(context, parse.GetValue(a)!, parse.GetValue(planA), options, out var exitA) is not var (scenarioA, before)) return exitA;
            if (Plan(context, parse.GetValue(b)!, parse.GetValue(planB), options, out var exitB) is not var (scenarioB, after)) return exitB;
            PlanComparison comparison;
            try
            {
                comparison = PlanComparison.Compare(scenarioA, before, scenarioB, after);
            }
            catch (FreightValidationException ex)
            {
                Inputs.Invalid(context.Error, ex, "a plan");
                return ExitCodes.InvalidInput;
            }

            var money = Unit.Money(Math.Max(Math.Abs(before.Objective), Math.Abs(after.Objective)), scenarioA.Currency);
            context.Output.Line($"A: {scenarioA.Name ?? parse.GetValue(a)}: objective {money.WithUnit(before.Objective)}");
            context.Output.Line($"B: {scenarioB.Name ?? parse.GetValue(b)}: objective {money.WithUnit(after.Objective)}");
            AnalysisViews.Comparison(context.Output, comparison, money, scenarioA.Currency);
            return ExitCodes.PlanFound;
        });
        return command;
    }

    /// <summary>The plan of one side: read from plan.json, or solved; null with the exit code when there is none to compare.</summary>
    private static (Scenario, AllocationPlan)? Plan(CliContext context, string scenarioPath, string? planPath, SolveOptions options, out int exitCode)
    {
        exitCode = ExitCodes.InvalidInput;
        if (planPath is null)
        {
            if (Shared.Solve(context, scenarioPath, options, out exitCode) is not var (scenario, result)) return null;
            if (result.Plan is { } plan && result.Status != SolveStatus.VerificationFailed) return (scenario, plan);
            context.Error.Line($"error: {scenarioPath} has no plan to compare ({result.Status}).");
            return null;
        }

        if (!Inputs.TryReadScenario(scenarioPath, context.Error, out var s) || !Inputs.TryReadPlan(planPath, context.Error, out var document)) return null;
        if (document.Plan is not { } saved || document.Status == SolveStatus.VerificationFailed)
        {
            context.Error.Line($"error: {planPath} holds no plan to compare ({document.Status}).");
            exitCode = ExitCodes.NoPlan;
            return null;
        }

        return (s, saved);
    }
}
