using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace FreightOptimizer.Tests.Properties;

/// <summary>A generated scenario with the seed that makes it again (shown in counterexamples).</summary>
public sealed record ScenarioCase(int Seed, Scenario Scenario)
{
    public override string ToString() => $"seed {Seed} (ScenarioGenerator.Generate({Seed}))";
}

/// <summary>What to generate: the knobs the properties turn.</summary>
public sealed record GeneratorSettings
{
    public bool Investments { get; init; } = true;

    public bool IntegerInvestments { get; init; } = true;

    public bool HardDemands { get; init; } = true;

    public bool MinimumFlows { get; init; } = true;

    /// <summary>Only the first commodity (coal): every period is a single-commodity flow.</summary>
    public bool SingleCommodity { get; init; }

    /// <summary>
    /// Tonnages (capacities, supplies, demands, minimums, added capacity) spread log-uniformly over 1 to
    /// 1e12 t and money per tonne (transport, handling, supply cost, penalties) over 1e-3 to 1e7, most of
    /// them rounded to two significant digits (so that many scale to integers exactly) and the rest kept
    /// at full precision. The draws come from a second generator, so the structure of a seed's scenario
    /// is the same with and without it.
    /// </summary>
    public bool WideRanges { get; init; }

    public static GeneratorSettings Full { get; } = new();

    /// <summary>Only continuous decisions: an LP every engine can solve.</summary>
    public static GeneratorSettings LinearOnly { get; } = new() { IntegerInvestments = false };

    /// <summary>One commodity, no investments, no minimum flows: what a min-cost flow solves exactly.</summary>
    public static GeneratorSettings NetworkFlow { get; } = new() { SingleCommodity = true, Investments = false, MinimumFlows = false };

    /// <summary><see cref="NetworkFlow"/> with tonnages over 1 to 1e12 t and costs over 1e-3 to 1e7 per tonne.</summary>
    public static GeneratorSettings NetworkFlowWide { get; } = NetworkFlow with { WideRanges = true };

    /// <summary>Every commodity and period, minimum flows, no investments, with tonnages and costs as wide as <see cref="NetworkFlowWide"/>.</summary>
    public static GeneratorSettings LinearWide { get; } = new() { Investments = false, WideRanges = true };
}

/// <summary>
/// The one place that makes random valid scenarios for the property tests. It reaches every
/// feature of the model: several commodities and periods, closed and derated periods, location
/// restrictions, handling costs, shared capacities that bind, minimum flows, soft and hard demands,
/// period-specific lines, and investments of every kind with lead times, groups, prerequisites and
/// budgets. Every scenario it makes is valid; some are infeasible on purpose (hard demands).
/// </summary>
public static class ScenarioGenerator
{
    private static readonly string[] CommodityNames = ["coal", "oil", "chemicals"];

    public static Arbitrary<ScenarioCase> Cases(GeneratorSettings? settings = null) =>
        Gen.Choose(0, int.MaxValue - 1)
            .Select(seed => new ScenarioCase(seed, Generate(seed, settings)))
            .ToArbitrary();

    public static Scenario Generate(int seed, GeneratorSettings? settings = null)
    {
        settings ??= GeneratorSettings.Full;
        var random = new Random(seed);
        double Round(double v) => Math.Round(v);
        bool Chance(double p) => random.NextDouble() < p;

        // Wide ranges draw from their own generator and replace the usual number after it was drawn,
        // so the usual draws, and with them the scenario's structure, stay those of the seed.
        var wide = settings.WideRanges ? new Random(unchecked((seed * 397) ^ 0x2545F491)) : null;
        double Tonnes(double usual) => wide is null ? usual : Spread(wide, 0, 12);
        double Money(double usual) => wide is null ? usual : Spread(wide, -3, 7);

        var commodityIds = CommodityNames.Take(settings.SingleCommodity ? 1 : random.Next(1, 4)).Select(c => new CommodityId(c)).ToArray();
        var periodCount = random.Next(1, 4);
        var periods = Enumerable.Range(0, periodCount).Select(i => new Period($"p{i}", periodCount == 1 ? 1.0 : Math.Round(1.0 / periodCount, 4))).ToArray();

        var network = new FreightNetworkBuilder();
        foreach (var c in commodityIds)
        {
            network.AddCommodity(new Commodity(c, c.Value.ToUpperInvariant()) { UnmetPenaltyPerTonne = Chance(0.5) ? Money(Round(random.Next(200, 2000))) : null });
        }

        // Layers: origins → hubs → markets, so most demands are reachable and routes are not silly.
        var origins = Enumerable.Range(0, random.Next(1, 3)).Select(i => new LocationId($"O{i}")).ToArray();
        var hubs = Enumerable.Range(0, random.Next(1, 4)).Select(i => new LocationId($"H{i}")).ToArray();
        var markets = Enumerable.Range(0, random.Next(1, 3)).Select(i => new LocationId($"M{i}")).ToArray();
        var handles = new Dictionary<LocationId, CommodityId[]>();
        var capacitated = new List<LocationId>();
        foreach (var (id, kind) in origins.Select(o => (o, LocationKind.Origin)).Concat(hubs.Select(h => (h, LocationKind.Hub))).Concat(markets.Select(m => (m, LocationKind.Market))))
        {
            var restricted = kind == LocationKind.Hub && commodityIds.Length > 1 && Chance(0.3);
            var handled = restricted ? commodityIds.Where(_ => Chance(0.6)).DefaultIfEmpty(commodityIds[0]).ToArray() : commodityIds;
            handles[id] = handled;
            double? capacity = Chance(0.35) ? Tonnes(Round(random.Next(20, 200))) : null;
            if (capacity is not null) capacitated.Add(id);
            network.AddLocation(new Location(id, kind)
            {
                AnnualCapacityTonnes = capacity,
                Commodities = restricted ? [.. handled] : null,
                HandlingCostPerTonne = commodityIds.Where(_ => Chance(0.3)).ToImmutableDictionary(c => c, _ => Money(Round(random.Next(1, 5)))),
            });
        }

        var routes = new List<Route>();
        void AddRoute(LocationId from, LocationId to)
        {
            var carried = commodityIds.Where(_ => Chance(0.8)).DefaultIfEmpty(commodityIds[random.Next(commodityIds.Length)]).ToArray();
            var mode = (TransportMode)random.Next(0, 6);
            double? capacity = Chance(0.5) ? Tonnes(Round(random.Next(10, 150))) : null;
            double? minimum = settings.MinimumFlows && capacity is { } cap && Chance(0.1) ? (wide is null ? Round(cap * 0.1) : cap * 0.1) : null;
            routes.Add(new Route($"r{routes.Count}", from, to, mode)
            {
                CostPerTonne = carried.ToImmutableDictionary(c => c, _ => Money(Round(random.Next(1, 40)))),
                AnnualCapacityTonnes = capacity,
                MinAnnualTonnes = minimum,
            });
        }

        foreach (var o in origins)
        {
            foreach (var h in hubs) if (Chance(0.7)) AddRoute(o, h);
            if (Chance(0.3)) AddRoute(o, markets[random.Next(markets.Length)]);
        }

        foreach (var h in hubs)
        {
            foreach (var m in markets) if (Chance(0.7)) AddRoute(h, m);
        }

        if (hubs.Length > 1 && Chance(0.5)) AddRoute(hubs[0], hubs[1]);
        if (Chance(0.3)) AddRoute(origins[0], markets[0]); // a parallel route now and then
        foreach (var r in routes) network.AddRoute(r);
        var built = network.Build();

        var scenario = new ScenarioBuilder(built).WithName($"generated {seed}").WithDiscountRate(Chance(0.5) ? 0.08 : 0);
        foreach (var p in periods) scenario.AddPeriod(p);
        if (periodCount > 1)
        {
            foreach (var r in routes.Where(_ => Chance(0.25))) scenario.SetAvailability(r.Id, periods[random.Next(periodCount)].Id, Chance(0.5) ? 0 : 0.5);
            foreach (var h in hubs.Where(_ => Chance(0.15))) scenario.SetAvailability(h, periods[random.Next(periodCount)].Id, Chance(0.5) ? 0 : 0.6);
        }

        foreach (var o in origins)
        {
            foreach (var c in handles[o])
            {
                if (!Chance(0.8)) continue;
                scenario.AddSupply(new Supply(o, c, Tonnes(Round(random.Next(20, 250)))) { CostPerTonne = Money(Round(random.Next(0, 20))) });
                if (Chance(0.2)) scenario.AddSupply(new Supply(o, c, Tonnes(Round(random.Next(5, 50)))) { CostPerTonne = Money(Round(random.Next(20, 40))), Period = periods[random.Next(periodCount)].Id });
            }
        }

        foreach (var m in markets)
        {
            foreach (var c in handles[m])
            {
                if (!Chance(0.8)) continue;
                var hard = settings.HardDemands && Chance(0.12);
                scenario.AddDemand(new Demand(m, c, Tonnes(Round(random.Next(10, 200))))
                {
                    MustServe = hard,
                    UnmetPenaltyPerTonne = Chance(0.5) ? Money(Round(random.Next(100, 3000))) : null,
                    Period = Chance(0.15) ? periods[random.Next(periodCount)].Id : (PeriodId?)null,
                });
            }
        }

        if (settings.Investments)
        {
            var targets = routes.Where(r => r.AnnualCapacityTonnes is not null).Select(r => (Route: (RouteId?)r.Id, Location: (LocationId?)null))
                .Concat(capacitated.Select(l => (Route: (RouteId?)null, Location: (LocationId?)l)))
                .ToList();
            var options = new List<InvestmentOption>();
            foreach (var (route, location) in targets.Where(_ => Chance(0.5)))
            {
                var kind = settings.IntegerInvestments ? (InvestmentKind)random.Next(0, 3) : InvestmentKind.Continuous;
                double? maxUnits = kind switch
                {
                    InvestmentKind.Binary => null,
                    InvestmentKind.Modular => random.Next(1, 4),
                    _ => Chance(0.5) ? Math.Round(random.NextDouble() * 3 + 0.5, 2) : null,
                };
                options.Add(new InvestmentOption($"i{options.Count}", Tonnes(Round(random.Next(10, 100))), Round(random.Next(50, 3000)), random.Next(5, 30))
                {
                    Target = route is { } r ? r : location!.Value,
                    Kind = kind,
                    MaxUnits = maxUnits,
                    FirstPeriod = periodCount > 1 && Chance(0.3) ? periods[random.Next(periodCount)].Id : (PeriodId?)null,
                });
            }

            if (settings.IntegerInvestments && options.Count >= 2 && Chance(0.4))
            {
                options[0] = options[0] with { ExclusiveGroup = "g" };
                options[1] = options[1] with { ExclusiveGroup = "g" };
            }

            if (settings.IntegerInvestments && options.Count >= 3 && Chance(0.4) && options[1].Kind != InvestmentKind.Continuous)
            {
                options[2] = options[2] with { Requires = [options[1].Id] };
            }

            foreach (var option in options) scenario.AddInvestment(option);
            if (options.Count > 0 && Chance(0.5))
            {
                scenario.WithBudget(Round(options.Sum(o => o.CapitalCost) * random.NextDouble()));
            }
        }

        return scenario.Build();
    }

    /// <summary>
    /// 10^u with u uniform in [lo, hi]: rounded to two significant digits seven times in ten, kept at
    /// full precision otherwise.
    /// </summary>
    private static double Spread(Random random, double lo, double hi)
    {
        var value = Math.Pow(10, lo + (random.NextDouble() * (hi - lo)));
        if (random.NextDouble() >= 0.7) return value;
        var unit = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Round(value / unit) * unit;
    }
}

/// <summary>
/// Structure-aware mutations of a valid scenario's JSON, for the bad-input properties: delete,
/// duplicate or retype a field, swap two ids, set a number to an extreme, truncate the text, or nest a
/// value deeper. Each mutation is named so a failing case says what was done.
/// </summary>
public static class ScenarioMutator
{
    private static readonly string[] Extremes = ["0", "-1", "-0.0", "1e15", "1e16", "1e308", "1e400", "-1e400", "5e-324", "0.1", "123456789012345678901234567890"];
    private static readonly string[] Retypes = ["\"text\"", "true", "null", "[]", "{}", "7", "[1,2]", "{\"a\":1}"];

    /// <summary>Applies <paramref name="count"/> random mutations to the JSON text of a scenario.</summary>
    public static (string Json, string Description) Mutate(string json, int seed, int count)
    {
        var random = new Random(seed);
        var steps = new List<string>();
        for (var k = 0; k < count; k++)
        {
            System.Text.Json.Nodes.JsonNode? root;
            var nodes = new List<(System.Text.Json.Nodes.JsonNode Node, string Path)>();
            try
            {
                root = System.Text.Json.Nodes.JsonNode.Parse(json);
                if (root is null) break;
                Collect(root, "$", nodes);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
            {
                // An earlier step left text that JsonNode cannot hold (a repeated key): stop here.
                break;
            }

            if (nodes.Count == 0) break;
            var (node, path) = nodes[random.Next(nodes.Count)];
            switch (random.Next(7))
            {
                case 0 when node.Parent is System.Text.Json.Nodes.JsonObject parent:
                    parent.Remove(node.GetPropertyName());
                    steps.Add($"delete {path}");
                    json = root.ToJsonString();
                    break;
                case 1 when node.Parent is System.Text.Json.Nodes.JsonObject:
                    // JsonNode cannot hold a key twice; the text can.
                    var name = node.GetPropertyName();
                    var text = root.ToJsonString();
                    var at = text.IndexOf("\"" + name + "\":", StringComparison.Ordinal);
                    json = at < 0 ? text : text.Insert(at, $"\"{name}\":{node.ToJsonString()},");
                    steps.Add($"duplicate {path}");
                    break;
                case 2:
                    var retype = Retypes[random.Next(Retypes.Length)];
                    Replace(node, System.Text.Json.Nodes.JsonNode.Parse(retype));
                    steps.Add($"retype {path} to {retype}");
                    json = root.ToJsonString();
                    break;
                case 3:
                    var ids = nodes.Where(n => n.Path.EndsWith(".id", StringComparison.Ordinal)).ToList();
                    if (ids.Count < 2) goto default;
                    var (a, pa) = ids[random.Next(ids.Count)];
                    var (b, pb) = ids[random.Next(ids.Count)];
                    var va = a.ToJsonString();
                    Replace(a, System.Text.Json.Nodes.JsonNode.Parse(b.ToJsonString()));
                    Replace(b, System.Text.Json.Nodes.JsonNode.Parse(va));
                    steps.Add($"swap ids {pa} and {pb}");
                    json = root.ToJsonString();
                    break;
                case 4:
                    var numbers = nodes.Where(n => n.Node is System.Text.Json.Nodes.JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number).ToList();
                    if (numbers.Count == 0) goto default;
                    var (number, pn) = numbers[random.Next(numbers.Count)];
                    var extreme = Extremes[random.Next(Extremes.Length)];
                    var marker = "\"__extreme__\"";
                    Replace(number, System.Text.Json.Nodes.JsonValue.Create("__extreme__"));
                    json = root.ToJsonString().Replace(marker, extreme, StringComparison.Ordinal);
                    steps.Add($"set {pn} to {extreme}");
                    break;
                case 5:
                    var depth = 1 + random.Next(30);
                    var nestedMarker = "\"__nested__\"";
                    var inner = node.ToJsonString();
                    Replace(node, System.Text.Json.Nodes.JsonValue.Create("__nested__"));
                    json = root.ToJsonString().Replace(nestedMarker, new string('[', depth) + inner + new string(']', depth), StringComparison.Ordinal);
                    steps.Add($"nest {path} {depth} deep");
                    break;
                default:
                    var cut = random.Next(json.Length);
                    steps.Add($"truncate at {cut} of {json.Length}");
                    return (json[..cut], string.Join("; ", steps));
            }
        }

        return (json, string.Join("; ", steps));
    }

    private static void Collect(System.Text.Json.Nodes.JsonNode node, string path, List<(System.Text.Json.Nodes.JsonNode, string)> into)
    {
        if (path != "$") into.Add((node, path));
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (key, value) in o) if (value is not null) Collect(value, path + "." + key, into);
                break;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++) if (a[i] is { } item) Collect(item, $"{path}[{i}]", into);
                break;
        }
    }

    private static void Replace(System.Text.Json.Nodes.JsonNode node, System.Text.Json.Nodes.JsonNode? with)
    {
        switch (node.Parent)
        {
            case System.Text.Json.Nodes.JsonObject o: o[node.GetPropertyName()] = with; break;
            case System.Text.Json.Nodes.JsonArray a: a[node.GetElementIndex()] = with; break;
        }
    }
}
