using System.Globalization;
using FreightOptimizer.Analysis;
using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>
/// A plan as a corridor planner reads it on the console: the status and the engine first (the
/// verifier's findings before anything else when it rejected the plan), then the costs, the crossings,
/// the seasonal routes, unmet demand, the observations, the investments and their appraisal, the
/// bottlenecks, the market prices and the verification. Money in the unit its largest amount needs
/// (bn, M, k), tonnes in Mt, kt or t by the largest tonnage.
/// </summary>
public sealed partial class PlanView
{
    private const int TopBottlenecks = 10;

    private readonly Scenario _scenario;
    private readonly OptimizationResult _result;
    private readonly IAnsiConsole _console;
    private readonly string _currency;

    /// <summary>A view of one solve's result.</summary>
    /// <param name="scenario">The scenario solved.</param>
    /// <param name="result">Its result.</param>
    /// <param name="console">Where to write.</param>
    public PlanView(Scenario scenario, OptimizationResult result, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        (_scenario, _result, _console, _currency) = (scenario, result, console, scenario.Currency);
        Money = Unit.Money(
            new[] { result.Plan?.Objective ?? 0, scenario.Budget?.CapitalCost ?? 0 }
                .Concat(scenario.Investments.Select(o => o.CapitalCost * o.UnitLimit))
                .Select(Math.Abs).DefaultIfEmpty(0).Max(),
            scenario.Currency);
        var plan = result.Plan;
        Tonnes = Unit.Tonnes(Math.Max(
            scenario.Demands.Sum(d => d.AnnualTonnes) * scenario.Horizon.Years,
            plan is null ? 0 : plan.Flows.GroupBy(f => f.Route).Select(g => g.Sum(f => f.Tonnes)).DefaultIfEmpty(0).Max()));
    }

    /// <summary>The money unit of this printout, from its largest amount (the objective, the budget, the options' capital).</summary>
    public Unit Money { get; }

    /// <summary>The tonnes unit of this printout, from the total demand over the horizon or the busiest route.</summary>
    public Unit Tonnes { get; }

    /// <summary>Writes the whole view.</summary>
    public void Write()
    {
        var rejected = _result.Status == SolveStatus.VerificationFailed;
        if (rejected) WriteRejection();

        var network = _scenario.Network;
        Line($"Scenario: {_scenario.Name ?? "(unnamed)"}");
        Line($"  {network.Locations.Length} locations, {network.Routes.Length} routes, {network.Commodities.Length} commodities, "
            + $"{_scenario.Horizon.Periods.Length} periods ({_scenario.Horizon.Years.ToString("0.##", CultureInfo.InvariantCulture)} year{(Math.Abs(_scenario.Horizon.Years - 1) < 1e-9 ? "" : "s")}), {_scenario.Investments.Length} investment options"
            + (_scenario.Budget is { } b ? $", budget {Money.WithUnit(b.CapitalCost)}" : ""));
        Line();
        var report = _result.Report;
        Line($"Status: {_result.Status}");
        Line($"  engine {report.Engine}: {report.EngineReason}");
        if (report.Variables > 0)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  model {report.Variables:N0} variables ({report.IntegerVariables} integer), {report.Constraints:N0} constraints; ")
                + string.Create(CultureInfo.InvariantCulture, $"build {report.BuildTime.TotalMilliseconds:0} ms, solve {report.SolveTime.TotalMilliseconds:0} ms")
                + (report.Iterations is { } it && it > 0 ? string.Create(CultureInfo.InvariantCulture, $", {it:N0} iterations") : "")
                + (report.RelativeGap is { } gap ? string.Create(CultureInfo.InvariantCulture, $", gap {gap:0.###%}") : ""));
        }

        if (report.PricingMethod is { } pricing) Line($"  prices: {pricing}");
        foreach (var note in report.Notes) Line($"  note: {note}");
        if (_result.Message is { } message) Line($"  {message}");
        if (!_result.TryGetPlan(out var plan))
        {
            if (_result.Explanation is { } explanation)
            {
                WriteExplanation(explanation);
                return;
            }

            Line();
            Line("No plan: nothing more to report.");
            return;
        }

        if (rejected)
        {
            Line();
            Line("The plan below is what the engine returned; the verifier rejected it (findings above). Do not act on it.");
        }

        WriteCosts(plan);
        WriteCrossings(plan);
        WriteSeasonalRoutes(plan);
        WriteUnmet(plan);
        WriteObservations(plan);
        WriteInvestments(plan);
        WriteAppraisal(plan);
        WriteBottlenecks(plan);
        WriteMarketPrices(plan);
        WriteVerification(plan);
    }

    private void WriteCosts(AllocationPlan plan)
    {
        Line();
        Line($"Objective: {Money.WithUnit(plan.Objective)} over the horizon");
        var c = plan.Costs;
        Line($"  transport {Money.WithUnit(c.Transport)} | handling {Money.WithUnit(c.Handling)} | supply {Money.WithUnit(c.Supply)} | capital (annualised) {Money.WithUnit(c.Capital)} | unmet-demand penalty {Money.WithUnit(c.UnmetPenalty)}");
    }

    private void WriteCrossings(AllocationPlan plan)
    {
        var network = _scenario.Network;
        var crossings = network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).ToList();
        if (crossings.Count == 0) return;
        var commodities = network.Commodities.Select(c => c.Id).ToList();
        var inflow = plan.Flows
            .GroupBy(f => (network.GetRoute(f.Route).To, f.Commodity))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        // Peak utilisation of the crossing itself or of any capacitated route into or out of it.
        var peak = new Dictionary<LocationId, double>();
        foreach (var use in plan.CapacityUse.Where(u => u.Utilisation is not null))
        {
            var touched = use.Element.Location is { } l ? [l] : new[] { network.GetRoute(use.Element.Route!.Value).From, network.GetRoute(use.Element.Route!.Value).To };
            foreach (var id in touched) peak[id] = Math.Max(peak.GetValueOrDefault(id), use.Utilisation!.Value);
        }

        Line();
        Line($"Tonnes through each border crossing ({Tonnes.Label} over the horizon; peak utilisation of the crossing or its routes in any period):");
        var table = Tables.Create(["crossing", .. commodities.Select(c => ">" + c.Value), ">total", ">peak"]);
        foreach (var crossing in crossings)
        {
            var byCommodity = commodities.Select(c => inflow.GetValueOrDefault((crossing.Id, c))).ToList();
            table.Row([Tables.Clip(crossing.Name ?? crossing.Id.Value, 44), .. byCommodity.Select(t => Tonnes.Format(t)),
                Tonnes.Format(byCommodity.Sum()), peak.TryGetValue(crossing.Id, out var p) ? p.ToString("P0", CultureInfo.InvariantCulture) : "-"]);
        }

        _console.Table(table);
    }

    private void WriteSeasonalRoutes(AllocationPlan plan)
    {
        // Routes closed in some period (the Northern Sea Route, ice roads): when do they carry freight?
        var seasonal = _scenario.Network.Routes
            .Where(r => _scenario.Horizon.Periods.Any(p => _scenario.AvailabilityOf(r.Id, p.Id) == 0))
            .ToList();
        if (seasonal.Count == 0) return;
        var flows = plan.Flows.GroupBy(f => (f.Route, f.Period)).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        Line();
        Line($"Seasonal routes ({Tonnes.Label} by period; '.' = closed, '-' = open but unused):");
        var table = Tables.Create(["route", .. _scenario.Horizon.Periods.Select(p => ">" + p.Id.Value)]);
        foreach (var route in seasonal)
        {
            var cells = _scenario.Horizon.Periods.Select(p =>
                _scenario.AvailabilityOf(route.Id, p.Id) == 0 ? "." : flows.TryGetValue((route.Id, p.Id), out var t) ? (t / Tonnes.Divisor).ToString("0.0", CultureInfo.InvariantCulture) : "-");
            table.Row([Tables.Clip(route.Name ?? route.Id.Value, 44), .. cells]);
        }

        _console.Table(table);
    }

    private void WriteUnmet(AllocationPlan plan)
    {
        Line();
        if (_result.Status == SolveStatus.VerificationFailed)
        {
            // The plan's own unmet demand is not to be believed: the verifier found it wrong, or could not confirm it.
            Line(plan.Unmet.IsEmpty
                ? "Unmet demand: the rejected plan reports none, which says nothing about what is served (see the findings above)."
                : $"Unmet demand: the rejected plan reports {Tonnes.WithUnit(plan.TotalUnmetTonnes)}, which may be wrong (see the findings above).");
            return;
        }

        if (plan.Unmet.IsEmpty)
        {
            Line("Unmet demand: none; every demand is served.");
            return;
        }

        Line($"Unmet demand: {Tonnes.WithUnit(plan.TotalUnmetTonnes)} in all");
        var table = Tables.Create("location", "commodity", ">" + Tonnes.Label, ">periods");
        foreach (var group in plan.Unmet.GroupBy(u => (u.Location, u.Commodity)).OrderByDescending(g => g.Sum(u => u.Tonnes)))
        {
            table.Row(Tables.Clip(NameOf(group.Key.Location), 44), group.Key.Commodity.Value, Tonnes.Format(group.Sum(u => u.Tonnes)), group.Count().ToString(CultureInfo.InvariantCulture));
        }

        _console.Table(table);
    }

    private void WriteInvestments(AllocationPlan plan)
    {
        if (_scenario.Investments.IsEmpty) return;
        Line();
        Line($"Investments ({Money.Label}):");
        var table = Tables.Create("option", "decision", ">capital", ">of at most");
        foreach (var (option, decision) in _scenario.Investments.Zip(plan.Investments))
        {
            table.Row(Tables.Clip(option.Name ?? option.Id.Value, 60),
                decision.Units > 0 ? string.Create(CultureInfo.InvariantCulture, $"BUILD {decision.Units:0.##} unit(s)") : "not built",
                Money.Format(option.CapitalCost * decision.Units), Money.Format(option.CapitalCost * option.UnitLimit));
        }

        _console.Table(table);
    }

    private void WriteBottlenecks(AllocationPlan plan)
    {
        Line();
        if (plan.Bottlenecks.IsEmpty)
        {
            Line("Bottlenecks: none binding.");
            return;
        }

        var grouped = plan.Bottlenecks
            .GroupBy(b => b.Element.Id)
            .Select(g => (Id: g.Key, Periods: g.Count(), Max: g.Max(b => b.PerTonne), Mean: g.Average(b => b.PerTonne), IsRoute: g.First().Element.IsRoute))
            .OrderByDescending(g => g.Max)
            .Take(TopBottlenecks)
            .ToList();
        Line($"Top bottlenecks (binding capacity; value of one more tonne of capacity, {_currency}/t):");
        var table = Tables.Create("element", ">periods binding", ">up to", ">mean");
        foreach (var b in grouped)
        {
            var name = b.IsRoute ? _scenario.Network.GetRoute(b.Id).Name ?? b.Id : NameOf(b.Id);
            table.Row(Tables.Clip(name, 60), b.Periods.ToString(CultureInfo.InvariantCulture), PerTonne(b.Max), PerTonne(b.Mean));
        }

        _console.Table(table);
    }

    private void WriteMarketPrices(AllocationPlan plan)
    {
        var markets = _scenario.Demands.Select(d => (d.Location, d.Commodity)).Distinct().ToList();
        if (markets.Count == 0 || plan.Prices.Balance.IsEmpty) return;
        var prices = plan.Prices.Balance.GroupBy(p => (p.Location, p.Commodity)).ToDictionary(g => g.Key, g => g.ToList());
        Line();
        Line($"Market prices (landed marginal cost, {_currency}/t; mean over periods, min–max):");
        var table = Tables.Create("market", "commodity", ">mean", ">min", ">max");
        foreach (var (location, commodity) in markets)
        {
            if (!prices.TryGetValue((location, commodity), out var list)) continue;
            table.Row(Tables.Clip(NameOf(location), 44), commodity.Value, PerTonne(list.Average(p => p.PerTonne)), PerTonne(list.Min(p => p.PerTonne)), PerTonne(list.Max(p => p.PerTonne)));
        }

        _console.Table(table);
    }

    private void WriteVerification(AllocationPlan plan)
    {
        Line();
        if (plan.Verification is not { } v)
        {
            Line("Verification: not run.");
            return;
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"Verification: {(v.Passed ? "PASSED" : "FAILED")} (max violation {v.MaxViolation:0.###e+0}, recomputed objective {Money.WithUnit(v.RecomputedObjective)}); ")
            + $"optimality {(v.OptimalityCertified ? "CERTIFIED" : "not certified")}"
            + (v.DualityGap is { } g ? string.Create(CultureInfo.InvariantCulture, $" (duality gap {g:0.###e+0})") : ""));
        foreach (var finding in v.Findings.Take(10)) Line($"  {finding.Check}: {finding.Message}");
    }

    /// <summary>The verifier's findings on a rejected plan, written before anything else.</summary>
    private void WriteRejection()
    {
        const int Shown = 20;
        Line("VERIFICATION FAILED: the independent verifier rejected the plan the engine returned; do not act on it.");
        if (_result.Plan?.Verification is { } v)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"  constraints and objective {(v.Passed ? "passed" : "FAILED")} (max violation {v.MaxViolation:0.###e+0}, recomputed objective {Money.WithUnit(v.RecomputedObjective)}); ")
                + $"optimality {(v.OptimalityCertified ? "certified" : "not certified")}" + (v.DualityGap is { } g ? string.Create(CultureInfo.InvariantCulture, $" (duality gap {g:0.###e+0})") : ""));
            foreach (var finding in v.Findings.Take(Shown)) Line($"  {finding.Check} ({finding.Subject}): {finding.Message}");
            if (v.Findings.Length > Shown) Line($"  … {v.Findings.Length - Shown} more finding(s)");
        }

        Line();
    }

    private string NameOf(LocationId id) => _scenario.Network.TryGetLocation(id, out var l) ? l.Name ?? id.Value : id.Value;

    private static string PerTonne(double value) => value.ToString(Math.Abs(value) >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    private void Line(string text = "") => _console.Line(text);
}
