using System.Text.Json;
using System.Text.RegularExpressions;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>
/// The built-in corridor is one file, src/FreightOptimizer/Corridors/russia-china-2023.json, embedded in the
/// library: it must read cleanly, be exactly what <see cref="RussiaChinaCorridor"/> returns, stay in the
/// writer's canonical form so that a change to it is a readable diff, and give every entity a source
/// whose citations resolve in docs/corridor.md.
/// </summary>
public sealed partial class RussiaChinaCorridorFileTests
{
    private static string DataFile =>
        Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer", "Corridors", "russia-china-2023.json");

    private static string CorridorDoc => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "docs", "corridor.md");

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
    public void Citations_ResolveInTheCorridorDocument()
    {
        var doc = File.ReadAllText(CorridorDoc);
        var sections = SectionHeading().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        var listed = SourceRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        var file = File.ReadAllText(DataFile);

        Assert.Contains("docs/corridor.md", RussiaChinaCorridor.Build().Source, StringComparison.Ordinal);
        var cited = SectionCitation().Matches(file).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("6", cited);
        Assert.All(cited, section => Assert.True(sections.Contains(section), $"§{section} is cited but docs/corridor.md has no such section"));
        var sources = SourceId().Matches(file).Concat(SourceId().Matches(doc)).Select(m => m.Value).ToHashSet();
        Assert.Contains("S57", sources);
        Assert.All(sources, id => Assert.True(listed.Contains(id), $"{id} is cited but not listed in docs/corridor.md §11"));
    }

    [Fact]
    public void PublicIds_NameEntitiesOfTheFile()
    {
        var scenario = RussiaChinaCorridor.Build();
        var network = scenario.Network;

        Assert.Equal(RussiaChinaCorridor.ScenarioName, scenario.Name);
        Assert.Equal(RussiaChinaCorridor.MonthIds, scenario.Horizon.Periods.Select(p => p.Id.Value));
        Assert.Equal(
            [RussiaChinaCorridor.Coal, RussiaChinaCorridor.Oil, RussiaChinaCorridor.Chemicals, RussiaChinaCorridor.IronOre,
                RussiaChinaCorridor.Fertilizers, RussiaChinaCorridor.OilProducts, RussiaChinaCorridor.OtherFreight],
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

    // "### §5.1 Russian rail" → 5.1
    [GeneratedRegex(@"^#+ §(\d+(?:\.\d+)*) ", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    // "| S57 | title | URL |" → S57
    [GeneratedRegex(@"^\| (S[0-9A-Za-z-]+) \|", RegexOptions.Multiline)]
    private static partial Regex SourceRow();

    // Every § in the file cites docs/corridor.md, also when it follows another ("corridor.md §2.2, §3").
    [GeneratedRegex(@"§(\d+(?:\.\d+)*)")]
    private static partial Regex SectionCitation();

    // S57, S8b, S-cj; not the S of a word.
    [GeneratedRegex(@"(?<![A-Za-z0-9])S(?:\d+b?|-[a-z]+)(?![A-Za-z0-9])")]
    private static partial Regex SourceId();
}
