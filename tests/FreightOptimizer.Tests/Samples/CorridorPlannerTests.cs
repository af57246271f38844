using System.Diagnostics;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;

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

    [Fact]
    public void NoArguments_PrintsTheAppraisalOfTheFourProjects()
    {
        var run = Run();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Appraisal of the investment options", run.Output, StringComparison.Ordinal);
        var table = run.Output[run.Output.IndexOf("Appraisal of the investment options", StringComparison.Ordinal)..].Split('\n').Skip(4).Take(4).ToList(); // title (2 lines), header, rule
        Assert.Contains("Zabaikalsk rail crossing", table[0], StringComparison.Ordinal);
        Assert.Contains("Nizhneleninskoye logistics terminal", table[1], StringComparison.Ordinal);
        Assert.Contains("Blagoveshchensk–Heihe coal conveyor", table[2], StringComparison.Ordinal);
        Assert.Contains(" yr", table[2], StringComparison.Ordinal); // the conveyor is built and pays back
        Assert.Contains("Xuan Yuan", table[3], StringComparison.Ordinal);
        Assert.Contains("note: Xuan Yuan", run.Output, StringComparison.Ordinal); // forced in, it does not fit the budget
    }

    [Fact]
    public void BudgetSweep_WritesFrontierCsvAndSvg()
    {
        var run = Run("--budget-sweep", "0:30e9:10e9", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Budget frontier (4 budgets", run.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(_work, "frontier.csv"));
        Assert.Equal("budget,status,objective,capital,unmetTonnes,options", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(["0", "10000000000", "20000000000", "30000000000"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Equal("Optimal", l.Split(',')[1]));
        var objectives = lines.Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(objectives.Zip(objectives.Skip(1)).All(p => p.Second <= p.First * (1 + 1e-9)), string.Join(", ", objectives));
        Assert.Equal("", lines[1].Split(',')[5]);
        Assert.Contains("blagoveshchensk-heihe-conveyor", lines[3], StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Load(Path.Combine(_work, "frontier.svg"));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", svg.Root.Name.NamespaceName);
    }

    [Fact]
    public void InfeasibleScenario_PrintsWhatIsShortAndWhyAndWritesTheExplanation()
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
        Assert.Contains("Why no plan exists", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hard demands short", run.Output, StringComparison.Ordinal);
        Assert.Contains("Saturated on the cheapest way to serve them", run.Output, StringComparison.Ordinal);
        Assert.Contains("route a-b", run.Output, StringComparison.Ordinal);
        var document = PlanJson.ReadFile(Path.Combine(_work, "plan.json"));
        var shortfall = Assert.Single(document.Explanation!.Shortfalls);
        Assert.Equal(("B", "coal", "year"), (shortfall.Location.Value, shortfall.Commodity.Value, shortfall.Period.Value));
        Assert.Equal(40, shortfall.Tonnes, 1e-6);
        Assert.Equal("a-b", Assert.Single(document.Explanation.Saturated).Element.Route?.Value);
    }

    /// <summary>
    /// 10^12 t of supply beside a demand of 1,000 t, solved by the network simplex by name. The integer
    /// scaling once lost the 1,000 t, and the planner printed "every demand is served" and exited 0 for
    /// a plan that moved nothing; now 1,000 t is 1 unit of 10^3 t and the plan serves it.
    /// </summary>
    [Fact]
    public void NetworkFlow_SupplyOf1e12BesideDemandOf1000_ServesItAndExitsWithZero()
    {
        var file = Path.Combine(_work, "wide.json");
        File.WriteAllText(file, Solving.WideRangeScenarios.ScenarioFile(1e12, 1000, 1, 1000, null));

        var run = Run("--scenario", file, "--engine", "NetworkFlow", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unmet demand: none; every demand is served.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verification: PASSED", run.Output, StringComparison.Ordinal);
        Assert.Contains("optimality CERTIFIED", run.Output, StringComparison.Ordinal);
        var document = PlanJson.ReadFile(Path.Combine(_work, "plan.json"));
        Assert.Equal(1000, document.Plan!.Flows.Single().Tonnes, 1e-9);
    }

    /// <summary>
    /// Tonnages from 10^12 to 10^3 t that the network simplex can only round (WideRangeScenarios.
    /// RoundedPastItsCertificate): asked for by name, its plan misses the optimum by more than the
    /// verifier's gap allows. The findings come first, nothing calls the plan optimal or says every
    /// demand is served, plan.json says VerificationFailed, and the exit code is 3.
    /// </summary>
    [Fact]
    public void NetworkFlow_PlanTheVerifierRejects_PrintsTheFindingsFirstAndExitsWithThree()
    {
        var file = Path.Combine(_work, "rounded.json");
        File.WriteAllText(file, Solving.WideRangeScenarios.RoundedPastItsCertificateJson());

        var run = Run("--scenario", file, "--engine", "NetworkFlow", "--out", _work);

        Assert.Equal(3, run.ExitCode);
        var lines = run.Output.Split('\n');
        var verdict = Array.FindIndex(lines, l => l.StartsWith("VERIFICATION FAILED", StringComparison.Ordinal));
        var finding = Array.FindIndex(lines, l => l.Contains("DualityGap (objective):", StringComparison.Ordinal));
        var scenario = Array.FindIndex(lines, l => l.StartsWith("Scenario:", StringComparison.Ordinal));
        var objective = Array.FindIndex(lines, l => l.StartsWith("Objective:", StringComparison.Ordinal));
        Assert.True(verdict >= 0 && finding > verdict && scenario > finding && objective > scenario, run.Output);
        Assert.True(lines.Take(verdict).All(l => l.StartsWith("plan.json written", StringComparison.Ordinal) || l.Length == 0), run.Output);
        Assert.Contains("Status: VerificationFailed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Optimal", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("every demand is served", run.Output, StringComparison.Ordinal);
        var document = PlanJson.ReadFile(Path.Combine(_work, "plan.json"));
        Assert.Equal(SolveStatus.VerificationFailed, document.Status);
        Assert.False(document.Plan!.Verification!.OptimalityCertified);
    }

    [Fact]
    public void Auto_PlanTheNetworkSimplexCannotCertify_IsReSolvedByClpAndExitsWithZero()
    {
        var file = Path.Combine(_work, "rounded.json");
        File.WriteAllText(file, Solving.WideRangeScenarios.RoundedPastItsCertificateJson());

        var run = Run("--scenario", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.Contains("engine Clp:", run.Output, StringComparison.Ordinal);
        Assert.Contains("the verifier rejected its plan", run.Output, StringComparison.Ordinal);
        Assert.Contains("optimality CERTIFIED", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DocumentsExitCodeThreeAndTheFlowEngines()
    {
        var run = Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3  a plan that failed verification", run.Output, StringComparison.Ordinal);
        Assert.Contains("NetworkFlow", run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by mutating the corridor's file: at 15,000,000 years (1.12^n overflows) the capital
    /// recovery factor was NaN, the planner printed "Status: Optimal" with capital "NaN bn RUB" and
    /// died writing plan.json. The factor tends to the discount rate as the lifetime grows.
    /// </summary>
    [Fact]
    public void ScenarioWithALifetimeOfFifteenMillionYears_SolvesWithFiniteCapitalAndExitsWithZero()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(CorridorFile))!;
        foreach (var option in root["investments"]!.AsArray()) option!["lifetimeYears"] = 15_000_000;
        var file = Path.Combine(_work, "long-lived.json");
        File.WriteAllText(file, root.ToJsonString());

        var run = Run("--scenario", file, "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
        var scenario = ScenarioJson.ReadFile(file);
        var plan = PlanJson.ReadFile(Path.Combine(_work, "plan.json")).Plan!;
        var capital = scenario.Investments.Zip(plan.Investments).Sum(p => p.First.CapitalCost * p.Second.Units * scenario.DiscountRate * scenario.Horizon.Years);
        Assert.True(capital > 0, "the corridor builds something");
        Assert.Equal(capital, plan.Costs.Capital, 1e-9 * capital);
        Assert.True(PlanVerifier.Verify(scenario, plan).Passed);
    }

    [Fact]
    public void ScenarioWithALifetimeOfTenToThe300Years_ExitsWithTwoNamingThePath()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(CorridorFile))!;
        root["investments"]![0]!["lifetimeYears"] = 1e300;
        var file = Path.Combine(_work, "too-long-lived.json");
        File.WriteAllText(file, root.ToJsonString());

        var run = Run("--scenario", file, "--out", _work);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OutOfRange at $.investments[0].lifetimeYears", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "plan.json")));
    }

    private static string CorridorFile => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer", "Corridors", "russia-china-2023.json");

    [Theory]
    [InlineData("--budget-sweep", "0:10")]
    [InlineData("--budget-sweep", "10:0:1")]
    [InlineData("--budget-sweep", "0:10:zero")]
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

    [Fact]
    public void Version_PrintsTheLibraryVersionFromItsOneSource()
    {
        var run = Run("--version");

        Assert.Equal(0, run.ExitCode);
        var prefix = System.Xml.Linq.XDocument.Load(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;
        Assert.StartsWith($"FreightOptimizer {prefix}", run.Output, StringComparison.Ordinal);
        Assert.Equal(prefix, typeof(FreightPlanner).Assembly.GetName().Version!.ToString(3));
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
