using System.Globalization;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>Exit codes of the program.</summary>
internal static class ExitCodes
{
    public const int PlanFound = 0;
    public const int NoPlan = 1;
    public const int InvalidInput = 2;

    /// <summary>The engine returned a plan, but the independent verifier rejected it (status VerificationFailed).</summary>
    public const int VerificationFailed = 3;
}

/// <summary>The parsed command line.</summary>
internal sealed record CommandLine
{
    public const string Usage = """
        usage: CorridorPlanner [--scenario FILE] [--out DIR] [--engine NAME] [--time-limit SECONDS]
                               [--appraise] [--budget-sweep MIN:MAX:STEP]
                               [--export-mps FILE] [--export-lp FILE] [--trace ID] [--sensitivity]
                               [--closures [operational|replan]]

          --scenario FILE       a scenario file of format v1 (default: the built-in Russia–China corridor)
          --out DIR             write plan.json (docs/plan-format.md) into DIR, whatever the status
          --engine NAME         Auto (default), NetworkFlow, OrToolsMinCostFlow, Glop, Clp, Pdlp, Highs
                                or Scip (docs/engines.md)
          --time-limit SECONDS  stop the solver after this many seconds, keeping its best plan
          --appraise            appraise every investment option even when there are more than 20
                                (one re-solve each; done by default up to 20)
          --budget-sweep MIN:MAX:STEP
                                also solve for every budget MIN, MIN+STEP, …, MAX (MAX included; in the
                                scenario's currency, e.g. 0:90e9:5e9), print the frontier and, with
                                --out, write frontier.csv and frontier.svg
          --export-mps FILE     also write the formulated model as an MPS file (tonnes, scenario currency)
          --export-lp FILE      also write the formulated model as a CPLEX LP file
          --trace ID            trace the plan's flows through a route or location (docs/analysis.md): print
                                the largest origin–market flows that use it and, with --out, write
                                trace-ID.csv (origin,market,commodity,period,tonnes,path)
          --closures [MODE]     close every border crossing in turn for the whole horizon and re-solve
                                (docs/analysis.md): operational (default; investments kept) or replan;
                                prints the table and, with --out, writes closures.csv
          --sensitivity         range every bottleneck's capacity and every used tariff (docs/analysis.md),
                                print the capacities and, with --out, write sensitivity.csv
          --version             the FreightOptimizer version this planner runs on
          --help                this text

        exit codes: 0 a plan exists, 1 the solve ended without a plan, 2 invalid input,
                    3 a plan that failed verification (its findings are printed first; do not use it)
        """;

    public string? ScenarioFile { get; init; }

    public string? OutputDirectory { get; init; }

    public SolverEngine Engine { get; init; } = SolverEngine.Auto;

    public TimeSpan? TimeLimit { get; init; }

    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }

    public bool Appraise { get; init; }

    public (double Min, double Max, double Step)? BudgetSweep { get; init; }

    public string? ExportMpsFile { get; init; }

    public string? ExportLpFile { get; init; }

    public string? TraceId { get; init; }

    public bool Sensitivity { get; init; }

    public FreightOptimizer.Analysis.ClosureMode? Closures { get; init; }

    public static CommandLine Parse(string[] args)
    {
        var command = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            command = args[i] switch
            {
                "--scenario" => command with { ScenarioFile = Value() },
                "--out" => command with { OutputDirectory = Value() },
                "--engine" => command with { Engine = ParseEngine(Value()) },
                "--time-limit" => command with { TimeLimit = ParseSeconds(Value()) },
                "--export-mps" => command with { ExportMpsFile = Value() },
                "--export-lp" => command with { ExportLpFile = Value() },
                "--help" or "-h" => command with { ShowHelp = true },
                "--version" => command with { ShowVersion = true },
                "--appraise" => command with { Appraise = true },
                "--budget-sweep" => command with { BudgetSweep = ParseSweep(Value()) },
                "--trace" => command with { TraceId = Value() },
                "--sensitivity" => command with { Sensitivity = true },
                "--closures" => command with { Closures = ParseClosureMode(args, ref i) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'."),
            };
        }

        return command;
    }

    /// <summary>The optional mode after --closures: operational (the default) or replan.</summary>
    private static FreightOptimizer.Analysis.ClosureMode ParseClosureMode(string[] args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) return FreightOptimizer.Analysis.ClosureMode.Operational;
        var text = args[++i];
        return text.ToLowerInvariant() switch
        {
            "operational" => FreightOptimizer.Analysis.ClosureMode.Operational,
            "replan" => FreightOptimizer.Analysis.ClosureMode.Replan,
            _ => throw new ArgumentException($"--closures takes operational or replan, not '{text}'."),
        };
    }

    private static SolverEngine ParseEngine(string text) =>
        Enum.TryParse<SolverEngine>(text, ignoreCase: true, out var engine) && Enum.IsDefined(engine) && !int.TryParse(text, out _)
            ? engine
            : throw new ArgumentException($"unknown engine '{text}'; use one of {string.Join(", ", Enum.GetNames<SolverEngine>())}.");

    private static (double, double, double) ParseSweep(string text)
    {
        var parts = text.Split(':');
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (parts.Length != 3 || numbers.Any(n => n is null))
        {
            throw new ArgumentException($"--budget-sweep takes MIN:MAX:STEP, three numbers such as 0:90e9:5e9, not '{text}'.");
        }

        var (min, max, step) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value);
        try
        {
            _ = FreightOptimizer.Analysis.BudgetFrontier.Steps(min, max, step);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--budget-sweep {text}: {ex.Message}", ex);
        }

        return (min, max, step);
    }

    private static TimeSpan ParseSeconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds) && seconds < 1e7
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--time-limit takes a positive number of seconds, not '{text}'.");
}
