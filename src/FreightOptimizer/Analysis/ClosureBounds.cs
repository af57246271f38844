using System.Collections.Immutable;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Analysis;

/// <summary>
/// A closure as bound changes on the formulated model (docs/analysis.md, "Closures"): what availability
/// factor 0 in the closed periods means in the model of docs/design.md, without formulating it again.
/// </summary>
/// <remarks>
/// <para>
/// A flow x[a,k,t] exists only where route a and both its ends are open, supply s and unmet u only at
/// an open location. Closing an element in period t therefore fixes to 0 every flow of t through it
/// (the route's own flows, or every route into or out of the location); at a closed location it fixes
/// supply to 0 and unmet demand to all of its line (u = W·f: the constant penalty the formulation of the
/// closed scenario carries for demand at a closed location; a hard line has no u, so its balance row
/// alone makes the model infeasible, as the closed scenario's marker row does).
/// </para>
/// <para>
/// Rows the closed scenario would not have are freed rather than left binding on variables fixed at
/// 0: a minimum-flow row of a route that is closed or has a closed end (waived in the closed scenario),
/// and a capacity row whose every flow and supply term is now fixed (the closed scenario has no such
/// row: its capacity is 0, and one more tonne of it saves nothing). A free row's dual is 0, which is the
/// price the plan format gives a capacity or minimum that nothing can use. Capacity rows that remain
/// keep their right-hand side, and the investment terms in a freed row bound nothing. So the re-solved
/// LP has the optimum of the closed scenario's own model, and its primal and dual map onto that model's
/// (FreightPlanner.Optimize of the closed scenario is the cold solve the property tests compare with).
/// </para>
/// </remarks>
internal sealed class ClosureBounds
{
    private ClosureBounds(List<(int, double, double)> variables, List<(int, double, double)> rows, HashSet<int> freedRows)
    {
        Variables = variables;
        Rows = rows;
        FreedRows = freedRows;
    }

    /// <summary>Variables and their bounds in the closure (model units).</summary>
    public IReadOnlyList<(int Variable, double Lower, double Upper)> Variables { get; }

    /// <summary>Rows and their bounds in the closure.</summary>
    public IReadOnlyList<(int Row, double Lower, double Upper)> Rows { get; }

    private HashSet<int> FreedRows { get; }

    /// <summary>The bound changes that close <paramref name="element"/> in the periods <paramref name="periods"/> (horizon indices).</summary>
    public static ClosureBounds For(FreightModel model, LinearProblem lp, Scenario scenario, NetworkElement element, ImmutableArray<int> periods)
    {
        var network = scenario.Network;
        var closedPeriod = new bool[scenario.Horizon.Periods.Length];
        foreach (var t in periods) closedPeriod[t] = true;
        var route = -1;
        var location = -1;
        if (element.Route is { } routeId)
        {
            for (var a = 0; a < network.Routes.Length && route < 0; a++) route = network.Routes[a].Id == routeId ? a : -1;
        }
        else if (element.Location is { } locationId)
        {
            location = network.IndexOf(locationId);
        }

        var variables = new List<(int, double, double)>();
        var fixedVariables = new HashSet<int>();
        void Fix(int v, double value)
        {
            variables.Add((v, value, value));
            fixedVariables.Add(v);
        }

        var touches = new bool[network.Routes.Length];
        for (var a = 0; a < network.Routes.Length; a++)
        {
            var r = network.Routes[a];
            touches[a] = a == route || (location >= 0 && (network.IndexOf(r.From) == location || network.IndexOf(r.To) == location));
        }

        foreach (var f in model.Flows)
        {
            if (closedPeriod[f.Period] && touches[f.Route]) Fix(f.Variable, 0);
        }

        if (location >= 0)
        {
            foreach (var s in model.Supplies)
            {
                if (s.Location == location && closedPeriod[s.Period]) Fix(s.Variable, 0);
            }

            foreach (var u in model.Unmet)
            {
                if (u.Location == location && closedPeriod[u.Period]) Fix(u.Variable, lp.VariableUpper[u.Variable]);
            }
        }

        var investment = new HashSet<int>(model.Investments.SelectMany(i => new[] { i.Units, i.Indicator }).Where(v => v >= 0));
        var rows = new List<(int, double, double)>();
        var freed = new HashSet<int>();
        foreach (var c in model.CapacityRows)
        {
            if (!closedPeriod[c.Period]) continue;
            var row = lp.Rows[c.Row];
            var touched = false;
            var allFixed = true;
            foreach (var v in row.Variables)
            {
                if (investment.Contains(v)) continue;
                if (fixedVariables.Contains(v)) touched = true;
                else allFixed = false;
            }

            if (!touched || !allFixed) continue;
            rows.Add((c.Row, row.Lower, double.PositiveInfinity));
            freed.Add(c.Row);
        }

        foreach (var m in model.MinimumFlowRows)
        {
            if (!closedPeriod[m.Period] || !touches[m.Route]) continue;
            rows.Add((m.Row, double.NegativeInfinity, lp.Rows[m.Row].Upper));
            freed.Add(m.Row);
        }

        return new ClosureBounds(variables, rows, freed);
    }

    /// <summary>
    /// The model's index map for the closure: the base map without the freed rows, so that the plan
    /// lists (and prices) the capacities and minimums the closed scenario has, as its own model would.
    /// </summary>
    public FreightModel View(FreightModel model, LinearProblem lp) => new()
    {
        Problem = lp,
        Scaling = model.Scaling,
        Flows = model.Flows,
        Supplies = model.Supplies,
        Unmet = model.Unmet,
        ClosedDemands = model.ClosedDemands,
        Investments = model.Investments,
        BalanceRows = model.BalanceRows,
        CapacityRows = FreedRows.Count == 0 ? model.CapacityRows : [.. model.CapacityRows.Where(c => !FreedRows.Contains(c.Row))],
        MinimumFlowRows = FreedRows.Count == 0 ? model.MinimumFlowRows : [.. model.MinimumFlowRows.Where(m => !FreedRows.Contains(m.Row))],
        BudgetRow = model.BudgetRow,
        Co2CapRow = model.Co2CapRow,
        Co2Unit = model.Co2Unit,
        PlainRowCount = model.PlainRowCount,
        LinkingRowCount = model.LinkingRowCount,
        ExactValues = model.ExactValues,
    };

    /// <summary>The scenario with <paramref name="element"/>'s availability factor 0 in <paramref name="periods"/>.</summary>
    public static Scenario ClosedScenario(Scenario scenario, NetworkElement element, ImmutableArray<PeriodId> periods)
    {
        static Availability Closed(Availability? current, ImmutableArray<PeriodId> periods)
        {
            var factors = current?.Factors ?? ImmutableDictionary<PeriodId, double>.Empty;
            foreach (var p in periods) factors = factors.SetItem(p, 0);
            return new Availability(factors);
        }

        if (element.Route is { } route)
        {
            return scenario with { RouteAvailability = scenario.RouteAvailability.SetItem(route, Closed(scenario.RouteAvailability.GetValueOrDefault(route), periods)) };
        }

        var location = element.Location!.Value;
        return scenario with { LocationAvailability = scenario.LocationAvailability.SetItem(location, Closed(scenario.LocationAvailability.GetValueOrDefault(location), periods)) };
    }

    /// <summary>
    /// The scenario a closure's plan is verified against: the closed scenario, and in operational mode
    /// with the investments as data. The verifier certifies a plan with integer decisions for the LP with
    /// those decisions fixed; a continuous option on its own is a decision it prices, which in
    /// operational mode is not one, so each such option gets an exclusive group of its own (a group of
    /// one constrains nothing, and makes the verifier treat its units as fixed, like an integer decision's).
    /// </summary>
    public static Scenario VerificationScenario(Scenario closed, ClosureMode mode)
    {
        if (mode != ClosureMode.Operational || closed.Investments.All(o => o.IsInteger || o.ExclusiveGroup is not null)) return closed;
        var groups = closed.Investments.Select(o => o.ExclusiveGroup).OfType<string>().ToHashSet(StringComparer.Ordinal);
        string GroupOf(InvestmentOption option)
        {
            var name = $"fixed for a closure: {option.Id}";
            while (groups.Contains(name)) name += "'";
            groups.Add(name);
            return name;
        }

        return closed with { Investments = [.. closed.Investments.Select(o => o.IsInteger || o.ExclusiveGroup is not null ? o : o with { ExclusiveGroup = GroupOf(o) })] };
    }
}

/// <summary>The measures a closure is described by: unmet demand by market and commodity, and throughput of every border crossing.</summary>
internal static class ClosureMeasures
{
    /// <summary>Inflow + supply at every border crossing over the horizon.</summary>
    public static ImmutableDictionary<LocationId, double> CrossingThroughput(Scenario scenario, AllocationPlan plan)
    {
        var network = scenario.Network;
        var sums = network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).ToDictionary(l => l.Id, _ => 0.0);
        foreach (var flow in plan.Flows)
        {
            if (network.TryGetRoute(flow.Route, out var route) && sums.TryGetValue(route.To, out var sum)) sums[route.To] = sum + flow.Tonnes;
        }

        foreach (var supplied in plan.Supplied)
        {
            if (sums.TryGetValue(supplied.Location, out var sum)) sums[supplied.Location] = sum + supplied.Tonnes;
        }

        return sums.ToImmutableDictionary();
    }

    /// <summary>Unmet tonnes by location and commodity over the horizon.</summary>
    public static ImmutableDictionary<(LocationId, CommodityId), double> UnmetByMarket(Scenario scenario, AllocationPlan plan) =>
        plan.Unmet.GroupBy(u => (u.Location, u.Commodity)).ToImmutableDictionary(g => g.Key, g => g.Sum(u => u.Tonnes));

    /// <summary>Every market and commodity with unmet demand in the base or the closure, in network and commodity order.</summary>
    public static ImmutableArray<MarketShortfall> Shortfalls(Scenario scenario, ImmutableDictionary<(LocationId, CommodityId), double> baseUnmet, ImmutableDictionary<(LocationId, CommodityId), double> unmet)
    {
        var network = scenario.Network;
        return [.. baseUnmet.Keys.Union(unmet.Keys)
            .OrderBy(k => network.IndexOf(k.Item1)).ThenBy(k => network.IndexOf(k.Item2))
            .Select(k => new MarketShortfall(k.Item1, k.Item2, baseUnmet.GetValueOrDefault(k), unmet.GetValueOrDefault(k)))];
    }

    /// <summary>Every border crossing's throughput in the base and the closure, in network order.</summary>
    public static ImmutableArray<CrossingShift> Shifts(Scenario scenario, ImmutableDictionary<LocationId, double> baseTonnes, ImmutableDictionary<LocationId, double> tonnes) =>
        [.. scenario.Network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing)
            .Select(l => new CrossingShift(l.Id, baseTonnes.GetValueOrDefault(l.Id), tonnes.GetValueOrDefault(l.Id)))];
}
