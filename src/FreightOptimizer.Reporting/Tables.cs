using Spectre.Console;
using Spectre.Console.Rendering;

namespace FreightOptimizer.Reporting;

/// <summary>
/// The one table style of the console output: no outer frame, a rule under the header, columns by
/// name; every cell is plain text (names are never read as Spectre markup).
/// </summary>
public static class Tables
{
    /// <summary>A table with the given columns; a column whose name starts with '&gt;' is right-aligned (numbers).</summary>
    /// <param name="columns">The column headers.</param>
    /// <returns>The table.</returns>
    public static Table Create(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            var right = column.StartsWith('>');
            var header = new TableColumn(new Text(right ? column[1..] : column)) { NoWrap = false };
            if (right) header.RightAligned();
            table.AddColumn(header);
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells.</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">The cells, in column order.</param>
    public static void Row(this Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
    }

    /// <summary>A name cut to a width, with "…" where it was cut.</summary>
    /// <param name="text">The name.</param>
    /// <param name="width">The most characters to keep.</param>
    /// <returns>The name, cut if longer.</returns>
    public static string Clip(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }

    /// <summary>
    /// Writes one line of plain text as it is: never read as markup, never wrapped at the console's width
    /// (a long note or message stays one line in a log).
    /// </summary>
    /// <param name="console">The console.</param>
    /// <param name="text">The line.</param>
    public static void Line(this IAnsiConsole console, string text = "")
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(text);
    }

    /// <summary>
    /// Writes a table as plain lines: rendered at the console's width, then without the frame's blank
    /// first and last lines and without trailing spaces, so that a log holds only the table's text.
    /// </summary>
    /// <param name="console">The console.</param>
    /// <param name="table">The table.</param>
    public static void Table(this IAnsiConsole console, Table table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var canvas = Terminal.Create(text, interactive: false);
        canvas.Profile.Width = console.Profile.Width;
        canvas.Profile.Capabilities.Unicode = console.Profile.Capabilities.Unicode;
        canvas.Write(table);
        foreach (var line in text.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0) console.Line(trimmed);
        }
    }
}
