using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>The built-in corridor ships twice, as code and as samples/data/russia-china-2023.json; they must agree.</summary>
public sealed class RussiaChinaCorridorFileTests
{
    private static string DataFile => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "data", "russia-china-2023.json");

    [Fact]
    public void DataFile_ReadsToTheBuiltInScenario()
    {
        var fromFile = ScenarioJson.ReadFile(DataFile);

        Assert.Equal(RussiaChinaCorridor.Build(), fromFile);
    }

    [Fact]
    public void DataFile_IsExactlyWhatTheWriterMakesOfTheBuiltInScenario()
    {
        // Regenerate after changing the corridor in code: write ScenarioJson.Write(RussiaChinaCorridor.Build()) to the file.
        var expected = ScenarioJson.Write(RussiaChinaCorridor.Build());
        var actual = File.ReadAllText(DataFile).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DataFile_ReadsWithoutErrors()
    {
        var read = ScenarioJson.TryReadFile(DataFile);

        Assert.True(read.Succeeded, string.Join("\n", read.Issues));
        Assert.Empty(read.Errors);
    }
}
