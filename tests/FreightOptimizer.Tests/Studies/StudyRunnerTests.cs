using System.Text.Json;
using FreightOptimizer.Serialization;
using FreightOptimizer.Studies;
using FreightOptimizer.Tests.Analysis;
using FreightOptimizer.Tests.Properties;
using FreightOptimizer.Tests.Readme;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Studies;

/// <summary>Running studies: result lines, resuming after a crash, shards merged against one whole run.</summary>
public sealed class StudyRunnerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] OutputFiles = ["results.jsonl", "summary.json", "cases.json"];

    private readonly string _dir = Directory.CreateTempSubdirectory("study-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The two-crossing scenario of the closure tests (one mine, NORTH capacitated at 600 t/yr at 200/t,
    /// SOUTH's feeder capacitated at 300 t/yr at 250/t, 800 t/yr wanted at 1,000/t unmet), in a file
    /// beside the study, with closures × demand scalings: 3 × 3 = 9 cases.
    /// </summary>
    private Study SmallStudy(string? extraDimension = null)
    {
        ScenarioJson.WriteFile(ClosureTests.TwoCrossings(), Path.Combine(_dir, "two-crossings.json"));
        var extra = extraDimension is null ? "" : ", " + extraDimension;
        return StudyJson.Read(
            $$"""
            {
              "formatVersion": 1, "id": "small", "baseScenario": "two-crossings.json",
              "dimensions": [
                { "kind": "closures", "levels": [ "none", "every-crossing" ] },
                { "kind": "demandScale", "levels": [ 0.5, 1, 1.5 ] }{{extra}}
              ]
            }
            """,
            _dir);
    }

    private string Out(string name) => Path.Combine(_dir, name);

    private static string[] Lines(string dir) => File.ReadAllLines(Path.Combine(dir, "results.jsonl"));

    private static JsonElement Line(string dir, string id) =>
        Lines(dir).Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public void Run_SmallStudy_HandComputedObjectivesAndCrossings()
    {
        var summary = StudyRunner.Run(SmallStudy(), Out("all"), StudyShard.All, new StudyRunOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(9, summary.CaseCount);
        Assert.Equal(9, summary.Solved);
        Assert.True(summary.IsComplete);
        Assert.Equal(9, summary.Statuses["Optimal"]);

        // Half demand, 400 t: all through NORTH at 10 + 100 + 100 per tonne.
        var half = Line(Out("all"), "close=none|demand=0.5");
        Assert.Equal(400 * 210, half.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(400, half.GetProperty("crossings").GetProperty("NORTH").GetDouble(), 6);
        Assert.Equal(0, half.GetProperty("crossings").GetProperty("SOUTH").GetDouble(), 6);

        // NORTH closed, 1.5 × 800 = 1,200 t wanted: SOUTH's feeder takes 300 t at 10 + 150 + 100, 900 t unmet at 1,000.
        var north = Line(Out("all"), "close=NORTH|demand=1.5");
        Assert.Equal((300 * 260) + (900 * 1_000), north.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(900, north.GetProperty("unmetTonnes").GetDouble(), 6);
        Assert.Equal(900 * 1_000, north.GetProperty("costs").GetProperty("unmetPenalty").GetDouble(), 6);
        Assert.Equal(0, north.GetProperty("crossings").GetProperty("NORTH").GetDouble(), 6);
        Assert.Equal(300, north.GetProperty("crossings").GetProperty("SOUTH").GetDouble(), 6);
        Assert.Equal(
            ["case", "id", "status", "objective", "costs", "unmetTonnes", "capitalSpent", "investments", "crossings"],
            north.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Run_WholeStudy_LinesInCaseOrderAndSummaryWithoutTimings()
    {
        StudyRunner.Run(SmallStudy(), Out("all"), StudyShard.All, new StudyRunOptions { MaxDegreeOfParallelism = 3 });

        var ids = SmallStudy().ResolveCases().Select(c => c.Id).ToList();
        Assert.Equal(ids, Lines(Out("all")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        var summary = File.ReadAllText(Path.Combine(Out("all"), "summary.json"));
        Assert.Contains("\"shard\": \"all\"", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("elapsed", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Environment.MachineName, summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeShardsMerged_EqualOneUnshardedRun_LineForLine()
    {
        var study = SmallStudy("""{ "kind": "tariffScale", "levels": [ 1, { "factor": 2, "modes": ["Rail"] } ] }""");
        StudyRunner.Run(study, Out("whole"), StudyShard.All, new StudyRunOptions { MaxDegreeOfParallelism = 2 });
        var shards = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var summary = StudyRunner.Run(study, Out($"shard{i}"), StudyShard.Parse($"{i}/3"), new StudyRunOptions { MaxDegreeOfParallelism = 2 });
            Assert.Equal(6, summary.ShardCaseCount);
            Assert.True(summary.IsComplete);
            shards.Add(Out($"shard{i}"));
        }

        var merged = StudyMerge.Merge(shards, Out("merged"));

        Assert.Equal(18, merged.Done);
        Assert.Empty(merged.Missing);
        Assert.Equal(Lines(Out("whole")), Lines(Out("merged")));
        foreach (var file in OutputFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Out("whole"), file)), File.ReadAllBytes(Path.Combine(Out("merged"), file)));
        }

        // Round robin: shard 2 of 3 has cases 1, 4, 7, ...
        Assert.Equal([1, 4, 7, 10, 13, 16], Lines(Out("shard2")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("case").GetInt32()));
    }

    [Fact]
    public void Run_PartialFileWithTornLastLine_SolvesOnlyTheRestAndEndsAsAWholeRun()
    {
        var study = SmallStudy();
        StudyRunner.Run(study, Out("whole"), StudyShard.All);
        var whole = Lines(Out("whole"));

        // A crashed run: cases 0 and 5 written (out of order, as parallel workers finish), case 3 torn mid-line.
        Directory.CreateDirectory(Out("crashed"));
        File.Copy(Path.Combine(Out("whole"), "cases.json"), Path.Combine(Out("crashed"), "cases.json"));
        File.WriteAllText(Path.Combine(Out("crashed"), "results.jsonl"), whole[0] + "\n" + whole[5] + "\n" + whole[3][..40]);
        var solved = new List<string>();

        var summary = StudyRunner.Run(study, Out("crashed"), StudyShard.All, progress: new SyncProgress<StudyCaseResult>(r => solved.Add(r.Id)));

        Assert.Equal(7, summary.Solved);
        Assert.Equal(7, solved.Count);
        Assert.DoesNotContain(study.ResolveCases()[0].Id, solved);
        Assert.DoesNotContain(study.ResolveCases()[5].Id, solved);
        Assert.Contains(study.ResolveCases()[3].Id, solved);
        Assert.Equal(whole, Lines(Out("crashed")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("whole"), "summary.json")), File.ReadAllBytes(Path.Combine(Out("crashed"), "summary.json")));

        // Once more: nothing left to do.
        Assert.Equal(0, StudyRunner.Run(study, Out("crashed"), StudyShard.All).Solved);
        Assert.Equal(whole, Lines(Out("crashed")));
    }

    [Fact]
    public void Run_CancelledBeforeStart_WritesNothingAndAReRunFinishes()
    {
        var study = SmallStudy();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var summary = StudyRunner.Run(study, Out("c"), StudyShard.All, cancellationToken: cancelled.Token);

        Assert.Equal(0, summary.Solved);
        Assert.Equal(9, summary.Missing.Length);
        Assert.False(summary.IsComplete);
        Assert.Contains("\"missing\": [\n    \"close=none|demand=0.5\"", File.ReadAllText(Path.Combine(Out("c"), "summary.json")), StringComparison.Ordinal);
        Assert.True(StudyRunner.Run(study, Out("c"), StudyShard.All).IsComplete);
    }

    [Fact]
    public void Run_BrokenLineInTheMiddle_RefusesAndNamesTheLine()
    {
        var study = SmallStudy();
        StudyRunner.Run(study, Out("d"), StudyShard.All);
        var lines = Lines(Out("d"));
        File.WriteAllText(Path.Combine(Out("d"), "results.jsonl"), lines[0] + "\n{ broken\n" + lines[1] + "\n");

        var error = Assert.Throws<FreightValidationException>(() => StudyRunner.Run(study, Out("d"), StudyShard.All));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(ValidationCode.MalformedText, issue.Code);
        Assert.Equal("results.jsonl line 2", issue.Path);
    }

    [Fact]
    public void Run_FolderOfAnotherStudy_Refuses()
    {
        StudyRunner.Run(SmallStudy(), Out("e"), StudyShard.Parse("1/9"));
        var other = SmallStudy("""{ "kind": "budgets", "levels": [ 0 ] }""");

        var error = Assert.Throws<FreightValidationException>(() => StudyRunner.Run(other, Out("e"), StudyShard.All));

        Assert.Equal(ValidationCode.StudyOutputConflict, Assert.Single(error.Issues).Code);
    }

    [Fact]
    public void Merge_CaseWithTwoDifferentResults_Refuses()
    {
        var study = SmallStudy();
        StudyRunner.Run(study, Out("a"), StudyShard.Parse("1/2"));
        StudyRunner.Run(study, Out("b"), StudyShard.Parse("2/2"));
        // Folder a gets a line for one of b's cases that says something else than b's line.
        var forged = Lines(Out("b"))[0].Replace("\"status\":\"Optimal\"", "\"status\":\"Feasible\"", StringComparison.Ordinal);
        Assert.NotEqual(Lines(Out("b"))[0], forged);
        File.AppendAllText(Path.Combine(Out("a"), "results.jsonl"), forged + "\n");

        var error = Assert.Throws<FreightValidationException>(() => StudyMerge.Merge([Out("a"), Out("b")], Out("m")));

        Assert.Contains(error.Issues, i => i.Code == ValidationCode.StudyOutputConflict && i.Message.Contains("two different results", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_EqualDuplicatesAndAMissingShard_MergesAndListsWhatIsMissing()
    {
        var study = SmallStudy();
        StudyRunner.Run(study, Out("a"), StudyShard.Parse("1/3"));
        StudyRunner.Run(study, Out("b"), StudyShard.Parse("2/3"));
        File.AppendAllText(Path.Combine(Out("b"), "results.jsonl"), Lines(Out("a"))[0] + "\n");

        var merged = StudyMerge.Merge([Out("a"), Out("b")], Out("m"));

        Assert.Equal(6, merged.Done);
        Assert.Equal(study.ResolveCases().Where(c => c.Index % 3 == 2).Select(c => c.Id), merged.Missing);
        Assert.Equal(6, Lines(Out("m")).Length);
    }

    [Fact]
    public void Merge_ShardsOfDifferentStudies_Refuses()
    {
        StudyRunner.Run(SmallStudy(), Out("a"), StudyShard.Parse("1/9"));
        StudyRunner.Run(SmallStudy("""{ "kind": "budgets", "levels": [ 0 ] }"""), Out("b"), StudyShard.Parse("1/9"));

        var error = Assert.Throws<FreightValidationException>(() => StudyMerge.Merge([Out("a"), Out("b")], Out("m")));

        Assert.Equal(ValidationCode.StudyOutputConflict, Assert.Single(error.Issues).Code);
    }

    [Fact]
    public void Run_AvailabilityPatternAndPeriodClosure_AgreeWithEachOther()
    {
        // Two ways to shut NORTH in January: a closure level with periods, and an availability pattern.
        var study = SmallStudy("""
            { "kind": "availability", "levels": [ { "label": "normal" }, { "label": "north-jan", "locations": { "NORTH": { "jan": 0 } } } ] }
            """);
        var byClosure = StudyJson.Read(
            """{ "formatVersion": 1, "id": "c", "baseScenario": "two-crossings.json", "dimensions": [ { "kind": "closures", "levels": [ { "locations": ["NORTH"], "periods": ["jan"] } ] } ] }""",
            _dir);

        StudyRunner.Run(study, Out("p"), StudyShard.All);
        StudyRunner.Run(byClosure, Out("q"), StudyShard.All);

        var pattern = Line(Out("p"), "close=none|demand=1|availability=north-jan");
        var closure = Line(Out("q"), "close=NORTH@jan");
        Assert.Equal(closure.GetProperty("objective").GetDouble(), pattern.GetProperty("objective").GetDouble(), 6);

        // By hand: January (half a year) loses NORTH: 150 t by SOUTH at 260, 250 t unmet; February as the base half.
        var january = (150 * 260) + (250 * 1_000);
        var february = (300 * 210) + (100 * 260);
        Assert.Equal(january + february, pattern.GetProperty("objective").GetDouble(), 6);
    }

    [Fact]
    public void Run_ScenarioFilesAndBudgets_InvestmentsAndCapitalSpent()
    {
        // A scenario with one option: a 2 bn second track that lifts NORTH by 400 t/yr.
        var scenario = ClosureTests.TwoCrossings() with
        {
            Investments = [new InvestmentOption("north-upgrade", 400, 2_000, 1) { Target = new LocationId("NORTH") }],
        };
        ScenarioJson.WriteFile(scenario, Path.Combine(_dir, "upgrade.json"));
        ScenarioJson.WriteFile(ClosureTests.TwoCrossings(mustServe: true), Path.Combine(_dir, "hard.json"));
        var study = StudyJson.Read(
            """
            { "formatVersion": 1, "id": "files", "baseScenario": "upgrade.json",
              "dimensions": [
                { "kind": "scenarios", "levels": [ "upgrade.json", { "label": "hard-closed", "file": "hard.json" } ] },
                { "kind": "closures", "levels": [ "none", "NORTH", { "locations": ["NORTH"], "routes": ["unused"] } ] },
                { "kind": "budgets", "levels": [ 0, 2000 ] } ] }
            """,
            _dir);

        StudyRunner.Run(study, Out("f"), StudyShard.All);

        var built = Line(Out("f"), "scenario=upgrade|close=none|budget=2e3");
        Assert.Equal(1, built.GetProperty("investments").GetProperty("north-upgrade").GetDouble(), 9);
        Assert.Equal(2_000, built.GetProperty("capitalSpent").GetDouble(), 9);
        var none = Line(Out("f"), "scenario=upgrade|close=none|budget=0");
        Assert.Equal(0, none.GetProperty("investments").GetProperty("north-upgrade").GetDouble(), 9);

        // The hard scenario with NORTH closed must serve 800 t: 300 t by SOUTH at 260, 500 t by sea at 10 + 10,000.
        var hard = Line(Out("f"), "scenario=hard-closed|close=NORTH|budget=0");
        Assert.Equal((300 * 260) + (500 * 10_010), hard.GetProperty("objective").GetDouble(), 6);

        // With the sea route closed too it cannot: infeasible, with a message and no figures.
        var infeasible = Line(Out("f"), "scenario=hard-closed|close=NORTH+unused|budget=0");
        Assert.Equal("Infeasible", infeasible.GetProperty("status").GetString());
        Assert.False(infeasible.TryGetProperty("objective", out _));
        Assert.False(string.IsNullOrWhiteSpace(infeasible.GetProperty("message").GetString()));
    }

    [Fact]
    public void Run_CaseScenarioInvalid_LineSaysInvalidModelAndWhy()
    {
        // A demand scaled past the format's 1e15 limit is invalid for that case only.
        SmallStudy();
        var huge = StudyJson.Read(
            """{ "formatVersion": 1, "id": "huge", "baseScenario": "two-crossings.json", "dimensions": [ { "kind": "demandScale", "levels": [ 1, 1000000 ] } ] }""",
            _dir);
        ScenarioJson.WriteFile(ClosureTests.TwoCrossings() with { Demands = [new Demand("CITY", "coal", 2e9)] }, Path.Combine(_dir, "two-crossings.json"));

        StudyRunner.Run(huge, Out("h"), StudyShard.All);

        var line = Line(Out("h"), "demand=1e6");
        Assert.Equal("InvalidModel", line.GetProperty("status").GetString());
        Assert.Contains("invalid", line.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Optimal", Line(Out("h"), "demand=1").GetProperty("status").GetString());
    }

    [Property(MaxTest = 6)]
    [Trait("Category", "Slow")]
    public Property AnyScenario_ShardsMerged_EqualTheWholeRun() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), Gen.Choose(2, 4).ToArbitrary(), (c, n) =>
        {
            var dir = Directory.CreateTempSubdirectory("study-prop-").FullName;
            try
            {
                ScenarioJson.WriteFile(c.Scenario, Path.Combine(dir, "s.json"));
                var study = StudyJson.Read(
                    """
                    { "formatVersion": 1, "id": "p", "baseScenario": "s.json", "dimensions": [
                      { "kind": "closures", "levels": [ "none", "every-crossing" ] },
                      { "kind": "demandScale", "levels": [ 0.5, 2 ] },
                      { "kind": "tariffScale", "levels": [ 1, 3 ] } ] }
                    """,
                    dir);
                StudyRunner.Run(study, Path.Combine(dir, "whole"), StudyShard.All, new StudyRunOptions { MaxDegreeOfParallelism = 2 });
                var shards = Enumerable.Range(0, n).Select(i => Path.Combine(dir, $"s{i}")).ToList();
                for (var i = 0; i < n; i++) StudyRunner.Run(study, shards[i], new StudyShard(i, n), new StudyRunOptions { MaxDegreeOfParallelism = 2 });
                StudyMerge.Merge(shards, Path.Combine(dir, "merged"));
                var equal = OutputFiles.All(f => File.ReadAllBytes(Path.Combine(dir, "whole", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, "merged", f))));
                return equal.Label($"seed {c.Seed}, {n} shards, {study.ResolveCases().Length} cases");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });

    /// <summary>THE corridor study of samples/studies: 15 closures × 4 budgets in 3 shards, merged, against one whole run.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void CorridorSample_ThreeShardsMerged_EqualOneUnshardedRun()
    {
        var study = StudyJson.ReadFile(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "studies", "corridor-closures-budgets.json"));
        var whole = StudyRunner.Run(study, Out("whole"), StudyShard.All);
        var shards = Enumerable.Range(1, 3).Select(i => StudyRunner.Run(study, Out($"s{i}"), StudyShard.Parse($"{i}/3"))).ToList();
        var merged = StudyMerge.Merge(shards.Select(s => s.OutputDirectory), Out("merged"));

        output.WriteLine($"whole: {whole.Elapsed.TotalSeconds:F1} s; shards: {string.Join(", ", shards.Select(s => $"{s.Elapsed.TotalSeconds:F1} s"))}");
        Assert.Equal(60, whole.CaseCount);
        Assert.Equal(60, whole.Statuses["Optimal"]);
        Assert.Equal([20, 20, 20], shards.Select(s => s.ShardCaseCount));
        Assert.True(merged.IsComplete);
        Assert.Equal(Lines(Out("whole")), Lines(Out("merged")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("whole"), "summary.json")), File.ReadAllBytes(Path.Combine(Out("merged"), "summary.json")));

        // More budget never costs more, for every closure (budgets are the last dimension, 4 levels).
        var objectives = Lines(Out("whole")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("objective").GetDouble()).ToList();
        for (var k = 0; k < objectives.Count; k += 4)
        {
            for (var b = 1; b < 4; b++) Assert.True(objectives[k + b] <= objectives[k + b - 1] * (1 + 1e-9), $"case {k + b}");
        }
    }

    /// <summary>Reports on the calling thread, so that a test sees every report when Run returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly object _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}
