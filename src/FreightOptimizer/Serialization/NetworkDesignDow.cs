using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Reads capacitated multicommodity fixed-charge network-design instances in the Canad <c>.dow</c>
/// format (the C and R sets of Crainic, Frangioni and Gendron) as scenarios, so that public
/// benchmark instances with known optima run through the library.
/// </summary>
/// <remarks>
/// <para>
/// The format: line 1 <c>MULTIGEN.DAT:</c>; line 2 <c>N A K</c> (nodes, arcs, commodities); then A
/// arc lines <c>from to variableCost capacity fixedCost x x</c> (nodes 1-based, the last two fields
/// unused); then K lines <c>origin destination demand</c>. Blank lines may follow.
/// </para>
/// <para>
/// The scenario, which solves to the instance's optimum: discount rate 0, one period <c>year</c>
/// of year fraction 1; node j is the hub <c>n{j}</c> (unlimited throughput); commodity line c is the
/// commodity <c>k{c}</c> (one per origin–destination line, even when two lines share their ends),
/// supplied at its origin and demanded there with <c>mustServe</c>, both of the line's demand at no
/// cost; arc line a is the route <c>a{a}</c> with an annual capacity of 0 and the variable cost per
/// tonne for every commodity, plus one <see cref="InvestmentKind.Binary"/> option <c>build-a{a}</c>
/// adding the arc's capacity for its fixed cost with a lifetime of 1 year, so that capital ×
/// CRF × horizon = fixed cost × 1 × 1 exactly. An arc of capacity 0 can carry nothing: it becomes a
/// route with capacity 0 and no option.
/// </para>
/// <para>
/// Reading is strict: a wrong header, a wrong number of fields, a field that is not a number, a
/// negative or non-finite number, a node outside 1..N, an arc from a node to itself, missing lines
/// and anything but blank lines after the last commodity are errors, all reported together in one
/// <see cref="FreightValidationException"/>, each with its line number (as the issue's path,
/// <c>line 7</c>, and in its message).
/// </para>
/// </remarks>
public static class NetworkDesignDow
{
    private const string Header = "MULTIGEN.DAT:";

    /// <summary>Reads a <c>.dow</c> file.</summary>
    /// <param name="path">The file path; its name (without extension) becomes the scenario's name.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The file has errors; each names its line.</exception>
    public static Scenario ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads <c>.dow</c> text.</summary>
    /// <param name="text">The text of the file.</param>
    /// <param name="name">The scenario's name, or null.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The text has errors; each names its line.</exception>
    public static Scenario Read(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
        var scenario = reader.Read(name);
        if (reader.Issues.Count > 0 || scenario is null) throw new FreightValidationException(reader.Issues);
        ScenarioValidator.ThrowIfInvalid(scenario);
        return scenario;
    }

    private sealed record Arc(int Line, int From, int To, double VariableCost, double Capacity, double FixedCost);

    private sealed record OdPair(int Line, int Origin, int Destination, double Demand);

    private sealed class Reader(string[] lines)
    {
        private int _next;

        public List<ValidationIssue> Issues { get; } = [];

        public Scenario? Read(string? name)
        {
            var header = NextLine();
            if (header is null || header.Value.Text.Trim() != Header)
            {
                Error(ValidationCode.MalformedText, header?.Number ?? 1, $"the file must start with '{Header}'.");
                return null;
            }

            var sizes = NextFields(3, "the sizes 'N A K'");
            if (sizes is null) return null;
            var (sizeLine, sizeFields) = sizes.Value;
            var nodes = Count(sizeLine, sizeFields[0], "N (nodes)");
            var arcCount = Count(sizeLine, sizeFields[1], "A (arcs)");
            var commodityCount = Count(sizeLine, sizeFields[2], "K (commodities)");
            if (nodes is null || arcCount is null || commodityCount is null) return null;

            var arcs = new List<Arc>();
            for (var a = 0; a < arcCount; a++)
            {
                var fields = NextFields(7, $"arc {a + 1} of {arcCount}: 'from to variableCost capacity fixedCost x x'");
                if (fields is null) return null;
                var (line, f) = fields.Value;
                var from = Node(line, f[0], nodes.Value, "from");
                var to = Node(line, f[1], nodes.Value, "to");
                var cost = Amount(line, f[2], "variable cost");
                var capacity = Amount(line, f[3], "capacity");
                var fixedCost = Amount(line, f[4], "fixed cost");
                Number(line, f[5], "sixth field");
                Number(line, f[6], "seventh field");
                if (from is not null && from == to) Error(ValidationCode.SelfLoop, line, $"arc {a + 1} starts and ends at node {from}.");
                if (from is { } fr && to is { } tt && cost is { } c && capacity is { } u && fixedCost is { } fc) arcs.Add(new Arc(line, fr, tt, c, u, fc));
            }

            var pairs = new List<OdPair>();
            for (var k = 0; k < commodityCount; k++)
            {
                var fields = NextFields(3, $"commodity {k + 1} of {commodityCount}: 'origin destination demand'");
                if (fields is null) return null;
                var (line, f) = fields.Value;
                var origin = Node(line, f[0], nodes.Value, "origin");
                var destination = Node(line, f[1], nodes.Value, "destination");
                var demand = Amount(line, f[2], "demand");
                if (origin is { } o && destination is { } d && demand is { } q) pairs.Add(new OdPair(line, o, d, q));
            }

            for (var extra = NextLine(); extra is not null; extra = NextLine())
            {
                Error(ValidationCode.MalformedText, extra.Value.Number, $"unexpected content after the {commodityCount} commodities the header announced: '{Shorten(extra.Value.Text)}'.");
            }

            return Issues.Count > 0 ? null : Build(name, nodes.Value, arcs, pairs);
        }

        private static Scenario Build(string? name, int nodes, List<Arc> arcs, List<OdPair> pairs)
        {
            static LocationId NodeId(int node) => new(string.Create(CultureInfo.InvariantCulture, $"n{node}"));
            static CommodityId CommodityOf(int index) => new(string.Create(CultureInfo.InvariantCulture, $"k{index + 1}"));

            var network = new FreightNetworkBuilder();
            for (var k = 0; k < pairs.Count; k++)
            {
                network.AddCommodity(CommodityOf(k), string.Create(CultureInfo.InvariantCulture, $"{pairs[k].Origin} to {pairs[k].Destination}"));
            }

            for (var j = 1; j <= nodes; j++) network.AddLocation(new Location(NodeId(j), LocationKind.Hub));
            var options = new List<InvestmentOption>();
            for (var a = 0; a < arcs.Count; a++)
            {
                var arc = arcs[a];
                var id = string.Create(CultureInfo.InvariantCulture, $"a{a + 1}");
                network.AddRoute(new Route(id, NodeId(arc.From), NodeId(arc.To), TransportMode.Road)
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"{arc.From} to {arc.To}"),
                    AnnualCapacityTonnes = 0,
                    CostPerTonne = Enumerable.Range(0, pairs.Count).ToImmutableDictionary(CommodityOf, _ => arc.VariableCost),
                    Source = string.Create(CultureInfo.InvariantCulture, $"line {arc.Line}"),
                });
                if (arc.Capacity > 0)
                {
                    options.Add(new InvestmentOption("build-" + id, arc.Capacity, arc.FixedCost, 1)
                    {
                        Target = new RouteId(id),
                        Kind = InvestmentKind.Binary,
                        Source = string.Create(CultureInfo.InvariantCulture, $"line {arc.Line}"),
                    });
                }
            }

            var scenario = new ScenarioBuilder(network.Build())
                .WithName(name)
                .WithDiscountRate(0)
                .WithProvenance("Canad fixed-charge network-design instance (.dow; Crainic, Frangioni and Gendron)")
                .AddPeriod("year", 1.0);
            for (var k = 0; k < pairs.Count; k++)
            {
                var pair = pairs[k];
                scenario.AddSupply(new Supply(NodeId(pair.Origin), CommodityOf(k), pair.Demand));
                scenario.AddDemand(new Demand(NodeId(pair.Destination), CommodityOf(k), pair.Demand) { MustServe = true });
            }

            foreach (var option in options) scenario.AddInvestment(option);
            return scenario.Build();
        }

        private (int Number, string Text)? NextLine()
        {
            while (_next < lines.Length)
            {
                var number = _next + 1;
                var text = lines[_next++];
                if (!string.IsNullOrWhiteSpace(text) || number == 1) return (number, text);
            }

            return null;
        }

        private (int Line, string[] Fields)? NextFields(int count, string what)
        {
            var line = NextLine();
            if (line is null)
            {
                Error(ValidationCode.MalformedText, lines.Length + 1, $"the file ends where {what} was expected.");
                return null;
            }

            var fields = line.Value.Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != count)
            {
                Error(ValidationCode.MalformedText, line.Value.Number, $"expected {count} fields for {what}, found {fields.Length}: '{Shorten(line.Value.Text)}'.");
                return null;
            }

            return (line.Value.Number, fields);
        }

        private double? Number(int line, string field, string what)
        {
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                Error(ValidationCode.MalformedText, line, $"the {what} '{Shorten(field)}' is not a number.");
                return null;
            }

            if (!double.IsFinite(value))
            {
                Error(ValidationCode.NotFinite, line, $"the {what} is {field}, not a finite number.");
                return null;
            }

            return value;
        }

        private double? Amount(int line, string field, string what)
        {
            var value = Number(line, field, what);
            if (value is < 0)
            {
                Error(ValidationCode.Negative, line, string.Create(CultureInfo.InvariantCulture, $"the {what} is {value}; it must be at least 0."));
                return null;
            }

            return value;
        }

        private int? Count(int line, string field, string what)
        {
            if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Error(ValidationCode.MalformedText, line, $"{what} must be a whole number ≥ 0, not '{Shorten(field)}'.");
                return null;
            }

            return value;
        }

        private int? Node(int line, string field, int nodes, string what)
        {
            if (!int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var node))
            {
                Error(ValidationCode.MalformedText, line, $"the {what} node '{Shorten(field)}' is not a whole number.");
                return null;
            }

            if (node < 1 || node > nodes)
            {
                Error(ValidationCode.UnknownReference, line, $"the {what} node {node} is not one of the nodes 1..{nodes}.");
                return null;
            }

            return node;
        }

        private void Error(ValidationCode code, int line, string message) =>
            Issues.Add(new ValidationIssue(
                code,
                ValidationSeverity.Error,
                string.Create(CultureInfo.InvariantCulture, $"line {line}"),
                string.Create(CultureInfo.InvariantCulture, $"Line {line}: {message}")));

        private static string Shorten(string text) => text.Length <= 60 ? text.Trim() : text[..57].Trim() + "…";
    }
}
