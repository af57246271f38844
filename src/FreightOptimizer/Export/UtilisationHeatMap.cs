using System.Xml.Linq;

namespace FreightOptimizer.Export;

/// <summary>
/// The crossing × period utilisation heat map as SVG: one row per border crossing (or per capacitated
/// element when the scenario has no crossing), one cell per period coloured from white (idle) to dark
/// red (full), closed periods grey, with the peak and the mean at the end of the row.
/// </summary>
internal static class UtilisationHeatMap
{
    private const double LabelWidth = 230;
    private const double CellWidth = 50;
    private const double CellHeight = 24;
    private const double Top = 28;

    public static XElement Draw(ReportModel model)
    {
        var svg = NetworkMap.Svg;
        var rows = model.Utilisation;
        var periods = model.Periods;
        var width = LabelWidth + ((periods.Count + 2) * CellWidth) + 20;
        var height = Top + (rows.Count * CellHeight) + 10;
        var map = new XElement(svg + "svg",
            new XAttribute("id", "heat-map"), new XAttribute("class", "heatmap"),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"), new XAttribute("width", F(width)), new XAttribute("height", F(height)),
            new XAttribute("role", "img"), new XAttribute("aria-label", "Utilisation by period"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "11"));
        for (var c = 0; c < periods.Count; c++)
        {
            map.Add(NetworkMap.Text(LabelWidth + ((c + 0.5) * CellWidth), Top - 9, periods[c].Value, "#333", "middle", 11, "bold"));
        }

        map.Add(NetworkMap.Text(LabelWidth + ((periods.Count + 0.5) * CellWidth) + 8, Top - 9, "peak", "#333", "middle", 11, "bold"),
            NetworkMap.Text(LabelWidth + ((periods.Count + 1.5) * CellWidth) + 8, Top - 9, "mean", "#333", "middle", 11, "bold"));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y = Top + (r * CellHeight);
            var label = NetworkMap.Text(LabelWidth - 8, y + 16, Shorten(row.Label), "#1a1a1a", "end", 11);
            label.Add(new XElement(svg + "title", row.Label));
            map.Add(label);
            for (var c = 0; c < periods.Count; c++)
            {
                var u = row.ByPeriod[c];
                map.Add(Cell(LabelWidth + (c * CellWidth), y, u, $"{row.Label}, {periods[c].Value}: " + (u is null ? "closed or no capacity" : $"{ReportFormat.Percent(u)} of capacity"), "cell"));
            }

            map.Add(Cell(LabelWidth + (periods.Count * CellWidth) + 8, y, row.Peak, $"{row.Label}: peak {ReportFormat.Percent(row.Peak)}", "cell summary"),
                Cell(LabelWidth + ((periods.Count + 1) * CellWidth) + 8, y, row.Mean, $"{row.Label}: mean {ReportFormat.Percent(row.Mean)}", "cell summary"));
        }

        return map;
    }

    private static XElement Cell(double x, double y, double? utilisation, string tooltip, string cssClass)
    {
        var svg = NetworkMap.Svg;
        var fill = utilisation is { } u ? NetworkMap.HeatColour(u) : "#d5d8dc";
        var text = utilisation is null ? "closed" : ReportFormat.Percent(utilisation);
        var ink = utilisation is > 0.85 ? "white" : "#222";
        return new XElement(svg + "g", new XAttribute("class", cssClass),
            new XElement(svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("width", F(CellWidth - 2)), new XAttribute("height", F(CellHeight - 2)),
                new XAttribute("fill", fill), new XAttribute("rx", "2")),
            NetworkMap.Text(x + ((CellWidth - 2) / 2), y + 15, text, utilisation is null ? "#666" : ink, "middle", utilisation is null ? 9 : 11),
            new XElement(svg + "title", tooltip));
    }

    private static string Shorten(string label)
    {
        var cut = label.IndexOf('(', StringComparison.Ordinal);
        var text = (cut > 2 ? label[..cut] : label).Trim();
        return text.Length <= 34 ? text : text[..33] + "…";
    }

    private static string F(double value) => ReportFormat.Svg(value);
}
