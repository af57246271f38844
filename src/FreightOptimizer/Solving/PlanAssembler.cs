using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FreightOptimizer.Formulation;

namespace FreightOptimizer;

/// <summary>
/// Turns solver values and duals back into an <see cref="AllocationPlan"/> through the model's
/// index map: tonnes and money in the scenario's units, prices by their meaning.
/// </summary>
internal static class PlanAssembler
{
    /// <summary>
    /// Tonnes, units and prices (money per tonne) smaller than this are noise from the solver's
    /// tolerances and are reported as 0, unless the model's values are exact
    /// (<see cref="FreightModel.ExactValues"/>). For prices the threshold shrinks with the scenario's
    /// smallest unit cost (<see cref="PriceNoise"/>).
    /// </summary>
    private const double Noise = 1e-6;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AllocationPlan Assemble(Scenario scenario, FreightModel model, double[] values, double[]? duals, double objective)
    {
        var s = model.Scaling;
        var noise = model.ExactValues ? 0 : Noise;
        var priceNoise = model.ExactValues ? 0 : PriceNoise(scenario);

        // + 0.0 turns −0 (a price of −max(0, 0)) into 0.
        double Clean(double value) => Below(value, noise);
        double CleanPrice(double value) => Below(value, priceNoise);
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        double Tonnes(int variable) => Clean(values[variable] * s.TonneUnit);

        var flows = ImmutableArray.CreateBuilder<RouteFlow>();
        var transport = 0.0;
        var transitTime = 0.0;
        var carbonCost = 0.0;
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
            // The tariff is what the route charges less the generalised surcharges (both 0.0 without them).
            var time = scenario.TransitCostPerTonne(route, commodity);
            var carbon = scenario.CarbonCostPerTonne(route);
            transport += (scenario.RouteCostPerTonne(route, commodity) - time - carbon) * tonnes;
            transitTime += time * tonnes;
            carbonCost += carbon * tonnes;
            var to = network.IndexOf(route.To);
            handling += scenario.HandlingCostPerTonne(network.Locations[to], commodity) * tonnes;
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
            handling += scenario.HandlingCostPerTonne(network.Locations[v.Location], line.Commodity) * tonnes;
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
        var routeRho = new double[network.Routes.Length * periodCount];
        var locationRho = new double[network.Locations.Length * periodCount];
        var bottlenecks = new List<Bottleneck>();
        foreach (var row in model.CapacityRows)
        {
            var capacity = row.BaseTonnes;
            foreach (var (option, tonnesPerUnit) in row.Additions) capacity += tonnesPerUnit * units[option];
            var throughput = (row.IsRoute ? routeThroughput : locationThroughput)[(row.Target * periodCount) + row.Period];
            var element = row.IsRoute ? NetworkElement.Of(network.Routes[row.Target].Id) : NetworkElement.Of(network.Locations[row.Target].Id);
            var period = periods[row.Period].Id;
            capacityUse.Add(new CapacityUse(element, period, throughput, capacity));
            if (duals is null) continue;
            var price = CleanPrice(-duals[row.Row] * s.MoneyUnit / s.TonneUnit);
            (row.IsRoute ? routeRho : locationRho)[(row.Target * periodCount) + row.Period] = price;
            if (price > 0 && capacity - throughput <= SolveDefaults.BindingSlack * Math.Max(capacity, 1))
            {
                bottlenecks.Add(new Bottleneck(element, period, capacityUse[^1].Utilisation ?? 1.0, price));
            }
        }

        AddCapacitiesWithoutRows(scenario, model, units, capacityUse);
        var prices = duals is null ? PlanPrices.None : CompletePrices(scenario, model, duals, routeRho, locationRho, priceNoise, noise);

        return new AllocationPlan
        {
            ScenarioName = scenario.Name,
            Objective = objective,
            Costs = new CostBreakdown(transport, handling, supplyCost, capital, penalty) { TransitTime = transitTime, Carbon = carbonCost },
            Flows = flows.ToImmutable(),
            Activity = scenario.ReportsActivity ? PlanActivity.Of(scenario, flows) : null,
            Supplied = [.. supplied.Select(kv => new SupplyUse(network.Locations[kv.Key.Item1].Id, network.Commodities[kv.Key.Item2].Id, periods[kv.Key.Item3].Id, kv.Value))],
            Unmet = [.. unmet.Select(kv => new UnmetDemand(network.Locations[kv.Key.Item1].Id, network.Commodities[kv.Key.Item2].Id, periods[kv.Key.Item3].Id, kv.Value))],
            Investments = investments.ToImmutable(),
            CapacityUse = capacityUse.ToImmutable(),
            Prices = prices,
            Bottlenecks = [.. bottlenecks
                .OrderByDescending(b => b.PerTonne)
                .ThenBy(b => b.Element.Id, StringComparer.Ordinal)
                .ThenBy(b => scenario.Horizon.IndexOf(b.Period))],
        };
    }

    /// <summary>
    /// The price noise threshold: <see cref="Noise"/> money per tonne, times the smallest positive unit
    /// cost (transport, handling, supply, penalty) where that is below 1. A price of 10^−9 per tonne is
    /// real in a scenario whose costs are 10^−9 per tonne, and erasing it leaves the plan uncertified;
    /// scenarios with no cost below 1 keep the threshold they always had.
    /// </summary>
    private static double PriceNoise(Scenario scenario)
    {
        var smallest = 1.0;
        void Cost(double c)
        {
            if (c > 0 && c < smallest) smallest = c;
        }

        foreach (var route in scenario.Network.Routes)
        {
            foreach (var c in route.CostPerTonne.Values) Cost(c);
        }

        foreach (var location in scenario.Network.Locations)
        {
            foreach (var c in location.HandlingCostPerTonne.Values) Cost(c);
        }

        foreach (var supply in scenario.Supplies) Cost(supply.CostPerTonne);
        foreach (var demand in scenario.Demands)
        {
            if (!demand.MustServe) Cost(scenario.PenaltyOf(demand));
        }

        return Noise * smallest;
    }

    /// <summary>
    /// Every price the plan format promises (docs/plan-format.md), in scenario order: balance prices of every open
    /// location, commodity it handles and period; capacity prices of every capacitated route and
    /// location in every period; minimum-flow prices of every route with a positive minimum in every
    /// period; the budget price when the scenario has a budget.
    /// </summary>
    /// <remarks>
    /// The model has rows only where a variable can touch them, so some promised prices have no dual,
    /// and each gets the value its meaning gives:
    /// <list type="bullet">
    /// <item>A capacity with no row (the route or an end is closed, the location is closed, or no flow
    /// of any commodity can use it in the period): one more tonne of it lets nothing more move, so it
    /// saves nothing, and its price is 0 (the verifier rejects a positive one: a price on a
    /// constraint that binds nothing).</item>
    /// <item>A minimum flow with no row (waived because the route or an end is closed): raising it
    /// changes nothing, so 0.</item>
    /// <item>A balance with no row (an open location that handles the commodity, where in the period
    /// no route can bring or take it, and no supply or demand line applies): the balance is 0 = 0 with no
    /// variable in it, so any price satisfies the optimality conditions; it enters no reduced cost and
    /// multiplies a demand of 0 in the dual objective. It is reported as 0.</item>
    /// <item>A budget with no row (no investment options): spending more buys nothing, so 0.</item>
    /// </list>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PlanPrices CompletePrices(Scenario scenario, FreightModel model, double[] duals, double[] routeRho, double[] locationRho, double priceNoise, double valueNoise)
    {
        var s = model.Scaling;
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        int periodCount = periods.Length, commodityCount = network.Commodities.Length;
        var locationOpen = new bool[network.Locations.Length * periodCount];
        for (var n = 0; n < network.Locations.Length; n++)
        {
            for (var t = 0; t < periodCount; t++) locationOpen[(n * periodCount) + t] = scenario.IsOpen(network.Locations[n].Id, periods[t].Id);
        }

        var pi = new double[network.Locations.Length * commodityCount * periodCount];
        foreach (var b in model.BalanceRows)
        {
            pi[(((b.Location * commodityCount) + b.Commodity) * periodCount) + b.Period] = Below(duals[b.Row] * s.MoneyUnit / s.TonneUnit, priceNoise);
        }

        var balance = ImmutableArray.CreateBuilder<BalancePrice>();
        for (var n = 0; n < network.Locations.Length; n++)
        {
            var location = network.Locations[n];
            for (var k = 0; k < commodityCount; k++)
            {
                var commodity = network.Commodities[k].Id;
                if (!location.Handles(commodity)) continue;
                for (var t = 0; t < periodCount; t++)
                {
                    if (!locationOpen[(n * periodCount) + t]) continue;
                    balance.Add(new BalancePrice(location.Id, commodity, periods[t].Id, pi[(((n * commodityCount) + k) * periodCount) + t]));
                }
            }
        }

        var capacity = ImmutableArray.CreateBuilder<CapacityPrice>();
        for (var a = 0; a < network.Routes.Length; a++)
        {
            if (network.Routes[a].AnnualCapacityTonnes is null) continue;
            for (var t = 0; t < periodCount; t++)
            {
                capacity.Add(new CapacityPrice(network.Routes[a].Id, periods[t].Id, routeRho[(a * periodCount) + t]));
            }
        }

        for (var n = 0; n < network.Locations.Length; n++)
        {
            if (network.Locations[n].AnnualCapacityTonnes is null) continue;
            for (var t = 0; t < periodCount; t++)
            {
                capacity.Add(new CapacityPrice(network.Locations[n].Id, periods[t].Id, locationRho[(n * periodCount) + t]));
            }
        }

        var mu = new double[network.Routes.Length * periodCount];
        foreach (var m in model.MinimumFlowRows) mu[(m.Route * periodCount) + m.Period] = Below(duals[m.Row] * s.MoneyUnit / s.TonneUnit, priceNoise);
        var minimum = ImmutableArray.CreateBuilder<MinimumFlowPrice>();
        for (var a = 0; a < network.Routes.Length; a++)
        {
            if (network.Routes[a].MinAnnualTonnes is not > 0) continue;
            for (var t = 0; t < periodCount; t++) minimum.Add(new MinimumFlowPrice(network.Routes[a].Id, periods[t].Id, mu[(a * periodCount) + t]));
        }

        double? budget = model.BudgetRow >= 0 ? Below(-duals[model.BudgetRow] * s.MoneyUnit / s.CapitalUnit, valueNoise) : null;
        if (budget is null && scenario.Budget is not null) budget = 0;
        double? co2Cap = model.Co2CapRow >= 0 ? Below(-duals[model.Co2CapRow] * s.MoneyUnit / model.Co2Unit, priceNoise) : null;
        if (co2Cap is null && scenario.Co2CapTonnes is not null) co2Cap = 0;
        return new PlanPrices(balance.ToImmutable(), capacity.ToImmutable(), minimum.ToImmutable(), budget) { Co2Cap = co2Cap };
    }

    /// <summary>
    /// Completes the capacity use with every capacitated route and location in every period the
    /// model has no capacity row for (the element or an end is closed, or nothing can use it): nothing
    /// passes there, and its capacity is what the format gives it, annual capacity plus what the built
    /// options add from their first period on, times the year fraction and the availability factor
    /// (0 where it is closed). The list is then in scenario order: routes, then locations, each by period.
    /// </summary>
    private static void AddCapacitiesWithoutRows(Scenario scenario, FreightModel model, double[] units, ImmutableArray<CapacityUse>.Builder capacityUse)
    {
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        var periodCount = periods.Length;
        var hasRow = new HashSet<(bool IsRoute, int Target, int Period)>();
        foreach (var row in model.CapacityRows) hasRow.Add((row.IsRoute, row.Target, row.Period));

        double Capacity(NetworkElement element, double annual, int t)
        {
            for (var i = 0; i < scenario.Investments.Length; i++)
            {
                var option = scenario.Investments[i];
                if (option.Target == element && t >= scenario.FirstPeriodIndexOf(option)) annual += option.AddedAnnualCapacityTonnes * units[i];
            }

            var factor = element.Route is { } r ? scenario.AvailabilityOf(r, periods[t].Id) : scenario.AvailabilityOf(element.Location!.Value, periods[t].Id);
            return annual * periods[t].YearFraction * factor;
        }

        var capacitated = network.Routes.Select((r, a) => (IsRoute: true, Target: a, Element: NetworkElement.Of(r.Id), Annual: r.AnnualCapacityTonnes))
            .Concat(network.Locations.Select((l, n) => (IsRoute: false, Target: n, Element: NetworkElement.Of(l.Id), Annual: l.AnnualCapacityTonnes)));
        var added = false;
        foreach (var (isRoute, target, element, capacity) in capacitated)
        {
            if (capacity is not { } annual) continue;
            for (var t = 0; t < periodCount; t++)
            {
                if (hasRow.Contains((isRoute, target, t))) continue;
                capacityUse.Add(new CapacityUse(element, periods[t].Id, 0, Capacity(element, annual, t)));
                added = true;
            }
        }

        if (!added) return;
        var routeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < network.Routes.Length; a++) routeIndex[network.Routes[a].Id.Value] = a;
        var locationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < network.Locations.Length; n++) locationIndex[network.Locations[n].Id.Value] = n;
        var ordered = capacityUse
            .OrderBy(u => u.Element.IsRoute ? 0 : 1)
            .ThenBy(u => u.Element.IsRoute ? routeIndex[u.Element.Id] : locationIndex[u.Element.Id])
            .ThenBy(u => scenario.Horizon.IndexOf(u.Period))
            .ToList();
        capacityUse.Clear();
        capacityUse.AddRange(ordered);
    }

    /// <summary>0 for a value whose magnitude is below the noise, else the value (never −0).</summary>
    private static double Below(double value, double noise) => Math.Abs(value) < noise ? 0 : value + 0.0;

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
            ?? Bad("$.costs.transitTime", c.TransitTime) ?? Bad("$.costs.carbon", c.Carbon)
            ?? (prices.Co2Cap is { } gamma ? Bad("$.prices.co2Cap", gamma) : null)
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

    private static void Add(SortedDictionary<(int, int, int), double> sums, (int, int, int) key, double value) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? sum + value : value;
}
