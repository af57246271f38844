using System.Text.Json;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>
/// The built-in corridor is one file, src/FreightOptimizer/Corridors/russia-china-2023.json, embedded in the
/// library: it must read cleanly, be exactly what <see cref="RussiaChinaCorridor"/> returns, stay in the
/// writer's canonical form so that a change to it is a readable diff, and give every entity a source.
/// </summary>
public sealed class RussiaChinaCorridorFileTests
{
    private static string DataFile =>
        Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer", "Corridors", "russia-china-2023.json");

    [Fact]
    public void File_ReadsWithoutErrorsOrWarnings()
    {
        var read = ScenarioJson.TryReadFile(DataFile);

        Assert.True(read.Succeeded, string.Join("\n", read.Issues));
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void Build_EqualsTheRepositoryFile()
    {
        var fromFile = ScenarioJson.ReadFile(DataFile);

        Assert.Equal(fromFile, RussiaChinaCorridor.Build());
    }

    [Fact]
    public void EmbeddedResource_IsTheRepositoryFile_ByteForByte()
    {
        using var stream = typeof(RussiaChinaCorridor).Assembly.GetManifestResourceStream(RussiaChinaCorridor.ResourceName);
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        Assert.Equal(File.ReadAllBytes(DataFile), embedded.ToArray());
    }

    [Fact]
    public void File_IsCanonical_WhatTheWriterMakesOfIt()
    {
        // After editing the file by hand, rewrite it with ScenarioJson.WriteFile(ScenarioJson.ReadFile(path), path).
        var expected = ScenarioJson.Write(RussiaChinaCorridor.Build());
        var actual = File.ReadAllText(DataFile).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryEntity_CarriesASource()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DataFile));
        var root = document.RootElement;
        var unsourced = new List<string>();
        var entities = 0;

        Check(root, "$");
        foreach (var section in root.EnumerateObject())
        {
            if (section.Value.ValueKind == JsonValueKind.Object)
            {
                Check(section.Value, $"$.{section.Name}");
            }
            else if (section.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var entity in section.Value.EnumerateArray()) Check(entity, $"$.{section.Name}[{index++}]");
            }
        }

        Assert.Empty(unsourced);
        Assert.True(entities > 100, $"only {entities} entities were checked");

        void Check(JsonElement entity, string path)
        {
            entities++;
            if (!entity.TryGetProperty("source", out var source) || string.IsNullOrWhiteSpace(source.GetString())) unsourced.Add(path);
        }
    }

    [Fact]
    public void PublicIds_NameEntitiesOfTheFile()
    {
        var scenario = RussiaChinaCorridor.Build();
        var network = scenario.Network;

        Assert.Equal(RussiaChinaCorridor.ScenarioName, scenario.Name);
        Assert.Equal(RussiaChinaCorridor.MonthIds, scenario.Horizon.Periods.Select(p => p.Id.Value));
        Assert.Equal(
            [RussiaChinaCorridor.Coal, RussiaChinaCorridor.Oil, RussiaChinaCorridor.Chemicals],
            network.Commodities.Select(c => c.Id.Value));
        Assert.All(
            new[]
            {
                RussiaChinaCorridor.NorthernSeaRouteId, RussiaChinaCorridor.SuezRouteId,
                RussiaChinaCorridor.ConveyorRouteId, RussiaChinaCorridor.ZabaikalskRailRouteId,
            },
            id => Assert.True(network.TryGetRoute(id, out _), $"no route {id}"));
        Assert.All(
            new[] { RussiaChinaCorridor.XuanYuanLocationId, RussiaChinaCorridor.NizhneleninskoyeLocationId },
            id => Assert.True(network.TryGetLocation(id, out _), $"no location {id}"));
    }

    [Fact]
    public void Load_WithoutTheResource_ThrowsNamingIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => RussiaChinaCorridor.Load(typeof(RussiaChinaCorridorFileTests).Assembly, RussiaChinaCorridor.ResourceName));

        Assert.Contains(RussiaChinaCorridor.ResourceName, ex.Message, StringComparison.Ordinal);
    }
}
