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
        double Clean(double value) => Math.Abs(value) < noise ? 0 : value + 0.0;
        double CleanPrice(double value) => Math.Abs(value) < priceNoise ? 0 : value + 0.0;
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
            var element = row.IsRoute ? NetworkElement.Of(network.Routes[row.Target].Id) : NetworkElement.Of(network.Locations[row.Target].Id);
            var period = periods[row.Period].Id;
            capacityUse.Add(new CapacityUse(element, period, throughput, capacity));
            if (duals is null) continue;
            var price = CleanPrice(-duals[row.Row] * s.MoneyUnit / s.TonneUnit);
            capacityPrices.Add(new CapacityPrice(element, period, price));
            if (price > 0 && capacity - throughput <= SolveDefaults.BindingSlack * Math.Max(capacity, 1))
            {
                bottlenecks.Add(new Bottleneck(element, period, capacity > 0 ? throughput / capacity : 1.0, price));
            }
        }

        var prices = PlanPrices.None;
        if (duals is not null)
        {
            var balance = model.BalanceRows
                .Select(b => new BalancePrice(network.Locations[b.Location].Id, network.Commodities[b.Commodity].Id, periods[b.Period].Id, CleanPrice(duals[b.Row] * s.MoneyUnit / s.TonneUnit)))
                .ToImmutableArray();
            var minimum = model.MinimumFlowRows
                .Select(m => new MinimumFlowPrice(network.Routes[m.Route].Id, periods[m.Period].Id, CleanPrice(duals[m.Row] * s.MoneyUnit / s.TonneUnit)))
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

    private static void Add(SortedDictionary<(int, int, int), double> sums, (int, int, int) key, double value) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? sum + value : value;
}
