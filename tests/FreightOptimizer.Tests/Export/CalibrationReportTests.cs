using System.Collections.Immutable;
using System.Xml.Linq;
using FreightOptimizer.Analysis;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>The calibration section of the HTML and Markdown reports (ReportContent.Calibration).</summary>
public sealed class CalibrationReportTests
{
    // Two parallel routes S → T of 8 t/yr, A at 10 and B at 15 a tonne, 10 t wanted; observed 2 t on A.
    private static (Scenario Scenario, CalibrationResult Calibration) Calibrated()
    {
        static ImmutableDictionary<CommodityId, double> Cost(double c) => new Dictionary<CommodityId, double> { ["coal"] = c }.ToImmutableDictionary();
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("S", LocationKind.Origin)
            .AddLocation("T", LocationKind.Market)
            .AddRoute(new Route("A", "S", "T", TransportMode.Rail) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(10) })
            .AddRoute(new Route("B", "S", "T", TransportMode.Road) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(15) })
            .Build();
        var scenario = new ScenarioBuilder(network).AddSupply("S", "coal", 10).AddDemand("T", "coal", 10, 1_000)
            .AddObservation(new Observation("a-2023", [new RouteId("A")], 2, 0.1) { Name = "Route A", Source = "by hand" }).Build();
        return (scenario, Calibration.Calibrate(scenario));
    }

    [Fact]
    public void PlanReport_WithCalibration_ShowsBeforeAfterAndTheConstant()
    {
        var (scenario, calibration) = Calibrated();
        var content = new ReportContent(calibration.Calibrated!, FreightPlanner.Optimize(calibration.Calibrated!)) { Calibration = calibration };

        var page = PlanReportTests.Parse(PlanReport.Write(content));
        var plain = PlanReportTests.Parse(PlanReport.Write(new ReportContent(scenario, FreightPlanner.Optimize(scenario))));

        Assert.DoesNotContain(plain.Descendants("section"), s => (string?)s.Attribute("id") == "calibration");
        var table = page.Descendants("table").Single(t => (string?)t.Attribute("id") == "table-calibration");
        var cells = table.Descendants("tbody").Descendants("td").Select(td => td.Value).ToList();
        Assert.Equal("Route A", cells[0]);
        Assert.StartsWith("5.0", cells[5], StringComparison.Ordinal);
        Assert.Equal("A", cells[6]);
        Assert.Equal("Matched", cells[7]);
    }

    [Fact]
    public void MarkdownReport_WithCalibration_HasTheSectionAndMessage()
    {
        var (_, calibration) = Calibrated();
        var md = MarkdownReport.Write(new ReportContent(calibration.Calibrated!, FreightPlanner.Optimize(calibration.Calibrated!)) { Calibration = calibration });

        Assert.Contains("Calibration to the observations", md, StringComparison.Ordinal);
        Assert.Contains("1 of 1 observation(s) within tolerance", md, StringComparison.Ordinal);
        Assert.Contains("| Route A |", md, StringComparison.Ordinal);
    }
}
