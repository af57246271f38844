using System.Collections.Immutable;
using System.Xml.Linq;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>The HTML report: well-formed, self-contained, escaped, and honest about the verdict.</summary>
public sealed class PlanReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The page parsed as XML (it is written well-formed on purpose, so tests can read it).</summary>
    internal static XDocument Parse(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        return XDocument.Parse(html["<!DOCTYPE html>".Length..]);
    }

    internal static IEnumerable<XElement> RoutePaths(XDocument page) =>
        page.Descendants(Svg + "svg").Single(s => (string?)s.Attribute("id") == "network-map")
            .Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class") ?? "").Split(' ').Contains("route"));

    [Fact]
    public void Write_SmallScenario_IsWellFormedWithOneMapPathPerRouteAndAHeatMapCellPerCrossingAndPeriod()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        var page = Parse(PlanReport.Write(scenario, result));

        Assert.Equal(scenario.Network.Routes.Length, RoutePaths(page).Count());
        var heat = page.Descendants(Svg + "svg").Single(s => (string?)s.Attribute("id") == "heat-map");
        Assert.Equal(2, heat.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "cell"));
        Assert.NotNull(page.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == "table-costs"));
        Assert.NotNull(page.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == "cost-chart"));
        Assert.All(RoutePaths(page), p => Assert.NotNull(p.Element(Svg + "title")));
    }

    [Fact]
    public void Write_ParallelRoutes_AreDrawnAsDistinctCurves()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        var paths = RoutePaths(Parse(PlanReport.Write(scenario, result))).ToDictionary(p => (string)p.Attribute("data-route")!, p => (string)p.Attribute("d")!);

        Assert.Contains(" Q ", paths["mine-border-rail"], StringComparison.Ordinal);
        Assert.Contains(" Q ", paths["mine-border-road"], StringComparison.Ordinal);
        Assert.NotEqual(paths["mine-border-rail"], paths["mine-border-road"]);
        Assert.Contains(" L ", paths["border-city-rail"], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RouteClosedInSomePeriod_IsDashed()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        var barge = RoutePaths(Parse(PlanReport.Write(scenario, result))).Single(p => (string?)p.Attribute("data-route") == "mine-city-barge");

        Assert.NotNull(barge.Attribute("stroke-dasharray"));
        Assert.Contains("closed in winter", barge.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ScenarioNamedScript_EscapesItEverywhere()
    {
        var (scenario, result) = ReportScenarios.SmallSolved(name: "<script>alert('x')</script> & co");

        var html = PlanReport.Write(scenario, result);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert('x')</script> & co", Parse(html).Descendants("h1").Single().Value);
    }

    [Fact]
    public void Write_AnyScenario_NeedsNoNetworkAndRunsNoScript()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        var page = Parse(PlanReport.Write(scenario, result));

        Assert.Empty(page.Descendants("script"));
        Assert.Empty(page.Descendants("link"));
        var references = page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href").Select(a => a.Value);
        Assert.All(references, r => Assert.StartsWith("#", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_NoCoordinates_SaysSoAndStillDrawsEveryRoute()
    {
        var (scenario, result) = ReportScenarios.SmallSolved(coordinates: false);

        var page = Parse(PlanReport.Write(scenario, result));

        Assert.Contains("Coordinates missing", page.Descendants(Svg + "text").Select(t => t.Value).First(), StringComparison.Ordinal);
        Assert.Equal(scenario.Network.Routes.Length, RoutePaths(page).Count());
    }

    [Fact]
    public void Write_VerificationFailed_PutsTheFindingsFirstAndNeverCallsThePlanOptimal()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var finding = new VerificationFinding(VerificationCheck.RouteCapacity, "route mine-border-rail, summer", 42, "Route mine-border-rail carries 42 t more than its capacity.");
        var rejected = new OptimizationResult(
            SolveStatus.VerificationFailed,
            result.Report,
            result.Plan! with
            {
                Verification = new VerificationReport { Passed = false, MaxViolation = 1e-3, RecomputedObjective = 1, OptimalityCertified = false, Findings = [finding] },
            },
            "The verifier rejected the plan.");

        var html = PlanReport.Write(scenario, rejected);
        var page = Parse(html);

        Assert.DoesNotContain("certified", page.Descendants("section").Single(s => (string?)s.Attribute("id") == "headline").Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("every demand is served", html, StringComparison.Ordinal);
        var banner = html.IndexOf("VERIFICATION FAILED", StringComparison.Ordinal);
        var findings = html.IndexOf(finding.Message, StringComparison.Ordinal);
        var map = html.IndexOf("id=\"network-map\"", StringComparison.Ordinal);
        Assert.True(banner >= 0 && banner < findings && findings < map, $"banner {banner}, findings {findings}, map {map}");
    }

    [Fact]
    public void Write_NoPlan_ReportsTheStatusAndTheExplanation()
    {
        var scenario = ReportScenarios.Small() with
        {
            Demands = [new Demand("CITY", "coal", 50_000_000) { MustServe = true }],
        };
        var result = FreightPlanner.Optimize(scenario);

        var page = Parse(PlanReport.Write(scenario, result));

        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.StartsWith("Infeasible", page.Descendants("dd").First().Value, StringComparison.Ordinal);
        Assert.NotNull(page.Descendants("section").SingleOrDefault(s => (string?)s.Attribute("id") == "explanation"));
    }

    [Fact]
    public void Write_OptionalSections_AppearOnlyWhenGiven()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var plain = Parse(PlanReport.Write(new ReportContent(scenario, result)));
        var full = Parse(PlanReport.Write(new ReportContent(scenario, result)
        {
            Closures = [new ClosureRow((RouteId)"border-city-rail", 1.5e9, 3e6), new ClosureRow((LocationId)"BORDER", null, null, "infeasible")],
            Tracing = [new TraceRow("coal", "MINE", "CITY", ImmutableArray.Create<RouteId>("mine-border-rail", "border-city-rail"), 2.5e6, 1_600)],
            Sensitivity = [],
        }));

        static bool Has(XDocument page, string id) => page.Descendants("section").Any(s => (string?)s.Attribute("id") == id);
        Assert.False(Has(plain, "closures") || Has(plain, "tracing") || Has(plain, "sensitivity") || Has(plain, "frontier"));
        Assert.True(Has(full, "closures") && Has(full, "tracing") && Has(full, "sensitivity"));
        Assert.Equal(2, full.Descendants("table").Single(t => (string?)t.Attribute("id") == "table-closures").Descendants("tr").Count() - 1);
        Assert.Contains("mine-border-rail → border-city-rail", full.Descendants("table").Single(t => (string?)t.Attribute("id") == "table-tracing").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportContent_CopiesItsListsAndComparesByContent()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var rows = new List<SensitivityRow> { new("coal demand", "+10 %", 1e8) };

        var a = new ReportContent(scenario, result) { Sensitivity = rows };
        rows.Add(new SensitivityRow("oil demand", "+10 %", 2e8));
        var b = new ReportContent(scenario, result) { Sensitivity = [new("coal demand", "+10 %", 1e8)] };

        Assert.Single(a.Sensitivity!);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Write_WithSweeps_DrawsATornadoWithABarPerInputThatMovesTheOptimum()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var sweeps = FreightOptimizer.Analysis.Sensitivity.Sweep(scenario,
        [
            FreightOptimizer.Analysis.SweepTarget.Tariff(new RouteId("border-city-rail"), "coal"),
            FreightOptimizer.Analysis.SweepTarget.Demand(new LocationId("CITY"), "oil"),
        ]);

        var page = Parse(PlanReport.Write(new ReportContent(scenario, result) { Sweeps = sweeps }));

        var tornado = page.Descendants(Svg + "svg").Single(e => (string?)e.Attribute("class") == "tornado");
        var bars = tornado.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "tornado-bar").ToList();
        Assert.True(bars.Count >= 2, $"{bars.Count} bars");
        Assert.Contains(tornado.Descendants(Svg + "text"), t => t.Value.Contains("tariff of coal on border-city-rail", StringComparison.Ordinal));
        Assert.Contains(tornado.Descendants(Svg + "text"), t => t.Value.Contains("oil demand at CITY", StringComparison.Ordinal));
    }
}
