using FreightOptimizer.Corridors;
using FreightOptimizer.Tests.Export;

namespace FreightOptimizer.Tests.Samples;

/// <summary>CorridorPlanner --out writes the reports beside plan.json, whatever the scenario and status.</summary>
public sealed class CorridorPlannerReportTests : IDisposable
{
    private static readonly string[] Files = ["plan.json", "report.html", "report.md", "flows.geojson", "flows.csv", "unmet.csv", "prices.csv", "network.dot"];

    private readonly string _work = Directory.CreateTempSubdirectory("corridor-reports-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public void Out_Corridor_WritesEveryReportBesideThePlan()
    {
        var run = CorridorPlannerTests.Run("--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.All(Files, f => Assert.True(File.Exists(Path.Combine(_work, f)), f + " missing"));
        var page = PlanReportTests.Parse(File.ReadAllText(Path.Combine(_work, "report.html")));
        Assert.Equal(RussiaChinaCorridor.Build().Network.Routes.Length, PlanReportTests.RoutePaths(page).Count());
        Assert.StartsWith("route,from,to,mode,commodity,period,tonnes", File.ReadAllText(Path.Combine(_work, "flows.csv")), StringComparison.Ordinal);
        Assert.Contains("\"RU_ZABAIKALSK\" -> \"CN_MANZHOULI\"", File.ReadAllText(Path.Combine(_work, "network.dot")), StringComparison.Ordinal);
        Assert.Contains("- **Status:** Optimal: verification PASSED, optimality certified", File.ReadAllText(Path.Combine(_work, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Out_ScenarioWithoutCoordinates_WritesAReportWhoseMapSaysSo()
    {
        var file = Path.Combine(_work, "plain.json");
        File.WriteAllText(file, """
            { "formatVersion": 1, "name": "No coordinates", "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
              "routes": [ { "id": "a-b", "from": "A", "to": "B", "mode": "Rail", "annualCapacityTonnes": 10, "costPerTonne": { "coal": 5 } } ],
              "supplies": [ { "location": "A", "commodity": "coal", "annualTonnes": 100 } ],
              "demands": [ { "location": "B", "commodity": "coal", "annualTonnes": 50, "unmetPenaltyPerTonne": 100 } ] }
            """);

        var run = CorridorPlannerTests.Run("--scenario", file, "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.All(Files, f => Assert.True(File.Exists(Path.Combine(_work, f)), f + " missing"));
        var html = File.ReadAllText(Path.Combine(_work, "report.html"));
        Assert.Contains("Coordinates missing", html, StringComparison.Ordinal);
        Assert.Single(PlanReportTests.RoutePaths(PlanReportTests.Parse(html)));
    }

    [Fact]
    public void Out_PlanTheVerifierRejects_WritesAReportThatSaysSoFirst()
    {
        var file = Path.Combine(_work, "rounded.json");
        File.WriteAllText(file, Solving.WideRangeScenarios.RoundedPastItsCertificateJson());

        var run = CorridorPlannerTests.Run("--scenario", file, "--engine", "NetworkFlow", "--out", _work);

        Assert.Equal(3, run.ExitCode);
        var html = File.ReadAllText(Path.Combine(_work, "report.html"));
        Assert.Contains("VERIFICATION FAILED", html, StringComparison.Ordinal);
        Assert.DoesNotContain("optimality certified", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"findings-first\"", StringComparison.Ordinal) < html.IndexOf("id=\"network-map\"", StringComparison.Ordinal));
        Assert.Contains("VERIFICATION FAILED", File.ReadAllText(Path.Combine(_work, "report.md")), StringComparison.Ordinal);
    }
}
