using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Reads scenario format v1 strictly, in three steps: parse (malformed JSON stops here), walk the
/// tree collecting every structural issue with its path, then build the scenario and run
/// <see cref="ScenarioValidator"/>. Broken array elements become placeholders so that the positions,
/// and therefore the paths of semantic issues, stay those of the file.
/// </summary>
internal sealed partial class ScenarioJsonReader
{
    private const int KnownVersion = 1;
    private readonly List<ValidationIssue> _structural = [];
    private readonly Dictionary<LocationId, Dictionary<PeriodId, double>> _locationAvailability = [];
    private readonly Dictionary<RouteId, Dictionary<PeriodId, double>> _routeAvailability = [];
    private HashSet<string> _structuralPrefixes = new(StringComparer.Ordinal);
    private Dictionary<LocationId, int>? _firstLocation;
    private Dictionary<RouteId, int>? _firstRoute;

    private ScenarioJsonReader()
    {
    }

    /// <summary>Reads a document from text, within the limits.</summary>
    public static ScenarioReadResult ReadText(string json, ScenarioReadOptions options)
    {
        // A byte-order mark is not JSON, but editors write one and File.ReadAllText keeps it only
        // sometimes: it is allowed here as it is in a stream.
        var text = json.AsSpan();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        int count;
        try
        {
            count = StrictUtf8.GetByteCount(text);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            // Encoding would silently replace the broken character and read a different scenario.
            return ScenarioReadResult.Failure([new ValidationIssue(ValidationCode.MalformedJson, ValidationSeverity.Error, JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
                $"The text is not valid Unicode: character {e.Index + 1} is half of a surrogate pair; fix the text where it was made or decoded."))]);
        }

        if (count > options.MaxFileBytes) return ScenarioReadResult.Failure([TooManyBytes(count.ToString("N0", CultureInfo.InvariantCulture), options)]);
        var bytes = new byte[count];
        StrictUtf8.GetBytes(text, bytes);
        return ReadUtf8(bytes, options);
    }

    /// <summary>Reads a document from a UTF-8 stream, reading no more than one byte past the size limit.</summary>
    public static ScenarioReadResult ReadStream(Stream utf8Json, ScenarioReadOptions options)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, (int)Math.Min(chunk.Length, options.MaxFileBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxFileBytes)
            {
                return ScenarioReadResult.Failure([TooManyBytes("more than " + options.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture), options)]);
            }
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        return ReadUtf8(bytes, options);
    }

    private static ScenarioReadResult ReadUtf8(ReadOnlyMemory<byte> utf8, ScenarioReadOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions(options.MaxDepth));
        }
        catch (JsonException e)
        {
            return ScenarioReadResult.Failure([ExceedsDepth(utf8.Span, options.MaxDepth) ? TooDeep(options) : Malformed(e)]);
        }

        using (document)
        {
            // Text first: looking up a field compares names, which decodes them.
            if (TextChecks.FirstUndecodable(utf8.Span, document.RootElement) is { } undecodable) return ScenarioReadResult.Failure([undecodable]);
            if (ScenarioReadLimits.Check(document.RootElement, options) is { } limit) return ScenarioReadResult.Failure([limit]);
            return new ScenarioJsonReader().ReadDocument(document.RootElement);
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The options every read uses: standard JSON only (no comments, no trailing commas).</summary>
    private static JsonDocumentOptions DocumentOptions(int maxDepth) =>
        new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = maxDepth };

    /// <summary>
    /// Whether a text that failed to parse nests deeper than the limit before its first other error.
    /// The parser's own message for depth is worded for programmers; this tells the limit apart so it
    /// can be named with its option.
    /// </summary>
    private static bool ExceedsDepth(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = maxDepth + 1,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth) return true;
            }
        }
        catch (JsonException)
        {
            // Another error came first: the text is malformed.
        }

        return false;
    }

    internal static ValidationIssue TooManyBytes(string size, ScenarioReadOptions options) =>
        LimitIssue(JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
            $"The file is {size} bytes, above the limit ScenarioReadOptions.MaxFileBytes of {options.MaxFileBytes:N0}; if a scenario this large is meant, read it with new ScenarioReadOptions {{ MaxFileBytes = ... }} set higher."));

    private static ValidationIssue TooDeep(ScenarioReadOptions options) =>
        LimitIssue(JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
            $"The file nests objects and lists more than {options.MaxDepth} deep, the limit ScenarioReadOptions.MaxDepth (a scenario needs 4); remove the nesting, or raise the limit with new ScenarioReadOptions {{ MaxDepth = ... }}."));

    internal static ValidationIssue LimitIssue(string path, string message) =>
        new(ValidationCode.LimitExceeded, ValidationSeverity.Error, path, message);

    private static ValidationIssue Malformed(JsonException e)
    {
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        var where = e.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte position {(e.BytePositionInLine ?? 0) + 1}")
            : string.Empty;
        return new ValidationIssue(ValidationCode.MalformedJson, ValidationSeverity.Error, e.Path ?? JsonPath.Root,
            $"The text is not well-formed JSON{where} (lines and positions count from 1): {reason}");
    }

    private ScenarioReadResult ReadDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Structural(ValidationCode.WrongType, JsonPath.Root,
                $"A scenario file must hold one JSON object, not {Describe(root)}.");
            return ScenarioReadResult.Failure(_structural);
        }

        if (!CheckVersion(root)) return ScenarioReadResult.Failure(_structural);
        var obj = Fields(root, JsonPath.Root, "the scenario", ScenarioJsonFields.Root);

        var periods = Array(obj, "periods", required: false, ReadPeriod);
        var commodities = Array(obj, "commodities", required: true, ReadCommodity);
        var locations = Array(obj, "locations", required: true, ReadLocation);
        var routes = Array(obj, "routes", required: true, ReadRoute);
        var supplies = Array(obj, "supplies", required: false, ReadSupply);
        var demands = Array(obj, "demands", required: false, ReadDemand);
        var investments = Array(obj, "investments", required: false, ReadInvestment);
        var budget = obj.Object("budget", "the budget", ScenarioJsonFields.Budget) is { } b ? ReadBudget(b) : null;
        var generalisedCost = obj.Object("generalisedCost", "the generalised cost", ScenarioJsonFields.GeneralisedCost) is { } g ? ReadGeneralisedCost(g) : null;
        var observations = Array(obj, "observations", required: false, ReadObservation);
        var costAdjustments = Array(obj, "costAdjustments", required: false, ReadCostAdjustment);

        var scenario = new Scenario(new FreightNetwork(commodities ?? [], locations ?? [], routes ?? []))
        {
            Name = obj.String("name"),
            Currency = obj.String("currency") ?? "RUB",
            DiscountRate = obj.Number("discountRate") ?? 0,
            Horizon = periods is null ? PlanningHorizon.SingleYear : new PlanningHorizon(periods),
            LocationAvailability = _locationAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value)),
            RouteAvailability = _routeAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value)),
            Supplies = [.. supplies ?? []],
            Demands = [.. demands ?? []],
            Investments = [.. investments ?? []],
            Budget = budget,
            GeneralisedCost = generalisedCost,
            Co2CapTonnes = obj.Number("co2CapTonnes"),
            Observations = [.. observations ?? []],
            CostAdjustments = [.. costAdjustments ?? []],
            Source = obj.String("source"),
            Notes = obj.String("notes"),
        };

        // Without its commodities or locations a file cannot be judged further: every reference
        // would be reported as unknown.
        if (commodities is null || locations is null) return ScenarioReadResult.Failure(_structural);

        // Semantic issues inside a field the walk already reported, or caused by reading such a field
        // as absent, would only repeat it. Warnings are dropped too: they would describe a scenario
        // that is not the one the file meant.
        // Sets rather than scans: a file with many broken entries has as many structural as semantic
        // issues, and comparing every pair took minutes for a few hundred thousand.
        var structuralPaths = _structural.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        _structuralPrefixes = [.. _structural.SelectMany(s => Prefixes(s.Path))];
        var semantic = ScenarioValidator.Validate(scenario)
            .Where(issue => !Prefixes(issue.Path).Any(structuralPaths.Contains))
            .Where(issue => !IsConsequenceOfStructuralIssue(scenario, issue))
            .Where(issue => _structural.Count == 0 || issue.Severity == ValidationSeverity.Error)
            .ToList();
        ImmutableArray<ValidationIssue> issues =
        [
            .. _structural,
            .. semantic.Where(i => i.Severity == ValidationSeverity.Error),
            .. semantic.Where(i => i.Severity == ValidationSeverity.Warning),
        ];
        return issues.Any(i => i.Severity == ValidationSeverity.Error)
            ? ScenarioReadResult.Failure(issues)
            : ScenarioReadResult.Success(scenario, issues);
    }

    /// <summary>
    /// Whether a semantic issue only follows from a field that was reported as broken and read as
    /// absent or as its default: an investment kind read as Binary, a target read as absent, a
    /// capacity read as unlimited, a commodities list with a placeholder entry.
    /// </summary>
    private bool IsConsequenceOfStructuralIssue(Scenario scenario, ValidationIssue issue)
    {
        var match = LinePath().Match(issue.Path);
        if (!match.Success) return false;
        var list = match.Groups["list"].Value;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        var entity = JsonPath.Element(JsonPath.Member(JsonPath.Root, list), index);
        return (list, issue.Code) switch
        {
            ("investments", ValidationCode.MaxUnitsMismatch) => Broken(JsonPath.Member(entity, "kind")),
            ("investments", ValidationCode.InvestmentTarget) =>
                Broken(JsonPath.Member(entity, "location")) || Broken(JsonPath.Member(entity, "route")),
            ("investments", ValidationCode.InvestmentOnUnlimitedTarget) => scenario.Investments[index] switch
            {
                { Target.Location: { } l } => Broken(JsonPath.Member(LocationPath(l), "annualCapacityTonnes")),
                { Target.Route: { } r } => Broken(JsonPath.Member(RoutePath(r), "annualCapacityTonnes")),
                _ => false,
            },
            ("supplies", ValidationCode.CommodityNotHandled) =>
                Broken(JsonPath.Member(LocationPath(scenario.Supplies[index].Location), "commodities")),
            ("demands", ValidationCode.CommodityNotHandled) =>
                Broken(JsonPath.Member(LocationPath(scenario.Demands[index].Location), "commodities")),
            _ => false,
        };

        bool Broken(string path) => _structuralPrefixes.Contains(path);

        // The first entity with the id is the one references resolve to; an unknown id falls back
        // to the last entity, as a search that finds nothing ends there.
        string LocationPath(LocationId id)
        {
            _firstLocation ??= FirstIndex(scenario.Network.Locations.Select(x => x.Id));
            return JsonPath.Element("$.locations", _firstLocation.TryGetValue(id, out var i) ? i : Math.Max(0, scenario.Network.Locations.Length - 1));
        }

        string RoutePath(RouteId id)
        {
            _firstRoute ??= FirstIndex(scenario.Network.Routes.Select(x => x.Id));
            return JsonPath.Element("$.routes", _firstRoute.TryGetValue(id, out var i) ? i : Math.Max(0, scenario.Network.Routes.Length - 1));
        }

        static Dictionary<TId, int> FirstIndex<TId>(IEnumerable<TId> ids)
            where TId : notnull
        {
            var first = new Dictionary<TId, int>();
            var i = 0;
            foreach (var id in ids) first.TryAdd(id, i++);
            return first;
        }
    }

    /// <summary>
    /// The path itself and every path it lies within (cut before each <c>.</c> or <c>[</c>): a path
    /// is within another exactly when the other is one of these (<see cref="JsonPath.IsWithin"/>).
    /// </summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        for (var k = 1; k < path.Length; k++)
        {
            if (path[k] is '.' or '[') yield return path[..k];
        }

        yield return path;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\$\.(?<list>investments|supplies|demands)\[(?<index>\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex LinePath();

    private bool CheckVersion(JsonElement root)
    {
        const string path = "$.formatVersion";
        var known = $"this reader knows format version {KnownVersion}";
        if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind == JsonValueKind.Null)
        {
            Structural(ValidationCode.UnsupportedFormatVersion, path,
                $"The file has no formatVersion; {known}, so add \"formatVersion\": {KnownVersion}.");
            return true;
        }

        if (version.ValueKind != JsonValueKind.Number)
        {
            Structural(ValidationCode.UnsupportedFormatVersion, path,
                $"The formatVersion must be the number {KnownVersion}, not {Describe(version)}; {known}.");
            return true;
        }

        if (version.GetDouble() == KnownVersion) return true;

        // A file of another version means something else by its fields: judging it as v1 would only mislead.
        Structural(ValidationCode.UnsupportedFormatVersion, path,
            $"The file is format version {version.GetRawText()}, but {known}.");
        return false;
    }

    private Period ReadPeriod(JsonObjectReader o) =>
        new(o.String("id", required: true) ?? string.Empty, o.Number("yearFraction", required: true) ?? 1)
        {
            Year = ReadYear(o),
            Source = o.String("source"),
            Notes = o.String("notes"),
        };

    /// <summary>A period's calendar year: a whole number from 1 to 9999, or absent.</summary>
    private static int? ReadYear(JsonObjectReader o)
    {
        if (o.Number("year") is not { } year) return null;
        if (year == Math.Floor(year) && year is >= 1 and <= 9999) return (int)year;
        o.Error(ValidationCode.PeriodYears, $"A period's year must be a whole calendar year from 1 to 9999; it is {year.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        return null;
    }

    private Commodity ReadCommodity(JsonObjectReader o) =>
        new(o.String("id", required: true) ?? string.Empty, o.String("name"))
        {
            UnmetPenaltyPerTonne = o.Number("unmetPenaltyPerTonne"),
            ValuePerTonne = o.Number("valuePerTonne"),
            Source = o.String("source"),
            Notes = o.String("notes"),
        };

    private Location ReadLocation(JsonObjectReader o)
    {
        var id = new LocationId(o.String("id", required: true) ?? string.Empty);
        var location = new Location(id, o.Enum("kind", LocationKind.Origin, required: true))
        {
            Name = o.String("name"),
            Country = o.String("country"),
            Latitude = o.Number("latitude"),
            Longitude = o.Number("longitude"),
            AnnualCapacityTonnes = o.Number("annualCapacityTonnes"),
            HandlingCostPerTonne = CommodityMap(o.Map("handlingCostPerTonne", "a handling cost per tonne", required: false)),
            Commodities = o.StringArray("commodities") is { } list ? [.. list.Select(c => new CommodityId(c))] : null,
            Source = o.String("source"),
            Notes = o.String("notes"),
        };
        if (o.Map("availability", "an availability factor", required: false) is { } calendar)
        {
            _locationAvailability.TryAdd(id, calendar.ToDictionary(kv => new PeriodId(kv.Key), kv => kv.Value));
        }

        return location;
    }

    private Route ReadRoute(JsonObjectReader o)
    {
        var id = new RouteId(o.String("id", required: true) ?? string.Empty);
        var route = new Route(
            id,
            o.String("from", required: true) ?? string.Empty,
            o.String("to", required: true) ?? string.Empty,
            o.Enum("mode", TransportMode.Rail, required: true))
        {
            Name = o.String("name"),
            DistanceKm = o.Number("distanceKm"),
            TransitDays = o.Number("transitDays"),
            Co2GramsPerTonneKm = o.Number("co2GramsPerTonneKm"),
            AnnualCapacityTonnes = o.Number("annualCapacityTonnes"),
            CostPerTonne = CommodityMap(o.Map("costPerTonne", "a cost per tonne", required: true)),
            MinAnnualTonnes = o.Number("minAnnualTonnes"),
            Source = o.String("source"),
            Notes = o.String("notes"),
        };
        if (o.Map("availability", "an availability factor", required: false) is { } calendar)
        {
            _routeAvailability.TryAdd(id, calendar.ToDictionary(kv => new PeriodId(kv.Key), kv => kv.Value));
        }

        return route;
    }

    private Supply ReadSupply(JsonObjectReader o) =>
        new(o.String("location", required: true) ?? string.Empty,
            o.String("commodity", required: true) ?? string.Empty,
            o.Number("annualTonnes", required: true) ?? 0)
        {
            CostPerTonne = o.Number("costPerTonne") ?? 0,
            GrowthPerYear = o.Number("growthPerYear"),
            Period = o.String("period") is { } p ? new PeriodId(p) : (PeriodId?)null,
            Source = o.String("source"),
            Notes = o.String("notes"),
        };

    private Demand ReadDemand(JsonObjectReader o) =>
        new(o.String("location", required: true) ?? string.Empty,
            o.String("commodity", required: true) ?? string.Empty,
            o.Number("annualTonnes", required: true) ?? 0)
        {
            UnmetPenaltyPerTonne = o.Number("unmetPenaltyPerTonne"),
            GrowthPerYear = o.Number("growthPerYear"),
            MustServe = o.Bool("mustServe") ?? false,
            Period = o.String("period") is { } p ? new PeriodId(p) : (PeriodId?)null,
            Source = o.String("source"),
            Notes = o.String("notes"),
        };

    private InvestmentOption ReadInvestment(JsonObjectReader o)
    {
        var id = o.String("id", required: true) ?? string.Empty;
        var location = o.String("location");
        var route = o.String("route");
        if (location is not null && route is not null)
        {
            o.Error(ValidationCode.InvestmentTarget,
                $"Investment '{id}' names both location '{location}' and route '{route}'; it must name exactly one of them.");
        }

        return new(id,
            o.Number("addedAnnualCapacityTonnes", required: true) ?? 1,
            o.Number("capitalCost", required: true) ?? 0,
            o.Number("lifetimeYears", required: true) ?? 1)
        {
            Name = o.String("name"),
            Target = location is not null ? NetworkElement.Of(new LocationId(location))
                : route is not null ? NetworkElement.Of(new RouteId(route))
                : default,
            Kind = o.Enum("kind", InvestmentKind.Binary, required: false),
            MaxUnits = o.Number("maxUnits"),
            FirstPeriod = o.String("firstPeriod") is { } p ? new PeriodId(p) : (PeriodId?)null,
            LeadTimeYears = o.Number("leadTimeYears"),
            ExclusiveGroup = o.String("exclusiveGroup"),
            Requires = o.StringArray("requires") is { } requires ? [.. requires.Select(InvestmentId.FromString)] : [],
            Source = o.String("source"),
            Notes = o.String("notes"),
        };
    }

    private Observation ReadObservation(JsonObjectReader o)
    {
        var id = o.String("id", required: true) ?? string.Empty;
        var elements = ImmutableArray.CreateBuilder<NetworkElement>();
        if (o.Value("elements", required: true, JsonValueKind.Array, "a list of elements") is { } list)
        {
            var listPath = JsonPath.Member(o.Path, "elements");
            var j = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPath = JsonPath.Element(listPath, j++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Structural(ValidationCode.WrongType, itemPath,
                        $"Each entry of the elements of observation '{id}' must be an object naming a location or a route, not {Describe(item)}.");
                    elements.Add(default);
                    continue;
                }

                var e = Fields(item, itemPath, "the element", ScenarioJsonFields.ObservationElement);
                var location = e.String("location");
                var route = e.String("route");
                if (location is not null && route is not null)
                {
                    e.Error(ValidationCode.ObservationElements,
                        $"Element {j - 1} of observation '{id}' names both location '{location}' and route '{route}'; it must name exactly one of them (list them as two elements to add them up).");
                }

                elements.Add(location is not null ? NetworkElement.Of(new LocationId(location))
                    : route is not null ? NetworkElement.Of(new RouteId(route))
                    : default);
            }
        }

        return new(id, elements.ToImmutable(), o.Number("annualTonnes", required: true) ?? 0, o.Number("tolerance", required: true) ?? 0)
        {
            Name = o.String("name"),
            Commodity = o.String("commodity") is { } c ? new CommodityId(c) : (CommodityId?)null,
            Period = o.String("period") is { } p ? new PeriodId(p) : (PeriodId?)null,
            Source = o.String("source", required: true),
            Notes = o.String("notes"),
        };
    }

    private static CostAdjustment ReadCostAdjustment(JsonObjectReader o)
    {
        var location = o.String("location");
        var route = o.String("route");
        if (location is not null && route is not null)
        {
            o.Error(ValidationCode.CostAdjustmentTarget,
                $"A cost adjustment names both location '{location}' and route '{route}'; it must name exactly one of them.");
        }

        var element = location is not null ? NetworkElement.Of(new LocationId(location))
            : route is not null ? NetworkElement.Of(new RouteId(route))
            : default;
        return new(element, o.Number("costPerTonne", required: true) ?? 0)
        {
            Commodity = o.String("commodity") is { } c ? new CommodityId(c) : (CommodityId?)null,
            Observation = o.String("observation"),
            Source = o.String("source"),
            Notes = o.String("notes"),
        };
    }

    /// <summary>The generalised cost; an emission factor for a name that is not a mode is an error at its key.</summary>
    private GeneralisedCost ReadGeneralisedCost(JsonObjectReader o)
    {
        var factors = ImmutableDictionary.CreateBuilder<TransportMode, double>();
        foreach (var (key, value) in o.Map("emissionFactors", "an emission factor in gCO2e per tonne-km", required: false) ?? [])
        {
            if (Enum.TryParse<TransportMode>(key, ignoreCase: false, out var mode) && Enum.IsDefined(mode) && key == mode.ToString())
            {
                factors[mode] = value;
            }
            else
            {
                Structural(ValidationCode.OutOfRange, JsonPath.Member(JsonPath.Member(JsonPath.Member(JsonPath.Root, "generalisedCost"), "emissionFactors"), key),
                    $"'{key}' in emissionFactors is not a transport mode; the modes are {string.Join(", ", Enum.GetNames<TransportMode>())}.");
            }
        }

        return new GeneralisedCost
        {
            HoldingRatePerYear = o.Number("holdingRatePerYear"),
            CarbonPricePerTonneCo2 = o.Number("carbonPricePerTonneCo2"),
            EmissionFactors = factors.ToImmutable(),
            Source = o.String("source"),
            Notes = o.String("notes"),
        };
    }

    private static Budget? ReadBudget(JsonObjectReader o) =>
        o.Number("capitalCost") is { } cap ? new Budget(cap) { Source = o.String("source"), Notes = o.String("notes") } : null;

    private static ImmutableDictionary<CommodityId, double> CommodityMap(IReadOnlyList<KeyValuePair<string, double>>? map)
    {
        var builder = ImmutableDictionary.CreateBuilder<CommodityId, double>();
        foreach (var (key, value) in map ?? []) builder.TryAdd(key, value);
        return builder.ToImmutable();
    }

    private List<T>? Array<T>(JsonObjectReader obj, string name, bool required, Func<JsonObjectReader, T> read)
        where T : class
    {
        var path = JsonPath.Member(JsonPath.Root, name);
        var array = obj.Value(name, required, JsonValueKind.Array, "a list");
        if (array is not { } items) return null;
        var singular = Singular(name);
        var fields = ScenarioJsonFields.ByObject[singular];
        var result = new List<T>(items.GetArrayLength());
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = JsonPath.Element(path, i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                Structural(ValidationCode.WrongType, itemPath, $"Each entry of {name} must be an object describing a {singular}, not {Describe(item)}.");
                result.Add(read(new JsonObjectReader(this, default, itemPath, $"the {singular}")));
                continue;
            }

            result.Add(read(Fields(item, itemPath, $"the {singular}", fields)));
        }

        return result;
    }

    private static string Singular(string plural) => plural switch
    {
        "periods" => "period",
        "commodities" => "commodity",
        "locations" => "location",
        "routes" => "route",
        "supplies" => "supply",
        "demands" => "demand",
        "observations" => "observation",
        "costAdjustments" => "costAdjustment",
        _ => "investment",
    };

    /// <summary>Checks an object for duplicate and unknown fields and returns a reader over it.</summary>
    internal JsonObjectReader Fields(JsonElement element, string path, string what, ImmutableArray<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var fieldPath = JsonPath.Member(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Structural(ValidationCode.DuplicateField, fieldPath,
                    $"The field '{property.Name}' appears more than once in {what}; keep one.");
            }
            else if (!allowed.Contains(property.Name))
            {
                Structural(ValidationCode.UnknownField, fieldPath,
                    $"{Capital(what)} has no field '{property.Name}'; its fields are {string.Join(", ", allowed)}.");
            }
        }

        return new JsonObjectReader(this, element, path, what);
    }

    internal void Structural(ValidationCode code, string path, string message) =>
        _structural.Add(new ValidationIssue(code, ValidationSeverity.Error, path, message));

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    internal static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
