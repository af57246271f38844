using System.Globalization;
using FreightOptimizer.Analysis;
using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>The console tables of the analyses that follow or repeat a solve (docs/analysis.md).</summary>
public static class AnalysisViews
{
    /// <summary>The largest origin–market flows through one route or location, over the horizon.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="decomposition">The plan's flow decomposition (<see cref="FlowTrace.Decompose"/>).</param>
    /// <param name="element">The route or location traced.</param>
    /// <param name="top">How many flows to show, largest first.</param>
    public static void Trace(IAnsiConsole console, FlowDecomposition decomposition, NetworkElement element, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(decomposition);
        var largest = decomposition.ThroughOverHorizon(element).OrderByDescending(f => f.Tonnes).ToList();
        var unit = Unit.Tonnes(largest.Select(f => f.Tonnes).DefaultIfEmpty(0).Max());
        console.Line();
        console.Line($"Flows through {element} ({unit.Label} over the horizon, largest first; {largest.Count} origin–market flow(s), {Math.Min(top, largest.Count)} shown):");
        var table = Tables.Create("origin", "market", "commodity", ">" + unit.Label, ">periods", "via");
        foreach (var flow in largest.Take(top))
        {
            table.Row(flow.Origin.Value, flow.Market.Value, flow.Commodity.Value, unit.Format(flow.Tonnes),
                flow.Periods.ToString(CultureInfo.InvariantCulture), string.Join(" > ", flow.Routes.Select(r => r.Value)));
        }

        console.Table(table);
    }

    /// <summary>The ranges of the binding capacities, and how many tariff ranges there are.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="report">The ranges (<see cref="Sensitivity.Analyse"/>).</param>
    /// <param name="currency">The scenario's currency.</param>
    public static void Sensitivity(IAnsiConsole console, SensitivityReport report, string currency)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Line();
        console.Line($"Sensitivity of the binding capacities ({report.Resolves} re-solves; the price holds while the capacity stays in the range, Mt in the period):");
        var table = Tables.Create("element", "period", $">{currency}/t", ">capacity", ">holds from", ">to");
        foreach (var c in report.Capacities)
        {
            table.Row(c.Element.ToString(), c.Period.Value, c.PerTonne.ToString("N0", CultureInfo.InvariantCulture), Mt3(c.CapacityTonnes),
                Mt3(c.LowerTonnes), c.UpperTonnes is { } u ? Mt3(u) : "no end");
        }

        console.Table(table);
        console.Line($"  and {report.Tariffs.Length} tariff range(s) (sensitivity.csv with --out).");
    }

    /// <summary>What moves the optimum: each swept input's lowest and highest change of the optimum, largest swing first.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="sweeps">The sweeps (<see cref="Analysis.Sensitivity.Sweep"/>).</param>
    /// <param name="money">The money unit.</param>
    public static void Sweeps(IAnsiConsole console, IReadOnlyList<SweepResult> sweeps, Unit money)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(money);
        console.Line();
        console.Line($"What moves the optimum (each input ±20 %, {money.Label} over the horizon: lowest … highest change):");
        var table = Tables.Create("input", "commodity", "at", ">lowest", ">highest");
        foreach (var swept in sweeps.OrderByDescending(w => w.Swing))
        {
            var changes = swept.Points.Where(p => p.Objective is not null).Select(p => p.Objective!.Value - (swept.BaseObjective ?? 0)).DefaultIfEmpty(0).ToList();
            table.Row(swept.Target.Kind.ToString(), swept.Target.Commodity.Value, swept.Target.Element, money.Change(changes.Min()), money.Change(changes.Max()));
        }

        console.Table(table);
    }

    /// <summary>The six tariffs that carry the most tonnes and the four largest demands: what <see cref="Sweeps"/> shows by default.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">Its plan.</param>
    /// <returns>The targets.</returns>
    public static IReadOnlyList<SweepTarget> TornadoTargets(Scenario scenario, AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        var tariffs = plan.Flows
            .GroupBy(f => (f.Route, f.Commodity))
            .OrderByDescending(g => g.Sum(f => f.Tonnes)).ThenBy(g => g.Key.Route.Value, StringComparer.Ordinal)
            .Take(6)
            .Select(g => SweepTarget.Tariff(g.Key.Route, g.Key.Commodity));
        var demands = scenario.Demands
            .GroupBy(d => (d.Location, d.Commodity))
            .OrderByDescending(g => g.Sum(d => d.AnnualTonnes)).ThenBy(g => g.Key.Location.Value, StringComparer.Ordinal)
            .Take(4)
            .Select(g => SweepTarget.Demand(g.Key.Location, g.Key.Commodity));
        return [.. tariffs.Concat(demands)];
    }

    /// <summary>A closure study: one row per closure with its status, the change of the optimum and of unmet demand, and where the cargo went.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="study">The study (<see cref="Closures.Run"/>).</param>
    /// <param name="money">The money unit.</param>
    public static void Closures(IAnsiConsole console, ClosureStudy study, Unit money)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(money);
        console.Line();
        console.Line($"Closures ({study.Mode}: {(study.Mode == ClosureMode.Operational ? "investments kept" : "investments re-optimised")}; each element closed for {(study.Results.All(r => r.Closure.WholeHorizon) ? "the whole horizon" : "the periods shown")}; {money.Label} and Mt over the horizon):");
        if (study.Message is { } message) console.Line($"  {message}");
        var table = Tables.Create("element", "periods", "status", ">cost change", ">unmet", "where the cargo went");
        foreach (var r in study.Results)
        {
            var gained = string.Join(", ", r.Gained.Where(g => g.Change >= 5_000).Take(4).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Crossing.Value} {g.Change / 1e6:+0.00}")));
            table.Row(r.Element.ToString(), r.Closure.WholeHorizon ? "all" : string.Join(";", r.Periods.Select(p => p.Value)), r.Status.ToString(), money.Change(r.CostChange),
                r.HasPlan ? (r.Unmet.Sum(u => u.Tonnes) / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-",
                gained.Length == 0 ? (r.HasPlan ? "-" : r.Message ?? "-") : gained);
        }

        console.Table(table);
    }

    /// <summary>The budget frontier: the optimum, the capital spent, unmet demand and the options built at each budget.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="points">The frontier (<see cref="BudgetFrontier.Solve"/>).</param>
    /// <param name="money">The money unit.</param>
    public static void Frontier(IAnsiConsole console, IReadOnlyList<FrontierPoint> points, Unit money)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(money);
        console.Line();
        console.Line($"Budget frontier ({points.Count} budgets; {money.Label}; objective over the horizon, capital spent, unmet Mt):");
        var table = Tables.Create(">budget", "status", ">objective", ">capital", ">unmet", "options built");
        foreach (var p in points)
        {
            table.Row(money.Format(p.Budget), p.Status.ToString(), money.Format(p.Objective), money.Format(p.CapitalSpent),
                p.UnmetTonnes is { } u ? (u / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-",
                !p.HasPlan ? "-" : p.Chosen.IsEmpty ? "none" : string.Join(", ", p.Chosen.Select(OptionLabel)));
        }

        console.Table(table);
    }

    /// <summary>A base-year calibration: each observation modelled before and after, observed, and the constant it earned.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="result">The calibration (<see cref="Calibration.Calibrate"/>).</param>
    /// <param name="currency">The currency of the constants.</param>
    public static void Calibration(IAnsiConsole console, CalibrationResult result, string currency)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        console.Line();
        console.Line($"Calibration to the observations ({result.Status}; nothing built, as observed): {result.Message}");
        if (result.Constants.IsDefaultOrEmpty) return;
        var largest = result.Before.Concat(result.After).Select(r => Math.Max(r.ObservedAnnualTonnes, r.ModelledAnnualTonnes)).DefaultIfEmpty(0).Max();
        var tonnes = Unit.Tonnes(largest);
        var table = Tables.Create("observation", ">observed", ">tol.", ">before", ">after", ">after vs obs.", $">constant {currency}/t", "on", "outcome");
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < result.Constants.Length; i++)
        {
            var c = result.Constants[i];
            var before = i < result.Before.Length ? result.Before[i] : null;
            var after = i < result.After.Length ? result.After[i] : null;
            var row = after ?? before;
            table.Row(Tables.Clip(row?.Name ?? c.Observation, 45),
                row is null ? "-" : tonnes.Format(row.ObservedAnnualTonnes),
                row is null ? "-" : row.Tolerance.ToString("0%", inv),
                before is null ? "-" : tonnes.Format(before.ModelledAnnualTonnes),
                after is null ? "-" : tonnes.Format(after.ModelledAnnualTonnes),
                after?.RelativeDifference is { } d ? d.ToString("+0.0%;-0.0%;0.0%", inv) : "-",
                c.CostPerTonne.ToString("+#,0.00;-#,0.00;0", inv),
                c.CostPerTonne == 0 ? "-" : (c.Elements.Length == 1 ? c.Elements[0].ToString() : $"{c.Elements.Length} elements") + (c.Commodity is { } k ? $" ({k})" : ""),
                c.Outcome + (c.Clamped ? " (clamped)" : ""));
        }

        console.Table(table);
        console.Line($"  {result.Before.Count(r => r.WithinTolerance)} of {result.Before.Length} within tolerance before, {result.After.Count(r => r.WithinTolerance)} of {result.After.Length} after ({tonnes.Label}/yr); the constants are cost adjustments marked source \"calibration\" in the calibrated scenario.");
    }

    /// <summary>The cost–CO2 frontier: each point's cap, cost, emissions, unmet tonnes and the cap's price, and the tonnes by mode.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="points">The frontier (<see cref="EmissionsFrontier.Compute"/>), least cost first.</param>
    /// <param name="money">The money unit of the costs.</param>
    /// <param name="currency">The currency, for the cap's price.</param>
    public static void EmissionsFrontier(IAnsiConsole console, IReadOnlyList<EmissionsFrontierPoint> points, Unit money, string currency)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(money);
        console.Line();
        console.Line($"Cost–CO2 frontier ({points.Count} points, ε-constraint: least cost first, then tighter CO2 caps down to the least CO2; {money.Label}, Mt CO2e, Mt):");
        var modes = points.SelectMany(p => p.ByMode).Select(l => l.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = Tables.Create([">point", ">CO2 cap", "status", ">cost", ">CO2e", ">unmet", $">cap price {currency}/t", .. modes.Select(m => ">" + m + " Mt")]);
        var first = points.Count > 0 ? points[0].Cost : null;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var byMode = p.ByMode.ToDictionary(l => l.Key, l => l.Tonnes);
            table.Row([i.ToString(CultureInfo.InvariantCulture),
                p.Co2CapTonnes is { } cap ? (cap / 1e6).ToString("0.000", CultureInfo.InvariantCulture) : "none",
                p.Status.ToString(), money.Format(p.Cost),
                p.Co2Tonnes is { } co2 ? (co2 / 1e6).ToString("0.000", CultureInfo.InvariantCulture) : "-",
                p.UnmetTonnes is { } u ? (u / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-",
                p.Co2PricePerTonne is { } price ? price.ToString("N0", CultureInfo.InvariantCulture) : "-",
                .. modes.Select(m => p.HasPlan ? (byMode.GetValueOrDefault(m) / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-")]);
        }

        console.Table(table);
        if (points.Count >= 2 && first is { } c0 && points[^1].Cost is { } c1 && points[0].Co2Tonnes is { } e0 && points[^1].Co2Tonnes is { } e1 && e0 > e1)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"  from least cost to least CO2: CO2e −{(e0 - e1) / 1e6:0.000} Mt ({(e0 - e1) / e0:0.0%}) for {money.WithUnit(c1 - c0)} more ({(c1 - c0) / c0:+0.0%}), on average {(c1 - c0) / (e0 - e1):N0} {currency} per tonne of CO2e avoided"));
        }
    }

    /// <summary>The option id, with its units when they are not 1 (id×3 for three modules).</summary>
    /// <param name="decision">An option's decision.</param>
    /// <returns>The label.</returns>
    public static string OptionLabel(InvestmentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Math.Abs(decision.Units - 1) < 1e-9 ? decision.Id.Value : $"{decision.Id}×{decision.Units.ToString("0.##", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Two plans side by side: every figure that changed, by section, largest change first.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="comparison">The comparison (<see cref="PlanComparison.Compare"/>).</param>
    /// <param name="money">The money unit of the cost rows.</param>
    /// <param name="currency">The currency, for the price rows.</param>
    public static void Comparison(IAnsiConsole console, PlanComparison comparison, Unit money, string currency)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(money);
        if (comparison.IsEmpty)
        {
            console.Line("No difference: the two plans agree on costs, crossings, market prices and investments.");
            return;
        }

        Section(console, $"Costs ({money.Label} over the horizon):", comparison.Costs, money.Format, v => money.Change(v));
        var mt = new Unit(1e6, "Mt");
        Section(console, "Tonnes through border crossings (Mt over the horizon):", comparison.CrossingTonnes, mt.Format, v => mt.Change(v));
        Section(console, $"Market prices ({currency}/t):", comparison.MarketPrices, v => v.ToString("N0", CultureInfo.InvariantCulture),
            v => v.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture));
        var units = new Unit(1, "units");
        Section(console, "Investments (units built):", comparison.Investments, units.Format, v => units.Change(v));
    }

    private static void Section(IAnsiConsole console, string title, IReadOnlyList<PlanDifference> rows, Func<double, string> format, Func<double, string> change)
    {
        if (rows.Count == 0) return;
        console.Line();
        console.Line(title);
        var table = Tables.Create("subject", "commodity", "period", ">before", ">after", ">change");
        foreach (var d in rows)
        {
            table.Row(d.Subject, d.Commodity?.Value ?? "", d.Period?.Value ?? "", d.Before is { } b ? format(b) : "-", d.After is { } a ? format(a) : "-", change(d.Change));
        }

        console.Table(table);
    }

    /// <summary>
    /// Validation issues, errors first, one per line as "SEVERITY Code at $.path: message" (lines, not a
    /// table: a path or a long message is never wrapped, so it can be searched for in a log).
    /// </summary>
    /// <param name="console">Where to write.</param>
    /// <param name="issues">The issues.</param>
    public static void Issues(IAnsiConsole console, IEnumerable<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues.OrderBy(i => i.Severity == ValidationSeverity.Error ? 0 : 1)) console.Line($"  {issue}");
    }

    private static string Mt3(double tonnes) => (tonnes / 1e6).ToString("0.000", CultureInfo.InvariantCulture);
}
