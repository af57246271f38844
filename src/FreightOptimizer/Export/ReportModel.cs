using System.Globalization;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>Utilisation of one row of the heat map (a border crossing, or a capacitated element) by period.</summary>
/// <param name="Label">The row's name.</param>
/// <param name="Location">The crossing, or null for a row that is a route.</param>
/// <param name="ByPeriod">Utilisation per period in horizon order; null where closed or without capacity.</param>
internal sealed record UtilisationRow(string Label, LocationId? Location, IReadOnlyList<double?> ByPeriod)
{
    /// <summary>The highest utilisation over the periods, or null.</summary>
    public double? Peak => ByPeriod.Any(u => u is not null) ? ByPeriod.Max() : null;

    /// <summary>The mean utilisation over the periods with a capacity, or null.</summary>
    public double? Mean => ByPeriod.Any(u => u is not null) ? ByPeriod.Where(u => u is not null).Average() : null;
}

/// <summary>One line of the headline: a label and what it says.</summary>
/// <param name="Label">The label (Status, Objective, …).</param>
/// <param name="Text">What it says.</param>
/// <param name="Tone">ok, bad, warn or plain: how the HTML colours it.</param>
internal sealed record HeadlineItem(string Label, string Text, string Tone = "plain");

/// <summary>
/// Everything the reports derive from a scenario and its result, computed once: units, names,
/// utilisation rows, the headline and the tables. The HTML and Markdown writers only lay it out.
/// </summary>
internal sealed class ReportModel
{
    private const int MaxFallbackRows = 15;
    private const int MaxBottleneckRows = 15;

    private readonly Dictionary<(NetworkElement, PeriodId), double?> _utilisation = [];

    public ReportModel(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Scenario = content.Scenario;
        Result = content.Result;
        Plan = Result.Plan;
        Periods = [.. Scenario.Horizon.Periods.Select(p => p.Id)];
        if (Plan is not null)
        {
            foreach (var use in Plan.CapacityUse) _utilisation[(use.Element, use.Period)] = use.Utilisation;
            foreach (var flow in Plan.Flows)
            {
                RouteTonnes[flow.Route] = RouteTonnes.GetValueOrDefault(flow.Route) + flow.Tonnes;
                RouteCommodityTonnes[(flow.Route, flow.Commodity)] = RouteCommodityTonnes.GetValueOrDefault((flow.Route, flow.Commodity)) + flow.Tonnes;
            }
        }

        var largestTonnes = new[] { RouteTonnes.Values.DefaultIfEmpty(0).Max(), Scenario.Demands.Select(d => d.AnnualTonnes).DefaultIfEmpty(0).Max(), Plan?.TotalUnmetTonnes ?? 0 }.Max();
        Tonnes = ReportUnit.Tonnes(largestTonnes);
        var largestMoney = Math.Max(Math.Abs(Plan?.Objective ?? 0), Scenario.Investments.Select(i => i.CapitalCost * i.UnitLimit).DefaultIfEmpty(0).Max());
        Money = ReportUnit.Money(largestMoney, Scenario.Currency);
        Utilisation = BuildUtilisationRows();
    }

    public ReportContent Content { get; }

    public Scenario Scenario { get; }

    public OptimizationResult Result { get; }

    /// <summary>The plan, or null when the solve found none.</summary>
    public AllocationPlan? Plan { get; }

    /// <summary>Whether the verifier rejected the plan: nothing may read like an optimum.</summary>
    public bool Rejected => Result.Status == SolveStatus.VerificationFailed;

    public IReadOnlyList<PeriodId> Periods { get; }

    public ReportUnit Tonnes { get; }

    public ReportUnit Money { get; }

    public string Title => Content.Title ?? Scenario.Name ?? "Freight plan";

    public Dictionary<RouteId, double> RouteTonnes { get; } = [];

    public Dictionary<(RouteId, CommodityId), double> RouteCommodityTonnes { get; } = [];

    /// <summary>The heat map's rows: border crossings, or the busiest capacitated elements when there are none.</summary>
    public IReadOnlyList<UtilisationRow> Utilisation { get; }

    /// <summary>Whether <see cref="Utilisation"/> holds border crossings (else capacitated elements).</summary>
    public bool UtilisationByCrossing { get; private set; }

    public string LocationName(LocationId id) => Scenario.Network.TryGetLocation(id, out var l) ? l.Name ?? id.Value : id.Value;

    public string RouteName(RouteId id) => Scenario.Network.TryGetRoute(id, out var r) ? r.Name ?? r.Id.Value : id.Value;

    public string ElementName(NetworkElement element) =>
        element.Route is { } r ? RouteName(r) : element.Location is { } l ? LocationName(l) : element.ToString();

    /// <summary>A location's name cut before its first parenthesis or slash: what fits on a map.</summary>
    public static string ShortName(Location location)
    {
        var name = location.Name ?? location.Id.Value;
        var cut = name.IndexOfAny(['(', '/', ',']);
        return (cut > 2 ? name[..cut] : name).Trim();
    }

    /// <summary>Utilisation of an element in a period, or null where it has no capacity use.</summary>
    public double? UtilisationOf(NetworkElement element, PeriodId period) =>
        _utilisation.TryGetValue((element, period), out var u) ? u : null;

    /// <summary>Whether a route is closed (not usable) in at least one period.</summary>
    public bool IsSeasonal(Route route) => Periods.Any(p => !Scenario.IsUsable(route, p));

    /// <summary>The periods in which a route is closed.</summary>
    public IEnumerable<PeriodId> ClosedPeriods(Route route) => Periods.Where(p => !Scenario.IsUsable(route, p));

    /// <summary>Peak and mean utilisation of a border crossing, when it has a heat-map row.</summary>
    public UtilisationRow? CrossingRow(LocationId id) => UtilisationByCrossing ? Utilisation.FirstOrDefault(r => r.Location == id) : null;

    /// <summary>The solve status in a planner's words.</summary>
    public HeadlineItem StatusLine()
    {
        var verification = Plan?.Verification;
        if (Rejected) return new("Status", "VERIFICATION FAILED: the independent verifier rejected this plan. Do not act on it.", "bad");
        if (Plan is null) return new("Status", $"{Result.Status}: no plan." + (Result.Message is { } m ? " " + m : ""), "bad");
        var verdict = verification is null ? "not verified"
            : !verification.Passed ? "verification FAILED"
            : verification.OptimalityCertified ? "verification PASSED, optimality certified"
            : "verification PASSED, optimality not certified";
        var tone = verification is { Passed: true, OptimalityCertified: true } && Result.Status == SolveStatus.Optimal ? "ok"
            : verification is { Passed: false } ? "bad" : "warn";
        return new("Status", $"{Result.Status}: {verdict}", tone);
    }

    /// <summary>The five lines a planner reads first.</summary>
    public IReadOnlyList<HeadlineItem> Headline()
    {
        var items = new List<HeadlineItem> { StatusLine() };
        if (Plan is not { } plan)
        {
            if (Result.Explanation is { } explanation) items.Add(new("Why", explanation.Summary, "bad"));
            return items;
        }

        var suffix = Rejected ? " (rejected plan: not to be trusted)" : "";
        items.Add(new("Objective", $"{Money.WithUnit(plan.Objective)} over {Years()}{suffix}", Rejected ? "bad" : "plain"));
        items.Add(Rejected
            ? new("Unmet demand", $"the rejected plan reports {Tonnes.WithUnit(plan.TotalUnmetTonnes)}, which may be wrong", "bad")
            : plan.Unmet.IsEmpty ? new("Unmet demand", "none: every demand is served", "ok")
            : new("Unmet demand", $"{Tonnes.WithUnit(plan.TotalUnmetTonnes)} short at {plan.Unmet.Select(u => u.Location).Distinct().Count()} location(s), penalty {Money.WithUnit(plan.Costs.UnmetPenalty)}", "warn"));
        var top = plan.Bottlenecks.GroupBy(b => b.Element).OrderByDescending(g => g.Max(b => b.PerTonne)).FirstOrDefault();
        items.Add(top is null
            ? new("Top bottleneck", "none: no capacity is binding")
            : new("Top bottleneck", $"{ElementName(top.Key)}: full in {top.Count()} of {Periods.Count} period(s); one more tonne of capacity is worth up to {ReportFormat.PerTonne(top.Max(b => b.PerTonne))} {Scenario.Currency}/t"));
        items.Add(new("Budget buys", BudgetLine(plan)));
        return items;
    }

    private string Years() =>
        Math.Abs(Scenario.Horizon.Years - 1) < 1e-9 ? "one year" : ReportFormat.Number(Scenario.Horizon.Years, 2) + " years";

    private string BudgetLine(AllocationPlan plan)
    {
        if (Scenario.Investments.IsEmpty) return "no investment options in this scenario";
        var built = Scenario.Investments.Zip(plan.Investments).Where(p => p.Second.Units > 0).ToList();
        var capital = built.Sum(p => p.First.CapitalCost * p.Second.Units);
        var budget = Scenario.Budget is { } b ? $" of a budget of {Money.WithUnit(b.CapitalCost)}" : " (no budget cap)";
        var text = built.Count == 0
            ? "nothing is built" + budget
            : string.Join(", ", built.Select(p => (p.First.Name ?? p.First.Id.Value) + (Math.Abs(p.Second.Units - 1) < 1e-9 ? "" : $" × {ReportFormat.Number(p.Second.Units, 2)}")))
              + $": {Money.WithUnit(capital)} of capital" + budget;
        if (Content.Frontier is { Count: > 0 } frontier && frontier.Where(p => p.HasPlan).ToList() is { Count: > 0 } solved)
        {
            var first = solved[0];
            var last = solved[^1];
            text += $"; the frontier: from {Money.WithUnit(first.Budget)} to {Money.WithUnit(last.Budget)} of budget the optimum falls from {Money.WithUnit(first.Objective!.Value)} to {Money.WithUnit(last.Objective!.Value)}";
        }

        return text;
    }

    private List<UtilisationRow> BuildUtilisationRows()
    {
        if (Plan is null) return [];
        var network = Scenario.Network;
        var crossings = network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).ToList();
        var rows = new List<UtilisationRow>();
        foreach (var crossing in crossings)
        {
            // A crossing is as full as the fullest capacity it depends on: its own, or a capacitated
            // route into or out of it (the bridge, the rail line, the pipeline across the border).
            var elements = new List<NetworkElement> { crossing.Id };
            elements.AddRange(network.Routes.Where(r => r.AnnualCapacityTonnes is not null && (r.From == crossing.Id || r.To == crossing.Id)).Select(r => (NetworkElement)r.Id));
            var byPeriod = Periods.Select(p => elements.Select(e => UtilisationOf(e, p)).Where(u => u is not null).DefaultIfEmpty(null).Max()).ToList();
            if (byPeriod.Any(u => u is not null)) rows.Add(new UtilisationRow(crossing.Name ?? crossing.Id.Value, crossing.Id, byPeriod));
        }

        if (rows.Count > 0)
        {
            UtilisationByCrossing = true;
            return rows;
        }

        return [.. Plan.CapacityUse.Select(u => u.Element).Distinct()
            .Select(e => new UtilisationRow(ElementName(e), e.Location, [.. Periods.Select(p => UtilisationOf(e, p))]))
            .OrderByDescending(r => r.Peak ?? 0).ThenBy(r => r.Label, StringComparer.Ordinal)
            .Take(MaxFallbackRows)];
    }

    // ----- Tables: the HTML and Markdown reports show these, in this order. -----

    public ReportTable CostTable(AllocationPlan plan)
    {
        var c = plan.Costs;
        var total = c.Total;
        var table = ReportTable.Create("costs", "part", $"cost ({Money.Label})#", "share#");
        foreach (var (name, value) in CostParts(c)) table.Add(name, Money.Format(value), Share(value, total));
        table.Add("total", Money.Format(total), Share(total, total));
        return table.Build();
    }

    /// <summary>The parts of the objective; the holding and carbon parts of a generalised cost only where they are not 0, so other reports are unchanged.</summary>
    public static IReadOnlyList<(string Name, double Value)> CostParts(CostBreakdown c) =>
    [
        ("transport", c.Transport), ("handling", c.Handling), ("supply", c.Supply), ("capital (annualised)", c.Capital), ("unmet-demand penalty", c.UnmetPenalty),
        .. c.TransitTime != 0 ? [("cargo in transit (holding)", c.TransitTime)] : Array.Empty<(string, double)>(),
        .. c.Carbon != 0 ? [("carbon", c.Carbon)] : Array.Empty<(string, double)>(),
    ];

    /// <summary>
    /// The plan's transport work and emissions (<see cref="AllocationPlan.Activity"/>): the total, then by
    /// mode, commodity and border crossing; null when the plan has none.
    /// </summary>
    public ReportTable? ActivityTable(AllocationPlan plan)
    {
        if (plan.Activity is not { } a) return null;
        var table = ReportTable.Create("activity", "group", "key", $"tonnes ({Tonnes.Label})#", "bn tonne-km#", "M tonne-days#", "kt CO2e#", "CO2e share#");
        var total = a.Total.Co2Tonnes;
        void Line(string group, ActivityLine l) =>
            table.Add(group, l.Key, Tonnes.Format(l.Tonnes), ReportFormat.Number(l.TonneKm / 1e9, 2), ReportFormat.Number(l.TonneDays / 1e6, 2),
                ReportFormat.Number(l.Co2Tonnes / 1e3, 2), Share(l.Co2Tonnes, total));
        Line("total", a.Total);
        foreach (var l in a.ByMode) Line("mode", l);
        foreach (var l in a.ByCommodity) Line("commodity", l);
        foreach (var l in a.ByCrossing) Line("crossing", l);
        return table.Build();
    }

    private static string Share(double value, double total) => Math.Abs(total) > 0 ? ReportFormat.Percent(value / total) : ReportFormat.None;

    public ReportTable CrossingTable(AllocationPlan plan)
    {
        var network = Scenario.Network;
        var commodities = network.Commodities.Select(c => c.Id).ToList();
        var inflow = plan.Flows.Where(f => network.TryGetRoute(f.Route, out _))
            .GroupBy(f => (network.GetRoute(f.Route).To, f.Commodity))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        var headers = new List<string> { "crossing" };
        headers.AddRange(commodities.Select(c => $"{c.Value} ({Tonnes.Label})#"));
        headers.AddRange([$"total ({Tonnes.Label})#", "peak utilisation#", "mean utilisation#"]);
        var table = ReportTable.Create("crossings", [.. headers]);
        foreach (var crossing in network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing))
        {
            var tonnes = commodities.Select(c => inflow.GetValueOrDefault((crossing.Id, c))).ToList();
            var row = CrossingRow(crossing.Id);
            table.Add([crossing.Name ?? crossing.Id.Value, .. tonnes.Select(Tonnes.Format), Tonnes.Format(tonnes.Sum()), ReportFormat.Percent(row?.Peak), ReportFormat.Percent(row?.Mean)]);
        }

        return table.Build();
    }

    public ReportTable UtilisationTable()
    {
        var table = ReportTable.Create("utilisation", [UtilisationByCrossing ? "crossing" : "element", .. Periods.Select(p => p.Value + "#"), "peak#", "mean#"]);
        foreach (var row in Utilisation)
        {
            table.Add([row.Label, .. row.ByPeriod.Select(u => u is null ? "closed" : ReportFormat.Percent(u)), ReportFormat.Percent(row.Peak), ReportFormat.Percent(row.Mean)]);
        }

        return table.Build();
    }

    public ReportTable SeasonalTable(AllocationPlan plan)
    {
        var flows = plan.Flows.GroupBy(f => (f.Route, f.Period)).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        var table = ReportTable.Create("seasonal", [$"route ({Tonnes.Label} by period)", .. Periods.Select(p => p.Value + "#")]);
        foreach (var route in Scenario.Network.Routes.Where(IsSeasonal))
        {
            table.Add([route.Name ?? route.Id.Value, .. Periods.Select(p => !Scenario.IsUsable(route, p) ? "closed" : flows.TryGetValue((route.Id, p), out var t) ? Tonnes.Format(t) : "–")]);
        }

        return table.Build();
    }

    public ReportTable BottleneckTable(AllocationPlan plan)
    {
        var table = ReportTable.Create("bottlenecks", "element", "kind", "periods binding#", $"highest price ({Scenario.Currency}/t)#", $"mean price ({Scenario.Currency}/t)#");
        foreach (var group in plan.Bottlenecks.GroupBy(b => b.Element).OrderByDescending(g => g.Max(b => b.PerTonne)).Take(MaxBottleneckRows))
        {
            var kind = group.Key.Route is { } r && Scenario.Network.TryGetRoute(r, out var route) ? "route, " + route.Mode.ToString().ToLowerInvariant()
                : group.Key.Location is { } l && Scenario.Network.TryGetLocation(l, out var location) ? "location, " + location.Kind : "";
            table.Add(ElementName(group.Key), kind, $"{group.Count()} of {Periods.Count}", ReportFormat.PerTonne(group.Max(b => b.PerTonne)), ReportFormat.PerTonne(group.Average(b => b.PerTonne)));
        }

        return table.Build();
    }

    public ReportTable UnmetTable(AllocationPlan plan)
    {
        var table = ReportTable.Create("unmet", "location", "commodity", $"unmet ({Tonnes.Label})#", "periods#");
        foreach (var group in plan.Unmet.GroupBy(u => (u.Location, u.Commodity)).OrderByDescending(g => g.Sum(u => u.Tonnes)))
        {
            table.Add(LocationName(group.Key.Location), group.Key.Commodity.Value, Tonnes.Format(group.Sum(u => u.Tonnes)), group.Count().ToString(CultureInfo.InvariantCulture));
        }

        return table.Build();
    }

    public ReportTable MarketPriceTable(AllocationPlan plan)
    {
        var prices = plan.Prices.Balance.GroupBy(p => (p.Location, p.Commodity)).ToDictionary(g => g.Key, g => g.ToList());
        var unit = $"{Scenario.Currency}/t";
        var table = ReportTable.Create("prices", "market", "commodity", $"mean ({unit})#", $"lowest ({unit})#", $"highest ({unit})#");
        foreach (var (location, commodity) in Scenario.Demands.Select(d => (d.Location, d.Commodity)).Distinct())
        {
            if (!prices.TryGetValue((location, commodity), out var list)) continue;
            table.Add(LocationName(location), commodity.Value, ReportFormat.PerTonne(list.Average(p => p.PerTonne)), ReportFormat.PerTonne(list.Min(p => p.PerTonne)), ReportFormat.PerTonne(list.Max(p => p.PerTonne)));
        }

        return table.Build();
    }

    public ReportTable InvestmentTable(AllocationPlan plan)
    {
        var m = Money.Label;
        var table = ReportTable.Create("investments", "option", "adds to", "decision", $"capital ({m})#", $"annualised ({m}/yr)#", "used#", $"value ({m})#", $"saving ({m}/yr)#", "payback (yr)#", $"regret ({m})#");
        var appraisals = plan.Appraisal.ToDictionary(a => a.Id);
        foreach (var (option, decision) in Scenario.Investments.Zip(plan.Investments))
        {
            var a = appraisals.GetValueOrDefault(option.Id);
            var verdict = decision.Units > 0 ? "BUILD" + (Math.Abs(decision.Units - 1) < 1e-9 ? "" : $" × {ReportFormat.Number(decision.Units, 2)}") : "not built";
            if (decision.OnlinePeriod is { } online) verdict += $", online {OnlineText(online)}";
            table.Add(option.Name ?? option.Id.Value, ElementName(option.Target), verdict,
                Money.Format(a?.CapitalCost ?? option.CapitalCost * Math.Max(decision.Units, 1)), Money.Format(a?.AnnualisedCost),
                ReportFormat.Percent(a?.Utilisation), Money.Format(a?.Value), Money.Format(a?.GrossAnnualSaving),
                a?.PaybackYears is { } p ? ReportFormat.Number(p, 1) : ReportFormat.None, Money.Format(a?.Regret));
        }

        return table.Build();
    }

    /// <summary>A multi-year online period as its year and id ("2026 (2026-open)"), or the id alone.</summary>
    private string OnlineText(PeriodId online)
    {
        var t = Scenario.Horizon.IndexOf(online);
        return t >= 0 && Scenario.Horizon.Periods[t].Year is { } year ? $"{year} ({online})" : online.Value;
    }

    public IEnumerable<string> AppraisalNotes(AllocationPlan plan) =>
        plan.Appraisal.Where(a => a.Note is not null).Select(a => $"{OptionName(a.Id)}: {a.Note}");

    private string OptionName(InvestmentId id) => Scenario.Investments.FirstOrDefault(o => o.Id == id)?.Name ?? id.Value;

    public ReportTable FrontierTable(IReadOnlyList<FrontierPoint> frontier)
    {
        var m = Money.Label;
        var table = ReportTable.Create("frontier", $"budget ({m})#", "status", $"optimum ({m})#", $"capital spent ({m})#", $"unmet ({Tonnes.Label})#", "options built");
        foreach (var p in frontier)
        {
            var options = !p.HasPlan ? ReportFormat.None : p.Chosen.IsEmpty ? "none"
                : string.Join(", ", p.Chosen.Select(c => OptionName(c.Id) + (Math.Abs(c.Units - 1) < 1e-9 ? "" : $" × {ReportFormat.Number(c.Units, 2)}")));
            table.Add(Money.Format(p.Budget), p.Status.ToString(), Money.Format(p.Objective), Money.Format(p.CapitalSpent), Tonnes.Format(p.UnmetTonnes), options);
        }

        return table.Build();
    }

    public ReportTable ClosureTable(IReadOnlyList<ClosureRow> rows)
    {
        var table = ReportTable.Create("closures", "closed element", $"cost change ({Money.Label})#", $"unmet change ({Tonnes.Label})#", "note");
        foreach (var r in rows.OrderByDescending(r => r.CostChange ?? double.PositiveInfinity))
        {
            table.Add(ElementName(r.Element), Money.Format(r.CostChange), Tonnes.Format(r.UnmetTonnesChange), r.Note ?? "");
        }

        return table.Build();
    }

    public ReportTable TraceTable(IReadOnlyList<TraceRow> rows)
    {
        var table = ReportTable.Create("tracing", "commodity", "from", "to", "via", $"tonnes ({Tonnes.Label})#", $"cost ({Scenario.Currency}/t)#");
        foreach (var r in rows.OrderByDescending(r => r.Tonnes))
        {
            table.Add(r.Commodity.Value, LocationName(r.Origin), LocationName(r.Destination), string.Join(" → ", r.Routes.IsDefault ? [] : r.Routes.Select(RouteName)),
                Tonnes.Format(r.Tonnes), r.CostPerTonne is { } c ? ReportFormat.PerTonne(c) : ReportFormat.None);
        }

        return table.Build();
    }

    /// <summary>The observations before and after calibration, with each observation's constant per tonne.</summary>
    public ReportTable CalibrationTable(Analysis.CalibrationResult calibration)
    {
        var table = ReportTable.Create("calibration", "observation", $"observed ({Tonnes.Label}/yr)#", $"before ({Tonnes.Label}/yr)#", $"after ({Tonnes.Label}/yr)#",
            "tolerance#", $"constant ({Scenario.Currency}/t)#", "on", "outcome");
        for (var i = 0; i < calibration.Constants.Length; i++)
        {
            var c = calibration.Constants[i];
            var before = i < calibration.Before.Length ? calibration.Before[i] : null;
            var after = i < calibration.After.Length ? calibration.After[i] : null;
            var on = string.Join(", ", c.Elements.IsDefault ? [] : c.Elements.Select(ElementName)) + (c.Commodity is { } k ? $" ({k.Value})" : "");
            table.Add(before?.Name ?? c.Observation, Tonnes.Format(before?.ObservedAnnualTonnes ?? after?.ObservedAnnualTonnes), Tonnes.Format(before?.ModelledAnnualTonnes),
                Tonnes.Format(after?.ModelledAnnualTonnes), ReportFormat.Percent(before?.Tolerance ?? after?.Tolerance), c.CostPerTonne == 0 ? "0" : ReportFormat.PerTonne(c.CostPerTonne),
                c.CostPerTonne == 0 ? "" : on, c.Outcome.ToString() + (c.Clamped ? " (clamped)" : ""));
        }

        return table.Build();
    }

    public ReportTable SensitivityTable(IReadOnlyList<SensitivityRow> rows)
    {
        var table = ReportTable.Create("sensitivity", "input", "change", $"cost change ({Money.Label})#", $"unmet change ({Tonnes.Label})#", "note");
        foreach (var r in rows) table.Add(r.Parameter, r.Change, Money.Format(r.CostChange), Tonnes.Format(r.UnmetTonnesChange), r.Note ?? "");
        return table.Build();
    }

    public static ReportTable FindingsTable(VerificationReport verification)
    {
        var table = ReportTable.Create("findings", "check", "subject", "violation#", "finding");
        foreach (var f in verification.Findings) table.Add(f.Check.ToString(), f.Subject, f.Violation.ToString("0.###e+0", CultureInfo.InvariantCulture), f.Message);
        return table.Build();
    }

    public ReportTable VerificationTable(VerificationReport v)
    {
        var table = ReportTable.Create("verification", "check", "result");
        table.Add("constraints and objective", v.Passed ? "PASSED" : "FAILED");
        table.Add("optimality certificate", v.OptimalityCertified ? "certified" : "not certified");
        table.Add("largest violation (relative)", v.MaxViolation.ToString("0.###e+0", CultureInfo.InvariantCulture));
        table.Add($"recomputed objective ({Money.Label})", Money.Format(v.RecomputedObjective));
        table.Add("duality gap (relative)", v.DualityGap is { } g ? g.ToString("0.###e+0", CultureInfo.InvariantCulture) : ReportFormat.None);
        table.Add("findings", v.Findings.Length.ToString(CultureInfo.InvariantCulture));
        return table.Build();
    }

    public ReportTable SolveReportTable()
    {
        var r = Result.Report;
        var table = ReportTable.Create("solve", "item", "value");
        table.Add("status", Result.Status.ToString());
        table.Add("engine", $"{r.Engine}: {r.EngineReason}");
        if (r.Variables > 0) table.Add("model", FormattableString.Invariant($"{r.Variables:N0} variables ({r.IntegerVariables:N0} integer), {r.Constraints:N0} constraints"));
        table.Add("time", FormattableString.Invariant($"build {r.BuildTime.TotalMilliseconds:N0} ms, solve {r.SolveTime.TotalMilliseconds:N0} ms"));
        if (r.Iterations is { } it) table.Add("iterations", it.ToString("N0", CultureInfo.InvariantCulture));
        if (r.Nodes is { } nodes) table.Add("branch-and-bound nodes", nodes.ToString("N0", CultureInfo.InvariantCulture));
        if (r.RelativeGap is { } gap) table.Add("relative gap", gap.ToString("0.###e+0", CultureInfo.InvariantCulture));
        if (r.PricingMethod is { } pricing) table.Add("prices", pricing);
        if (r.RoundingErrorBound is { } bound) table.Add("rounding error bound", bound.ToString("0.###e+0", CultureInfo.InvariantCulture));
        foreach (var note in r.Notes) table.Add("note", note);
        if (Result.Message is { } message) table.Add("message", message);
        return table.Build();
    }

    /// <summary>The scenario in one line: counts of what it has.</summary>
    public string ScenarioLine()
    {
        var n = Scenario.Network;
        return $"{n.Locations.Length} locations, {n.Routes.Length} routes, {n.Commodities.Length} commodities, "
            + $"{Periods.Count} period(s) ({Years()}), {Scenario.Investments.Length} investment option(s)"
            + (Scenario.Budget is { } b ? $", budget {Money.WithUnit(b.CapitalCost)}" : "");
    }
}
