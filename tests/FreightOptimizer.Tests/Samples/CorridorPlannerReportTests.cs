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
    [Trait("Category", "Slow")]
    public void TraceAndSensitivity_Corridor_WriteTheirCsvFilesAndReportSections()
    {
        var run = CorridorPlannerTests.Run("--trace", "RU_ZABAIKALSK", "--sensitivity", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        var trace = File.ReadAllLines(Path.Combine(_work, "trace-RU_ZABAIKALSK.csv"));
        Assert.Equal("origin,market,commodity,period,tonnes,path", trace[0]);
        Assert.True(trace.Length > 1, "no traced path through Zabaikalsk");
        Assert.All(trace.Skip(1), line => Assert.Contains("zabaikalsk-", line, StringComparison.Ordinal));
        var sensitivity = File.ReadAllLines(Path.Combine(_work, "sensitivity.csv"));
        Assert.Equal("element,kind,period,price,value,lower,upper", sensitivity[0]);
        Assert.Contains(sensitivity, line => line.Contains(",capacity,", StringComparison.Ordinal));
        Assert.Contains(sensitivity, line => line.Contains(",tariff:", StringComparison.Ordinal));
        Assert.Contains("Flows through location RU_ZABAIKALSK", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Closures_Corridor_WritesClosuresCsvWithEveryCrossing()
    {
        var run = CorridorPlannerTests.Run("--closures", "operational", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(_work, "closures.csv"));
        Assert.Equal("element,kind,periods,status,objective,costChange,unmetTonnes", lines[0]);
        var crossings = RussiaChinaCorridor.Build().Network.Locations.Count(l => l.Kind == LocationKind.BorderCrossing);
        Assert.Equal(crossings, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("RU_ZABAIKALSK,Location,", StringComparison.Ordinal) && l.Contains(",Optimal,", StringComparison.Ordinal));
        Assert.Contains("Closures (Operational", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Closures_UnknownMode_ExitsWithTwo() => Assert.Equal(2, CorridorPlannerTests.Run("--closures", "sometimes").ExitCode);

    [Fact]
    public void Run_SmallScenario_PrintsMoneyInAUnitThatShowsIt()
    {
        // One route of 900 RUB/t carrying the 1,000 t a market wants, beside a supply of 1e12 t.
        var file = Path.Combine(_work, "small.json");
        File.WriteAllText(file, """
            { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "MINE", "kind": "Origin" }, { "id": "CITY", "kind": "Market" } ],
              "routes": [ { "id": "rail", "from": "MINE", "to": "CITY", "mode": "Rail", "costPerTonne": { "coal": 900 } } ],
              "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 1e12 } ],
              "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1000, "unmetPenaltyPerTonne": 30000 } ] }
            """);

        var run = CorridorPlannerTests.Run("--scenario", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Objective: 900.00 k RUB over the horizon", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unmet demand: none", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_UnknownId_ExitsWithTwoNamingIt()
    {
        var run = CorridorPlannerTests.Run("--trace", "NOWHERE");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NOWHERE", run.Error, StringComparison.Ordinal);
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
