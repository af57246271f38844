using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;
using Json.Schema;

namespace FreightOptimizer.Tests.Serialization;

/// <summary>
/// The JSON Schemas shipped in the package (<c>scenario.schema.json</c>, <c>plan.schema.json</c>)
/// checked by a real JSON Schema validator (JsonSchema.Net, draft 2020-12): every scenario file of the
/// repository, every <c>```json</c> example of the docs and the README, plan files the library writes,
/// and invalid scenarios that both the schema and the reader must reject.
/// </summary>
public sealed partial class ScenarioSchemaTests
{
    private static readonly Lazy<JsonSchema> ScenarioSchema = new(() => LoadSchema("FreightOptimizer.scenario.schema.json"));
    private static readonly Lazy<JsonSchema> PlanSchema = new(() => LoadSchema("FreightOptimizer.plan.schema.json"));

    private static string SchemaText(string resource)
    {
        using var stream = typeof(ScenarioJson).Assembly.GetManifestResourceStream(resource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonSchema LoadSchema(string resource) => JsonSchema.FromText(SchemaText(resource));

    /// <summary>Validates a document; returns every error with where it is, or an empty list.</summary>
    private static List<string> SchemaErrors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail reported)"];
    }

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var errors = SchemaErrors(schema, json);
        Assert.True(errors.Count == 0, $"{what} does not match the schema:\n  " + string.Join("\n  ", errors.Take(20)));
    }

    // ---- the schemas themselves ------------------------------------------------------------------

    [Theory]
    [InlineData("FreightOptimizer.scenario.schema.json")]
    [InlineData("FreightOptimizer.plan.schema.json")]
    public void Schema_EmbeddedResource_IsDraft202012AndBuilds(string resource)
    {
        using var schema = JsonDocument.Parse(SchemaText(resource));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.NotNull(resource.Contains("plan", StringComparison.Ordinal) ? PlanSchema.Value : ScenarioSchema.Value);
    }

    [Fact]
    public void PlanSchema_StatusesAndEngines_IncludeEveryOneTheLibraryWrites()
    {
        using var schema = JsonDocument.Parse(SchemaText("FreightOptimizer.plan.schema.json"));
        string[] Names(string property) =>
            [.. schema.RootElement.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Empty(Enum.GetNames<SolveStatus>().Except(Names("status")));
        Assert.Empty(Enum.GetNames<SolverEngine>().Except(Names("engine")));
    }

    // ---- scenario files in the repository -----------------------------------------------------------

    /// <summary>
    /// Every scenario file in the repository, wherever it lives: a <c>*.json</c> file (outside build
    /// output and hidden folders) whose root object has <c>formatVersion</c> and is not a plan (which
    /// has <c>status</c>) or a golden result.
    /// </summary>
    public static TheoryData<string> ScenarioFiles() => [.. DiscoverScenarioFiles()];

    private static List<string> DiscoverScenarioFiles()
    {
        var root = ReadmeSnippetTests.RepositoryRoot();
        var files = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts.Any(p => p is "bin" or "obj" or "TestResults" or "node_modules" || p.StartsWith('.'))) continue;
            if (relative.EndsWith(".golden.json", StringComparison.Ordinal) || relative.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            if (IsScenario(File.ReadAllText(path))) files.Add(relative);
        }

        return files;
    }

    private static bool IsScenario(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("formatVersion", out _) && !root.TryGetProperty("status", out _) && !IsStudyDocument(root);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [Fact]
    public void ScenarioFiles_Discovery_FindsTheCorridorAndTheProbes()
    {
        // A control: an empty discovery would make the theory below pass without checking anything.
        var files = DiscoverScenarioFiles();

        Assert.Contains(files, f => f.EndsWith("/russia-china-2023.json", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.StartsWith("tests/crosscheck/probes/", StringComparison.Ordinal)) >= 5, string.Join(", ", files));
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void ScenarioFile_InRepository_MatchesTheSchemaAndReads(string relativePath)
    {
        var json = File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), relativePath));

        AssertValid(ScenarioSchema.Value, json, relativePath);
        var read = ScenarioJson.TryRead(json);
        Assert.True(read.Succeeded, $"{relativePath}: " + string.Join("; ", read.Errors));
    }

    // ---- ```json examples in the docs and the README ----------------------------------------------

    [GeneratedRegex(@"^```json[ \t]*\r?\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonFence();

    /// <summary>Every <c>```json</c> block of <c>docs/*.md</c> and <c>README.md</c>, as (file, index of the block in it).</summary>
    public static TheoryData<string, int> JsonSnippets()
    {
        var snippets = new TheoryData<string, int>();
        foreach (var (file, index) in DiscoverJsonSnippets()) snippets.Add(file, index);
        return snippets;
    }

    private static List<(string File, int Index)> DiscoverJsonSnippets()
    {
        var snippets = new List<(string File, int Index)>();
        foreach (var file in MarkdownFiles())
        {
            var count = JsonFence().Count(File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), file)));
            for (var i = 0; i < count; i++) snippets.Add((file, i));
        }

        return snippets;
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        var root = ReadmeSnippetTests.RepositoryRoot();
        yield return "README.md";
        var docs = Path.Combine(root, "docs");
        if (!Directory.Exists(docs)) yield break;
        foreach (var path in Directory.EnumerateFiles(docs, "*.md").Order(StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(root, path).Replace('\\', '/');
        }
    }

    private static string Snippet(string file, int index) =>
        JsonFence().Matches(File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), file)))[index].Groups["body"].Value;

    /// <summary>A study file (it has <c>baseScenario</c>) or a study's output (<c>study</c>): Studies/StudySchemaTests checks those.</summary>
    internal static bool IsStudyDocument(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("baseScenario", out _) || root.TryGetProperty("study", out _));

    private static bool IsPlan(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out _);
    }

    [Fact]
    public void JsonSnippets_Discovery_FindsScenariosAndPlans()
    {
        var found = DiscoverJsonSnippets();
        var snippets = found.Select(s => Snippet(s.File, s.Index)).ToList();

        Assert.Contains(snippets, IsPlan);
        Assert.Contains(snippets, s => !IsPlan(s));
        Assert.Contains(found, s => s.File.StartsWith("docs/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(JsonSnippets))]
    public void JsonSnippet_InDocs_MatchesItsSchemaAndReads(string file, int index)
    {
        var json = Snippet(file, index);
        var what = $"{file}, ```json block {index + 1}";
        using (var document = JsonDocument.Parse(json))
        {
            if (IsStudyDocument(document.RootElement)) return;
        }

        if (IsPlan(json))
        {
            AssertValid(PlanSchema.Value, json, what + " (a plan)");
            var exception = Record.Exception(() => PlanJson.Read(json));
            Assert.True(exception is null, $"{what}: {exception?.Message}");
        }
        else
        {
            AssertValid(ScenarioSchema.Value, json, what + " (a scenario)");
            var read = ScenarioJson.TryRead(json);
            Assert.True(read.Succeeded, $"{what}: " + string.Join("; ", read.Errors));
        }
    }

    // ---- invalid scenarios: the schema and the reader both reject them --------------------------------

    private const string Minimal = """
        {
          "formatVersion": 1,
          "periods": [ { "id": "summer", "yearFraction": 0.5 }, { "id": "winter", "yearFraction": 0.5 } ],
          "commodities": [ { "id": "coal" } ],
          "locations": [
            { "id": "MINE", "kind": "Origin", "annualCapacityTonnes": 3000000 },
            { "id": "CITY", "kind": "Market" }
          ],
          "routes": [
            { "id": "rail", "from": "MINE", "to": "CITY", "mode": "Rail",
              "annualCapacityTonnes": 1000000, "costPerTonne": { "coal": 900 } }
          ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 2000000 } ],
          "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1500000 } ],
          "investments": [
            { "id": "second-track", "route": "rail", "addedAnnualCapacityTonnes": 1000000,
              "capitalCost": 5000000000, "lifetimeYears": 30 }
          ]
        }
        """;

    private static JsonObject Node(string path, JsonObject root)
    {
        JsonNode node = root;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = step.EndsWith(']')
                ? node[step[..step.IndexOf('[', StringComparison.Ordinal)]]![int.Parse(step[(step.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!
                : node[step]!;
        }

        return node.AsObject();
    }

    /// <summary>Each case: an object of the minimal scenario, a field set on it (JSON text, or null to remove the field), and the code the reader gives.</summary>
    private static readonly Dictionary<string, (string Object, string Field, string? Value, ValidationCode Code)> InvalidCases = new()
    {
        ["unknown field"] = ("", "colour", "\"red\"", ValidationCode.UnknownField),
        ["other format version"] = ("", "formatVersion", "2", ValidationCode.UnsupportedFormatVersion),
        ["no format version"] = ("", "formatVersion", null, ValidationCode.UnsupportedFormatVersion),
        ["no routes"] = ("", "routes", null, ValidationCode.MissingField),
        ["discount rate of 1"] = ("", "discountRate", "1", ValidationCode.OutOfRange),
        ["period of no length"] = ("periods[1]", "yearFraction", "0", ValidationCode.OutOfRange),
        ["empty list of periods"] = ("", "periods", "[]", ValidationCode.OutOfRange),
        ["empty commodity id"] = ("commodities[0]", "id", "\"  \"", ValidationCode.EmptyId),
        ["zero penalty"] = ("commodities[0]", "unmetPenaltyPerTonne", "0", ValidationCode.OutOfRange),
        ["unknown location kind"] = ("locations[0]", "kind", "\"Mine\"", ValidationCode.OutOfRange),
        ["latitude beyond the pole"] = ("locations[0]", "latitude", "91", ValidationCode.OutOfRange),
        ["negative location capacity"] = ("locations[0]", "annualCapacityTonnes", "-1", ValidationCode.Negative),
        ["capacity above 1e15"] = ("locations[0]", "annualCapacityTonnes", "2e15", ValidationCode.OutOfRange),
        ["availability above 1"] = ("locations[1]", "availability", """{ "winter": 1.5 }""", ValidationCode.OutOfRange),
        ["commodities not a list"] = ("locations[1]", "commodities", "\"coal\"", ValidationCode.WrongType),
        ["unknown mode"] = ("routes[0]", "mode", "\"Rail \"", ValidationCode.OutOfRange),
        ["empty cost map"] = ("routes[0]", "costPerTonne", "{}", ValidationCode.EmptyCostMap),
        ["cost map of provenance only"] = ("routes[0]", "costPerTonne", """{ "source": "tariff 2023" }""", ValidationCode.EmptyCostMap),
        ["negative cost"] = ("routes[0]", "costPerTonne", """{ "coal": -5 }""", ValidationCode.Negative),
        ["cost as text"] = ("routes[0]", "costPerTonne", """{ "coal": "900" }""", ValidationCode.WrongType),
        ["route without a start"] = ("routes[0]", "from", null, ValidationCode.MissingField),
        ["negative minimum flow"] = ("routes[0]", "minAnnualTonnes", "-10", ValidationCode.Negative),
        ["supply tonnes as text"] = ("supplies[0]", "annualTonnes", "\"2000000\"", ValidationCode.WrongType),
        ["mustServe as text"] = ("demands[0]", "mustServe", "\"yes\"", ValidationCode.WrongType),
        ["demand without tonnes"] = ("demands[0]", "annualTonnes", null, ValidationCode.MissingField),
        ["investment on both targets"] = ("investments[0]", "location", "\"MINE\"", ValidationCode.InvestmentTarget),
        ["investment on no target"] = ("investments[0]", "route", null, ValidationCode.InvestmentTarget),
        ["Binary option of two units"] = ("investments[0]", "maxUnits", "2", ValidationCode.MaxUnitsMismatch),
        ["zero lifetime"] = ("investments[0]", "lifetimeYears", "0", ValidationCode.OutOfRange),
        ["no capacity added"] = ("investments[0]", "addedAnnualCapacityTonnes", "0", ValidationCode.OutOfRange),
        ["unknown investment kind"] = ("investments[0]", "kind", "\"Phased\"", ValidationCode.OutOfRange),
        ["negative budget"] = ("", "budget", """{ "capitalCost": -1 }""", ValidationCode.Negative),
        ["budget with an unknown field"] = ("", "budget", """{ "capital": 1e9 }""", ValidationCode.UnknownField),
    };

    public static TheoryData<string> InvalidCaseNames() => [.. InvalidCases.Keys];

    private static string Apply(string objectPath, string field, string? value)
    {
        var root = JsonNode.Parse(Minimal)!.AsObject();
        var target = Node(objectPath, root);
        if (value is null) target.Remove(field);
        else target[field] = JsonNode.Parse(value);
        return root.ToJsonString();
    }

    [Fact]
    public void MinimalScenario_OfTheInvalidCases_MatchesTheSchemaAndReads()
    {
        // A control: every invalid case below differs from this valid scenario in one field.
        AssertValid(ScenarioSchema.Value, Minimal, "the minimal scenario");
        Assert.True(ScenarioJson.TryRead(Minimal).Succeeded);
    }

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void InvalidScenario_IsRejectedByTheSchemaAndTheReader(string name)
    {
        var (objectPath, field, value, code) = InvalidCases[name];
        var json = Apply(objectPath, field, value);

        Assert.NotEmpty(SchemaErrors(ScenarioSchema.Value, json));
        var read = ScenarioJson.TryRead(json);
        Assert.False(read.Succeeded, $"{name}: the reader accepted it");
        Assert.Contains(read.Errors, e => e.Code == code);
    }

    /// <summary>Cases the format allows that are easy to get wrong in a schema: nulls, provenance keys in maps, whole-number floats.</summary>
    [Theory]
    [InlineData("", "name", "null")]
    [InlineData("", "budget", "null")]
    [InlineData("", "budget", "{}")]
    [InlineData("", "$schema", "\"https://example.org/anything\"")]
    [InlineData("routes[0]", "costPerTonne", """{ "coal": 900, "source": "tariff 2023", "notes": "per tonne, RUB" }""")]
    [InlineData("routes[0]", "availability", """{ "winter": 0, "source": "closed in winter" }""")]
    [InlineData("locations[0]", "handlingCostPerTonne", "null")]
    [InlineData("investments[0]", "location", "null")]
    [InlineData("investments[0]", "kind", "null")]
    [InlineData("investments[0]", "maxUnits", "1")]
    [InlineData("demands[0]", "mustServe", "false")]
    [InlineData("supplies[0]", "period", "\"winter\"")]
    public void EdgeScenario_IsAcceptedByTheSchemaAndTheReader(string objectPath, string field, string value)
    {
        var json = Apply(objectPath, field, value);

        AssertValid(ScenarioSchema.Value, json, $"{objectPath}.{field} = {value}");
        var read = ScenarioJson.TryRead(json);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
    }

    [Theory]
    [InlineData("Modular", "3", true)]
    [InlineData("Modular", "2.5", false)]
    [InlineData("Continuous", "2.5", true)]
    [InlineData("Continuous", "0", false)]
    [InlineData("Binary", "1", true)]
    public void MaxUnits_ByKind_SchemaAndReaderAgree(string kind, string maxUnits, bool valid)
    {
        var root = JsonNode.Parse(Minimal)!.AsObject();
        var option = Node("investments[0]", root);
        option["kind"] = kind;
        option["maxUnits"] = JsonNode.Parse(maxUnits);
        var json = root.ToJsonString();

        Assert.Equal(valid, SchemaErrors(ScenarioSchema.Value, json).Count == 0);
        Assert.Equal(valid, ScenarioJson.TryRead(json).Succeeded);
    }

    [Fact]
    public void ScenarioJson_Write_OfTheCorridorAndTheFormatExample_MatchesTheSchema()
    {
        // What the canonical writer produces must be a file the schema accepts, every optional field included.
        AssertValid(ScenarioSchema.Value, ScenarioJson.Write(RussiaChinaCorridor.Scenario), "the corridor as written by ScenarioJson.Write");
        AssertValid(ScenarioSchema.Value, ScenarioJson.Write(ScenarioJson.Read(ScenarioJsonSamples.FormatExample)), "the format example as written by ScenarioJson.Write");
    }

    // ---- plan files the library writes --------------------------------------------------------------

    private static readonly Lazy<OptimizationResult> Corridor = new(() => FreightPlanner.Optimize(RussiaChinaCorridor.Scenario));

    [Fact]
    public void PlanJson_OfTheCorridor_MatchesThePlanSchema()
    {
        var result = Corridor.Value;
        Assert.True(result.HasPlan);
        Assert.False(result.GetPlanOrThrow().Appraisal.IsDefaultOrEmpty, "the corridor's plan should carry its appraisal");

        AssertValid(PlanSchema.Value, PlanJson.Write(result), "plan.json of the corridor");
    }

    [Fact]
    public void PlanJson_OfAPlanTheVerifierRejected_MatchesThePlanSchema()
    {
        // Whatever the writer adds for a rejected plan (its findings, say) must be in the schema too.
        var result = Corridor.Value;
        var plan = result.GetPlanOrThrow();
        var rejected = plan.Verification! with
        {
            Passed = false,
            OptimalityCertified = false,
            MaxViolation = 0.5,
            Findings = [new VerificationFinding(VerificationCheck.RouteCapacity, "route rail, coal, winter", 0.5, "The route carries 0.5 t more than its capacity.")],
        };

        var json = PlanJson.Write(new OptimizationResult(SolveStatus.VerificationFailed, result.Report, plan with { Verification = rejected }, "The verifier rejected the plan."));

        AssertValid(PlanSchema.Value, json, "plan.json of a rejected plan");
    }

    [Fact]
    public void PlanJson_OfAnInfeasibleScenario_MatchesThePlanSchema()
    {
        // The demand of 1.5 Mt must all be served, and the only route carries 1 Mt: no investment, no plan.
        var root = JsonNode.Parse(Minimal)!.AsObject();
        root.Remove("investments");
        Node("demands[0]", root)["mustServe"] = true;
        var result = FreightPlanner.Optimize(ScenarioJson.Read(root.ToJsonString()));
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.NotNull(result.Explanation);

        var json = PlanJson.Write(result, "must serve beyond capacity");

        AssertValid(PlanSchema.Value, json, "plan.json of an infeasible scenario");
        Assert.Contains("\"explanation\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanJson_WithoutAPlan_MatchesThePlanSchema()
    {
        var scenario = ScenarioJson.Read(Minimal);
        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.Glop });
        Assert.Equal(SolveStatus.SolverUnavailable, result.Status);

        AssertValid(PlanSchema.Value, PlanJson.Write(result), "plan.json without a plan");
    }

    [Theory]
    [InlineData("""{ "formatVersion": 1, "status": "Solved", "engine": "Glop", "objective": null }""")]
    [InlineData("""{ "formatVersion": 1, "status": "Infeasible", "engine": "Glop", "objective": 12 }""")]
    [InlineData("""{ "formatVersion": 1, "status": "Optimal", "engine": "Glop", "objective": 1, "flows": [] }""")]
    [InlineData("""{ "formatVersion": 2, "status": "Infeasible", "engine": "Glop", "objective": null }""")]
    [InlineData("""{ "formatVersion": 1, "status": "Infeasible", "engine": "Glop", "objective": null, "explanation": { "causes": ["Gremlins"], "summary": "?" } }""")]
    [InlineData("""{ "formatVersion": 1, "status": "Optimal", "engine": "Glop", "objective": 0, "costs": { "transport": 0, "handling": 0, "supply": 0, "capital": 0, "unmetPenalty": 0 }, "flows": [], "bottlenecks": [ { "route": "a", "location": "B", "period": "year", "utilisation": 1, "perTonne": 2 } ] }""")]
    public void InvalidPlan_IsRejectedByThePlanSchemaAndTheReader(string json)
    {
        Assert.NotEmpty(SchemaErrors(PlanSchema.Value, json));
        Assert.Throws<FreightValidationException>(() => PlanJson.Read(json));
    }
}
