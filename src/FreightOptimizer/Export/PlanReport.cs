using System.Net;
using System.Text;
using System.Xml.Linq;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// The plan as one self-contained HTML page for a planner (docs/reports.md): a headline (status,
/// objective, unmet demand, the top bottleneck, what the budget buys), a map of the network with its
/// flows, a crossing × period utilisation heat map, the cost breakdown, bottlenecks with their prices,
/// investments with their appraisal and the budget frontier, the verifier's verdict and the solve
/// report, and the optional sections of <see cref="ReportContent"/>. The page needs no network and
/// runs no script: its CSS and SVG are inline, and hover details are SVG <c>title</c> elements. A plan
/// the verifier rejected is announced as such before anything else, with the findings first.
/// </summary>
public static class PlanReport
{
    /// <summary>The report as HTML text.</summary>
    /// <param name="content">What to report.</param>
    /// <returns>The page, a well-formed XML document with an HTML5 doctype.</returns>
    public static string Write(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new HtmlReportWriter(new ReportModel(content)).Write();
    }

    /// <summary>The report of one solve as HTML text, with no optional section.</summary>
    /// <param name="scenario">The scenario that was solved.</param>
    /// <param name="result">The result of solving it.</param>
    /// <param name="frontier">The budget frontier, or null.</param>
    /// <returns>The page.</returns>
    public static string Write(Scenario scenario, OptimizationResult result, IReadOnlyList<FrontierPoint>? frontier = null) =>
        Write(new ReportContent(scenario, result) { Frontier = frontier });

    /// <summary>Writes the report to an HTML file (UTF-8).</summary>
    /// <param name="content">What to report.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFile(ReportContent content, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Write(content), new UTF8Encoding(false));
    }
}

/// <summary>Lays a <see cref="ReportModel"/> out as HTML.</summary>
internal sealed class HtmlReportWriter(ReportModel model)
{
    private const string Css = """
        :root { --ok: #1e7b34; --bad: #b3121b; --warn: #b36b00; --ink: #1a1a1a; --muted: #5b6570; --line: #d9dee3; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; padding: 20px 28px 40px; background: #fff; font-size: 14px; line-height: 1.4; }
        header h1 { margin: 0 0 4px; font-size: 26px; }
        header p { margin: 0; color: var(--muted); }
        h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        .headline { margin: 16px 0 8px; border: 2px solid var(--line); border-left: 10px solid var(--muted); border-radius: 6px; padding: 10px 16px; background: #fafbfc; }
        .headline.ok { border-left-color: var(--ok); }
        .headline.bad { border-left-color: var(--bad); background: #fff3f3; }
        .headline.warn { border-left-color: var(--warn); background: #fff9ef; }
        .headline dl { display: grid; grid-template-columns: 150px 1fr; gap: 5px 14px; margin: 0; font-size: 16px; }
        .headline dt { font-weight: bold; color: var(--muted); }
        .headline dd { margin: 0; }
        .tone-ok { color: var(--ok); font-weight: bold; }
        .tone-bad { color: var(--bad); font-weight: bold; }
        .tone-warn { color: var(--warn); font-weight: bold; }
        .banner { background: var(--bad); color: #fff; font-size: 20px; font-weight: bold; padding: 14px 18px; border-radius: 6px; margin: 12px 0; }
        .rejected-plan { border: 3px dashed var(--bad); padding: 4px 14px; border-radius: 6px; }
        .note { color: var(--muted); font-size: 13px; margin: 4px 0 8px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 0 28px; }
        table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 9px; text-align: left; vertical-align: top; }
        th { background: #eef2f5; font-weight: bold; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr:hover td { background: #f6f8fa; }
        svg { max-width: 100%; height: auto; }
        svg.map { border: 1px solid var(--line); border-radius: 6px; }
        footer { margin-top: 30px; color: var(--muted); font-size: 12px; }
        """;

    private readonly StringBuilder _html = new();

    public string Write()
    {
        var plan = model.Plan;
        Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        Raw($"<title>{E(model.Title)}: {E(model.Result.Status.ToString())}</title>\n<style>\n{Css}\n</style>\n</head>\n<body>\n");
        Raw($"<header>\n<h1>{E(model.Title)}</h1>\n<p>{E(model.ScenarioLine())}</p>\n</header>\n");

        var verification = plan?.Verification;
        if (model.Rejected)
        {
            // A rejected plan must never look like an answer: the verdict and the findings come before anything else.
            Raw("<div class=\"banner\" id=\"verification-failed\">VERIFICATION FAILED: the independent verifier rejected the plan the engine returned. Do not act on it.</div>\n");
        }

        Headline();
        if (model.Rejected && verification is not null)
        {
            Section("findings-first", "What the verifier found", "Every failed check, feasibility first. The plan below is shown for diagnosis only.");
            Table(ReportModel.FindingsTable(verification));
            Raw("</section>\n");
        }

        if (model.Rejected) Raw("<div class=\"rejected-plan\">\n");
        Section("map", "The network and its flows", "Width by tonnes over the horizon, colour by mode; dashed routes are closed in some periods; border crossings coloured by their peak utilisation. Hover for details.");
        Raw(NetworkMap.Draw(model).ToString(SaveOptions.DisableFormatting));
        Raw("\n</section>\n");

        if (plan is not null) PlanSections(plan);
        else if (model.Result.Explanation is { } explanation)
        {
            Section("explanation", "Why there is no plan", null);
            Raw($"<p>{E(explanation.Summary)}</p>\n</section>\n");
        }

        if (model.Rejected) Raw("</div>\n");

        Optional();
        if (verification is not null && !model.Rejected)
        {
            Section("verification", "Verification", "The plan checked against the scenario alone by the independent verifier, not by the solver.");
            Raw($"<p class=\"{(verification.Passed && verification.OptimalityCertified ? "tone-ok" : "tone-bad")}\">{E(VerdictSentence(verification))}</p>\n");
            Table(model.VerificationTable(verification));
            if (!verification.Findings.IsEmpty) Table(ReportModel.FindingsTable(verification));
            Raw("</section>\n");
        }
        else if (model.Rejected && verification is not null)
        {
            Section("verification", "Verification", null);
            Table(model.VerificationTable(verification));
            Raw("</section>\n");
        }
        else if (plan is not null)
        {
            Section("verification", "Verification", null);
            Raw("<p class=\"tone-warn\">The plan was not verified.</p>\n</section>\n");
        }

        Section("solve", "Solve report", null);
        Table(model.SolveReportTable());
        Raw("</section>\n");
        Raw("<footer>Written by FreightOptimizer. Money in the scenario's currency; tonnes over the whole horizon unless a column says otherwise. No script and no network: everything on this page is in this file.</footer>\n</body>\n</html>\n");
        return _html.ToString();
    }

    private static string VerdictSentence(VerificationReport v) =>
        (v.Passed ? "PASSED: every constraint holds and the objective recomputes." : "FAILED: the plan breaks the scenario's constraints or its objective does not recompute.")
        + (v.OptimalityCertified ? " Optimality CERTIFIED by the plan's prices." : " Optimality NOT certified.");

    private void Headline()
    {
        var items = model.Headline();
        Raw($"<section class=\"headline {items[0].Tone}\" id=\"headline\">\n<dl>\n");
        foreach (var item in items)
        {
            Raw($"<dt>{E(item.Label)}</dt><dd class=\"tone-{item.Tone}\">{E(item.Text)}</dd>\n");
        }

        Raw("</dl>\n</section>\n");
    }

    private void PlanSections(AllocationPlan plan)
    {
        if (model.Utilisation.Count > 0)
        {
            Section("heat", model.UtilisationByCrossing ? "Border crossings: utilisation by period" : "Busiest capacities: utilisation by period",
                model.UtilisationByCrossing
                    ? "A crossing is as full as the fullest capacity it depends on: its own or a capacitated route into or out of it. Grey: closed or no capacity in that period."
                    : "The scenario has no border crossing: the capacitated routes and locations with the highest peak utilisation.");
            Raw(UtilisationHeatMap.Draw(model).ToString(SaveOptions.DisableFormatting));
            Raw("\n</section>\n");
        }

        Raw("<div class=\"grid\">\n");
        Section("costs", "Cost breakdown", $"The objective by what it pays for, in {model.Money.Label} over the horizon.");
        Raw(ReportCharts.CostChart(model, plan));
        Table(model.CostTable(plan));
        Raw("</section>\n");
        Section("bottlenecks", "Bottlenecks", $"Binding capacities and what one more tonne of capacity would save ({model.Scenario.Currency}/t), highest first.");
        if (plan.Bottlenecks.IsEmpty) Raw("<p>No capacity is binding.</p>\n");
        else Table(model.BottleneckTable(plan));
        Raw("</section>\n</div>\n");

        if (model.ActivityTable(plan) is { } activity)
        {
            Section("activity", "Transport work and emissions", "Over the horizon; a crossing counts the tonnes that arrive there and the tonne-km and CO2e of its routes in and out.");
            Table(activity);
            Raw("</section>\n");
        }

        if (model.Scenario.Network.Locations.Any(l => l.Kind == LocationKind.BorderCrossing))
        {
            Section("crossings", "Tonnes through each border crossing", "Inflow by commodity over the horizon, with the crossing's peak and mean utilisation.");
            Table(model.CrossingTable(plan));
            Raw("</section>\n");
        }

        if (model.Scenario.Network.Routes.Any(model.IsSeasonal))
        {
            Section("seasonal", "Seasonal routes", $"Routes closed in some period: {model.Tonnes.Label} carried in each period.");
            Table(model.SeasonalTable(plan));
            Raw("</section>\n");
        }

        Section("unmet", "Unmet demand", null);
        if (model.Rejected) Raw("<p class=\"tone-bad\">The rejected plan's unmet demand is not to be believed (see the findings).</p>\n");
        if (plan.Unmet.IsEmpty) Raw(model.Rejected ? "" : "<p class=\"tone-ok\">None: every demand is served.</p>\n");
        else Table(model.UnmetTable(plan));
        Raw("</section>\n");

        var prices = model.MarketPriceTable(plan);
        if (prices.Rows.Count > 0)
        {
            Section("market-prices", "Market prices", "Landed marginal cost at each market: what one more tonne delivered there would cost.");
            Table(prices);
            Raw("</section>\n");
        }

        if (!model.Scenario.Investments.IsEmpty)
        {
            Section("investments", "Investments and their appraisal", "Value: optimum without a built option − optimum. Regret: optimum with an unbuilt option forced in − optimum. Saving per year is gross of its own capital.");
            Table(model.InvestmentTable(plan));
            var notes = model.AppraisalNotes(plan).ToList();
            if (notes.Count > 0)
            {
                Raw("<ul class=\"note\">\n");
                foreach (var note in notes) Raw($"<li>{E(note)}</li>\n");
                Raw("</ul>\n");
            }

            if (plan.Appraisal.IsEmpty) Raw("<p class=\"note\">The options were not appraised in this solve.</p>\n");
            Raw("</section>\n");
        }
    }

    private void Optional()
    {
        var content = model.Content;
        if (content.Frontier is { } frontier)
        {
            Section("frontier", "Budget frontier", "The scenario solved once per budget: the optimum over the horizon and the options each budget buys.");
            if (frontier.Any(p => p.HasPlan)) Raw(ReportCharts.FrontierChart(model, frontier));
            Table(model.FrontierTable(frontier));
            Raw("</section>\n");
        }

        if (content.Closures is { } closures)
        {
            Section("closures", "Closures (N−1)", "Each element closed for the whole horizon in turn: what the optimum and the unmet demand do.");
            OptionalTable(closures.Count, model.ClosureTable(closures));
        }

        if (content.Tracing is { } tracing)
        {
            Section("tracing", "Where the freight goes", "Tonnes of each commodity from origin to destination and the routes they take.");
            OptionalTable(tracing.Count, model.TraceTable(tracing));
        }

        if (content.Sensitivity is { } sensitivity)
        {
            Section("sensitivity", "Sensitivity", "How the optimum responds to changed inputs.");
            OptionalTable(sensitivity.Count, model.SensitivityTable(sensitivity));
        }

        if (content.Calibration is { } calibration)
        {
            Section("calibration", "Calibration to the observations", calibration.Message);
            OptionalTable(calibration.Constants.Length, model.CalibrationTable(calibration));
        }

        if (content.Sweeps is { } sweeps)
        {
            Section("tornado", "What moves the optimum", "Each input scaled over its range with everything else held: how far the optimum moves (bar: lowest to highest change), largest swing first.");
            if (sweeps.Count == 0) Raw("<p>No rows.</p>\n");
            else Raw(Tornado.Svg(sweeps, model.Money));
            Raw("</section>\n");
        }
    }

    private void OptionalTable(int count, ReportTable table)
    {
        if (count == 0) Raw("<p>No rows.</p>\n");
        else Table(table);
        Raw("</section>\n");
    }

    private void Section(string id, string title, string? note)
    {
        Raw($"<section id=\"{id}\">\n<h2>{E(title)}</h2>\n");
        if (note is not null) Raw($"<p class=\"note\">{E(note)}</p>\n");
    }

    private void Table(ReportTable table)
    {
        Raw($"<table id=\"table-{table.Id}\">\n<thead><tr>");
        for (var c = 0; c < table.Headers.Count; c++) Raw($"<th{(table.Numeric[c] ? " class=\"num\"" : "")}>{E(table.Headers[c])}</th>");
        Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            Raw("<tr>");
            for (var c = 0; c < row.Count; c++) Raw($"<td{(table.Numeric[c] ? " class=\"num\"" : "")}>{E(row[c])}</td>");
            Raw("</tr>\n");
        }

        Raw("</tbody>\n</table>\n");
    }

    private void Raw(string text) => _html.Append(text);

    /// <summary>Escapes text for HTML (and XML): every name and message of the scenario passes here.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
