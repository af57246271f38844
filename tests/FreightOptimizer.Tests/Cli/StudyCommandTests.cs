using System.Text.Json;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Analysis;

namespace FreightOptimizer.Tests.Cli;

/// <summary><c>freightopt study run</c> and <c>study merge</c> on a small study: shards, resuming, merging, bad input.</summary>
public sealed class StudyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("freightopt-study-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The two-crossing scenario of the closure tests × closures (none, each crossing) × two demand scalings: 6 cases.</summary>
    private string StudyFile()
    {
        ScenarioJson.WriteFile(ClosureTests.TwoCrossings(), Path.Combine(_dir, "two-crossings.json"));
        var path = Path.Combine(_dir, "study.json");
        File.WriteAllText(path, """
            {
              "formatVersion": 1, "id": "cli-small", "baseScenario": "two-crossings.json",
              "dimensions": [
                { "kind": "closures", "levels": [ "none", "every-crossing" ] },
                { "kind": "demandScale", "levels": [ 1, 1.5 ] }
              ]
            }
            """);
        return path;
    }

    private string Out(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Run_ThreeShardsMerged_EqualOneWholeRunLineForLine()
    {
        var study = StudyFile();
        var (whole, wholeOut, _) = CliRunner.Run("study", "run", study, "--out", Out("whole"), "--parallel", "2");
        Assert.Equal(0, whole);
        Assert.Contains("study cli-small, shard all: 6 of 6 cases", wholeOut, StringComparison.Ordinal);
        Assert.Contains("Optimal", wholeOut, StringComparison.Ordinal);

        for (var i = 1; i <= 3; i++)
        {
            var (code, output, error) = CliRunner.Run("study", "run", study, "--out", Out($"shard-{i}"), "--shard", $"{i}/3");
            Assert.True(code == 0, error);
            Assert.Contains($"shard {i}/3: 2 of 6 cases", output, StringComparison.Ordinal);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(Out($"shard-{i}"), "results.jsonl")).Length);
        }

        var (merged, mergedOut, mergeError) = CliRunner.Run("study", "merge", Out("shard-1"), Out("shard-2"), Out("shard-3"), "--out", Out("merged"));
        Assert.True(merged == 0, mergeError);
        Assert.Contains("merged 3 folder(s) of study cli-small: 6 of 6 cases", mergedOut, StringComparison.Ordinal);
        foreach (var file in new[] { "results.jsonl", "summary.json", "cases.json" })
        {
            Assert.Equal(File.ReadAllLines(Path.Combine(Out("whole"), file)), File.ReadAllLines(Path.Combine(Out("merged"), file)));
        }

        var ids = File.ReadAllLines(Path.Combine(Out("merged"), "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["close=none|demand=1", "close=none|demand=1.5", "close=NORTH|demand=1", "close=NORTH|demand=1.5", "close=SOUTH|demand=1", "close=SOUTH|demand=1.5"], ids);
    }

    [Fact]
    public void Merge_MissingShard_NamesTheMissingCasesAndExitsOne()
    {
        var study = StudyFile();
        Assert.Equal(0, CliRunner.Run("study", "run", study, "--out", Out("shard-1"), "--shard", "1/3").ExitCode);
        var (code, output, _) = CliRunner.Run("study", "merge", Out("shard-1"), "--out", Out("merged"));
        Assert.Equal(1, code);
        Assert.Contains("4 case(s) without a result", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AgainInTheSameFolder_SolvesNothing()
    {
        var study = StudyFile();
        Assert.Equal(0, CliRunner.Run("study", "run", study, "--out", Out("all")).ExitCode);
        var first = File.ReadAllText(Path.Combine(Out("all"), "results.jsonl"));
        var (code, output, _) = CliRunner.Run("study", "run", study, "--out", Out("all"));
        Assert.Equal(0, code);
        Assert.Contains("0 solved now, 6 done in all", output, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(Path.Combine(Out("all"), "results.jsonl")));
    }

    [Theory]
    [InlineData("4/3", "--shard")]
    [InlineData("0/3", "--shard")]
    [InlineData("x", "--shard")]
    public void Run_BadShard_ExitsTwoAndSaysWhy(string shard, string expected)
    {
        var (code, _, error) = CliRunner.Run("study", "run", StudyFile(), "--out", Out("x"), "--shard", shard);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BrokenStudyFile_ExitsTwoNamingThePath()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, """{ "formatVersion": 1, "id": "b", "baseScenario": "builtin:russia-china-2023", "dimensions": [ { "kind": "weather", "levels": [ 1 ] } ] }""");
        var (code, _, error) = CliRunner.Run("study", "run", path, "--out", Out("b"));
        Assert.Equal(2, code);
        Assert.Contains("$.dimensions[0].kind", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FoldersOfTwoStudies_ExitsTwo()
    {
        var study = StudyFile();
        Assert.Equal(0, CliRunner.Run("study", "run", study, "--out", Out("a"), "--shard", "1/2").ExitCode);
        File.WriteAllText(study, File.ReadAllText(study).Replace("cli-small", "other", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("study", "run", study, "--out", Out("b"), "--shard", "2/2").ExitCode);
        var (code, _, error) = CliRunner.Run("study", "merge", Out("a"), Out("b"), "--out", Out("m"));
        Assert.Equal(2, code);
        Assert.Contains("only shards of one study merge", error, StringComparison.Ordinal);
    }
}
