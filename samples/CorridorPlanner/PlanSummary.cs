using System.Globalization;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>Prints a plan the way a corridor planner reads it: tonnes in Mt, money in billions.</summary>
internal sealed partial class PlanSummary(Scenario scenario, OptimizationResult result, TextWriter output)
{
    private const int TopBottlenecks = 10;

    private readonly string _money = scenario.Currency;

    /// <summary>
    /// The money unit of the printout, from the largest amount it shows (the objective, the budget,
    /// the options' capital): bn for the corridor, but a scenario whose optimum is 900,000 prints
    /// "0.90 M RUB", not "0.00 bn RUB".
    /// </summary>
    private readonly (double Divisor, string Prefix) _unit = MoneyUnit(
        new[] { result.Plan?.Objective ?? 0, scenario.Budget?.CapitalCost ?? 0 }
            .Concat(scenario.Investments.Select(o => o.CapitalCost * o.UnitLimit))
            .Select(Math.Abs).DefaultIfEmpty(0).Max());

    public void Print()
    {
        // A plan the verifier rejected: its findings come first, before anything that reads like a plan.
        var rejected = result.Status == SolveStatus.VerificationFailed;
        if (rejected) PrintRejection();

        var network = scenario.Network;
        Line($"Scenario: {scenario.Name ?? "(unnamed)"}");
        Line($"  {network.Locations.Length} locations, {network.Routes.Length} routes, {network.Commodities.Length} commodities, "
            + $"{scenario.Horizon.Periods.Length} periods ({scenario.Horizon.Years:0.##} year{(Math.Abs(scenario.Horizon.Years - 1) < 1e-9 ? "" : "s")}), {scenario.Investments.Length} investment options"
            + (scenario.Budget is { } b ? $", budget {Bn(b.CapitalCost)}" : ""));
        Line();
        var report = result.Report;
        Line($"Status: {result.Status}");
        Line($"  engine {report.Engine}: {report.EngineReason}");
        if (report.Variables > 0)
        {
            Line($"  model {report.Variables:N0} variables ({report.IntegerVariables} integer), {report.Constraints:N0} constraints; "
            + $"build {report.BuildTime.TotalMilliseconds:0} ms, solve {report.SolveTime.TotalMilliseconds:0} ms"
            + (report.Iterations is { } it && it > 0 ? $", {it:N0} iterations" : "")
            + (report.RelativeGap is { } gap ? $", gap {gap:0.###%}" : ""));
        }

        if (report.PricingMethod is { } pricing) Line($"  prices: {pricing}");
        foreach (var note in report.Notes) Line($"  note: {note}");
        if (result.Message is { } message) Line($"  {message}");
        if (!result.TryGetPlan(out var plan))
        {
            if (result.Explanation is { } explanation)
            {
                PrintExplanation(explanation);
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

        PrintCosts(plan);
        PrintCrossings(plan);
        PrintSeasonalRoutes(plan);
        PrintUnmet(plan);
        PrintObservations(plan);
        PrintInvestments(plan);
        PrintAppraisal(plan);
        PrintBottlenecks(plan);
        PrintMarketPrices(plan);
        PrintVerification(plan);
    }

    private void PrintCosts(AllocationPlan plan)
    {
        Line();
        Line($"Objective: {Bn(plan.Objective)} over the horizon");
        var c = plan.Costs;
        Line($"  transport {Bn(c.Transport)} | handling {Bn(c.Handling)} | supply {Bn(c.Supply)} | capital (annualised) {Bn(c.Capital)} | unmet-demand penalty {Bn(c.UnmetPenalty)}");
    }

    private void PrintCrossings(AllocationPlan plan)
    {
        var network = scenario.Network;
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
        Line("Tonnes through each border crossing (Mt over the horizon; peak utilisation of the crossing or its routes in any period):");
        var width = Math.Max(10, commodities.Max(c => c.Value.Length)) + 1;
        Line($"  {"crossing",-34}" + string.Concat(commodities.Select(c => c.Value.PadLeft(width))) + $"{"total",9}{"peak",8}");
        foreach (var crossing in crossings)
        {
            var byCommodity = commodities.Select(c => inflow.GetValueOrDefault((crossing.Id, c))).ToList();
            var name = crossing.Name ?? crossing.Id.Value;
            Line($"  {Clip(name, 34),-34}" + string.Concat(byCommodity.Select(t => Mt(t).PadLeft(width))) + $"{Mt(byCommodity.Sum()),9}"
                + (peak.TryGetValue(crossing.Id, out var p) ? $"{p,8:P0}" : $"{"-",8}"));
        }
    }

    private void PrintSeasonalRoutes(AllocationPlan plan)
    {
        // Routes closed in some period (the Northern Sea Route, ice roads): when do they carry freight?
        var seasonal = scenario.Network.Routes
            .Where(r => scenario.Horizon.Periods.Any(p => scenario.AvailabilityOf(r.Id, p.Id) == 0))
            .ToList();
        if (seasonal.Count == 0) return;
        var flows = plan.Flows.GroupBy(f => (f.Route, f.Period)).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        Line();
        Line("Seasonal routes (Mt by period; '.' = closed, '-' = open but unused):");
        Line($"  {"route",-34}" + string.Concat(scenario.Horizon.Periods.Select(p => $"{Clip(p.Id.Value, 5),6}")));
        foreach (var route in seasonal)
        {
            var cells = scenario.Horizon.Periods.Select(p =>
                scenario.AvailabilityOf(route.Id, p.Id) == 0 ? "." : flows.TryGetValue((route.Id, p.Id), out var t) ? (t / 1e6).ToString("0.0", CultureInfo.InvariantCulture) : "-");
            Line($"  {Clip(route.Name ?? route.Id.Value, 34),-34}" + string.Concat(cells.Select(c => $"{c,6}")));
        }
    }

    private void PrintUnmet(AllocationPlan plan)
    {
        Line();
        if (result.Status == SolveStatus.VerificationFailed)
        {
            // The plan's own unmet demand is not to be believed: the verifier found it wrong, or could not confirm it.
            Line(plan.Unmet.IsEmpty
                ? "Unmet demand: the rejected plan reports none, which says nothing about what is served (see the findings above)."
                : $"Unmet demand: the rejected plan reports {Mt(plan.TotalUnmetTonnes)} Mt, which may be wrong (see the findings above).");
            return;
        }

        if (plan.Unmet.IsEmpty)
        {
            Line("Unmet demand: none; every demand is served.");
            return;
        }

        Line($"Unmet demand: {Mt(plan.TotalUnmetTonnes)} Mt in all");
        foreach (var group in plan.Unmet.GroupBy(u => (u.Location, u.Commodity)).OrderByDescending(g => g.Sum(u => u.Tonnes)))
        {
            Line($"  {Clip(NameOf(group.Key.Location), 34),-34} {group.Key.Commodity,-10} {Mt(group.Sum(u => u.Tonnes)),8} Mt in {group.Count()} period(s)");
        }
    }

    private void PrintInvestments(AllocationPlan plan)
    {
        if (scenario.Investments.IsEmpty) return;
        Line();
        Line("Investments:");
        foreach (var (option, decision) in scenario.Investments.Zip(plan.Investments))
        {
            var verdict = decision.Units > 0 ? $"BUILD {decision.Units:0.##} unit(s)" : "not built";
            Line($"  {Clip(option.Name ?? option.Id.Value, 44),-44} {verdict,-18} capital {Bn(option.CapitalCost * decision.Units)} of {Bn(option.CapitalCost * option.UnitLimit)}");
        }
    }

    private void PrintBottlenecks(AllocationPlan plan)
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
        Line($"Top bottlenecks (binding capacity; value of one more tonne of capacity, {_money}/t):");
        foreach (var b in grouped)
        {
            var name = b.IsRoute ? scenario.Network.GetRoute(b.Id).Name ?? b.Id : NameOf(b.Id);
            Line($"  {Clip(name, 44),-44} binding in {b.Periods,2} period(s), up to {b.Max,8:N0}, mean {b.Mean,8:N0}");
        }
    }

    private void PrintMarketPrices(AllocationPlan plan)
    {
        var markets = scenario.Demands.Select(d => (d.Location, d.Commodity)).Distinct().ToList();
        if (markets.Count == 0 || plan.Prices.Balance.IsEmpty) return;
        var prices = plan.Prices.Balance.GroupBy(p => (p.Location, p.Commodity)).ToDictionary(g => g.Key, g => g.ToList());
        Line();
        Line($"Market prices (landed marginal cost, {_money}/t; mean over periods, min–max):");
        foreach (var (location, commodity) in markets)
        {
            if (!prices.TryGetValue((location, commodity), out var list)) continue;
            Line($"  {Clip(NameOf(location), 34),-34} {commodity,-10} {list.Average(p => p.PerTonne),9:N0}  ({list.Min(p => p.PerTonne):N0}–{list.Max(p => p.PerTonne):N0})");
        }
    }

    private void PrintVerification(AllocationPlan plan)
    {
        Line();
        if (plan.Verification is not { } v)
        {
            Line("Verification: not run.");
            return;
        }

        Line($"Verification: {(v.Passed ? "PASSED" : "FAILED")} (max violation {v.MaxViolation:0.###e+0}, recomputed objective {Bn(v.RecomputedObjective)}); "
            + $"optimality {(v.OptimalityCertified ? "CERTIFIED" : "not certified")}"
            + (v.DualityGap is { } g ? $" (duality gap {g:0.###e+0})" : ""));
        foreach (var finding in v.Findings.Take(10)) Line($"  {finding.Check}: {finding.Message}");
    }

    /// <summary>The verifier's findings on a rejected plan, printed before anything else.</summary>
    private void PrintRejection()
    {
        const int Shown = 20;
        Line("VERIFICATION FAILED: the independent verifier rejected the plan the engine returned; do not act on it.");
        if (result.Plan?.Verification is { } v)
        {
            Line($"  constraints and objective {(v.Passed ? "passed" : "FAILED")} (max violation {v.MaxViolation:0.###e+0}, recomputed objective {Bn(v.RecomputedObjective)}); "
                + $"optimality {(v.OptimalityCertified ? "certified" : "not certified")}" + (v.DualityGap is { } g ? $" (duality gap {g:0.###e+0})" : ""));
            foreach (var finding in v.Findings.Take(Shown)) Line($"  {finding.Check} ({finding.Subject}): {finding.Message}");
            if (v.Findings.Length > Shown) Line($"  … {v.Findings.Length - Shown} more finding(s)");
        }

        Line();
    }

    private string NameOf(LocationId id) => scenario.Network.TryGetLocation(id, out var l) ? l.Name ?? id.Value : id.Value;

    private string Bn(double money) => $"{money / _unit.Divisor:N2} {_unit.Prefix}{_money}";

    private static (double, string) MoneyUnit(double largest) =>
        largest >= 1e9 ? (1e9, "bn ") : largest >= 1e6 ? (1e6, "M ") : largest >= 1e3 ? (1e3, "k ") : (1, "");

    private static string Mt(double tonnes) => (tonnes / 1e6).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private void Line(string text = "") => output.WriteLine(text);
}
