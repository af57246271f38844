using System.Text.RegularExpressions;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Cli;

/// <summary>
/// The programs print through the shared Spectre.Console rendering and write CSV through CsvExport: no
/// hand-padded columns and no hand-quoted CSV in CorridorPlanner, the tool or the reporting project
/// (QuickStart stays the one-file program the README shows, without a console library).
/// </summary>
public sealed partial class ConsoleSourceTests
{
    public static TheoryData<string> Folders() => [Path.Combine("samples", "CorridorPlanner"), Path.Combine("src", "FreightOptimizer.Cli"), Path.Combine("src", "FreightOptimizer.Reporting")];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Sources_HaveNoHandPaddedColumnsNorHandQuotedCsv(string folder)
    {
        var root = Path.Combine(ReadmeSnippetTests.RepositoryRoot(), folder);
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => HandFormatting().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Pattern_FindsWhatItLooksFor()
    {
        Assert.Matches(HandFormatting(), """Console.WriteLine($"  {name,-34} {t,8}");""");
        Assert.Matches(HandFormatting(), """text.PadLeft(width)""");
        Assert.Matches(HandFormatting(), """"text.Replace("\"", "\"\"")"""");
        Assert.Matches(HandFormatting(), """builder.Append(',')""");
        Assert.DoesNotMatch(HandFormatting(), """table.Row(name, Tonnes.Format(t));""");
    }

    /// <summary>Alignment in interpolations ({x,-34}), PadLeft/PadRight, doubled quotes, commas appended by hand.</summary>
    [GeneratedRegex(@"\{[^{}]*,-?\d+(:[^{}]*)?\}|\.Pad(Left|Right)\(|""\\""\\""""|Append\(','\)")]
    private static partial Regex HandFormatting();
}
