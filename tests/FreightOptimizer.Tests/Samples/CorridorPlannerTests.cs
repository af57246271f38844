using System.Diagnostics;
using FreightOptimizer.Corridors;
using FreightOptimizer.Results;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;
using FreightOptimizer.Verification;

namespace FreightOptimizer.Tests.Samples;

/// <summary>The main job, run as a user runs it: a process, its exit code, its output and its files.</summary>
public sealed class CorridorPlannerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("corridor-planner-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void NoArguments_SolvesTheCorridorAndReportsACertifiedPlan()
    {
        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.Contains("Tonnes through each border crossing", run.Output, StringComparison.Ordinal);
        Assert.Contains("Northern Sea Route", run.Output, StringComparison.Ordinal);
        Assert.Contains("Top bottlenecks", run.Output, StringComparison.Ordinal);
        Assert.Contains("Market prices", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verification: PASSED", run.Output, StringComparison.Ordinal);
        Assert.Contains("optimality CERTIFIED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_WritesAPlanFileThatVerifiesAgainstTheScenarioOnItsOwn()
    {
        var run = Run("--out", _work);

        Assert.Equal(0, run.ExitCode);
        var document = PlanJson.ReadFile(Path.Combine(_work, "plan.json"));
        Assert.Equal(SolveStatus.Optimal, document.Status);
        var report = PlanVerifier.Verify(RussiaChinaCorridor.Build(), document.Plan!);
        Assert.True(report.Passed && report.OptimalityCertified, string.Join("; ", report.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void InvalidScenarioFile_ExitsWithTwoNamesThePathsAndWritesNoPlan()
    {
        var file = Path.Combine(_work, "broken.json");
        File.WriteAllText(file, """
            { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market", "colour": "red" } ],
              "routes": [ { "id": "a-b", "from": "A", "to": "C", "mode": "Rail", "costPerTonne": { "coal": -1 } } ] }
            """);
        var outDir = Path.Combine(_work, "out");

        var run = Run("--scenario", file, "--out", outDir);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.locations[1].colour", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.routes[0].to", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.routes[0].costPerTonne.coal", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "plan.json")));
    }

    [Fact]
    public void InfeasibleScenario_ExitsWithOneAndStillWritesThePlanFile()
    {
        var file = Path.Combine(_work, "infeasible.json");
        File.WriteAllText(file, """
            { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
              "routes": [ { "id": "a-b", "from": "A", "to": "B", "mode": "Rail", "annualCapacityTonnes": 10, "costPerTonne": { "coal": 5 } } ],
              "supplies": [ { "location": "A", "commodity": "coal", "annualTonnes": 100 } ],
              "demands": [ { "location": "B", "commodity": "coal", "annualTonnes": 50, "mustServe": true } ] }
            """);

        var run = Run("--scenario", file, "--out", _work);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Status: Infeasible", run.Output, StringComparison.Ordinal);
        var document = PlanJson.ReadFile(Path.Combine(_work, "plan.json"));
        Assert.Equal(SolveStatus.Infeasible, document.Status);
        Assert.Null(document.Plan);
    }

    [Theory]
    [InlineData("--engine", "Cplex")]
    [InlineData("--time-limit", "soon")]
    [InlineData("--frobnicate")]
    [InlineData("--scenario")]
    public void BadArguments_ExitWithTwoAndShowUsage(params string[] args)
    {
        var run = Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.Error, StringComparison.Ordinal);
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "samples", "CorridorPlanner", "bin", configuration, "net10.0", "CorridorPlanner.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
