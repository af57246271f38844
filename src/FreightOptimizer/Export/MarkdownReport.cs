using System.Text;
using System.Text.RegularExpressions;

namespace FreightOptimizer.Export;

/// <summary>
/// The plan as a Markdown summary: the same headline and tables as <see cref="PlanReport"/> (drawn
/// from the same numbers), without the map, the heat map and the charts. Text from the scenario is
/// escaped, so a name cannot add markup, links or raw HTML.
/// </summary>
public static partial class MarkdownReport
{
    /// <summary>The summary as Markdown text.</summary>
    /// <param name="content">What to report.</param>
    /// <returns>The Markdown, with <c>\n</c> line ends.</returns>
    public static string Write(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var model = new ReportModel(content);
        var md = new StringBuilder();
        var plan = model.Plan;
        md.Append("# ").Append(Escape(model.Title)).Append("\n\n").Append(Escape(model.ScenarioLine())).Append("\n\n");
        if (model.Rejected)
        {
            md.Append("> **VERIFICATION FAILED: the independent verifier rejected the plan the engine returned. Do not act on it.**\n\n");
        }

        foreach (var item in model.Headline()) md.Append("- **").Append(Escape(item.Label)).Append(":** ").Append(Escape(item.Text)).Append('\n');
        md.Append('\n');
        if (model.Rejected && plan?.Verification is { } rejected)
        {
            Heading(md, "What the verifier found", "Every failed check, feasibility first. The plan below is shown for diagnosis only.");
            Table(md, ReportModel.FindingsTable(rejected));
        }

        if (plan is not null)
        {
            if (model.Utilisation.Count > 0)
            {
                Heading(md, model.UtilisationByCrossing ? "Border crossings: utilisation by period" : "Busiest capacities: utilisation by period", null);
                Table(md, model.UtilisationTable());
            }

            Heading(md, "Cost breakdown", null);
            Table(md, model.CostTable(plan));
            Heading(md, "Bottlenecks", $"Binding capacities and what one more tonne of capacity would save ({model.Scenario.Currency}/t).");
            if (plan.Bottlenecks.IsEmpty) md.Append("No capacity is binding.\n\n");
            else Table(md, model.BottleneckTable(plan));
            if (model.ActivityTable(plan) is { } activity)
            {
                Heading(md, "Transport work and emissions", "Over the horizon; a crossing counts the tonnes that arrive there and the tonne-km and CO2e of its routes in and out.");
                Table(md, activity);
            }

            if (model.Scenario.Network.Locations.Any(l => l.Kind == LocationKind.BorderCrossing))
            {
                Heading(md, "Tonnes through each border crossing", null);
                Table(md, model.CrossingTable(plan));
            }

            if (model.Scenario.Network.Routes.Any(model.IsSeasonal))
            {
                Heading(md, "Seasonal routes", null);
                Table(md, model.SeasonalTable(plan));
            }

            Heading(md, "Unmet demand", null);
            if (model.Rejected) md.Append("The rejected plan's unmet demand is not to be believed (see the findings).\n\n");
            if (plan.Unmet.IsEmpty) md.Append(model.Rejected ? "" : "None: every demand is served.\n\n");
            else Table(md, model.UnmetTable(plan));
            var prices = model.MarketPriceTable(plan);
            if (prices.Rows.Count > 0)
            {
                Heading(md, "Market prices", "Landed marginal cost at each market.");
                Table(md, prices);
            }

            if (!model.Scenario.Investments.IsEmpty)
            {
                Heading(md, "Investments and their appraisal", null);
                Table(md, model.InvestmentTable(plan));
                foreach (var note in model.AppraisalNotes(plan)) md.Append("- ").Append(Escape(note)).Append('\n');
                md.Append('\n');
            }
        }
        else if (model.Result.Explanation is { } explanation)
        {
            Heading(md, "Why there is no plan", null);
            md.Append(Escape(explanation.Summary)).Append("\n\n");
        }

        if (content.Frontier is { } frontier)
        {
            Heading(md, "Budget frontier", null);
            Table(md, model.FrontierTable(frontier));
        }

        Optional(md, "Closures (N−1)", content.Closures, rows => model.ClosureTable(rows));
        Optional(md, "Where the freight goes", content.Tracing, rows => model.TraceTable(rows));
        Optional(md, "Sensitivity", content.Sensitivity, rows => model.SensitivityTable(rows));
        if (content.Calibration is { } calibration)
        {
            Heading(md, "Calibration to the observations", null);
            md.Append(Escape(calibration.Message)).Append("\n\n");
            if (calibration.Constants.IsDefaultOrEmpty) md.Append("No rows.\n\n");
            else Table(md, model.CalibrationTable(calibration));
        }

        if (plan?.Verification is { } v)
        {
            Heading(md, "Verification", null);
            Table(md, model.VerificationTable(v));
            if (!model.Rejected && !v.Findings.IsEmpty) Table(md, ReportModel.FindingsTable(v));
        }

        Heading(md, "Solve report", null);
        Table(md, model.SolveReportTable());
        return md.ToString();
    }

    /// <summary>Writes the summary to a Markdown file (UTF-8).</summary>
    /// <param name="content">What to report.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFile(ReportContent content, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Write(content), new UTF8Encoding(false));
    }

    private static void Optional<T>(StringBuilder md, string title, IReadOnlyList<T>? rows, Func<IReadOnlyList<T>, ReportTable> table)
    {
        if (rows is null) return;
        Heading(md, title, null);
        if (rows.Count == 0) md.Append("No rows.\n\n");
        else Table(md, table(rows));
    }

    private static void Heading(StringBuilder md, string title, string? note)
    {
        md.Append("## ").Append(Escape(title)).Append("\n\n");
        if (note is not null) md.Append(Escape(note)).Append("\n\n");
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append('|');
        foreach (var header in table.Headers) md.Append(' ').Append(Escape(header)).Append(" |");
        md.Append("\n|");
        foreach (var numeric in table.Numeric) md.Append(numeric ? "---:|" : "---|");
        md.Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append('|');
            foreach (var cell in row) md.Append(' ').Append(Escape(cell)).Append(" |");
            md.Append('\n');
        }

        md.Append('\n');
    }

    /// <summary>
    /// Escapes Markdown punctuation with backslashes, and &lt; &gt; &amp; as entities so no raw HTML
    /// passes; line breaks become spaces, so a cell stays one table row.
    /// </summary>
    internal static string Escape(string text)
    {
        var flat = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var escaped = MarkdownPunctuation().Replace(flat, @"\$0");
        return escaped.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[\\`*_\[\]|#]")]
    private static partial Regex MarkdownPunctuation();
}
