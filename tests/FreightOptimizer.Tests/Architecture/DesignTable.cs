using System.Text.RegularExpressions;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Architecture;

/// <summary>
/// The dependency table of docs/design.md (<c>| folder | holds | may use |</c>), parsed: the order of
/// its rows and the folders each may use. The architecture tests are generated from it, so the
/// document and the rules cannot drift apart.
/// </summary>
internal sealed partial class DesignTable
{
    private readonly List<(string Folder, HashSet<string> MayUse)> rows;

    private DesignTable(List<(string Folder, HashSet<string> MayUse)> rows) => this.rows = rows;

    public IEnumerable<string> Folders => rows.Select(r => r.Folder);

    public static DesignTable Read() => Parse(File.ReadAllLines(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "docs", "design.md")));

    public static DesignTable Parse(IReadOnlyList<string> lines)
    {
        var header = lines.Select((line, index) => (line, index))
            .FirstOrDefault(l => HeaderPattern().IsMatch(l.line));
        if (header.line is null) throw new InvalidDataException("docs/design.md has no '| folder | holds | may use |' table.");

        var rows = new List<(string, HashSet<string>)>();
        for (var i = header.index + 2; i < lines.Count && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var folder = FolderPattern().Match(cells[0]) is { Success: true } m ? m.Groups[1].Value
                : throw new InvalidDataException($"docs/design.md, dependency table row {i + 1}: no `Folder/` in the first cell: {lines[i]}");
            var mayUseCell = cells[^1];
            HashSet<string> mayUse;
            if (mayUseCell is "—" or "-" or "") mayUse = [];
            else if (mayUseCell.StartsWith("all above", StringComparison.OrdinalIgnoreCase)) mayUse = rows.Select(r => r.Item1).ToHashSet(StringComparer.Ordinal);
            else mayUse = mayUseCell.Split(',').Select(n => n.Trim().Trim('`').TrimEnd('/')).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

            var unknown = mayUse.Where(n => rows.All(r => r.Item1 != n)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidDataException($"docs/design.md: {folder} may use {string.Join(", ", unknown)}, which are not folders above it in the table.");
            }

            rows.Add((folder, mayUse));
        }

        return new DesignTable(rows);
    }

    /// <summary>Every (folder, other folder) pair where the first may not use the second.</summary>
    public IEnumerable<(string Folder, string Forbidden)> ForbiddenPairs() =>
        from row in rows
        from other in rows
        where other.Folder != row.Folder && !row.MayUse.Contains(other.Folder)
        select (row.Folder, other.Folder);

    [GeneratedRegex(@"^\|\s*folder\s*\|\s*holds\s*\|\s*may use\s*\|\s*$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"`(\w+)/`")]
    private static partial Regex FolderPattern();
}
