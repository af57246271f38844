using System.Text.Json.Nodes;

namespace FreightOptimizer.Tests.Determinism;

/// <summary>
/// Compares two plan.json texts as the determinism guarantee states it (docs/package.md): byte for byte,
/// except the numbers of <c>appraisal</c> that come from MIP re-solves (value, grossAnnualSaving,
/// paybackYears, regret), which may differ from run to run within the appraisal's own tolerance,
/// 2 × RelativeMipGap × |objective|. SCIP's incumbent within the MIP gap was seen to change in the 13th
/// significant digit between a sequential and a parallel appraisal of the corridor; every other field,
/// the plan itself included, is the same to the byte.
/// </summary>
internal static class PlanJsonComparison
{
    private static readonly string[] RunDependent = ["value", "grossAnnualSaving", "paybackYears", "regret"];

    public static void AssertSame(string expected, string actual, double relativeMipGap = 1e-7)
    {
        var (expectedOthers, expectedAppraisal) = Split(expected);
        var (actualOthers, actualAppraisal) = Split(actual);
        Assert.Equal(expectedOthers, actualOthers);
        Assert.Equal(expectedAppraisal.Count, actualAppraisal.Count);
        var objective = Math.Abs(JsonNode.Parse(expected)!["objective"]?.GetValue<double>() ?? 0);
        var tolerance = 2 * relativeMipGap * Math.Max(1, objective);
        for (var i = 0; i < expectedAppraisal.Count; i++)
        {
            var e = expectedAppraisal[i]!.AsObject();
            var a = actualAppraisal[i]!.AsObject();
            foreach (var field in RunDependent)
            {
                var ev = e[field]?.GetValue<double>();
                var av = a[field]?.GetValue<double>();
                Assert.Equal(ev is null, av is null);
                if (ev is null) continue;
                var scale = field == "paybackYears" ? Math.Max(1, Math.Abs(ev.Value)) * 1e-6 : tolerance;
                Assert.True(Math.Abs(ev.Value - av!.Value) <= scale, $"appraisal[{i}].{field}: {ev} against {av}");
                e.Remove(field);
                a.Remove(field);
            }

            Assert.Equal(e.ToJsonString(), a.ToJsonString());
        }
    }

    /// <summary>The text with the appraisal's run-dependent numbers blanked, and the appraisal array.</summary>
    private static (string Others, JsonArray Appraisal) Split(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var appraisal = root["appraisal"]?.AsArray().DeepClone().AsArray() ?? [];
        if (root["appraisal"] is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var field in RunDependent)
                {
                    if (item![field] is not null) item[field] = "run-dependent";
                }
            }
        }

        return (root.ToJsonString(), appraisal);
    }
}
