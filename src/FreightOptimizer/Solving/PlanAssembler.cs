using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FreightOptimizer.Formulation;
using FreightOptimizer.Network;
using FreightOptimizer.Results;
using FreightOptimizer.Scenarios;

namespace FreightOptimizer.Solving;

/// <summary>
/// Turns solver values and duals back into an <see cref="AllocationPlan"/> through the model's
/// index map: tonnes and money in the scenario's units, prices by their meaning.
/// </summary>
internal static class PlanAssembler
{
    /// <summary>
    /// Tonnes, units and prices (money per tonne) smaller than this are noise from the solver's
    /// tolerances and are reported as 0.
    /// </summary>
    private const double Noise = 1e-6;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AllocationPlan Assemble(Scenario scenario, FreightModel model, double[] values, double[]? duals, double objective)
    {
        var s = model.Scaling;
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        double Tonnes(int variable) => Clean(values[variable] * s.TonneUnit);

        var flows = ImmutableArray.CreateBuilder<RouteFlow>();
        var transport = 0.0;
        var handling = 0.0;
        var periodCount = periods.Length;
        var routeThroughput = new double[network.Routes.Length * periodCount];
        var locationThroughput = new double[network.Locations.Length * periodCount];

        foreach (var f in model.Flows)
        {
            var tonnes = Tonnes(f.Variable);
            if (tonnes == 0) continue;
            var route = network.Routes[f.Route];
            var commodity = network.Commodities[f.Commodity].Id;
            flows.Add(new RouteFlow(route.Id, commodity, periods[f.Period].Id, tonnes));
            transport += route.CostPerTonne[commodity] * tonnes;
            var to = network.IndexOf(route.To);
            handling += network.Locations[to].HandlingCostOf(commodity) * tonnes;
            routeThroughput[(f.Route * periodCount) + f.Period] += tonnes;
            locationThroughput[(to * periodCount) + f.Period] += tonnes;
        }

        var supplyCost = 0.0;
        var supplied = new SortedDictionary<(int, int, int), double>();
        foreach (var v in model.Supplies)
        {
            var tonnes = Tonnes(v.Variable);
            if (tonnes == 0) continue;
            var line = scenario.Supplies[v.Line];
            supplyCost += line.CostPerTonne * tonnes;
            handling += network.Locations[v.Location].HandlingCostOf(line.Commodity) * tonnes;
            Add(supplied, (v.Location, v.Commodity, v.Period), tonnes);
            locationThroughput[(v.Location * periodCount) + v.Period] += tonnes;
        }

        var penalty = 0.0;
        var unmet = new SortedDictionary<(int, int, int), double>();
        foreach (var v in model.Unmet)
        {
            var tonnes = Tonnes(v.Variable);
            if (tonnes == 0) continue;
            penalty += scenario.PenaltyOf(scenario.Demands[v.Line]) * tonnes;
            Add(unmet, (v.Location, v.Commodity, v.Period), tonnes);
        }

        foreach (var c in model.ClosedDemands)
        {
            if (!c.Hard) penalty += scenario.PenaltyOf(scenario.Demands[c.Line]) * c.Tonnes;
            Add(unmet, (c.Location, c.Commodity, c.Period), c.Tonnes);
        }

        var investments = ImmutableArray.CreateBuilder<InvestmentDecision>();
        var capital = 0.0;
        var units = new double[model.Investments.Length];
        for (var i = 0; i < model.Investments.Length; i++)
        {
            var option = scenario.Investments[i];
            var u = values[model.Investments[i].Units];
            u = option.IsInteger ? Math.Round(u) + 0.0 : Clean(u); // + 0.0 turns a rounded −0 into 0
            units[i] = u;
            capital += Economics.ObjectiveCostPerUnit(scenario, option) * u;
            investments.Add(new InvestmentDecision(option.Id, u));
        }

        var capacityUse = ImmutableArray.CreateBuilder<CapacityUse>();
        var capacityPrices = ImmutableArray.CreateBuilder<CapacityPrice>();
        var bottlenecks = new List<Bottleneck>();
        foreach (var row in model.CapacityRows)
        {
            var capacity = row.BaseTonnes;
            foreach (var (option, tonnesPerUnit) in row.Additions) capacity += tonnesPerUnit * units[option];
            var throughput = (row.IsRoute ? routeThroughput : locationThroughput)[(row.Target * periodCount) + row.Period];
            RouteId? route = row.IsRoute ? network.Routes[row.Target].Id : (RouteId?)null;
            LocationId? location = row.IsRoute ? (LocationId?)null : network.Locations[row.Target].Id;
            var period = periods[row.Period].Id;
            capacityUse.Add(new CapacityUse(route, location, period, throughput, capacity));
            if (duals is null) continue;
            var price = Clean(-duals[row.Row] * s.MoneyUnit / s.TonneUnit);
            capacityPrices.Add(new CapacityPrice(route, location, period, price));
            if (price > 0 && capacity - throughput <= SolveDefaults.BindingSlack * Math.Max(capacity, 1))
            {
                bottlenecks.Add(new Bottleneck(route, location, period, capacityUse[^1].Utilisation ?? 1.0, price));
            }
        }

        var prices = PlanPrices.None;
        if (duals is not null)
        {
            var balance = model.BalanceRows
                .Select(b => new BalancePrice(network.Locations[b.Location].Id, network.Commodities[b.Commodity].Id, periods[b.Period].Id, Clean(duals[b.Row] * s.MoneyUnit / s.TonneUnit)))
                .ToImmutableArray();
            var minimum = model.MinimumFlowRows
                .Select(m => new MinimumFlowPrice(network.Routes[m.Route].Id, periods[m.Period].Id, Clean(duals[m.Row] * s.MoneyUnit / s.TonneUnit)))
                .ToImmutableArray();
            double? budget = model.BudgetRow >= 0 ? Clean(-duals[model.BudgetRow] * s.MoneyUnit / s.CapitalUnit) : null;
            if (budget is null && scenario.Budget is not null) budget = 0;
            prices = new PlanPrices(balance, capacityPrices.ToImmutable(), minimum, budget);
        }

        return new AllocationPlan
        {
            ScenarioName = scenario.Name,
            Objective = objective,
            Costs = new CostBreakdown(transport, handling, supplyCost, capital, penalty),
            Flows = flows.ToImmutable(),
            Supplied = [.. supplied.Select(kv => new SupplyUse(network.Locations[kv.Key.Item1].Id, network.Commodities[kv.Key.Item2].Id, periods[kv.Key.Item3].Id, kv.Value))],
            Unmet = [.. unmet.Select(kv => new UnmetDemand(network.Locations[kv.Key.Item1].Id, network.Commodities[kv.Key.Item2].Id, periods[kv.Key.Item3].Id, kv.Value))],
            Investments = investments.ToImmutable(),
            CapacityUse = capacityUse.ToImmutable(),
            Prices = prices,
            Bottlenecks = [.. bottlenecks
                .OrderByDescending(b => b.PerTonne)
                .ThenBy(b => b.Route?.Value ?? b.Location?.Value, StringComparer.Ordinal)
                .ThenBy(b => scenario.Horizon.IndexOf(b.Period))],
        };
    }

    /// <summary>
    /// The first number of a plan that is NaN or infinite, as its plan-JSON path and value, or null
    /// when every number is finite. A plan is only returned when this is null: JSON cannot hold such
    /// a number, and no planner can act on one (validation keeps every input, and so every
    /// coefficient, within bounds that make this the check of a bug, not of data).
    /// </summary>
    internal static string? DescribeNonFinite(AllocationPlan plan)
    {
        string? Bad(string path, double value) => double.IsFinite(value) ? null : $"{path} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        string? First<T>(string path, ImmutableArray<T> items, Func<T, IEnumerable<(string Field, double? Value)>> numbers)
        {
            for (var i = 0; i < (items.IsDefault ? 0 : items.Length); i++)
            {
                foreach (var (field, value) in numbers(items[i]))
                {
                    if (value is { } v && Bad($"{path}[{i}].{field}", v) is { } bad) return bad;
                }
            }

            return null;
        }

        var c = plan.Costs;
        var prices = plan.Prices ?? PlanPrices.None;
        return Bad("$.objective", plan.Objective)
            ?? Bad("$.costs.transport", c.Transport) ?? Bad("$.costs.handling", c.Handling) ?? Bad("$.costs.supply", c.Supply)
            ?? Bad("$.costs.capital", c.Capital) ?? Bad("$.costs.unmetPenalty", c.UnmetPenalty)
            ?? First("$.flows", plan.Flows, f => [("tonnes", f.Tonnes)])
            ?? First("$.supplied", plan.Supplied, x => [("tonnes", x.Tonnes)])
            ?? First("$.unmet", plan.Unmet, u => [("tonnes", u.Tonnes)])
            ?? First("$.investments", plan.Investments, d => [("units", d.Units)])
            ?? First("capacity use", plan.CapacityUse, u => [("throughputTonnes", u.ThroughputTonnes), ("capacityTonnes", u.CapacityTonnes), ("utilisation", u.Utilisation)])
            ?? First("$.prices.balance", prices.Balance, p => [("perTonne", p.PerTonne)])
            ?? First("$.prices.capacity", prices.Capacity, p => [("perTonne", p.PerTonne)])
            ?? First("$.prices.minimumFlow", prices.MinimumFlow, p => [("perTonne", p.PerTonne)])
            ?? (prices.Budget is { } budget ? Bad("$.prices.budget", budget) : null)
            ?? First("$.bottlenecks", plan.Bottlenecks, b => [("utilisation", b.Utilisation), ("perTonne", b.PerTonne)])
            ?? (plan.Verification is { } v
                ? Bad("$.verification.maxViolation", v.MaxViolation) ?? Bad("$.verification.recomputedObjective", v.RecomputedObjective)
                    ?? (v.DualityGap is { } gap ? Bad("$.verification.dualityGap", gap) : null)
                : null)
            ?? First("$.appraisal", plan.Appraisal, a => [("units", a.Units), ("appraisedUnits", a.AppraisedUnits), ("capitalCost", a.CapitalCost),
                ("annualisedCost", a.AnnualisedCost), ("utilisation", a.Utilisation), ("value", a.Value), ("grossAnnualSaving", a.GrossAnnualSaving),
                ("paybackYears", a.PaybackYears), ("regret", a.Regret)]);
    }

    private static double Clean(double value) => Math.Abs(value) < Noise ? 0 : value;

    private static void Add(SortedDictionary<(int, int, int), double> sums, (int, int, int) key, double value) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? sum + value : value;
}
