using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Finds text in a parsed document that cannot be decoded. The parser checks the structure but leaves
/// the contents of strings to be decoded when they are read: invalid UTF-8 bytes, or an escape such as
/// <c>"\ud800"</c> without the other half of its surrogate pair, would then throw in the middle of the
/// walk instead of being reported.
/// </summary>
internal static class TextChecks
{
    /// <summary>An error at the first string or field name that cannot be decoded, or null.</summary>
    /// <param name="utf8">The document's bytes: when they are valid UTF-8 with no escape, nothing needs decoding to check.</param>
    /// <param name="root">The parsed document.</param>
    public static ValidationIssue? FirstUndecodable(ReadOnlySpan<byte> utf8, JsonElement root)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8) && utf8.IndexOf("\\u"u8) < 0) return null;
        return Walk(root, JsonPath.Root);
    }

    private static ValidationIssue? Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Issue(path, "a field name in the object");
                    }

                    if (Walk(property.Value, JsonPath.Member(path, name)) is { } inner) return inner;
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Walk(item, JsonPath.Element(path, i++)) is { } inner) return inner;
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return Issue(path, "the text");
                }

            default:
                return null;
        }
    }

    private static ValidationIssue Issue(string path, string what) =>
        new(ValidationCode.MalformedJson, ValidationSeverity.Error, path,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} at {path} is not valid Unicode: it has bytes that are not UTF-8, or a \\u escape of half a surrogate pair (such as \\ud800) without the other half; save the file as UTF-8 and write characters whole.");
}
