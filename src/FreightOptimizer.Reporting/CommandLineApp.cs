using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace FreightOptimizer.Reporting;

/// <summary>
/// What the tool and CorridorPlanner do with their System.CommandLine trees alike: the help ends with
/// the exit codes, <c>--version</c> prints the program's and the library's versions, and a parse error
/// prints every error and the usage on standard error and exits with 2.
/// </summary>
public static class CommandLineApp
{
    /// <summary>The exit codes, as the help shows them.</summary>
    public const string ExitCodesHelp = """
        Exit codes:
          0  a plan exists (or the command succeeded)
          1  the solve ended without a plan
          2  invalid input (arguments, scenario or plan file, a file that cannot be written)
          3  a plan that failed verification (its findings are printed first; do not use it)
        """;

    /// <summary>The library's informational version: <c>VersionPrefix</c> of Directory.Build.props and the commit.</summary>
    public static string LibraryVersion => InformationalVersion(typeof(FreightPlanner).Assembly);

    /// <summary>The informational version of an assembly, or its version.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The version text.</returns>
    public static string InformationalVersion(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="root">The command tree.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output (help and version go here).</param>
    /// <param name="error">Standard error (parse errors and usage go here).</param>
    /// <param name="version">What <c>--version</c> prints.</param>
    /// <returns>The exit code.</returns>
    public static int Run(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error, string version)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Configure(root, version);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine();
            error.WriteLine("usage:");
            // The help of the command the error is in, written to standard error.
            var path = new List<string> { "--help" };
            for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            {
                path.Insert(0, result.Command.Name);
            }

            root.Parse(path).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return ExitCodes.InvalidInput;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static void Configure(RootCommand root, string version)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption { Action: HelpAction help }:
                    help.MaxWidth = Terminal.RedirectedWidth;
                    option.Action = new HelpThenExitCodes(help);
                    break;
                case VersionOption:
                    option.Action = new PrintVersion(version);
                    break;
            }
        }
    }

    private sealed class HelpThenExitCodes(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine();
            output.WriteLine(ExitCodesHelp);
            return ExitCodes.PlanFound;
        }
    }

    private sealed class PrintVersion(string version) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(version);
            return ExitCodes.PlanFound;
        }
    }
}
