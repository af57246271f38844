using System.Text.RegularExpressions;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// The report's two charts, drawn by ScottPlot as SVG: the cost breakdown (bars) and the budget
/// frontier (the optimum against the budget, a step line). ScottPlot measures text with SkiaSharp, whose
/// native library ships in the package for Linux, Windows and macOS.
/// </summary>
internal static partial class ReportCharts
{
    private const int Width = 640;
    private const int Height = 300;

    /// <summary>The cost breakdown as horizontal bars, in the report's money unit.</summary>
    public static string CostChart(ReportModel model, AllocationPlan plan)
    {
        var parts = ReportModel.CostParts(plan.Costs);
        var plot = new ScottPlot.Plot();
        var colours = new[] { "#b5462a", "#1b9e8f", "#2e7d32", "#7b3fa0", "#c62828" };
        var bars = new List<ScottPlot.Bar>();
        for (var i = 0; i < parts.Count; i++)
        {
            var value = parts[i].Value / model.Money.Divisor;
            bars.Add(new ScottPlot.Bar
            {
                Position = parts.Count - 1 - i,
                Value = value,
                FillColor = ScottPlot.Color.FromHex(colours[i % colours.Length]),
                Label = ReportFormat.Number(value, 2),
            });
        }

        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, parts.Count).Select(i => (double)(parts.Count - 1 - i))], [.. parts.Select(p => p.Name)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.18);
        plot.XLabel($"cost over the horizon ({model.Money.Label})");
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        Style(plot);
        return Embed(plot.GetSvgXml(Width, Height), "cost", Width, Height);
    }

    /// <summary>The optimum against the budget as a step line, in the report's money unit.</summary>
    public static string FrontierChart(ReportModel model, IReadOnlyList<FrontierPoint> frontier)
    {
        var solved = frontier.Where(p => p.HasPlan).OrderBy(p => p.Budget).ToList();
        var plot = new ScottPlot.Plot();
        if (solved.Count > 0)
        {
            var xs = solved.Select(p => p.Budget / model.Money.Divisor).ToArray();
            var ys = solved.Select(p => p.Objective!.Value / model.Money.Divisor).ToArray();
            var line = plot.Add.Scatter(xs, ys, ScottPlot.Color.FromHex("#2166ac"));
            line.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
            string? previous = null;
            foreach (var p in solved)
            {
                // Label the budgets where what is built changes: that is what the money buys.
                var options = p.Chosen.IsEmpty ? "nothing built" : string.Join(" + ", p.Chosen.Select(c => c.Id.Value));
                if (options == previous) continue;
                previous = options;
                var text = plot.Add.Text(options, p.Budget / model.Money.Divisor, p.Objective!.Value / model.Money.Divisor);
                text.LabelFontSize = 11;
                text.LabelFontColor = ScottPlot.Color.FromHex("#444444");
                text.LabelRotation = -20;
                text.OffsetY = -6;
            }
        }

        plot.XLabel($"capital budget ({model.Money.Label})");
        plot.YLabel($"optimum ({model.Money.Label})");
        plot.Axes.Margins(left: 0.05, right: 0.25, bottom: 0.15, top: 0.3);
        Style(plot);
        return Embed(plot.GetSvgXml(Width + 100, Height + 40), "frontier", Width + 100, Height + 40);
    }

    private static void Style(ScottPlot.Plot plot)
    {
        plot.Font.Set("DejaVu Sans");
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
    }

    /// <summary>
    /// ScottPlot's SVG made fit to sit inside an HTML page beside other SVGs: no XML declaration, and
    /// every id (its clip paths) prefixed, since two charts on one page would otherwise share ids and
    /// clip each other.
    /// </summary>
    private static string Embed(string svg, string prefix, int width, int height)
    {
        var text = XmlDeclaration().Replace(svg, "").Trim();
        text = text.Replace(" id=\"", $" id=\"{prefix}-", StringComparison.Ordinal)
            .Replace("url(#", $"url(#{prefix}-", StringComparison.Ordinal)
            .Replace("href=\"#", $"href=\"#{prefix}-", StringComparison.Ordinal);
        // A viewBox lets the page scale the chart down on a narrow screen instead of cropping it.
        return text.Replace("<svg ", $"<svg class=\"chart\" id=\"{prefix}-chart\" viewBox=\"0 0 {width} {height}\" ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();
}
