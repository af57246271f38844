using System.CommandLine;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli.Commands;

/// <summary>The arguments and options several commands share, and the one way they solve a scenario.</summary>
internal static class Shared
{
    /// <summary>An optional scenario file; the built-in Russia–China corridor without one.</summary>
    public static Argument<string?> OptionalScenario() => new("SCENARIO")
    {
        Description = "a scenario file of format v1 (docs/scenario-format.md); the built-in Russia–China corridor when left out",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>A required scenario file.</summary>
    public static Argument<string> RequiredScenario(string name = "SCENARIO") => new(name)
    {
        Description = "a scenario file of format v1 (docs/scenario-format.md)",
    };

    /// <summary><c>--out DIR</c>.</summary>
    public static Option<string?> OutDirectory(string description) => new("--out") { Description = description, HelpName = "DIR" };

    /// <summary>The solve options every solving command has.</summary>
    public sealed class SolveSymbols
    {
        public Option<SolverEngine> Engine { get; } = CommonOptions.Engine();

        public Option<TimeSpan?> TimeLimit { get; } = CommonOptions.TimeLimit();

        public void AddTo(Command command)
        {
            command.Add(Engine);
            command.Add(TimeLimit);
        }

        public SolveOptions Read(ParseResult parse, Option<bool>? appraise = null) => CommonOptions.SolveOptions(parse, Engine, TimeLimit, appraise);
    }

    /// <summary>Reads (or takes the built-in) scenario and solves it; null with the exit code said when the input is invalid.</summary>
    public static (Scenario Scenario, OptimizationResult Result)? Solve(CliContext context, string? path, SolveOptions options, out int exitCode)
    {
        exitCode = ExitCodes.InvalidInput;
        if (!Inputs.TryReadScenario(path, context.Error, out var scenario)) return null;
        try
        {
            var result = FreightPlanner.Optimize(scenario, options);
            exitCode = ExitCodes.Of(result);
            return (scenario, result);
        }
        catch (FreightValidationException ex)
        {
            Inputs.Invalid(context.Error, ex, "the scenario");
            return null;
        }
    }

    /// <summary>One status line for a solve that an analysis starts from.</summary>
    public static void StatusLine(CliContext context, Scenario scenario, OptimizationResult result, Unit money)
    {
        var verification = result.Plan?.Verification is { } v
            ? $"; verification {(v.Passed ? "PASSED" : "FAILED")}, optimality {(v.OptimalityCertified ? "CERTIFIED" : "not certified")}"
            : "";
        context.Output.Line($"Scenario: {scenario.Name ?? "(unnamed)"}");
        context.Output.Line($"Status: {result.Status} (engine {result.Report.Engine})"
            + (result.Plan is { } plan ? $"; objective {money.WithUnit(plan.Objective)}" : "") + verification);
        if (result.Message is { } message) context.Output.Line($"  {message}");
    }

    /// <summary>Writes files into a folder, saying so; false (and the error said) when it cannot.</summary>
    public static bool TryWrite(CliContext context, string directory, Func<IReadOnlyList<string>> write)
    {
        try
        {
            var written = write();
            if (written.Count > 0) context.Output.Line($"{string.Join(", ", written)} written to {directory}");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.Line($"error: cannot write into {directory}: {ex.Message}");
            return false;
        }
    }
}
