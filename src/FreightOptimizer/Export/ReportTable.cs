using System.Globalization;

namespace FreightOptimizer.Export;

/// <summary>
/// A table of a report, already formatted: the HTML and the Markdown report draw the same tables from
/// it, so the two never disagree.
/// </summary>
/// <param name="Id">A stable id (the HTML table's id, e.g. <c>bottlenecks</c>).</param>
/// <param name="Headers">Column headers, with their units.</param>
/// <param name="Numeric">Per column: right-aligned numbers.</param>
/// <param name="Rows">The cells, formatted.</param>
internal sealed record ReportTable(string Id, IReadOnlyList<string> Headers, IReadOnlyList<bool> Numeric, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A table builder: headers ending in <c>#</c> are numeric (the mark is removed).</summary>
    /// <param name="id">The id.</param>
    /// <param name="headers">The headers.</param>
    /// <returns>An empty table to add rows to.</returns>
    public static Builder Create(string id, params string[] headers) => new(id, headers);

    /// <summary>Collects rows.</summary>
    internal sealed class Builder(string id, string[] headers)
    {
        private readonly List<IReadOnlyList<string>> _rows = [];

        public Builder Add(params string[] cells)
        {
            if (cells.Length != headers.Length) throw new ArgumentException("A row must have one cell per header.", nameof(cells));
            _rows.Add(cells);
            return this;
        }

        public int Count => _rows.Count;

        public ReportTable Build() => new(
            id,
            [.. headers.Select(h => h.EndsWith('#') ? h[..^1] : h)],
            [.. headers.Select(h => h.EndsWith('#'))],
            _rows);
    }
}

/// <summary>A unit that a report scales numbers to, chosen once per report so every table agrees.</summary>
/// <param name="Divisor">What a raw number is divided by.</param>
/// <param name="Label">The unit's label (<c>Mt</c>, <c>bn RUB</c>).</param>
internal sealed record ReportUnit(double Divisor, string Label)
{
    /// <summary>Tonnes: Mt, kt or t, by the largest quantity of the report.</summary>
    /// <param name="largest">The largest number of tonnes to show.</param>
    /// <returns>The unit.</returns>
    public static ReportUnit Tonnes(double largest) =>
        largest >= 1e6 ? new(1e6, "Mt") : largest >= 1e3 ? new(1e3, "kt") : new(1, "t");

    /// <summary>Money: bn, M, k or plain currency, by the largest amount of the report.</summary>
    /// <param name="largest">The largest amount to show.</param>
    /// <param name="currency">The currency code.</param>
    /// <returns>The unit.</returns>
    public static ReportUnit Money(double largest, string currency) =>
        largest >= 1e9 ? new(1e9, "bn " + currency) : largest >= 1e6 ? new(1e6, "M " + currency)
        : largest >= 1e3 ? new(1e3, "k " + currency) : new(1, currency);

    /// <summary>The number in this unit with two decimals and thousands separators.</summary>
    /// <param name="value">The raw number.</param>
    /// <returns>The text.</returns>
    public string Format(double value) => ReportFormat.Number(value / Divisor, 2);

    /// <summary>The number in this unit followed by the unit.</summary>
    /// <param name="value">The raw number.</param>
    /// <returns>The text.</returns>
    public string WithUnit(double value) => Format(value) + " " + Label;

    /// <summary>As <see cref="Format(double)"/>, or "–" for null.</summary>
    /// <param name="value">The raw number, or null.</param>
    /// <returns>The text.</returns>
    public string Format(double? value) => value is { } v ? Format(v) : ReportFormat.None;
}

/// <summary>Invariant number formatting shared by the reports.</summary>
internal static class ReportFormat
{
    /// <summary>What a cell shows when there is no number.</summary>
    public const string None = "–";

    /// <summary>A number with thousands separators and the given decimals; never "-0.00".</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">Decimals.</param>
    /// <returns>The text.</returns>
    public static string Number(double value, int decimals)
    {
        var text = value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Trim('-', '0', '.', ',').Length == 0 ? text[1..] : text;
    }

    /// <summary>A price per tonne: whole units from 100 up, else two decimals.</summary>
    /// <param name="value">The price.</param>
    /// <returns>The text.</returns>
    public static string PerTonne(double value) => Number(value, Math.Abs(value) >= 100 ? 0 : 2);

    /// <summary>A share as a whole percentage ("97 %"), or "–".</summary>
    /// <param name="share">The share (1 = 100 %), or null.</param>
    /// <returns>The text.</returns>
    public static string Percent(double? share) =>
        share is { } s ? Number(s * 100, 0) + " %" : None;

    /// <summary>A number written for a machine: the shortest text that reads back to the same double.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A coordinate or length for SVG, two decimals at most.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Svg(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
