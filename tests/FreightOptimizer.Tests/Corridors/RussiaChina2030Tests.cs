using System.Text.Json;
using System.Text.RegularExpressions;
using FreightOptimizer.CorridorPlanner;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>
/// samples/data/russia-china-2030.json, the 2024–2030 outlook (docs/corridor.md §13): it reads cleanly,
/// stays canonical, sources every entity, and the outlook's answers (Outlook2030 of the CorridorPlanner
/// sample) stay what docs/corridor.md reports.
/// </summary>
public sealed partial class RussiaChina2030Tests
{
    private static string DataFile => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "data", "russia-china-2030.json");

    private static readonly string[] NotBuilt = ["zabaikalsk-expansion", "nizhneleninskoye-terminal", "xuan-yuan-complex"];

    private static readonly Lazy<OutlookAnswer> Answer = new(() => Outlook2030.Run(DataFile));

    [Fact]
    public void File_ReadsWithoutErrorsOrWarnings_AndIsCanonical()
    {
        var read = ScenarioJson.TryReadFile(DataFile);
        Assert.True(read.Succeeded, string.Join("\n", read.Issues));
        Assert.Empty(read.Issues);
        var scenario = read.Scenario!;
        Assert.True(MultiYear.IsMultiYear(scenario));
        Assert.Equal(14, scenario.Horizon.Periods.Length);
        Assert.Equal([2024, 2025, 2026, 2027, 2028, 2029, 2030], scenario.Horizon.Periods.Select(p => p.Year!.Value).Distinct());
        Assert.Equal(ScenarioJson.Write(scenario), File.ReadAllText(DataFile).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryEntity_CarriesASource_AndCitationsResolve()
    {
        var text = File.ReadAllText(DataFile);
        using var document = JsonDocument.Parse(text);
        var unsourced = new List<string>();
        foreach (var section in document.RootElement.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Array))
        {
            var index = 0;
            foreach (var entity in section.Value.EnumerateArray())
            {
                if (!entity.TryGetProperty("source", out var source) || string.IsNullOrWhiteSpace(source.GetString())) unsourced.Add($"$.{section.Name}[{index}]");
                index++;
            }
        }

        Assert.Empty(unsourced);
        var doc = File.ReadAllText(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "docs", "corridor.md"));
        var sections = SectionHeading().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        var listed = SourceRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet();
        var cited = SectionCitation().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("13", cited);
        Assert.All(cited, s => Assert.True(sections.Contains(s), $"§{s} is cited but docs/corridor.md has no such section"));
        Assert.All(SourceId().Matches(text).Select(m => m.Value).Distinct(), id => Assert.True(listed.Contains(id), $"{id} is cited but not listed in docs/corridor.md §11"));
    }

    [Fact]
    public void Outlook_SolvesBothVariants_OptimalAndCertified_WellUnderAMinute()
    {
        var answer = Answer.Value;
        foreach (var result in new[] { answer.Base, answer.Variant })
        {
            Assert.Equal(SolveStatus.Optimal, result.Status);
            Assert.True(result.Plan!.Verification!.OptimalityCertified);
            Assert.True(result.Report.SolveTime < TimeSpan.FromSeconds(30), $"solve took {result.Report.SolveTime}");
        }
    }

    /// <summary>
    /// The timetable docs/corridor.md §13 reports: the conveyor as soon as its lead time allows, carrying
    /// the Amur coal as it grows (4.5 Mt × 1.0281^(year − 2024)); the announced 2030 capacities online
    /// in 2030; the other three not by 2030.
    /// </summary>
    [Fact]
    public void Outlook_Timetable_ConveyorOnlineIn2027_CommittedIn2030_OthersNotBuiltBy2030()
    {
        var timetable = Answer.Value.Timetable.ToDictionary(e => e.Id.Value);
        var conveyor = timetable["blagoveshchensk-heihe-conveyor"];
        Assert.True(conveyor.Built);
        Assert.Equal(2027, conveyor.OnlineYear);
        Assert.Equal(new PeriodId("2027-ice"), conveyor.OnlinePeriod);
        Assert.Equal(20e9, conveyor.CapitalCost, 0);
        Assert.All(conveyor.TonnesByYear, y => Assert.Equal(4.5e6 * Math.Pow(1.0281, y.Year!.Value - 2024), y.AddedTonnes, 1e-6 * 5.3e6));
        Assert.Equal([2027, 2028, 2029, 2030], conveyor.TonnesByYear.Select(y => y.Year!.Value));

        // UBTZ's share: the transit is full, so the 2.2 Mt/yr it adds are all used in 2030,
        // 2.2 Mt × (7/12 × 0.9571 in the ice season + 5/12 while open).
        var ubtz = timetable["committed-ubtz-transit"];
        Assert.True(ubtz.Built);
        Assert.Equal(new PeriodId("2030-ice"), ubtz.OnlinePeriod);
        Assert.Equal(0, ubtz.CapitalCharge);
        Assert.Equal(2.2e6 * ((7.0 / 12 * 0.9571) + (5.0 / 12)), Assert.Single(ubtz.TonnesByYear).AddedTonnes, 1e-6 * 2.2e6);
        Assert.Equal(2030, timetable["committed-nizhneleninskoye-bcp"].OnlineYear);

        Assert.All(NotBuilt, id => Assert.False(timetable[id].Built, id));
        Assert.Equal(
            Answer.Value.Timetable.Select(e => (e.Id, e.OnlinePeriod)),
            Answer.Value.VariantTimetable.Select(e => (e.Id, e.OnlinePeriod)));
    }

    /// <summary>
    /// Supplies grow: Kuzbass 2.56 %/yr, Elga 8.15 %/yr, crude flat; the only demand left unmet is iron ore
    /// at Harbin, whose supplies (Kimkan 0.87 %/yr, Chita 2.81 %/yr) grow slower than its demand (2.81 %/yr).
    /// </summary>
    [Fact]
    public void Outlook_SuppliesGrow_AndOnlyIronOreIsShort()
    {
        var scenario = ScenarioJson.ReadFile(DataFile);
        var last = scenario.Horizon.Periods.Length - 1;
        double Grown(string location, string commodity) =>
            MultiYear.SupplyTonnes(scenario, scenario.Supplies.Single(s => s.Location.Value == location && s.Commodity.Value == commodity), last)
            / scenario.Horizon.Periods[last].YearFraction;
        Assert.Equal(52.75e6 * Math.Pow(1.0256, 6), Grown("RU_KUZBASS", "coal"), 1);
        Assert.Equal(20e6 * Math.Pow(1.0815, 6), Grown("RU_ELGA", "coal"), 1);
        Assert.Equal(70e6, Grown("RU_TAISHET", "oil"), 1);
        var plan = Answer.Value.Base.Plan!;
        Assert.True(plan.TotalUnmetTonnes > 0);
        Assert.All(plan.Unmet.Where(u => u.Tonnes > 1), u => Assert.Equal(("CN_HARBIN", "iron-ore"), (u.Location.Value, u.Commodity.Value)));
    }

    /// <summary>
    /// NSR tonnes per year. Base: 5 Mt/yr × 5/12 × 0.76 = 1.5833 Mt (closed in the ice season). Variant:
    /// the navigation season is held by Murmansk's 6 Mt/yr of crude (6 × 5/12 = 2.5 Mt), plus the ice
    /// season's 7.5 Mt/yr × 7/12 × 0.0714 = 0.3124 Mt: 2.8124 Mt. Worked by hand from the file.
    /// </summary>
    [Fact]
    public void Outlook_NsrTonnes_BaseAndVariant_AsWorkedByHand()
    {
        var nsr = Answer.Value.Nsr;
        Assert.Equal(7, nsr.Length);
        var variantByHand = (6e6 * 5 / 12) + (Outlook2030.VariantNsrCapacityTonnes * 7 / 12 * Outlook2030.VariantIceSeasonFactor);
        Assert.All(nsr, y =>
        {
            Assert.Equal(5e6 * 5 / 12 * 0.76, y.BaseTonnes, 1e-6 * 1.6e6);
            Assert.Equal(variantByHand, y.VariantTonnes, 1e-6 * 2.8e6);
        });
    }

    [GeneratedRegex(@"^#+ §(\d+(?:\.\d+)*) ", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\| (S[0-9A-Za-z-]+) \|", RegexOptions.Multiline)]
    private static partial Regex SourceRow();

    [GeneratedRegex(@"§(\d+(?:\.\d+)*)")]
    private static partial Regex SectionCitation();

    [GeneratedRegex(@"(?<![A-Za-z0-9])S(?:\d+b?|-[a-z]+)(?![A-Za-z0-9])")]
    private static partial Regex SourceId();
}
