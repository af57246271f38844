using FreightOptimizer.Analysis;
using FreightOptimizer.Export;
using FreightOptimizer.Tests.Scenarios;

namespace FreightOptimizer.Tests.Export;

public sealed class FrontierExportTests
{
    [Fact]
    public void WriteEmissionsCsv_OneRowPerPoint_ColumnsInOrder()
    {
        var points = EmissionsFrontier.Compute(GeneralisedCostScenarios.RailOrRoad(0.1), 3);

        var lines = FrontierExport.WriteEmissionsCsv(points).TrimEnd('\n').Split('\n');

        Assert.Equal("point,co2CapTonnes,status,cost,co2Tonnes,unmetTonnes,co2PricePerTonne,tonneKmRail,tonneKmRoad,tonneKmConveyor,tonneKmPipeline,tonneKmInlandWaterway,tonneKmSea,crossingTonnes", lines[0]);
        Assert.Equal(4, lines.Length);
        var first = lines[1].Split(',');
        Assert.Equal(["0", "", "Optimal"], first[..3]);
        Assert.Equal(800_000, double.Parse(first[8], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("BORDER=1000", first[^1]);
        Assert.StartsWith("2,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteEmissionsSvg_DrawsAChart()
    {
        var points = EmissionsFrontier.Compute(GeneralisedCostScenarios.RailOrRoad(0.1), 3);

        var svg = FrontierExport.WriteEmissionsSvg(points);

        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("CO2e over the horizon (t)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteActivity_TotalThenGroups()
    {
        var plan = FreightPlanner.Optimize(GeneralisedCostScenarios.RailOrRoad(0.1, 1000)).GetPlanOrThrow();

        var lines = FrontierExport.WriteActivity(plan).TrimEnd('\n').Split('\n');

        Assert.Equal("group,key,tonnes,tonneKm,tonneDays,co2Tonnes", lines[0]);
        Assert.StartsWith("total,total,2000,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("mode,Road,400,320000,800,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("crossing,BORDER,1000,", StringComparison.Ordinal));
        Assert.Equal("group,key,tonnes,tonneKm,tonneDays,co2Tonnes\n", FrontierExport.WriteActivity(null));
    }
}

public sealed class ActivityReportTests
{
    [Fact]
    public void MarkdownReport_WithGeneralisedCost_ShowsActivityAndSurcharges()
    {
        var scenario = GeneralisedCostScenarios.RailOrRoad(0.1, 1000);
        var result = FreightPlanner.Optimize(scenario);

        var md = MarkdownReport.Write(new ReportContent(scenario, result));

        Assert.Contains("## Transport work and emissions", md, StringComparison.Ordinal);
        Assert.Contains("| mode | Road |", md, StringComparison.Ordinal);
        Assert.Contains("cargo in transit (holding)", md, StringComparison.Ordinal);
        Assert.Contains("| carbon |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_WithoutGeneralisedCost_HasNoActivitySection()
    {
        var scenario = GeneralisedCostScenarios.RailOrRoad() with { GeneralisedCost = null };

        var md = MarkdownReport.Write(new ReportContent(scenario, FreightPlanner.Optimize(scenario)));

        Assert.DoesNotContain("Transport work and emissions", md, StringComparison.Ordinal);
        Assert.DoesNotContain("cargo in transit", md, StringComparison.Ordinal);
    }
}
