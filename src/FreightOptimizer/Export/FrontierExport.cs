using System.Globalization;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// The cost–CO2 frontier (<see cref="EmissionsFrontier.Compute"/>) as a CSV table and an SVG chart, and a
/// plan's activity (tonne-km, tonne-days, CO2e) as CSV (docs/reports.md).
/// </summary>
public static class FrontierExport
{
    /// <summary>The columns of <see cref="WriteEmissionsCsv"/>: the point, then tonne-km by mode in the order of <see cref="TransportMode"/>, then the crossings.</summary>
    public static IReadOnlyList<string> EmissionsColumns { get; } =
    [
        "point", "co2CapTonnes", "status", "cost", "co2Tonnes", "unmetTonnes", "co2PricePerTonne",
        .. Enum.GetValues<TransportMode>().Select(m => "tonneKm" + m), "crossingTonnes",
    ];

    /// <summary>The columns of <see cref="WriteActivity"/>.</summary>
    public static IReadOnlyList<string> ActivityColumns { get; } = ["group", "key", "tonnes", "tonneKm", "tonneDays", "co2Tonnes"];

    /// <summary>
    /// One row per frontier point (<see cref="EmissionsColumns"/>): its index from 0 (the min-cost end), the
    /// cap (empty for the uncapped point), status, cost, CO2e, unmet tonnes, the cap's price, tonne-km per
    /// mode, and the tonnes through each border crossing as <c>id=tonnes</c> joined by <c>;</c>; empty
    /// cells without a plan.
    /// </summary>
    /// <param name="points">The frontier.</param>
    /// <returns>The CSV text.</returns>
    public static string WriteEmissionsCsv(IReadOnlyList<EmissionsFrontierPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var modes = Enum.GetValues<TransportMode>();
        return CsvExport.Csv(EmissionsColumns, csv =>
        {
            for (var j = 0; j < points.Count; j++)
            {
                var p = points[j];
                var byMode = p.ByMode.ToDictionary(l => l.Key, l => l.TonneKm, StringComparer.Ordinal);
                CsvExport.Row(csv,
                [
                    j.ToString(CultureInfo.InvariantCulture), CsvExport.Number(p.Co2CapTonnes), p.Status.ToString(), CsvExport.Number(p.Cost),
                    CsvExport.Number(p.Co2Tonnes), CsvExport.Number(p.UnmetTonnes), CsvExport.Number(p.Co2PricePerTonne),
                    .. modes.Select(m => p.HasPlan ? CsvExport.Number(byMode.TryGetValue(m.ToString(), out var v) ? v : 0) : ""),
                    string.Join(';', p.ByCrossing.Select(c => c.Key + "=" + CsvExport.Number(c.Tonnes))),
                ]);
            }
        });
    }

    /// <summary>Writes <see cref="WriteEmissionsCsv"/> to a file (UTF-8).</summary>
    /// <param name="points">The frontier.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteEmissionsCsvFile(IReadOnlyList<EmissionsFrontierPoint> points, string path) => CsvExport.ToFile(path, WriteEmissionsCsv(points));

    /// <summary>
    /// The frontier as an SVG chart (ScottPlot): cost against CO2e, one marker per point with a plan, joined
    /// in order, each labelled with its cap's price where the cap binds.
    /// </summary>
    /// <param name="points">The frontier.</param>
    /// <param name="currency">The currency for the axis label.</param>
    /// <returns>The SVG text.</returns>
    public static string WriteEmissionsSvg(IReadOnlyList<EmissionsFrontierPoint> points, string currency = "RUB")
    {
        ArgumentNullException.ThrowIfNull(points);
        var solved = points.Where(p => p.Cost is not null && p.Co2Tonnes is not null).ToList();
        var maxCost = solved.Select(p => Math.Abs(p.Cost!.Value)).DefaultIfEmpty(0).Max();
        var (divisor, unit) = maxCost >= 1e9 ? (1e9, "bn ") : maxCost >= 1e6 ? (1e6, "mn ") : maxCost >= 1e3 ? (1e3, "k ") : (1.0, "");
        var maxCo2 = solved.Select(p => p.Co2Tonnes!.Value).DefaultIfEmpty(0).Max();
        var (co2Divisor, co2Unit) = maxCo2 >= 1e6 ? (1e6, "Mt") : maxCo2 >= 1e3 ? (1e3, "kt") : (1.0, "t");
        var plot = new ScottPlot.Plot();
        if (solved.Count > 0)
        {
            var line = plot.Add.Scatter(solved.Select(p => p.Co2Tonnes!.Value / co2Divisor).ToArray(), solved.Select(p => p.Cost!.Value / divisor).ToArray(), ScottPlot.Color.FromHex("#2e7d32"));
            line.LineWidth = 2.5f;
            line.MarkerSize = 8;
            foreach (var p in solved.Where(p => p.Co2PricePerTonne is > 0))
            {
                var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{p.Co2PricePerTonne:N0}/t"), p.Co2Tonnes!.Value / co2Divisor, p.Cost!.Value / divisor);
                text.LabelFontSize = 11;
                text.LabelFontColor = ScottPlot.Color.FromHex("#444444");
                text.OffsetY = -8;
            }
        }

        plot.Title("Cost–CO2 frontier (labels: the cap's price per tonne CO2e)");
        plot.XLabel($"CO2e over the horizon ({co2Unit})");
        plot.YLabel($"cost over the horizon ({unit}{currency})");
        plot.Font.Set("DejaVu Sans");
        plot.Axes.Margins(left: 0.1, right: 0.1, bottom: 0.1, top: 0.2);
        return plot.GetSvgXml(760, 420);
    }

    /// <summary>Writes <see cref="WriteEmissionsSvg"/> to a file (UTF-8).</summary>
    /// <param name="points">The frontier.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="currency">The currency for the axis label.</param>
    public static void WriteEmissionsSvgFile(IReadOnlyList<EmissionsFrontierPoint> points, string path, string currency = "RUB") =>
        CsvExport.ToFile(path, WriteEmissionsSvg(points, currency));

    /// <summary>
    /// A plan's activity (<see cref="ActivityColumns"/>): the total, then one row per mode, commodity and
    /// border crossing, <c>group</c> being <c>total</c>, <c>mode</c>, <c>commodity</c> or <c>crossing</c>.
    /// Without activity (the scenario asks for none), the header alone.
    /// </summary>
    /// <param name="plan">The plan, or null.</param>
    /// <returns>The CSV text.</returns>
    public static string WriteActivity(AllocationPlan? plan) =>
        CsvExport.Csv(ActivityColumns, csv =>
        {
            if (plan?.Activity is not { } a) return;
            void Line(string group, ActivityLine l) =>
                CsvExport.Row(csv, group, l.Key, CsvExport.Number(l.Tonnes), CsvExport.Number(l.TonneKm), CsvExport.Number(l.TonneDays), CsvExport.Number(l.Co2Tonnes));
            Line("total", a.Total);
            foreach (var l in a.ByMode) Line("mode", l);
            foreach (var l in a.ByCommodity) Line("commodity", l);
            foreach (var l in a.ByCrossing) Line("crossing", l);
        });
}
