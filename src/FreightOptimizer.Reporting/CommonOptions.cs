using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Reporting;

/// <summary>
/// The command-line options the tool's commands and CorridorPlanner share, with their parsers: a bad
/// value is a parse error (exit code 2), never an exception.
/// </summary>
public static class CommonOptions
{
    /// <summary><c>--engine NAME</c>: the solver engine (docs/engines.md), Auto by default.</summary>
    /// <returns>The option.</returns>
    public static Option<SolverEngine> Engine() => new("--engine")
    {
        Description = "Auto (default), NetworkFlow, OrToolsMinCostFlow, Glop, Clp, Pdlp, Highs or Scip (docs/engines.md)",
        HelpName = "NAME",
        DefaultValueFactory = _ => SolverEngine.Auto,
        CustomParser = ParseEngine,
        CompletionSources = { Enum.GetNames<SolverEngine>() },
    };

    /// <summary><c>--time-limit SECONDS</c>: stop the solver after this long, keeping its best plan.</summary>
    /// <returns>The option.</returns>
    public static Option<TimeSpan?> TimeLimit() => new("--time-limit")
    {
        Description = "stop the solver after this many seconds, keeping its best plan",
        HelpName = "SECONDS",
        CustomParser = ParseSeconds,
    };

    /// <summary><c>--appraise</c>: appraise every option even when there are more than 20.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Appraise() => new("--appraise")
    {
        Description = "appraise every investment option even when there are more than 20 (one re-solve each; done by default up to 20)",
    };

    /// <summary><c>--budget-sweep MIN:MAX:STEP</c>: the budgets of a frontier.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">Its help text.</param>
    /// <returns>The option.</returns>
    public static Option<IReadOnlyList<double>?> Budgets(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "MIN:MAX:STEP",
        CustomParser = ParseBudgets,
    };

    /// <summary><c>--closures [operational|replan]</c> (an optional value) or a required mode option.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">Its help text.</param>
    /// <param name="valueOptional">Whether the option may stand alone (then it means operational).</param>
    /// <returns>The option.</returns>
    public static Option<ClosureMode?> ClosureModeOption(string name, string description, bool valueOptional) => new(name)
    {
        Description = description,
        HelpName = "operational|replan",
        Arity = valueOptional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        CustomParser = ParseClosureMode,
        CompletionSources = { "operational", "replan" },
    };

    /// <summary>The solve options from the three common options.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="engine">The <c>--engine</c> option.</param>
    /// <param name="timeLimit">The <c>--time-limit</c> option.</param>
    /// <param name="appraise">The <c>--appraise</c> option, if the command has it.</param>
    /// <returns>The options.</returns>
    public static SolveOptions SolveOptions(ParseResult result, Option<SolverEngine> engine, Option<TimeSpan?> timeLimit, Option<bool>? appraise = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new SolveOptions { Engine = result.GetValue(engine), TimeLimit = result.GetValue(timeLimit) };
        if (appraise is not null && result.GetValue(appraise)) options.Appraise = AppraisalMode.Always;
        return options;
    }

    private static SolverEngine ParseEngine(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Enum.TryParse<SolverEngine>(text, ignoreCase: true, out var engine) && Enum.IsDefined(engine) && !int.TryParse(text, out _)) return engine;
        result.AddError($"unknown engine '{text}'; use one of {string.Join(", ", Enum.GetNames<SolverEngine>())}.");
        return SolverEngine.Auto;
    }

    private static TimeSpan? ParseSeconds(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds) && seconds < 1e7)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"--time-limit takes a positive number of seconds, not '{text}'.");
        return null;
    }

#pragma warning disable CA1859 // the option's type is IReadOnlyList<double>?, which the parser must return
    private static IReadOnlyList<double>? ParseBudgets(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        var parts = text.Split(':');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (parts.Length != 3 || numbers.Any(n => n is null))
        {
            result.AddError($"the budgets are MIN:MAX:STEP, three numbers such as 0:90e9:5e9, not '{text}'.");
            return null;
        }

        try
        {
            return BudgetFrontier.Steps(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value);
        }
        catch (ArgumentException ex)
        {
            result.AddError($"budgets {text}: {ex.Message}");
            return null;
        }
    }
#pragma warning restore CA1859

    private static ClosureMode? ParseClosureMode(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return ClosureMode.Operational;
        var text = result.Tokens[0].Value;
        switch (text.ToLowerInvariant())
        {
            case "operational": return ClosureMode.Operational;
            case "replan": return ClosureMode.Replan;
            default:
                result.AddError($"the closure mode is operational or replan, not '{text}'.");
                return null;
        }
    }
}
