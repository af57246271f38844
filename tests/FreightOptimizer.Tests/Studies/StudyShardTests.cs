using System.Collections;
using FreightOptimizer.Studies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Studies;

/// <summary>Shards: the 1-based text form, the schedulers' variables, and the partition of the cases.</summary>
public sealed class StudyShardTests
{
    [Theory]
    [InlineData("1/3", 0, 3)]
    [InlineData("3/3", 2, 3)]
    [InlineData(" 2/5 ", 1, 5)]
    [InlineData("1/1", 0, 1)]
    public void Parse_OneBased_ConvertsToZeroBased(string text, int index, int count)
    {
        var shard = StudyShard.Parse(text);

        Assert.Equal(index, shard.Index);
        Assert.Equal(count, shard.Count);
    }

    [Fact]
    public void Parse_All_IsEveryCase() => Assert.Equal(StudyShard.All, StudyShard.Parse("all"));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("1/3/4")]
    [InlineData("1-3")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData("+1/3")]
    public void Parse_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => StudyShard.Parse(text));

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudyShard(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudyShard(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StudyShard(0, 0));
    }

    [Fact]
    public void FromEnvironment_KubernetesIndexedJob_ZeroBasedIndexWithTheManifestsCount()
    {
        var shard = StudyShard.FromEnvironment(new Hashtable { ["JOB_COMPLETION_INDEX"] = "2", ["FREIGHTOPT_SHARD_COUNT"] = "3" });

        Assert.Equal(new StudyShard(2, 3), shard);
        Assert.Equal("3/3", shard.ToString());
    }

    [Fact]
    public void FromEnvironment_KubernetesWithoutCount_SaysToSetIt()
    {
        var error = Assert.Throws<FormatException>(() => StudyShard.FromEnvironment(new Hashtable { ["JOB_COMPLETION_INDEX"] = "0" }));

        Assert.Contains("FREIGHTOPT_SHARD_COUNT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "5", "3", 0)]
    [InlineData("7", "5", "3", 2)]
    [InlineData("1", null, "4", 1)]
    [InlineData("0", "0", "1", 0)]
    public void FromEnvironment_SlurmArray_NormalisedByTheFirstTaskId(string id, string? min, string count, int index)
    {
        var environment = new Hashtable { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_COUNT"] = count };
        if (min is not null) environment["SLURM_ARRAY_TASK_MIN"] = min;

        var shard = StudyShard.FromEnvironment(environment);

        Assert.Equal(index, shard.Index);
        Assert.Equal(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), shard.Count);
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("5", 2)]
    [InlineData("7", 3)]
    public void FromEnvironment_SlurmArrayWithStep_DividedByTheStep(string id, int index)
    {
        // sbatch --array=1-7:2 runs ids 1, 3, 5, 7.
        var environment = new Hashtable { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_STEP"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "4" };

        Assert.Equal(new StudyShard(index, 4), StudyShard.FromEnvironment(environment));
    }

    [Fact]
    public void FromEnvironment_SlurmIdOffTheStep_Throws() =>
        Assert.Throws<FormatException>(() => StudyShard.FromEnvironment(new Hashtable
        {
            ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_STEP"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "4",
        }));

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "3")]
    [InlineData("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "3")]
    [InlineData("JOB_COMPLETION_INDEX", "3", "FREIGHTOPT_SHARD_COUNT", "3")]
    [InlineData("JOB_COMPLETION_INDEX", "0", "FREIGHTOPT_SHARD_COUNT", "0")]
    [InlineData("JOB_COMPLETION_INDEX", "-1", "FREIGHTOPT_SHARD_COUNT", "2")]
    [InlineData("SLURM_ARRAY_TASK_ID", "2", "OTHER", "3")]
    public void FromEnvironment_OutOfRangeOrMissing_Throws(string indexName, string index, string countName, string count) =>
        Assert.Throws<FormatException>(() => StudyShard.FromEnvironment(new Hashtable { [indexName] = index, [countName] = count }));

    [Fact]
    public void FromEnvironment_NoScheduler_NamesBothSchedulersVariables()
    {
        var error = Assert.Throws<FormatException>(() => StudyShard.FromEnvironment(new Hashtable { ["HOME"] = "/root" }));

        Assert.Contains("JOB_COMPLETION_INDEX", error.Message, StringComparison.Ordinal);
        Assert.Contains("SLURM_ARRAY_TASK_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_BothSet_KubernetesWins()
    {
        var shard = StudyShard.FromEnvironment(new Hashtable
        {
            ["JOB_COMPLETION_INDEX"] = "1", ["FREIGHTOPT_SHARD_COUNT"] = "2",
            ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "5",
        });

        Assert.Equal(new StudyShard(1, 2), shard);
    }

    [Property(MaxTest = 200)]
    public Property Shards_AnyCount_EveryCaseInExactlyOneAndTextRoundTrips() =>
        Prop.ForAll(Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (count, cases) =>
        {
            var shards = Enumerable.Range(0, count).Select(i => new StudyShard(i, count)).ToList();
            var once = Enumerable.Range(0, cases).All(k => shards.Count(s => s.Contains(k)) == 1);
            var roundTrip = shards.All(s => StudyShard.Parse(s.ToString()) == (count == 1 ? StudyShard.All : s));
            var balanced = shards.All(s => Math.Abs(Enumerable.Range(0, cases).Count(s.Contains) - ((double)cases / count)) < 1);
            return (once && roundTrip && balanced).Label($"{cases} cases in {count} shards");
        });
}
