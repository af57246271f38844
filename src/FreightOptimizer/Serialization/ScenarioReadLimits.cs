using System.Globalization;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Checks the counts of <see cref="ScenarioReadOptions"/> on a parsed document, before it is walked:
/// counting needs only the lengths of its lists, so an oversized file costs no more than its parse.
/// </summary>
internal static class ScenarioReadLimits
{
    private static readonly string[] Lists = ["periods", "commodities", "locations", "routes", "supplies", "demands", "investments"];

    /// <summary>The first limit the document exceeds, or null.</summary>
    public static ValidationIssue? Check(JsonElement root, ScenarioReadOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        long entities = 0;
        foreach (var name in Lists) entities += Length(root, name);
        if (entities > options.MaxEntities)
        {
            return ScenarioJsonReader.LimitIssue(JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
                $"The file has {entities:N0} entries in its lists ({Counts(root)}), above the limit ScenarioReadOptions.MaxEntities of {options.MaxEntities:N0}; if a scenario this large is meant, read it with new ScenarioReadOptions {{ MaxEntities = ... }} set higher."));
        }

        var periods = Length(root, "periods");
        if (periods > options.MaxPeriods)
        {
            return ScenarioJsonReader.LimitIssue(JsonPath.Member(JsonPath.Root, "periods"), string.Create(CultureInfo.InvariantCulture,
                $"The file has {periods:N0} periods, above the limit ScenarioReadOptions.MaxPeriods of {options.MaxPeriods:N0}; merge periods, or raise the limit with new ScenarioReadOptions {{ MaxPeriods = ... }}."));
        }

        var variables = EstimateVariables(root);
        if (variables > options.MaxModelVariables)
        {
            return ScenarioJsonReader.LimitIssue(JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
                $"The model would have about {variables:N0} variables (periods × (route–commodity pairs + supply and demand lines) + investments), above the limit ScenarioReadOptions.MaxModelVariables of {options.MaxModelVariables:N0}; use fewer periods or routes, or raise the limit with new ScenarioReadOptions {{ MaxModelVariables = ... }}."));
        }

        return null;
    }

    /// <summary>
    /// periods × (route–commodity pairs + supply lines + demand lines) + investments: the flow,
    /// supply-used and unmet-demand variables of every period and one decision per option. Malformed
    /// parts count as nothing; the walk reports them.
    /// </summary>
    private static long EstimateVariables(JsonElement root)
    {
        long pairs = 0;
        if (root.TryGetProperty("routes", out var routes) && routes.ValueKind == JsonValueKind.Array)
        {
            foreach (var route in routes.EnumerateArray())
            {
                if (route.ValueKind != JsonValueKind.Object || !route.TryGetProperty("costPerTonne", out var costs) || costs.ValueKind != JsonValueKind.Object) continue;
                foreach (var _ in costs.EnumerateObject()) pairs++;
            }
        }

        var periods = Math.Max(1, Length(root, "periods"));
        return (periods * (pairs + Length(root, "supplies") + Length(root, "demands"))) + Length(root, "investments");
    }

    private static long Length(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;

    private static string Counts(JsonElement root) =>
        string.Join(", ", Lists.Select(name => (name, count: Length(root, name))).Where(x => x.count > 0)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.count:N0} {x.name}")));
}
