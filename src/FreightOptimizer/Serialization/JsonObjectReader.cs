using System.Collections.Immutable;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Reads the fields of one JSON object for <see cref="ScenarioJsonReader"/>, reporting missing
/// fields, wrong types and non-finite numbers at their paths. A field that is wrong reads as absent,
/// so reading goes on and every issue is found. Over a placeholder (an element that was not an
/// object) every field reads as absent and nothing more is reported.
/// </summary>
internal readonly struct JsonObjectReader(ScenarioJsonReader owner, JsonElement element, string path, string what)
{
    /// <summary>The object, or an undefined element for a placeholder.</summary>
    public JsonElement Element { get; } = element;

    /// <summary>The object's JSON path.</summary>
    public string Path => path;

    private bool IsPlaceholder => Element.ValueKind != JsonValueKind.Object;

    /// <summary>A field of the expected JSON kind, or null when absent, null or wrong.</summary>
    public JsonElement? Value(string name, bool required, JsonValueKind kind, string expected)
    {
        if (IsPlaceholder) return null;
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                owner.Structural(ValidationCode.MissingField, JsonPath.Member(path, name),
                    $"{ScenarioJsonReader.Capital(what)} is missing its required field '{name}'.");
            }

            return null;
        }

        var matches = value.ValueKind == kind
            || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        if (matches) return value;
        owner.Structural(ValidationCode.WrongType, JsonPath.Member(path, name),
            $"The field '{name}' of {what} must be {expected}, not {ScenarioJsonReader.Describe(value)}.");
        return null;
    }

    /// <summary>Reports an error about the object as a whole.</summary>
    /// <param name="code">The code.</param>
    /// <param name="message">What is wrong, in a sentence that names the object.</param>
    public void Error(ValidationCode code, string message) => owner.Structural(code, path, message);

    /// <summary>A text field.</summary>
    public string? String(string name, bool required = false) =>
        Value(name, required, JsonValueKind.String, "text") is { } v ? v.GetString() : null;

    /// <summary>A number field; a number too large for a double is reported as not finite.</summary>
    public double? Number(string name, bool required = false)
    {
        if (Value(name, required, JsonValueKind.Number, "a number") is not { } v) return null;
        return Finite(v, JsonPath.Member(path, name), $"The field '{name}' of {what}");
    }

    /// <summary>A true/false field.</summary>
    public bool? Bool(string name) =>
        Value(name, required: false, JsonValueKind.True, "true or false") is { } v ? v.GetBoolean() : null;

    /// <summary>An enum field written as its exact member name.</summary>
    public TEnum Enum<TEnum>(string name, TEnum fallback, bool required)
        where TEnum : struct, Enum
    {
        if (String(name, required) is not { } text) return fallback;
        if (System.Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal)) return System.Enum.Parse<TEnum>(text);
        owner.Structural(ValidationCode.OutOfRange, JsonPath.Member(path, name),
            $"The field '{name}' of {what} is \"{text}\", which is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())} (spelled exactly so).");
        return fallback;
    }

    /// <summary>A list of texts; entries of another type read as empty texts so positions are kept.</summary>
    public ImmutableArray<string>? StringArray(string name)
    {
        if (Value(name, required: false, JsonValueKind.Array, "a list of ids") is not { } array) return null;
        var builder = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                builder.Add(item.GetString()!);
            }
            else
            {
                owner.Structural(ValidationCode.WrongType, JsonPath.Element(JsonPath.Member(path, name), i),
                    $"Each entry of '{name}' in {what} must be an id (text), not {ScenarioJsonReader.Describe(item)}.");
                builder.Add(string.Empty);
            }

            i++;
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A map from ids to numbers (costs by commodity, factors by period). A <c>source</c> or
    /// <c>notes</c> key with a text value is provenance and is skipped; with a number it is an id like
    /// any other.
    /// </summary>
    public List<KeyValuePair<string, double>>? Map(string name, string valueDescription, bool required)
    {
        if (Value(name, required, JsonValueKind.Object, "an object") is not { } map) return null;
        var mapPath = JsonPath.Member(path, name);
        var result = new List<KeyValuePair<string, double>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            var entryPath = JsonPath.Member(mapPath, entry.Name);
            if (!seen.Add(entry.Name))
            {
                owner.Structural(ValidationCode.DuplicateField, entryPath,
                    $"The key '{entry.Name}' appears more than once in '{name}' of {what}; keep one.");
                continue;
            }

            if (entry.Value.ValueKind == JsonValueKind.String && ScenarioJsonFields.Provenance.Contains(entry.Name)) continue;
            if (entry.Value.ValueKind != JsonValueKind.Number)
            {
                owner.Structural(ValidationCode.WrongType, entryPath,
                    $"'{entry.Name}' in '{name}' of {what} must be {valueDescription} (a number), not {ScenarioJsonReader.Describe(entry.Value)}.");
                continue;
            }

            result.Add(new(entry.Name, Finite(entry.Value, entryPath, $"'{entry.Name}' in '{name}' of {what}")));
        }

        return result;
    }

    /// <summary>An object field, checked for unknown fields.</summary>
    public JsonObjectReader? Object(string name, string objectWhat, ImmutableArray<string> allowed) =>
        Value(name, required: false, JsonValueKind.Object, "an object") is { } v
            ? owner.Fields(v, JsonPath.Member(path, name), objectWhat, allowed)
            : null;

    private double Finite(JsonElement number, string at, string subject)
    {
        var value = number.GetDouble();
        if (!double.IsFinite(value))
        {
            owner.Structural(ValidationCode.NotFinite, at,
                $"{subject} is {number.GetRawText()}, which is too large to be a finite number.");
        }

        return value;
    }
}
