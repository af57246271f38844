using System.CommandLine;
using FreightOptimizer.Cli.Commands;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Cli;

/// <summary>
/// The command tree of freightopt. Each command is one file under Commands/ with a <c>Create</c>
/// method; adding one (a <c>study</c> command, say) is that file and one line in <see cref="Build"/>.
/// </summary>
public static class CliApp
{
    /// <summary>The tool's version line: its own informational version and the library's.</summary>
    public static string Version => $"freightopt {CommandLineApp.InformationalVersion(typeof(CliApp).Assembly)} (FreightOptimizer {CommandLineApp.LibraryVersion})";

    /// <summary>The root command with every subcommand.</summary>
    /// <param name="context">Where the commands write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RootCommand("freightopt: plans freight across cross-border corridors with verified, certified plans (docs/cli.md).")
        {
            SolveCommand.Create(context),
            ValidateCommand.Create(context),
            ClosuresCommand.Create(context),
            TraceCommand.Create(context),
            SensitivityCommand.Create(context),
            CompareCommand.Create(context),
            FrontierCommand.Create(context),
            ParetoCommand.Create(context),
            CalibrateCommand.Create(context),
            ExportCommand.Create(context),
            StudyCommand.Create(context),
        };
    }

    /// <summary>Parses and runs a command line (the tool's entry point; the tests call it in-process).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="context">Where the commands write.</param>
    /// <param name="output">Where help and the version go (standard output).</param>
    /// <param name="error">Where parse errors and the usage go (standard error).</param>
    /// <returns>The exit code (docs/cli.md): 0 plan, 1 no plan, 2 invalid input, 3 a plan the verifier rejected.</returns>
    public static int Run(IReadOnlyList<string> args, CliContext context, TextWriter output, TextWriter error) =>
        CommandLineApp.Run(Build(context), args, output, error, Version);
}
