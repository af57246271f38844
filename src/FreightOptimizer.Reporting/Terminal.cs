using System.Text;
using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>
/// The Spectre.Console consoles the tools write to. A console on a terminal gets colours and live
/// progress bars; one on a file, a pipe or a <see cref="TextWriter"/> (CI logs, tests) gets no ANSI codes,
/// no live display and a fixed width of <see cref="RedirectedWidth"/> columns, so that no table is cut or
/// wrapped.
/// </summary>
public static class Terminal
{
    /// <summary>The width of a console that is not a terminal.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>The console for standard output.</summary>
    /// <returns>The console.</returns>
    public static IAnsiConsole StandardOutput() => Create(Console.Out, !Console.IsOutputRedirected);

    /// <summary>The console for standard error.</summary>
    /// <returns>The console.</returns>
    public static IAnsiConsole StandardError() => Create(Console.Error, !Console.IsErrorRedirected);

    /// <summary>A console over a writer.</summary>
    /// <param name="writer">Where the text goes.</param>
    /// <param name="interactive">Whether the writer is a terminal: colours and live progress only then.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive) console.Profile.Width = RedirectedWidth;
        else if (console.Profile.Width < 120) console.Profile.Width = 120;
        // Box-drawing characters and "…" in names: the tools write UTF-8 (Console.OutputEncoding on Linux and macOS).
        console.Profile.Capabilities.Unicode = interactive ? Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage : true;
        return console;
    }
}
