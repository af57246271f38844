using Spectre.Console;

namespace FreightOptimizer.Cli;

/// <summary>Where a command writes: the console for its results and the console for its errors.</summary>
/// <param name="Output">Standard output: tables, plans, what was written.</param>
/// <param name="Error">Standard error: what is wrong with the input.</param>
public sealed record CliContext(IAnsiConsole Output, IAnsiConsole Error);
