using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using FreightOptimizer.Corridors;
using FreightOptimizer.Export;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Readme;
using static FreightOptimizer.Tests.Cli.CliRunner;

namespace FreightOptimizer.Tests.Cli;

/// <summary>Every freightopt command, run in-process on the built-in corridor or a small scenario computed by hand.</summary>
public sealed class CliCommandTests : IDisposable
{
    private static readonly string[] Commands = ["solve", "validate", "closures", "trace", "sensitivity", "compare", "frontier", "export"];

    private readonly string _work = Directory.CreateTempSubdirectory("freightopt-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_work, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static string CorridorFile => Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer", "Corridors", "russia-china-2023.json");

    [Fact]
    public void Help_ListsEveryCommandAndTheExitCodes()
    {
        var run = Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Commands, c => Assert.Contains($"  {c} ", run.Output, StringComparison.Ordinal));
        Assert.Contains("3  a plan that failed verification", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SuggestDirective_CompletesCommandsAndEngineNames()
    {
        var command = Run("[suggest:13]", "freightopt so");
        var engine = Run("[suggest:27]", "freightopt solve --engine ");

        Assert.Equal(["solve"], command.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Enum.GetNames<SolverEngine>().Order(StringComparer.Ordinal), engine.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Version_PrintsTheVersionOfDirectoryBuildProps()
    {
        var run = Run("--version");

        var prefix = XDocument.Load(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"freightopt {prefix}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"(FreightOptimizer {prefix}", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("solve", "--engine", "Cplex")]
    [InlineData("solve", "--engine", "3")]
    [InlineData("solve", "--time-limit", "-1")]
    [InlineData("validate")]
    [InlineData("frontier")]
    [InlineData("frontier", "--budgets", "10:0:1")]
    [InlineData("closures", "--mode", "sometimes")]
    [InlineData("export", "xml", "x.json", "--out", "x")]
    [InlineData("export", "mps", "x.json")]
    public void BadArguments_ExitWithTwoAndPrintTheUsageOnStandardError(params string[] args)
    {
        var run = Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage:", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Solve_SmallScenario_PrintsOptimalAndTheHandComputedObjective()
    {
        var run = Run("solve", File("small.json", SmallScenario()));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.Contains("Objective: 15.90 bn RUB over the horizon", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unmet demand: 0.50 Mt in all", run.Output, StringComparison.Ordinal);
        Assert.Contains("Verification: PASSED", run.Output, StringComparison.Ordinal);
        Assert.Contains("optimality CERTIFIED", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Solve_Corridor_WritesPlanAndReportsThatVerifyOnTheirOwn()
    {
        var run = Run("solve", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.Contains("Tonnes through each border crossing", run.Output, StringComparison.Ordinal);
        Assert.All(ReportFilesNames(), f => Assert.True(System.IO.File.Exists(Path.Combine(_work, f)), f));
        var plan = PlanJson.ReadFile(Path.Combine(_work, "plan.json")).Plan!;
        var check = PlanVerifier.Verify(RussiaChinaCorridor.Build(), plan);
        Assert.True(check.Passed && check.OptimalityCertified);
        Assert.Contains($"Objective: {plan.Objective / 1e9:N2} bn RUB", run.Output, StringComparison.Ordinal);
        // Redirected output: no ANSI codes, no line wider than the fixed width.
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        Assert.All(run.Output.Split('\n'), l => Assert.True(l.Length <= FreightOptimizer.Reporting.Terminal.RedirectedWidth || !l.Contains('─', StringComparison.Ordinal), l));
    }

    private static IEnumerable<string> ReportFilesNames() => ["plan.json", .. FreightOptimizer.Reporting.ReportFiles.ReportNames];

    [Fact]
    public void Solve_InfeasibleScenario_ExitsWithOneAndSaysWhy()
    {
        var run = Run("solve", File("infeasible.json", InfeasibleScenario));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Status: Infeasible", run.Output, StringComparison.Ordinal);
        Assert.Contains("Hard demands short", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_PlanTheVerifierRejects_ExitsWithThreeAndPrintsTheFindingsFirst()
    {
        var run = Run("solve", File("rounded.json", Solving.WideRangeScenarios.RoundedPastItsCertificateJson()), "--engine", "NetworkFlow");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("VERIFICATION FAILED", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Optimal", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_BrokenFile_ExitsWithTwoNamingCodesAndPaths()
    {
        var run = Run("solve", File("broken.json", BrokenScenario));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("UnknownReference at $.routes[0].to", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFile_ExitsWithTwoAndNamesEveryCodeAndPath()
    {
        var run = Run("validate", File("broken.json", BrokenScenario));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("invalid, 3 error(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains("ERROR UnknownField at $.locations[1].colour:", run.Error, StringComparison.Ordinal);
        Assert.Contains("ERROR UnknownReference at $.routes[0].to:", run.Error, StringComparison.Ordinal);
        Assert.Contains("ERROR Negative at $.routes[0].costPerTonne.coal:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Corridor_ExitsWithZero()
    {
        var run = Run("validate", CorridorFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid (39 locations, 77 routes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileWithAWarning_ExitsWithZeroAndShowsIt()
    {
        var text = SmallScenario().Replace("""{ "id": "CITY", "kind": "Market" }""", """{ "id": "CITY", "kind": "Market" }, { "id": "LONELY", "kind": "Hub" }""", StringComparison.Ordinal);

        var run = Run("validate", File("warning.json", text));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 warning(s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("WARNING UnusableElement at $.locations[2]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsWithTwo()
    {
        var run = Run("validate", Path.Combine(_work, "nowhere.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the scenario file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Closures_Corridor_ListsEveryCrossingAndWritesClosuresCsv()
    {
        var run = Run("closures", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        var crossings = RussiaChinaCorridor.Build().Network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).ToList();
        Assert.All(crossings, c => Assert.Contains($"location {c.Id} ", run.Output, StringComparison.Ordinal));
        var rows = ReadCsv(Path.Combine(_work, "closures.csv"));
        Assert.Equal(CsvExport.ClosureColumns, rows[0]);
        Assert.Equal(crossings.Count, rows.Count - 1);
    }

    [Fact]
    public void Trace_Corridor_PrintsTheFlowsThroughZabaikalsk()
    {
        var run = Run("trace", "RU_ZABAIKALSK", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Flows through location RU_ZABAIKALSK", run.Output, StringComparison.Ordinal);
        var rows = ReadCsv(Path.Combine(_work, "trace-RU_ZABAIKALSK.csv"));
        Assert.Equal(CsvExport.TraceColumns, rows[0]);
        Assert.True(rows.Count > 1);
    }

    [Fact]
    public void Trace_UnknownId_ExitsWithTwoNamingIt()
    {
        var run = Run("trace", "NOWHERE");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("NOWHERE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_SmallScenario_PricesTheRailAtTheHandComputedValue()
    {
        var run = Run("sensitivity", File("small.json", SmallScenario()), "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Sensitivity of the binding capacities", run.Output, StringComparison.Ordinal);
        var line = run.Output.Split('\n').Single(l => l.Contains("route rail", StringComparison.Ordinal) && l.Contains("year", StringComparison.Ordinal));
        Assert.Contains("29,100", line, StringComparison.Ordinal);
        Assert.Contains("What moves the optimum", run.Output, StringComparison.Ordinal);
        var rows = ReadCsv(Path.Combine(_work, "sensitivity.csv"));
        Assert.Equal(CsvExport.SensitivityColumns, rows[0]);
    }

    [Fact]
    public void Compare_TwoScenarios_ShowsTheHandComputedChangeOfTheOptimum()
    {
        // 0.2 Mt more rail capacity serves 0.2 Mt more at 900 instead of 30,000 RUB/t unmet: −5.82 bn.
        var run = Run("compare", File("a.json", SmallScenario()), File("b.json", SmallScenario(1_200_000)));

        Assert.Equal(0, run.ExitCode);
        var total = run.Output.Split('\n').Single(l => l.TrimStart().StartsWith("total ", StringComparison.Ordinal));
        Assert.Contains("15.90", total, StringComparison.Ordinal);
        Assert.Contains("10.08", total, StringComparison.Ordinal);
        Assert.EndsWith("-5.82", total.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SavedPlans_ReadsThemInsteadOfSolving()
    {
        var a = File("a.json", SmallScenario());
        Assert.Equal(0, Run("solve", a, "--out", Path.Combine(_work, "out")).ExitCode);

        var same = Run("compare", a, a, "--plan-a", Path.Combine(_work, "out", "plan.json"));

        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No difference", same.Output, StringComparison.Ordinal);
        Assert.Equal(2, Run("compare", a, a, "--plan-a", Path.Combine(_work, "missing.json")).ExitCode);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Frontier_Corridor_WritesAFrontierThatNeverRisesWithTheBudget()
    {
        var run = Run("frontier", "--budgets", "0:20e9:10e9", "--out", _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Budget frontier (3 budgets", run.Output, StringComparison.Ordinal);
        var rows = ReadCsv(Path.Combine(_work, "frontier.csv"));
        Assert.Equal(CsvExport.FrontierColumns, rows[0]);
        Assert.Equal(["0", "10000000000", "20000000000"], rows.Skip(1).Select(r => r[0]));
        var objectives = rows.Skip(1).Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToList();
        Assert.True(objectives.Zip(objectives.Skip(1)).All(p => p.Second <= p.First * (1 + 1e-9)), string.Join(", ", objectives));
        Assert.Equal("svg", XDocument.Load(Path.Combine(_work, "frontier.svg")).Root!.Name.LocalName);
    }

    [Fact]
    public void ExportCsv_SmallScenario_WritesParseableCsvWithTheHandComputedFlows()
    {
        var dir = Path.Combine(_work, "csv");

        var run = Run("export", "csv", File("small.json", SmallScenario()), "--out", dir);

        Assert.Equal(0, run.ExitCode);
        var flows = ReadCsv(Path.Combine(dir, "flows.csv"));
        Assert.Equal(CsvExport.FlowColumns, flows[0]);
        var row = Assert.Single(flows.Skip(1));
        Assert.Equal(("rail", 1e6), (row[0], double.Parse(row[6], CultureInfo.InvariantCulture)));
        var unmet = ReadCsv(Path.Combine(dir, "unmet.csv"));
        Assert.Equal(5e5, double.Parse(Assert.Single(unmet.Skip(1))[3], CultureInfo.InvariantCulture), 1e-6);
        Assert.True(ReadCsv(Path.Combine(dir, "prices.csv")).Count > 1);
    }

    [Theory]
    [InlineData("mps", "model.mps", "NAME")]
    [InlineData("lp", "model.lp", "Minimize")]
    [InlineData("dimacs", "model.min", "p min")]
    [InlineData("geojson", "flows.geojson", "FeatureCollection")]
    [InlineData("report", "report.html", "<html")]
    [InlineData("report", "report.md", "# ")]
    public void Export_SmallScenario_WritesTheFormat(string format, string name, string expected)
    {
        var path = Path.Combine(_work, name);

        var run = Run("export", format, File("small.json", SmallScenario()), "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, System.IO.File.ReadAllText(path), StringComparison.OrdinalIgnoreCase);
        if (format == "geojson") Assert.Equal("FeatureCollection", JsonDocument.Parse(System.IO.File.ReadAllText(path)).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void ExportDimacs_Corridor_ExitsWithTwoSayingWhyNot()
    {
        var run = Run("export", "dimacs", CorridorFile, "--out", Path.Combine(_work, "corridor.min"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot export dimacs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportMps_ToAMissingFolder_ExitsWithTwo()
    {
        var run = Run("export", "mps", File("small.json", SmallScenario()), "--out", Path.Combine(_work, "no", "such", "m.mps"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot write", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The header and every row of a CSV file, parsed by CsvHelper (not by splitting on commas).</summary>
    internal static List<string[]> ReadCsv(string path)
    {
        using var reader = CsvReader.FromText(System.IO.File.ReadAllText(path));
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return [[.. reader.Headers], .. rows];
    }
}
