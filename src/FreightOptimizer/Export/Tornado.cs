using System.Globalization;
using System.Net;
using System.Text;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// The tornado chart of the report, hand-written SVG like the map: one bar per swept input, from the
/// lowest to the highest change of the optimum over its sweep, the inputs that move the optimum most
/// on top. A bar left of the axis saves money, right of it costs money; the steps are marked.
/// </summary>
internal static class Tornado
{
    private const double Width = 900;
    private const double LabelWidth = 330;
    private const double RowHeight = 26;
    private const double Top = 30;

    public static string Svg(IReadOnlyList<SweepResult> sweeps, ReportUnit money)
    {
        var rows = sweeps
            .Select(s => (Sweep: s, Changes: Changes(s).ToList()))
            .Where(r => r.Changes.Count > 0)
            .OrderByDescending(r => r.Changes.Max() - r.Changes.Min())
            .ThenBy(r => r.Sweep.Target.Element, StringComparer.Ordinal)
            .ToList();
        var height = Top + (Math.Max(rows.Count, 1) * RowHeight) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tornado\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Tornado chart\">\n");
        if (rows.Count == 0)
        {
            svg.Append("<text x=\"10\" y=\"20\">No sweep found a plan.</text>\n</svg>\n");
            return svg.ToString();
        }

        var extent = Math.Max(rows.Max(r => r.Changes.Max(c => Math.Abs(c))), 1e-9);
        // The plot area leaves room on the right for each row's figures.
        var plotWidth = Width - LabelWidth - 120;
        var axis = LabelWidth + (plotWidth / 2);
        var half = (plotWidth / 2) - 4;
        double X(double change) => axis + (change / extent * half);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{axis:0.#}\" y1=\"{Top - 8}\" x2=\"{axis:0.#}\" y2=\"{height - 24:0.#}\" stroke=\"#444\" stroke-width=\"1\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{axis:0.#}\" y=\"{Top - 14}\" text-anchor=\"middle\" font-size=\"11\">optimum of the plan</text>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (sweep, changes) = rows[i];
            var y = Top + (i * RowHeight);
            var low = changes.Min();
            var high = changes.Max();
            var label = Label(sweep);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16:0.#}\" text-anchor=\"end\" font-size=\"12\">{E(label)}</text>\n");
            if (low < 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"tornado-bar\" x=\"{X(low):0.#}\" y=\"{y + 4:0.#}\" width=\"{axis - X(low):0.#}\" height=\"{RowHeight - 8}\" fill=\"#2e7d32\"><title>{E(label)}: down to {E(money.WithUnit(low))}</title></rect>\n");
            }

            if (high > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"tornado-bar\" x=\"{axis:0.#}\" y=\"{y + 4:0.#}\" width=\"{X(high) - axis:0.#}\" height=\"{RowHeight - 8}\" fill=\"#c62828\"><title>{E(label)}: up to +{E(money.WithUnit(high))}</title></rect>\n");
            }

            foreach (var c in changes)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(c):0.#}\" y1=\"{y + 4:0.#}\" x2=\"{X(c):0.#}\" y2=\"{y + RowHeight - 4:0.#}\" stroke=\"#fff\" stroke-width=\"1\"/>\n");
            }

            var text = $"{Signed(low, money)} … {Signed(high, money)}";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 4}\" y=\"{y + 16:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"#555\">{E(text)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{axis:0.#}\" y=\"{height - 8:0.#}\" text-anchor=\"middle\" font-size=\"11\">change of the optimum ({E(money.Label)}), bars from the lowest to the highest step of each sweep</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The change of the optimum at every step that found a plan, the base (0) included.</summary>
    private static IEnumerable<double> Changes(SweepResult sweep)
    {
        if (sweep.BaseObjective is not { } baseObjective) yield break;
        yield return 0;
        foreach (var point in sweep.Points)
        {
            if (point.Objective is { } objective && double.IsFinite(objective)) yield return objective - baseObjective;
        }
    }

    private static string Label(SweepResult sweep)
    {
        var target = sweep.Target;
        var range = sweep.Points.IsDefaultOrEmpty ? "" : string.Create(CultureInfo.InvariantCulture, $" ±{sweep.Points.Max(p => Math.Abs(p.Percent)):0.#} %");
        return target.Kind == SweepKind.Tariff
            ? $"tariff of {target.Commodity.Value} on {target.Element}{range}"
            : $"{target.Commodity.Value} demand at {target.Element}{range}";
    }

    private static string Signed(double value, ReportUnit money) => (value > 0 ? "+" : "") + money.Format(value);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
