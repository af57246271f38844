using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>A DIMACS min-cost-flow network read as a one-commodity scenario.</summary>
public sealed record DimacsScenario
{
    /// <summary>
    /// The scenario: commodity <c>flow</c>; node i is location <c>n{i}</c>; the arc on the j-th arc
    /// line is route <c>a{j}</c> with capacity CAP − LOW and cost COST; a node with FLOW &gt; 0 has a
    /// supply line of that many tonnes at cost 0, one with FLOW &lt; 0 a hard (<c>MustServe</c>) demand.
    /// One period of a year. Since supplies and demands balance and every demand is hard, every tonne
    /// of supply is used, as DIMACS requires.
    /// </summary>
    public required Scenario Scenario { get; init; }

    /// <summary>
    /// Σ COST × LOW over the arcs (including self-loops, which are dropped). Lower bounds are shifted
    /// out: LOW units are sent up front (the tail supplies LOW less, the head LOW more) and the route
    /// keeps CAP − LOW. The DIMACS optimum is the scenario's optimum plus this offset.
    /// </summary>
    public required double ObjectiveOffset { get; init; }

    /// <summary>The number of nodes in the file.</summary>
    public required int NodeCount { get; init; }

    /// <summary>The number of arcs in the file (self-loops included).</summary>
    public required int ArcCount { get; init; }
}

/// <summary>
/// DIMACS min-cost-flow files (<c>.min</c>) in and out, so that public benchmark instances run through
/// the library and the library's networks run through other solvers.
/// </summary>
/// <remarks>
/// Format: <c>c</c> comment lines; one <c>p min NODES ARCS</c>; <c>n ID FLOW</c> (FLOW &gt; 0 supply,
/// &lt; 0 demand; missing nodes have 0); <c>a TAIL HEAD LOW CAP COST</c>; ids 1-based, all numbers
/// whole. Reading is strict: every malformed line is reported with its number in one
/// <see cref="FreightValidationException"/>, and numbers that a scenario cannot hold exactly (beyond
/// 2^53, or negative costs, which scenarios do not allow) are errors, never overflows.
/// </remarks>
public static class DimacsMinCostFlow
{
    /// <summary>The commodity of a scenario read from DIMACS.</summary>
    public const string CommodityId = "flow";

    private const double Exact = 9007199254740992; // 2^53: doubles hold every whole number up to here

    /// <summary>Reads a DIMACS file as a scenario.</summary>
    /// <param name="path">The file; its name (without extension) becomes the scenario's name.</param>
    /// <returns>The scenario and the objective offset of its lower bounds.</returns>
    /// <exception cref="FreightValidationException">The file is malformed; every bad line is named.</exception>
    public static DimacsScenario ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = File.OpenText(path);
        return Read(reader, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads DIMACS text as a scenario.</summary>
    /// <param name="text">The text of a DIMACS file.</param>
    /// <param name="name">The scenario's name, or null.</param>
    /// <returns>The scenario and the objective offset of its lower bounds.</returns>
    /// <exception cref="FreightValidationException">The text is malformed; every bad line is named.</exception>
    public static DimacsScenario Read(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, name);
    }

    /// <summary>Reads DIMACS text from a reader as a scenario (<see cref="Read(string, string?)"/> and <see cref="ReadFile"/> use it).</summary>
    internal static DimacsScenario Read(TextReader reader, string? name)
    {
        var network = DimacsNetwork.Read(reader);
        return ToScenario(network, name);
    }

    /// <summary>Turns a parsed network into a scenario (see <see cref="DimacsScenario"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static DimacsScenario ToScenario(DimacsNetwork network, string? name)
    {
        ArgumentNullException.ThrowIfNull(network);
        var issues = new List<ValidationIssue>();
        var n = network.NodeCount;
        var supply = new Int128[n];
        for (var v = 0; v < n; v++) supply[v] = network.Supply[v];
        var offset = Int128.Zero;
        var builder = new FreightNetworkBuilder().AddCommodity(CommodityId);
        var locations = new LocationId[n];
        for (var v = 0; v < n; v++) locations[v] = new LocationId(NodeName(v));

        var routes = new List<Route>(network.ArcCount);
        for (var a = 0; a < network.ArcCount; a++)
        {
            long low = network.Lower[a], cap = network.Capacity[a], cost = network.Cost[a];
            offset += (Int128)cost * low;
            if (low != 0)
            {
                supply[network.Tail[a]] -= low;
                supply[network.Head[a]] += low;
            }

            if (network.Tail[a] == network.Head[a]) continue; // a self-loop carries its lower bound and nothing else at an optimum
            if (cost < 0)
            {
                issues.Add(new ValidationIssue(ValidationCode.Negative, ValidationSeverity.Error, DimacsNetwork.Line(network.ArcLine[a]),
                    $"Arc {a + 1} costs {cost}; scenarios have no negative costs, so this network cannot be read as one."));
                continue;
            }

            if (cap > Exact || cost > Exact)
            {
                issues.Add(new ValidationIssue(ValidationCode.OutOfRange, ValidationSeverity.Error, DimacsNetwork.Line(network.ArcLine[a]),
                    $"Arc {a + 1} has a capacity or cost above 2^53, which a scenario cannot hold exactly."));
                continue;
            }

            routes.Add(new Route(RouteName(a), locations[network.Tail[a]], locations[network.Head[a]], TransportMode.Rail)
            {
                CostPerTonne = ImmutableDictionary<CommodityId, double>.Empty.Add(CommodityId, cost),
                AnnualCapacityTonnes = cap - low,
            });
        }

        var scenario = new ScenarioBuilder(FinishNetwork(builder, network, supply, locations, routes)).WithName(name);
        for (var v = 0; v < n; v++)
        {
            var b = supply[v];
            if (b == 0) continue;
            if (Int128.Abs(b) > (Int128)Exact)
            {
                issues.Add(new ValidationIssue(ValidationCode.OutOfRange, ValidationSeverity.Error, DimacsNetwork.Line(network.NodeLine[v]),
                    $"Node {v + 1} supplies {b} after lower bounds, above 2^53, which a scenario cannot hold exactly."));
                continue;
            }

            if (b > 0) scenario.AddSupply(new Supply(locations[v], CommodityId, (double)b));
            else scenario.AddDemand(new Demand(locations[v], CommodityId, (double)-b) { MustServe = true });
        }

        if (Int128.Abs(offset) > (Int128)Exact)
        {
            issues.Add(new ValidationIssue(ValidationCode.OutOfRange, ValidationSeverity.Error, "arcs",
                $"Σ cost × lower bound is {offset}, above 2^53, which a scenario's objective cannot hold exactly."));
        }

        if (issues.Count > 0) throw new FreightValidationException(issues);
        return new DimacsScenario { Scenario = scenario.Build(), ObjectiveOffset = (double)offset, NodeCount = n, ArcCount = network.ArcCount };
    }

    private static FreightNetwork FinishNetwork(FreightNetworkBuilder builder, DimacsNetwork network, Int128[] supply, LocationId[] locations, List<Route> routes)
    {
        for (var v = 0; v < network.NodeCount; v++)
        {
            var kind = supply[v] > 0 ? LocationKind.Origin : supply[v] < 0 ? LocationKind.Market : LocationKind.Hub;
            builder.AddLocation(new Location(locations[v], kind));
        }

        foreach (var route in routes) builder.AddRoute(route);
        return builder.Build();
    }

    /// <summary>Writes a one-commodity scenario as a DIMACS file.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException">The scenario is not one a min-cost flow solves exactly, or its numbers do not scale to integers exactly.</exception>
    public static void WriteFile(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(scenario, writer);
    }

    /// <summary>A one-commodity scenario as DIMACS text (see <see cref="Write(Scenario, TextWriter)"/>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The DIMACS text.</returns>
    /// <exception cref="ArgumentException">The scenario is not one a min-cost flow solves exactly, or its numbers do not scale to integers exactly.</exception>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    public static string Write(Scenario scenario)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(scenario, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes a scenario as DIMACS text. A plain scenario — one commodity, one period, every location
    /// uncapacitated and without handling costs, every supply free, every demand hard, supply equal to
    /// demand, every availability 1, all numbers whole — is written node for location and arc for route,
    /// in scenario order (so a scenario read from DIMACS writes back the same network). Any other scenario
    /// a min-cost flow solves exactly is written as the network the engine solves (a source per commodity
    /// and period, split nodes for location capacities, penalty arcs for unmet demand), scaled to
    /// integers exactly, with comments that give the quanta and the objective constant.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentException">The scenario is not one a min-cost flow solves exactly, or its numbers do not scale to integers exactly.</exception>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    public static void Write(Scenario scenario, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(writer);
        ScenarioValidator.ThrowIfInvalid(scenario);
        if (!FlowNetworkBuilder.Qualifies(scenario, out var why))
        {
            throw new ArgumentException($"Only scenarios a min-cost flow solves exactly can be written as DIMACS; in this one {why}.", nameof(scenario));
        }

        if (IsPlain(scenario)) WritePlain(scenario, writer);
        else WriteFormulated(scenario, writer);
    }

    private static bool IsPlain(Scenario scenario)
    {
        if (scenario.Network.Commodities.Length != 1 || scenario.Horizon.Periods.Length != 1) return false;
        var commodity = scenario.Network.Commodities[0].Id;
        var period = scenario.Horizon.Periods[0];
        if (period.YearFraction != 1) return false;
        if (scenario.Network.Locations.Any(l => l.AnnualCapacityTonnes is not null || l.HandlingCostOf(commodity) != 0 || !l.Handles(commodity))) return false;
        if (scenario.LocationAvailability.Values.Any(a => a.In(period.Id) != 1) || scenario.RouteAvailability.Values.Any(a => a.In(period.Id) != 1)) return false;
        if (scenario.Supplies.Any(s => s.CostPerTonne != 0 || !IsWhole(s.AnnualTonnes))) return false;
        if (scenario.Demands.Any(d => !d.MustServe || !IsWhole(d.AnnualTonnes))) return false;
        if (scenario.Supplies.Sum(s => s.AnnualTonnes) != scenario.Demands.Sum(d => d.AnnualTonnes)) return false;
        return scenario.Network.Routes.All(r => IsWhole(r.CostPerTonne[commodity]) && (r.AnnualCapacityTonnes is not { } c || IsWhole(c)));
    }

    private static bool IsWhole(double v) => v >= 0 && v <= Exact && Math.Floor(v) == v;

    private static void WritePlain(Scenario scenario, TextWriter writer)
    {
        var network = scenario.Network;
        var commodity = network.Commodities[0].Id;
        var index = new Dictionary<LocationId, int>();
        for (var i = 0; i < network.Locations.Length; i++) index[network.Locations[i].Id] = i + 1;
        var supply = new long[network.Locations.Length + 1];
        foreach (var s in scenario.Supplies) supply[index[s.Location]] += (long)s.AnnualTonnes;
        foreach (var d in scenario.Demands) supply[index[d.Location]] -= (long)d.AnnualTonnes;
        var total = scenario.Supplies.Sum(s => (long)s.AnnualTonnes);

        var text = new StringBuilder();
        text.Append("c ").AppendLine(scenario.Name ?? "scenario");
        text.AppendLine("c written by FreightOptimizer: node i is the i-th location, arc j the j-th route; unlimited capacity is written as the total supply");
        text.Append(CultureInfo.InvariantCulture, $"p min {network.Locations.Length} {network.Routes.Length}").AppendLine();
        for (var v = 1; v < supply.Length; v++)
        {
            if (supply[v] != 0) text.Append(CultureInfo.InvariantCulture, $"n {v} {supply[v]}").AppendLine();
        }

        foreach (var route in network.Routes)
        {
            var cap = route.AnnualCapacityTonnes is { } c ? (long)c : total;
            text.Append(CultureInfo.InvariantCulture, $"a {index[route.From]} {index[route.To]} 0 {cap} {(long)route.CostPerTonne[commodity]}").AppendLine();
        }

        writer.Write(text.ToString());
    }

    private static void WriteFormulated(Scenario scenario, TextWriter writer)
    {
        var network = FlowNetworkBuilder.Build(scenario);
        if (network.ClosedHardDemand)
        {
            throw new ArgumentException("A hard demand sits at a closed location; the scenario is infeasible and has no network to write.", nameof(scenario));
        }

        if (!IntegerScaling.TryScale(network, out var scaling, out var integers, out var why) || !scaling!.IsExact)
        {
            throw new ArgumentException($"The scenario's numbers do not scale to whole numbers exactly{(why.Length > 0 ? $" ({why})" : "")}, so it cannot be written as DIMACS without rounding.", nameof(scenario));
        }

        var total = integers!.Supply.Where(b => b > 0).Sum();
        var text = new StringBuilder();
        text.Append("c ").AppendLine(scenario.Name ?? "scenario");
        text.AppendLine("c written by FreightOptimizer as the min-cost flow its network-flow engine solves:");
        text.AppendLine("c a source per commodity and period, split nodes for location capacities, penalty arcs for unmet demand");
        text.Append(CultureInfo.InvariantCulture, $"c 1 flow unit = 1e{scaling.TonneExponent} t; 1 cost unit = 1e{scaling.CostExponent} money per t").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"c scenario objective = DIMACS objective × 1e{scaling.TonneExponent + scaling.CostExponent} + {network.ObjectiveConstant.ToString("R", CultureInfo.InvariantCulture)}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"p min {integers.NodeCount} {integers.Tail.Length}").AppendLine();
        for (var v = 0; v < integers.NodeCount; v++)
        {
            if (integers.Supply[v] != 0) text.Append(CultureInfo.InvariantCulture, $"n {v + 1} {integers.Supply[v]}").AppendLine();
        }

        for (var a = 0; a < integers.Tail.Length; a++)
        {
            var cap = integers.Capacity[a] == IntegerScaling.Unlimited ? total : integers.Capacity[a];
            text.Append(CultureInfo.InvariantCulture, $"a {integers.Tail[a] + 1} {integers.Head[a] + 1} 0 {cap} {integers.Cost[a]}").AppendLine();
        }

        writer.Write(text.ToString());
    }

    private static string NodeName(int index) => "n" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string RouteName(int index) => "a" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
