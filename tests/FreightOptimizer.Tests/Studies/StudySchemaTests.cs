using System.Text.Json;
using System.Text.RegularExpressions;
using FreightOptimizer.Studies;
using FreightOptimizer.Tests.Readme;
using Json.Schema;

namespace FreightOptimizer.Tests.Studies;

/// <summary>
/// <c>study.schema.json</c> checked by a real JSON Schema validator (JsonSchema.Net): the sample
/// studies and the study examples of docs/studies.md pass it and the reader; invalid studies fail both.
/// </summary>
public sealed partial class StudySchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(StudyJson).Assembly.GetManifestResourceStream("FreightOptimizer.study.schema.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement).IsValid;
    }

    public static TheoryData<string> SampleStudies() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "studies"), "*.json")
            .Order(StringComparer.Ordinal).Select(Path.GetFileName).OfType<string>(),
    ];

    [Fact]
    public void Samples_Discovery_FindsTheCorridorStudy() =>
        Assert.True(File.Exists(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "studies", "corridor-closures-budgets.json")) && SampleStudies().Count >= 2);

    [Theory]
    [MemberData(nameof(SampleStudies))]
    public void Sample_InRepository_MatchesTheSchemaAndResolves(string file)
    {
        var path = Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "studies", file);

        Assert.True(Valid(File.ReadAllText(path)), file);
        Assert.NotEmpty(StudyJson.ReadFile(path).ResolveCases());
    }

    [GeneratedRegex(@"^```json[ \t]*\r?\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonFence();

    private static List<string> DocSnippets() =>
        [.. JsonFence().Matches(File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "docs", "studies.md"))).Select(m => m.Groups["body"].Value)];

    [Fact]
    public void DocsExamples_Studies_MatchTheSchemaReadAndHaveTheCasesTheySay()
    {
        var studies = DocSnippets().Where(s => s.Contains("\"baseScenario\"", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, studies.Count);
        Assert.All(studies, s => Assert.True(Valid(s), s));
        Assert.Equal(60, StudyJson.Read(studies[0], ".").ResolveCases().Length);
        var every = StudyJson.Read(studies[1], ".").ResolveCases();
        Assert.Equal(48, every.Length);
        Assert.Equal("close=none|budget=base|demand=1|sea=1|ice=seed", every[0].Id);
        Assert.Equal("close=amur-winter|budget=none|demand=coal*1.2|sea=dear|ice=bad", every[^1].Id);
    }

    [Fact]
    public void DocsExample_Summary_HasTheFieldsTheRunnerWrites()
    {
        var summary = Assert.Single(DocSnippets(), s => s.Contains("\"study\"", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(summary);

        Assert.Equal(
            ["formatVersion", "study", "shard", "cases", "casesInShard", "done", "missing", "statuses", "objective"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "closure", "levels": ["none"] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "budgets", "levels": [ -1 ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "budgets", "levels": [ "lots" ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "budgets", "levels": [] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "budgets", "levels": [1], "colour": "red" } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "demandScale", "levels": [ 2e6 ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "tariffScale", "levels": [ { "factor": 2, "modes": ["Teleport"] } ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "availability", "levels": [ { "label": "x", "routes": { "r": { "jan": 1.5 } } } ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "availability", "levels": [ { "routes": {} } ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "closures", "levels": [ "a|b" ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "scenarios", "levels": [ { "label": "x" } ] } ] }""")]
    [InlineData("""{ "formatVersion": 2, "id": "s", "baseScenario": "x.json" }""")]
    [InlineData("""{ "formatVersion": 1, "id": "a=b", "baseScenario": "x.json" }""")]
    [InlineData("""{ "formatVersion": 1, "baseScenario": "x.json" }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s" }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "cases": [] }""")]
    public void InvalidStudy_RejectedByTheSchemaAndTheReader(string json)
    {
        Assert.False(Valid(json));
        Assert.Throws<FreightValidationException>(() => StudyJson.Read(json, "."));
    }

    [Theory]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json" }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "budgets", "name": "cap", "levels": [ 0, "none", "base" ], "notes": "n" } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "scenarios", "levels": [ "a.json", { "label": "b", "file": "b.json" } ] } ] }""")]
    [InlineData("""{ "formatVersion": 1, "id": "s", "baseScenario": "x.json", "dimensions": [ { "kind": "closures", "levels": [ "every-route", { "routes": ["r"], "periods": ["jan"] } ] } ] }""")]
    public void ValidStudy_AcceptedByTheSchemaAndTheReader(string json)
    {
        Assert.True(Valid(json));
        Assert.NotNull(StudyJson.Read(json, "."));
    }
}
