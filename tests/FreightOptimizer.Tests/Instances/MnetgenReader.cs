using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer.Tests.Instances;

/// <summary>
/// Reads a linear multicommodity min-cost-flow instance in Mnetgen format (<c>.nod</c>, <c>.arc</c>,
/// <c>.sup</c>, <c>.mut</c>; benchmarks/instances/README.md) into a one-period scenario whose optimum
/// is the instance's LP optimum.
/// </summary>
/// <remarks>
/// <para>Nodes become locations <c>n{i}</c>, commodities <c>k{k}</c>; supplies are supply lines at
/// cost 0 and sinks are hard demands (<c>MustServe</c>), so with balanced supplies every tonne is
/// shipped, as the instance's conservation rows require.</para>
/// <para>A route's capacity in the library is shared by every commodity it carries, and there is no
/// per-commodity route capacity. The instance's arcs have both: an individual cap per commodity
/// (x_k ≤ u_k) and, when bundled, a joint cap (Σ_k x_k ≤ U). They map as follows, exactly:</para>
/// <list type="bullet">
/// <item>An individual cap is redundant, and dropped, when the arc is bundled and u_k ≥ U.</item>
/// <item>Unbundled arc: the commodities without a cap share one uncapacitated route <c>a{j}</c>;
/// each commodity with a cap gets a parallel route <c>a{j}.k{k}</c> of capacity u_k carrying it alone.</item>
/// <item>Bundled arc whose individual caps are all redundant: one route <c>a{j}</c> of capacity U
/// carrying every commodity of the arc at its own cost.</item>
/// <item>Bundled arc with binding individual caps: an auxiliary hub <c>b{j}</c>; a route
/// <c>a{j}.joint</c> from the tail to the hub of capacity U and cost 0 carrying every commodity of the
/// arc; then from the hub to the head, one route <c>a{j}.k{k}</c> of capacity u_k per capped
/// commodity and one uncapacitated route <c>a{j}</c> for the rest, at the arc's costs.</item>
/// </list>
/// </remarks>
internal static class MnetgenReader
{
    /// <summary>Reads the four files that share <paramref name="basePath"/> (the path without extension).</summary>
    public static MnetgenInstance Read(string basePath)
    {
        var nod = Numbers(basePath + ".nod");
        if (nod.Length < 4) throw new InvalidDataException($"{basePath}.nod needs four numbers: commodities, nodes, arcs, bundles.");
        var (commodities, nodes, arcs, bundles) = ((int)nod[0], (int)nod[1], (int)nod[2], (int)nod[3]);

        var joint = new Dictionary<int, double>();
        var mut = Numbers(basePath + ".mut");
        for (var i = 0; i + 1 < mut.Length; i += 2) joint[(int)mut[i]] = mut[i + 1];
        if (joint.Count != bundles) throw new InvalidDataException($"{basePath}.mut has {joint.Count} bundles; the .nod file says {bundles}.");

        // Arc lines, grouped by arc number in order of first appearance.
        var arcLines = new Dictionary<int, List<ArcLine>>();
        var order = new List<int>();
        foreach (var row in Rows(basePath + ".arc", 7))
        {
            var line = new ArcLine((int)row[1], (int)row[2], (int)row[3], row[4], row[5] < 0 ? null : row[5], (int)row[6]);
            if (!arcLines.TryGetValue((int)row[0], out var list))
            {
                arcLines[(int)row[0]] = list = [];
                order.Add((int)row[0]);
            }

            list.Add(line);
        }

        if (order.Count != arcs) throw new InvalidDataException($"{basePath}.arc has {order.Count} arcs; the .nod file says {arcs}.");

        var network = new FreightNetworkBuilder();
        for (var k = 1; k <= commodities; k++) network.AddCommodity(Commodity(k));
        var supplies = Rows(basePath + ".sup", 3).ToList();
        for (var i = 1; i <= nodes; i++)
        {
            var kind = supplies.Any(s => (int)s[0] == i && s[2] > 0) ? LocationKind.Origin
                : supplies.Any(s => (int)s[0] == i && s[2] < 0) ? LocationKind.Market
                : LocationKind.Hub;
            network.AddLocation(Node(i), kind);
        }

        var auxiliary = 0;
        foreach (var j in order) auxiliary += AddArc(network, j, arcLines[j], commodities, joint);

        var scenario = new ScenarioBuilder(network.Build()).WithName(Path.GetFileName(basePath)).WithCurrency("XXX");
        foreach (var s in supplies)
        {
            if (s[2] > 0) scenario.AddSupply(Node((int)s[0]), Commodity((int)s[1]), s[2]);
            else if (s[2] < 0) scenario.AddDemand(new Demand(Node((int)s[0]), Commodity((int)s[1]), -s[2]) { MustServe = true });
        }

        return new MnetgenInstance(scenario.Build(), commodities, nodes, arcs, bundles, auxiliary);
    }

    private static int AddArc(FreightNetworkBuilder network, int j, List<ArcLine> lines, int commodities, Dictionary<int, double> joint)
    {
        // Expand "all commodities" lines; a later line for the same commodity replaces an earlier one.
        var perCommodity = new SortedDictionary<int, ArcLine>();
        foreach (var line in lines)
        {
            if (line.Commodity < 0)
            {
                for (var k = 1; k <= commodities; k++) perCommodity[k] = line with { Commodity = k };
            }
            else
            {
                perCommodity[line.Commodity] = line;
            }
        }

        var first = lines[0];
        if (lines.Any(l => l.From != first.From || l.To != first.To || l.Bundle != first.Bundle))
        {
            throw new InvalidDataException($"Arc {j} has lines with different ends or bundles.");
        }

        double? bundle = first.Bundle > 0 ? joint[first.Bundle] : null;
        bool Binding(ArcLine l) => l.Cap is { } u && !(bundle is { } b && u >= b);
        var capped = perCommodity.Values.Where(Binding).ToList();
        var free = perCommodity.Values.Where(l => !Binding(l)).ToList();
        var tail = Node(first.From);
        var head = Node(first.To);

        if (bundle is { } capacity && capped.Count > 0)
        {
            var hub = new LocationId($"b{j}");
            network.AddLocation(hub, LocationKind.Hub);
            network.AddRoute($"a{j}.joint", tail, hub, TransportMode.Rail, perCommodity.Values.ToDictionary(l => Commodity(l.Commodity), _ => 0.0), capacity);
            tail = hub;
            bundle = null;
        }

        foreach (var l in capped)
        {
            network.AddRoute($"a{j}.k{l.Commodity}", tail, head, TransportMode.Rail, new Dictionary<CommodityId, double> { [Commodity(l.Commodity)] = l.Cost }, l.Cap);
        }

        if (free.Count > 0)
        {
            network.AddRoute($"a{j}", tail, head, TransportMode.Rail, free.ToDictionary(l => Commodity(l.Commodity), l => l.Cost), bundle);
        }

        return tail == Node(first.From) ? 0 : 1;
    }

    private static LocationId Node(int i) => new($"n{i}");

    private static CommodityId Commodity(int k) => new($"k{k}");

    private static double[] Numbers(string path) =>
        [.. File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];

    private static IEnumerable<double[]> Rows(string path, int width)
    {
        var lineNumber = 0;
        foreach (var text in File.ReadLines(path))
        {
            lineNumber++;
            var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            if (fields.Length < width) throw new InvalidDataException($"{path}:{lineNumber}: expected {width} numbers, found {fields.Length}.");
            yield return [.. fields.Take(width).Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];
        }
    }

    private readonly record struct ArcLine(int From, int To, int Commodity, double Cost, double? Cap, int Bundle);
}

/// <summary>A Mnetgen instance read as a scenario, with the instance's own sizes and how many auxiliary hubs the mapping added.</summary>
internal sealed record MnetgenInstance(Scenario Scenario, int Commodities, int Nodes, int Arcs, int Bundles, int AuxiliaryHubs);
