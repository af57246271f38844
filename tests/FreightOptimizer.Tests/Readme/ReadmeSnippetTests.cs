
namespace FreightOptimizer.Tests.Readme;

/// <summary>
/// The README's quick-start snippet lives here, between the markers, so it compiles and runs with
/// the tests; a test checks that README.md shows exactly this text.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static AllocationPlan RunSnippet()
    {
        // README-SNIPPET-START
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("KUZBASS", LocationKind.Origin)
            .AddLocation("ZABAIKALSK", LocationKind.BorderCrossing, annualCapacityTonnes: 20_000_000)
            .AddLocation("HARBIN", LocationKind.Market)
            .AddRoute("kuzbass-zabaikalsk", "KUZBASS", "ZABAIKALSK", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 2_600 })
            .AddRoute("zabaikalsk-harbin", "ZABAIKALSK", "HARBIN", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 900 })
            .AddRoute("kuzbass-harbin-sea", "KUZBASS", "HARBIN", TransportMode.Sea, new Dictionary<CommodityId, double> { ["coal"] = 5_200 })
            .Build();

        var scenario = new ScenarioBuilder(network)
            .AddSupply("KUZBASS", "coal", annualTonnes: 40_000_000, costPerTonne: 1_500)
            .AddDemand("HARBIN", "coal", annualTonnes: 25_000_000, unmetPenaltyPerTonne: 30_000)
            .Build();

        var result = FreightPlanner.Optimize(scenario);
        if (result.TryGetPlan(out var plan))
        {
            foreach (var flow in plan.Flows) Console.WriteLine($"{flow.Route}: {flow.Tonnes / 1e6:N1} Mt");
            Console.WriteLine($"Certified optimal: {plan.Verification?.OptimalityCertified}");
        }
        // README-SNIPPET-END

        return result.GetPlanOrThrow();
    }

    [Fact]
    public void Snippet_RunsAndFindsTheHandComputedPlan()
    {
        var plan = RunSnippet();

        // Rail costs 3,500/t to Harbin but Zabaikalsk takes 20 Mt; the other 5 Mt go by sea at 5,200/t.
        Assert.Equal(20e6, plan.Flows.Single(f => f.Route == "zabaikalsk-harbin").Tonnes, 1e-3);
        Assert.Equal(5e6, plan.Flows.Single(f => f.Route == "kuzbass-harbin-sea").Tonnes, 1e-3);
        Assert.Equal((20e6 * 5_000) + (5e6 * 6_700), plan.Objective, 1);
    }

    [Fact]
    public void Readme_ShowsTheSnippetVerbatim()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tests", "FreightOptimizer.Tests", "Readme", "ReadmeSnippetTests.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// README-SNIPPET-START");
        var end = Array.FindIndex(source, l => l.Trim() == "// README-SNIPPET-END");
        var indent = source[start].IndexOf('/', StringComparison.Ordinal);
        var snippet = string.Join('\n', source[(start + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains(snippet, readme, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FreightOptimizer.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("FreightOptimizer.sln not found above the test output.");
    }
}
