using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FreightOptimizer.Studies;

/// <summary>
/// Reads study files (docs/studies.md). Like scenario files, reading is strict: every unknown or
/// repeated field, missing required field, wrong JSON type, unknown kind or mode and value out of
/// range is reported at once, each at its JSON path, in one <see cref="FreightValidationException"/>.
/// References to the scenario's ids are checked when the cases are resolved
/// (<see cref="Study.ResolveCases"/>), since they need the scenario.
/// </summary>
public static class StudyJson
{
    /// <summary>The largest study file read, in bytes (16 MiB).</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The most cases a study may have.</summary>
    public const int MaxCases = 1_000_000;

    /// <summary>The largest scaling factor a level may give.</summary>
    public const double MaxFactor = 1e6;

    /// <summary>Reads a study file; relative paths in it are resolved from its folder.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The study.</returns>
    /// <exception cref="FreightValidationException">The file is not a valid study.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Study ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
        {
            throw Invalid([Issue(ValidationCode.LimitExceeded, "$", $"The study file is {info.Length:N0} bytes, above the limit of {MaxFileBytes:N0}.")]);
        }

        var text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        return Read(text, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Reads a study from its text.</summary>
    /// <param name="json">The study file's text.</param>
    /// <param name="baseDirectory">The folder relative paths are resolved from.</param>
    /// <returns>The study.</returns>
    /// <exception cref="FreightValidationException">The text is not a valid study.</exception>
    public static Study Read(string json, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (json.Length > 0 && json[0] == '\uFEFF') json = json[1..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {e.BytePositionInLine + 1})") : "";
            throw Invalid([Issue(ValidationCode.MalformedJson, "$", $"The study file is not well-formed JSON{where}: {e.Message}")]);
        }

        using (document)
        {
            var reader = new Reader();
            var study = reader.ReadStudy(document.RootElement, baseDirectory);
            if (reader.Issues.Count > 0 || study is null) throw Invalid(reader.Issues);
            return study;
        }
    }

    /// <summary>A label for a number in a case id: <c>0</c>, <c>1.1</c>, <c>8e9</c>, <c>25e9</c>, <c>2.5e9</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Its shortest exact text, with the trailing zeros of a large whole number written as an exponent.</returns>
    public static string NumberLabel(double value)
    {
        if (value == 0) return "0";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            var parts = text.Split('E');
            return parts[0] + "e" + int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        if (text.Contains('.', StringComparison.Ordinal) || Math.Abs(value) < 1000) return text;
        var zeros = text.Length - text.TrimEnd('0').Length;
        if (zeros < 3) return text;
        // Engineering notation: the exponent a multiple of 3 and the mantissa from 1 to 999 (8e9, 30e9, 2.5e9).
        var sign = text.StartsWith('-') ? "-" : "";
        var digits = text.TrimStart('-').TrimEnd('0');
        var magnitude = text.TrimStart('-').Length - 1;
        var exponent = magnitude / 3 * 3;
        var whole = magnitude - exponent + 1;
        var mantissa = sign + (digits.Length <= whole ? digits.PadRight(whole, '0') : digits[..whole] + "." + digits[whole..]);
        return mantissa + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    internal static FreightValidationException Invalid(IEnumerable<ValidationIssue> issues) => new(issues, "study file");

    internal static ValidationIssue Issue(ValidationCode code, string path, string message) => new(code, ValidationSeverity.Error, path, message);

    /// <summary>Whether a label or id can be part of a case id: not empty, no <c>|</c>, <c>=</c> or control character.</summary>
    internal static string? LabelProblem(string label) =>
        string.IsNullOrWhiteSpace(label) ? "is empty"
        : label.Any(c => c is '|' or '=' || char.IsControl(c)) ? "contains '|', '=' or a control character, which case ids reserve"
        : label.Trim() != label ? "starts or ends with a space"
        : null;

    private sealed class Reader
    {
        private static readonly string[] Provenance = ["source", "notes"];

        public List<ValidationIssue> Issues { get; } = [];

        public Study? ReadStudy(JsonElement root, string baseDirectory)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Add(ValidationCode.WrongType, "$", $"A study file must be one JSON object, not {Describe(root)}.");
                return null;
            }

            Fields(root, "$", "the study", ["$schema", "formatVersion", "id", "name", "baseScenario", "dimensions", .. Provenance]);
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var v) || v != Study.FormatVersion)
            {
                Add(ValidationCode.UnsupportedFormatVersion, "$.formatVersion", "The study file must have \"formatVersion\": 1.");
                return null;
            }

            var id = String(root, "$", "id", "the study", required: true);
            if (id is not null && LabelProblem(id) is { } problem) Add(ValidationCode.OutOfRange, "$.id", $"The study's id '{id}' {problem}.");
            var baseScenario = String(root, "$", "baseScenario", "the study", required: true);
            if (baseScenario is not null && string.IsNullOrWhiteSpace(baseScenario)) Add(ValidationCode.EmptyId, "$.baseScenario", "The study's baseScenario is empty; name a scenario file or \"builtin:russia-china-2023\".");
            var dimensions = ImmutableArray.CreateBuilder<StudyDimension>();
            if (Value(root, "$", "dimensions", "the study", JsonValueKind.Array, "a list", required: false) is { } list)
            {
                var names = new Dictionary<string, int>(StringComparer.Ordinal);
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var path = JsonPath.Element("$.dimensions", i);
                    if (ReadDimension(item, path) is { } dimension)
                    {
                        if (names.TryGetValue(dimension.Name, out var first))
                        {
                            Add(ValidationCode.DuplicateId, JsonPath.Member(path, "name"), $"Dimensions {first} and {i} are both named '{dimension.Name}'; give one a \"name\" of its own.");
                        }
                        else
                        {
                            names[dimension.Name] = i;
                        }

                        dimensions.Add(dimension);
                    }

                    i++;
                }

                var count = dimensions.Aggregate(1.0, (n, d) => n * Math.Max(1, d.Levels.Length));
                if (count > MaxCases) Add(ValidationCode.LimitExceeded, "$.dimensions", $"The study has {count:N0} cases or more, above the limit of {MaxCases:N0}; split it.");
            }

            if (Issues.Count > 0 || id is null || baseScenario is null) return null;
            return new Study
            {
                Id = id,
                Name = String(root, "$", "name", "the study"),
                BaseScenario = baseScenario,
                BaseDirectory = baseDirectory,
                Dimensions = dimensions.ToImmutable(),
                Source = String(root, "$", "source", "the study"),
                Notes = String(root, "$", "notes", "the study"),
            };
        }

        private StudyDimension? ReadDimension(JsonElement item, string path)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(ValidationCode.WrongType, path, $"Each dimension must be an object, not {Describe(item)}.");
                return null;
            }

            Fields(item, path, "a dimension", ["kind", "name", "levels", .. Provenance]);
            var kindText = String(item, path, "kind", "a dimension", required: true);
            StudyDimensionKind? kind = null;
            if (kindText is not null)
            {
                var names = Enum.GetNames<StudyDimensionKind>().Select(Camel).ToArray();
                var at = Array.IndexOf(names, kindText);
                if (at < 0) Add(ValidationCode.OutOfRange, JsonPath.Member(path, "kind"), $"The dimension kind \"{kindText}\" is not one of {string.Join(", ", names)} (spelled exactly so).");
                else kind = Enum.GetValues<StudyDimensionKind>()[at];
            }

            var name = String(item, path, "name", "a dimension");
            if (name is not null && LabelProblem(name) is { } problem) Add(ValidationCode.OutOfRange, JsonPath.Member(path, "name"), $"The dimension name '{name}' {problem}.");
            var levels = Value(item, path, "levels", "a dimension", JsonValueKind.Array, "a list", required: true);
            if (kind is null || levels is null) return null;
            var levelsPath = JsonPath.Member(path, "levels");
            if (levels.Value.GetArrayLength() == 0)
            {
                Add(ValidationCode.OutOfRange, levelsPath, "A dimension needs at least one level.");
                return null;
            }

            var built = ImmutableArray.CreateBuilder<StudyLevel>();
            var labels = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var level in levels.Value.EnumerateArray())
            {
                var levelPath = JsonPath.Element(levelsPath, i);
                if (ReadLevel(kind.Value, level, levelPath) is { } read)
                {
                    read = read with { Path = levelPath };
                    if (LabelProblem(read.Label) is { } labelProblem)
                    {
                        Add(ValidationCode.OutOfRange, levelPath, $"The level's label '{read.Label}' {labelProblem}; give it a \"label\".");
                    }
                    else if (labels.TryGetValue(read.Label, out var first))
                    {
                        Add(ValidationCode.DuplicateId, levelPath, $"Levels {first} and {i} of the dimension both have the label '{read.Label}'; labels name cases and must differ.");
                    }
                    else
                    {
                        labels[read.Label] = i;
                    }

                    built.Add(read);
                }

                i++;
            }

            return new StudyDimension { Kind = kind.Value, Name = name ?? StudyDimension.DefaultName(kind.Value), Levels = built.ToImmutable() };
        }

        private StudyLevel? ReadLevel(StudyDimensionKind kind, JsonElement level, string path) => kind switch
        {
            StudyDimensionKind.Closures => ReadClosure(level, path),
            StudyDimensionKind.Budgets => ReadBudget(level, path),
            StudyDimensionKind.DemandScale => ReadScale(level, path, "commodities", isDemand: true),
            StudyDimensionKind.TariffScale => ReadScale(level, path, "modes", isDemand: false),
            StudyDimensionKind.Availability => ReadAvailability(level, path),
            _ => ReadScenarioFile(level, path),
        };

        private ClosureLevel? ReadClosure(JsonElement level, string path)
        {
            if (level.ValueKind == JsonValueKind.String)
            {
                var text = level.GetString()!;
                return text switch
                {
                    "none" => new ClosureLevel("none"),
                    "every-crossing" => new ClosureLevel(text) { Selection = ClosureSelection.EveryCrossing },
                    "every-route" => new ClosureLevel(text) { Selection = ClosureSelection.EveryRoute },

                    // An id alone: a location or a route, told apart when the cases are resolved.
                    _ => new ClosureLevel(text) { Locations = [text], Routes = [text], Selection = ClosureSelection.Named },
                };
            }

            if (level.ValueKind != JsonValueKind.Object)
            {
                Add(ValidationCode.WrongType, path, $"A closure level must be an id, \"none\", \"every-crossing\", \"every-route\" or an object, not {Describe(level)}.");
                return null;
            }

            Fields(level, path, "a closure level", ["label", "locations", "routes", "periods", .. Provenance]);
            var locations = Strings(level, path, "locations", "a closure level");
            var routes = Strings(level, path, "routes", "a closure level");
            var periods = Strings(level, path, "periods", "a closure level");
            ImmutableArray<string> named = [.. locations ?? [], .. routes ?? []];
            var label = String(level, path, "label", "a closure level")
                ?? (named.IsEmpty ? "none" : string.Join("+", named) + (periods is { Length: > 0 } ? "@" + string.Join("+", periods) : ""));
            return new ClosureLevel(label)
            {
                Locations = [.. (locations ?? []).Select(l => new LocationId(l))],
                Routes = [.. (routes ?? []).Select(r => new RouteId(r))],
                Periods = [.. (periods ?? []).Select(p => new PeriodId(p))],
            };
        }

        private BudgetLevel? ReadBudget(JsonElement level, string path)
        {
            switch (level.ValueKind)
            {
                case JsonValueKind.Number:
                    var value = level.GetDouble();
                    if (!double.IsFinite(value) || value < 0 || value > ScenarioValidator.MaxMagnitude)
                    {
                        Add(value < 0 ? ValidationCode.Negative : ValidationCode.OutOfRange, path, $"A budget level must be between 0 and 1e15, not {level.GetRawText()}.");
                        return null;
                    }

                    return new BudgetLevel(NumberLabel(value), value);
                case JsonValueKind.String when level.GetString() == "none":
                    return new BudgetLevel("none", null);
                case JsonValueKind.String when level.GetString() == "base":
                    return new BudgetLevel("base", null, keepScenarioBudget: true);
                default:
                    Add(level.ValueKind == JsonValueKind.String ? ValidationCode.OutOfRange : ValidationCode.WrongType, path,
                        $"A budget level must be a number (the cap on capital), \"none\" (no cap) or \"base\" (the scenario's own), not {Describe(level)}.");
                    return null;
            }
        }

        private StudyLevel? ReadScale(JsonElement level, string path, string selector, bool isDemand)
        {
            var what = isDemand ? "a demand scaling level" : "a tariff scaling level";
            double? factor;
            string? label = null;
            ImmutableArray<string> selected = [];
            var factorPath = path;
            if (level.ValueKind == JsonValueKind.Number)
            {
                factor = level.GetDouble();
            }
            else if (level.ValueKind == JsonValueKind.Object)
            {
                Fields(level, path, what, ["label", "factor", selector, .. Provenance]);
                factor = Number(level, path, "factor", what, required: true);
                factorPath = JsonPath.Member(path, "factor");
                label = String(level, path, "label", what);
                selected = Strings(level, path, selector, what) ?? [];
            }
            else
            {
                Add(ValidationCode.WrongType, path, $"{Capital(what)} must be a number (the factor) or an object, not {Describe(level)}.");
                return null;
            }

            if (factor is not { } f) return null;
            if (!double.IsFinite(f) || f < 0 || f > MaxFactor)
            {
                Add(f < 0 ? ValidationCode.Negative : ValidationCode.OutOfRange, factorPath, $"The factor of {what} must be between 0 and {MaxFactor:0e0}, not {f.ToString("R", CultureInfo.InvariantCulture)}.");
                return null;
            }

            label ??= (selected.IsEmpty ? "" : string.Join("+", selected) + "*") + NumberLabel(f);
            if (isDemand) return new DemandScaleLevel(label, f) { Commodities = [.. selected.Select(c => new CommodityId(c))] };

            var modes = ImmutableArray.CreateBuilder<TransportMode>();
            var names = Enum.GetNames<TransportMode>();
            for (var i = 0; i < selected.Length; i++)
            {
                if (names.Contains(selected[i], StringComparer.Ordinal)) modes.Add(Enum.Parse<TransportMode>(selected[i]));
                else Add(ValidationCode.OutOfRange, JsonPath.Element(JsonPath.Member(path, selector), i), $"The mode \"{selected[i]}\" is not one of {string.Join(", ", names)} (spelled exactly so).");
            }

            return new TariffScaleLevel(label, f) { Modes = modes.ToImmutable() };
        }

        private AvailabilityLevel? ReadAvailability(JsonElement level, string path)
        {
            if (level.ValueKind != JsonValueKind.Object)
            {
                Add(ValidationCode.WrongType, path, $"An availability level must be an object with a \"label\" and \"routes\" or \"locations\", not {Describe(level)}.");
                return null;
            }

            Fields(level, path, "an availability level", ["label", "routes", "locations", .. Provenance]);
            var label = String(level, path, "label", "an availability level", required: true);
            var routes = Patterns(level, path, "routes");
            var locations = Patterns(level, path, "locations");
            if (label is null) return null;
            return new AvailabilityLevel(label)
            {
                Routes = routes.ToImmutableDictionary(kv => new RouteId(kv.Key), kv => kv.Value),
                Locations = locations.ToImmutableDictionary(kv => new LocationId(kv.Key), kv => kv.Value),
            };
        }

        private List<KeyValuePair<string, Availability>> Patterns(JsonElement level, string path, string name)
        {
            var result = new List<KeyValuePair<string, Availability>>();
            if (Value(level, path, name, "an availability level", JsonValueKind.Object, "an object", required: false) is not { } map) return result;
            var mapPath = JsonPath.Member(path, name);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in map.EnumerateObject())
            {
                var elementPath = JsonPath.Member(mapPath, element.Name);
                if (!seen.Add(element.Name))
                {
                    Add(ValidationCode.DuplicateField, elementPath, $"'{element.Name}' appears more than once in '{name}'; keep one.");
                    continue;
                }

                if (element.Value.ValueKind != JsonValueKind.Object)
                {
                    Add(ValidationCode.WrongType, elementPath, $"The pattern of '{element.Name}' must be an object of factors by period, not {Describe(element.Value)}.");
                    continue;
                }

                var factors = ImmutableDictionary.CreateBuilder<PeriodId, double>();
                foreach (var entry in element.Value.EnumerateObject())
                {
                    var entryPath = JsonPath.Member(elementPath, entry.Name);
                    if (factors.ContainsKey(entry.Name))
                    {
                        Add(ValidationCode.DuplicateField, entryPath, $"The period '{entry.Name}' appears more than once in the pattern of '{element.Name}'; keep one.");
                    }
                    else if (entry.Value.ValueKind != JsonValueKind.Number)
                    {
                        Add(ValidationCode.WrongType, entryPath, $"The factor of period '{entry.Name}' for '{element.Name}' must be a number from 0 to 1, not {Describe(entry.Value)}.");
                    }
                    else if (entry.Value.GetDouble() is var f && !(f >= 0 && f <= 1))
                    {
                        Add(ValidationCode.OutOfRange, entryPath, $"The factor of period '{entry.Name}' for '{element.Name}' must be from 0 to 1, not {entry.Value.GetRawText()}.");
                    }
                    else
                    {
                        factors[entry.Name] = f;
                    }
                }

                result.Add(new(element.Name, new Availability(factors.ToImmutable())));
            }

            return result;
        }

        private ScenarioFileLevel? ReadScenarioFile(JsonElement level, string path)
        {
            string? file;
            string? label = null;
            var filePath = path;
            if (level.ValueKind == JsonValueKind.String)
            {
                file = level.GetString();
            }
            else if (level.ValueKind == JsonValueKind.Object)
            {
                Fields(level, path, "a scenario level", ["label", "file", .. Provenance]);
                file = String(level, path, "file", "a scenario level", required: true);
                label = String(level, path, "label", "a scenario level");
                filePath = JsonPath.Member(path, "file");
            }
            else
            {
                Add(ValidationCode.WrongType, path, $"A scenario level must be a file name or an object with a \"file\", not {Describe(level)}.");
                return null;
            }

            if (file is null) return null;
            if (string.IsNullOrWhiteSpace(file))
            {
                Add(ValidationCode.EmptyId, filePath, "A scenario level names an empty file.");
                return null;
            }

            label ??= file == Study.BuiltInCorridor ? "builtin" : Path.GetFileNameWithoutExtension(file);
            return new ScenarioFileLevel(label, file);
        }

        private void Fields(JsonElement element, string path, string what, string[] allowed)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = JsonPath.Member(path, property.Name);
                if (!seen.Add(property.Name)) Add(ValidationCode.DuplicateField, at, $"The field '{property.Name}' appears more than once in {what}; keep one.");
                else if (!allowed.Contains(property.Name, StringComparer.Ordinal)) Add(ValidationCode.UnknownField, at, $"{Capital(what)} has no field '{property.Name}' (it may have {string.Join(", ", allowed)}).");
            }
        }

        private JsonElement? Value(JsonElement element, string path, string name, string what, JsonValueKind kind, string expected, bool required)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Add(ValidationCode.MissingField, JsonPath.Member(path, name), $"{Capital(what)} is missing its required field '{name}'.");
                return null;
            }

            if (value.ValueKind == kind) return value;
            Add(ValidationCode.WrongType, JsonPath.Member(path, name), $"The field '{name}' of {what} must be {expected}, not {Describe(value)}.");
            return null;
        }

        private string? String(JsonElement element, string path, string name, string what, bool required = false) =>
            Value(element, path, name, what, JsonValueKind.String, "text", required)?.GetString();

        private double? Number(JsonElement element, string path, string name, string what, bool required = false) =>
            Value(element, path, name, what, JsonValueKind.Number, "a number", required)?.GetDouble();

        private ImmutableArray<string>? Strings(JsonElement element, string path, string name, string what)
        {
            if (Value(element, path, name, what, JsonValueKind.Array, "a list of ids", required: false) is not { } array) return null;
            var result = ImmutableArray.CreateBuilder<string>();
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var at = JsonPath.Element(JsonPath.Member(path, name), i++);
                if (item.ValueKind != JsonValueKind.String) Add(ValidationCode.WrongType, at, $"Each entry of '{name}' in {what} must be an id (text), not {Describe(item)}.");
                else if (string.IsNullOrWhiteSpace(item.GetString())) Add(ValidationCode.EmptyId, at, $"An entry of '{name}' in {what} is empty.");
                else result.Add(item.GetString()!);
            }

            return result.ToImmutable();
        }

        private void Add(ValidationCode code, string path, string message) => Issues.Add(Issue(code, path, message));

        private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"the text \"{value.GetString()}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => "null",
        };
    }
}
