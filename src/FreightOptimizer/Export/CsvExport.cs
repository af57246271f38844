using System.Globalization;
using System.Text;
using CsvHelper;

using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// A plan's flows, unmet demand and prices as CSV files (RFC 4180, written by CsvHelper): invariant
/// culture, a header row, the columns in a fixed order (docs/reports.md documents each), numbers as
/// the shortest text that reads back to the same double, <c>\n</c> line ends. Without a plan the files
/// hold the header alone.
/// </summary>
public static class CsvExport
{
    /// <summary>The columns of the flows file, in order.</summary>
    public static IReadOnlyList<string> FlowColumns { get; } = ["route", "from", "to", "mode", "commodity", "period", "tonnes", "costPerTonne", "transportCost"];

    /// <summary>The columns of the unmet-demand file, in order.</summary>
    public static IReadOnlyList<string> UnmetColumns { get; } = ["location", "commodity", "period", "tonnes"];

    /// <summary>The columns of the prices file, in order.</summary>
    public static IReadOnlyList<string> PriceColumns { get; } = ["kind", "route", "location", "commodity", "period", "value"];

    /// <summary>One row per route, commodity and period with a flow, in the plan's order.</summary>
    /// <param name="scenario">The scenario (for the routes' ends, modes and costs).</param>
    /// <param name="plan">The plan, or null for the header alone.</param>
    /// <returns>The CSV text.</returns>
    public static string WriteFlows(Scenario scenario, AllocationPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Csv(FlowColumns, csv =>
        {
            foreach (var flow in plan?.Flows ?? [])
            {
                var known = scenario.Network.TryGetRoute(flow.Route, out var route);
                double? cost = known && route!.CostPerTonne.TryGetValue(flow.Commodity, out var c) ? c : null;
                Row(csv, flow.Route.Value, known ? route!.From.Value : "", known ? route!.To.Value : "", known ? route!.Mode.ToString() : "",
                    flow.Commodity.Value, flow.Period.Value, Number(flow.Tonnes), Number(cost), Number(cost * flow.Tonnes));
            }
        });
    }

    /// <summary>One row per location, commodity and period with unmet demand.</summary>
    /// <param name="plan">The plan, or null for the header alone.</param>
    /// <returns>The CSV text.</returns>
    public static string WriteUnmet(AllocationPlan? plan) =>
        Csv(UnmetColumns, csv =>
        {
            foreach (var u in plan?.Unmet ?? []) Row(csv, u.Location.Value, u.Commodity.Value, u.Period.Value, Number(u.Tonnes));
        });

    /// <summary>
    /// Every price of the plan: <c>balance</c> (location, commodity, period), <c>capacity</c> (route or
    /// location, period), <c>minimumFlow</c> (route, period) and <c>budget</c> (no key); empty cells
    /// where a key does not apply.
    /// </summary>
    /// <param name="plan">The plan, or null for the header alone.</param>
    /// <returns>The CSV text.</returns>
    public static string WritePrices(AllocationPlan? plan) =>
        Csv(PriceColumns, csv =>
        {
            if (plan is null) return;
            var prices = plan.Prices;
            foreach (var p in prices.Balance) Row(csv, "balance", "", p.Location.Value, p.Commodity.Value, p.Period.Value, Number(p.PerTonne));
            foreach (var p in prices.Capacity) Row(csv, "capacity", p.Element.Route?.Value ?? "", p.Element.Location?.Value ?? "", "", p.Period.Value, Number(p.PerTonne));
            foreach (var p in prices.MinimumFlow) Row(csv, "minimumFlow", p.Route.Value, "", "", p.Period.Value, Number(p.PerTonne));
            if (prices.Budget is { } budget) Row(csv, "budget", "", "", "", "", Number(budget));
        });

    /// <summary>Writes the flows to a CSV file (UTF-8).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFlowsFile(Scenario scenario, AllocationPlan? plan, string path) => ToFile(path, WriteFlows(scenario, plan));

    /// <summary>Writes the unmet demand to a CSV file (UTF-8).</summary>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteUnmetFile(AllocationPlan? plan, string path) => ToFile(path, WriteUnmet(plan));

    /// <summary>Writes the prices to a CSV file (UTF-8).</summary>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WritePricesFile(AllocationPlan? plan, string path) => ToFile(path, WritePrices(plan));

    /// <summary>The columns of <see cref="WriteTrace"/>.</summary>
    public static IReadOnlyList<string> TraceColumns { get; } = ["origin", "market", "commodity", "period", "tonnes", "path"];

    /// <summary>The columns of <see cref="WriteSensitivity"/>.</summary>
    public static IReadOnlyList<string> SensitivityColumns { get; } = ["element", "kind", "period", "price", "value", "lower", "upper"];

    /// <summary>
    /// The traced origin–market paths that use one route or location, one row per path and period
    /// (<see cref="TraceColumns"/>): <c>path</c> is the route ids joined by <c>&gt;</c>, from the origin on.
    /// </summary>
    /// <param name="decomposition">The plan's flow decomposition (<see cref="FlowTrace.Decompose"/>).</param>
    /// <param name="element">The route or location traced.</param>
    /// <returns>The CSV text.</returns>
    public static string WriteTrace(FlowDecomposition decomposition, NetworkElement element)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        return Csv(TraceColumns, csv =>
        {
            foreach (var path in decomposition.Through(element))
            {
                Row(csv, path.Origin.Value, path.Market.Value, path.Commodity.Value, path.Period.Value, Number(path.Tonnes),
                    string.Join('>', path.Routes.Select(r => r.Value)));
            }
        });
    }

    /// <summary>
    /// The sensitivity ranges (<see cref="SensitivityColumns"/>). A capacity row: <c>kind</c> is
    /// <c>capacity</c>, <c>price</c> its price per tonne, <c>value</c> the period's capacity in tonnes and
    /// <c>lower</c>/<c>upper</c> the capacities between which that price holds (empty upper: no end). A
    /// tariff row: <c>kind</c> is <c>tariff:</c> and the commodity, <c>period</c> is empty (a tariff holds for
    /// the horizon), <c>price</c> the cost per tonne, <c>value</c> the tonnes the route carries, and
    /// <c>lower</c>/<c>upper</c> the costs per tonne between which the plan's flows stay optimal.
    /// </summary>
    /// <param name="report">The sensitivity report (<see cref="Sensitivity.Analyse"/>).</param>
    /// <returns>The CSV text.</returns>
    public static string WriteSensitivity(SensitivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Csv(SensitivityColumns, csv =>
        {
            foreach (var c in report.Capacities)
            {
                Row(csv, c.Element.Id, "capacity", c.Period.Value, Number(c.PerTonne), Number(c.CapacityTonnes), Number(c.LowerTonnes), Number(c.UpperTonnes));
            }

            foreach (var t in report.Tariffs)
            {
                Row(csv, t.Route.Value, "tariff:" + t.Commodity.Value, "", Number(t.CostPerTonne), Number(t.FlowTonnes), Number(t.LowerCostPerTonne), Number(t.UpperCostPerTonne));
            }
        });
    }

    /// <summary>The columns of <see cref="WriteClosures"/>.</summary>
    public static IReadOnlyList<string> ClosureColumns { get; } = ["element", "kind", "periods", "status", "objective", "costChange", "unmetTonnes"];

    /// <summary>
    /// A closure study, one row per closure (<see cref="ClosureColumns"/>): the route or location id,
    /// <c>Route</c> or <c>Location</c>, the closed periods joined by <c>;</c> (empty: the whole horizon), the
    /// status, the optimum with the element closed, its change from the base optimum, and the unmet
    /// tonnes over the horizon with the element closed; empty cells where the re-solve found no plan.
    /// </summary>
    /// <param name="study">The study (<see cref="Closures.Run"/>).</param>
    /// <returns>The CSV text.</returns>
    public static string WriteClosures(ClosureStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return Csv(ClosureColumns, csv =>
        {
            foreach (var r in study.Results)
            {
                Row(csv, r.Element.Id, r.Kind.ToString(), string.Join(';', r.Periods.Select(p => p.Value)), r.Status.ToString(),
                    Number(r.Objective), Number(r.CostChange), r.HasPlan ? Number(r.Unmet.Sum(u => u.Tonnes)) : "");
            }
        });
    }

    /// <summary>Writes <see cref="WriteClosures"/> to a file (UTF-8).</summary>
    /// <param name="study">The study.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteClosuresFile(ClosureStudy study, string path) => ToFile(path, WriteClosures(study));

    /// <summary>Writes <see cref="WriteTrace"/> to a file (UTF-8).</summary>
    /// <param name="decomposition">The plan's flow decomposition.</param>
    /// <param name="element">The route or location traced.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteTraceFile(FlowDecomposition decomposition, NetworkElement element, string path) => ToFile(path, WriteTrace(decomposition, element));

    /// <summary>Writes <see cref="WriteSensitivity"/> to a file (UTF-8).</summary>
    /// <param name="report">The sensitivity report.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteSensitivityFile(SensitivityReport report, string path) => ToFile(path, WriteSensitivity(report));

    /// <summary>The columns of <see cref="WriteFrontier"/>.</summary>
    public static IReadOnlyList<string> FrontierColumns { get; } = ["budget", "status", "objective", "capital", "unmetTonnes", "options"];

    /// <summary>
    /// A budget frontier, one row per budget (<see cref="FrontierColumns"/>): the budget, the status, the
    /// optimum, the capital spent (not annualised) and the unmet tonnes over the horizon (empty cells
    /// without a plan), and the options built joined by <c>;</c>, each as its id, followed by
    /// <c>×units</c> when it is not 1.
    /// </summary>
    /// <param name="points">The frontier (<see cref="BudgetFrontier.Solve"/>).</param>
    /// <returns>The CSV text.</returns>
    public static string WriteFrontier(IEnumerable<FrontierPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return Csv(FrontierColumns, csv =>
        {
            foreach (var p in points)
            {
                var options = string.Join(';', p.Chosen.Select(c => Math.Abs(c.Units - 1) < 1e-9
                    ? c.Id.Value
                    : c.Id.Value + "×" + c.Units.ToString("0.##", CultureInfo.InvariantCulture)));
                Row(csv, Number(p.Budget), p.Status.ToString(), Number(p.Objective), Number(p.CapitalSpent), Number(p.UnmetTonnes), options);
            }
        });
    }

    /// <summary>Writes <see cref="WriteFrontier"/> to a file (UTF-8).</summary>
    /// <param name="points">The frontier.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFrontierFile(IEnumerable<FrontierPoint> points, string path) => ToFile(path, WriteFrontier(points));

    internal static void ToFile(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    internal static string Csv(IReadOnlyList<string> columns, Action<CsvWriter> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var options = new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            foreach (var column in columns) csv.WriteField(column);
            csv.EndRecord();
            rows(csv);
        }

        return text.ToString();
    }

    internal static void Row(CsvWriter csv, params string[] cells)
    {
        foreach (var cell in cells) csv.WriteField(cell);
        csv.EndRecord();
    }

    internal static string Number(double? value) => value is { } v ? ReportFormat.Exact(v) : "";
}
