using System.Globalization;
using FreightOptimizer.Results;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>Exit codes of the program.</summary>
internal static class ExitCodes
{
    public const int PlanFound = 0;
    public const int NoPlan = 1;
    public const int InvalidInput = 2;
}

/// <summary>The parsed command line.</summary>
internal sealed record CommandLine
{
    public const string Usage = """
        usage: CorridorPlanner [--scenario FILE] [--out DIR] [--engine NAME] [--time-limit SECONDS]
                               [--export-mps FILE] [--export-lp FILE]

          --scenario FILE       a scenario file of format v1 (default: the built-in Russia–China corridor)
          --out DIR             write plan.json (SCENARIO-FORMAT.md) into DIR, whatever the status
          --engine NAME         Auto (default), Glop, Clp, Pdlp, Highs or Scip
          --time-limit SECONDS  stop the solver after this many seconds, keeping its best plan
          --export-mps FILE     also write the formulated model as an MPS file (tonnes, scenario currency)
          --export-lp FILE      also write the formulated model as a CPLEX LP file
          --help                this text

        exit codes: 0 a plan exists, 1 the solve ended without a plan, 2 invalid input
        """;

    public string? ScenarioFile { get; init; }

    public string? OutputDirectory { get; init; }

    public SolverEngine Engine { get; init; } = SolverEngine.Auto;

    public TimeSpan? TimeLimit { get; init; }

    public bool ShowHelp { get; init; }

    public string? ExportMpsFile { get; init; }

    public string? ExportLpFile { get; init; }

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
                _ => throw new ArgumentException($"unknown argument '{args[i]}'."),
            };
        }

        return command;
    }

    private static SolverEngine ParseEngine(string text) =>
        Enum.TryParse<SolverEngine>(text, ignoreCase: true, out var engine) && Enum.IsDefined(engine) && !int.TryParse(text, out _)
            ? engine
            : throw new ArgumentException($"unknown engine '{text}'; use one of {string.Join(", ", Enum.GetNames<SolverEngine>())}.");

    private static TimeSpan ParseSeconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds) && seconds < 1e7
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--time-limit takes a positive number of seconds, not '{text}'.");
}
