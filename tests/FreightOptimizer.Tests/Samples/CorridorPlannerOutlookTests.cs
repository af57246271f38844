using System.Globalization;
using System.Xml.Linq;
using FreightOptimizer.Analysis;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Cli;

namespace FreightOptimizer.Tests.Samples;

/// <summary>
/// The planner's questions beyond the base plan, through the programs: the cost–CO2 frontier
/// (CorridorPlanner --pareto, freightopt pareto), the base-year calibration (--calibrate, freightopt
/// calibrate) and the 2024–2030 outlook (--outlook).
/// </summary>
public sealed class CorridorPlannerOutlookTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("corridor-outlook-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Pareto_ThreePoints_PrintsTheFrontierAndWritesItsCsvAndSvg()
    {
        var run = CorridorPlannerTests.Run("--pareto", "3", "--out", _work);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Cost–CO2 frontier (3 points", run.Output, StringComparison.Ordinal);
        Assert.Contains("from least cost to least CO2: CO2e −", run.Output, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(_work, "pareto.csv"));
        Assert.Equal(4, csv.Length);

        // Least cost first: its cost is the base optimum and the CO2 falls along the rows.
        var co2 = csv.Skip(1).Select(l => l.Split(',')).ToList();
        var header = csv[0].Split(',');
        var column = Array.IndexOf(header, "co2Tonnes");
        Assert.True(column >= 0, csv[0]);
        var values = co2.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToList();
        Assert.True(values[0] > values[1] && values[1] > values[2], string.Join(" > ", values));
        Assert.Equal("svg", XDocument.Load(Path.Combine(_work, "pareto.svg")).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public void Pareto_FewerThanTwoPoints_ExitsWithTwo(string points)
    {
        var run = CorridorPlannerTests.Run("--pareto", points);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--pareto", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_Corridor_ElevenOfElevenAfterAndTheCalibratedFileCarriesTheConstants()
    {
        var run = CorridorPlannerTests.Run("--calibrate", "--out", _work);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("10 of 11 within tolerance before, 11 of 11 after", run.Output, StringComparison.Ordinal);
        var calibrated = ScenarioJson.ReadFile(Path.Combine(_work, "calibrated.json"));
        Assert.NotEmpty(calibrated.CostAdjustments);
        Assert.All(calibrated.CostAdjustments, a => Assert.Equal(Calibration.Source, a.Source));
        Assert.Contains("alibration", File.ReadAllText(Path.Combine(_work, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Outlook_TimesTheConveyorIn2027AndComparesTheNorthernSeaRoute()
    {
        var run = CorridorPlannerTests.Run("--outlook");

        Assert.True(run.ExitCode == 0, run.Error);
        var conveyor = run.Output.Split('\n').Single(l => l.Contains("coal conveyor", StringComparison.Ordinal) && l.Contains("2027", StringComparison.Ordinal));
        Assert.Contains("2027 (2027-ice)", conveyor, StringComparison.Ordinal);
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.Contains("CERTIFIED", StringComparison.Ordinal) && (l.Contains("base:", StringComparison.Ordinal) || l.Contains("NSR variant:", StringComparison.Ordinal))));
        for (var year = 2024; year <= 2030; year++)
        {
            Assert.Contains(run.Output.Split('\n'), l => l.TrimStart().StartsWith(year.ToString(CultureInfo.InvariantCulture) + "   1.58      2.81", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Outlook_MissingFile_ExitsWithTwo()
    {
        var run = CorridorPlannerTests.Run("--outlook", Path.Combine(_work, "nothing.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("outlook", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Freightopt_Pareto_AndCalibrate_OnTheBuiltInCorridor()
    {
        var pareto = CliRunner.Run("pareto", "--points", "2", "--out", _work);
        Assert.True(pareto.ExitCode == 0, pareto.Error);
        Assert.Contains("Cost–CO2 frontier (2 points", pareto.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_work, "pareto.svg")));
        Assert.Equal(2, CliRunner.Run("pareto", "--points", "1").ExitCode);

        var file = Path.Combine(_work, "calibrated.json");
        var calibrate = CliRunner.Run("calibrate", "--out", file);
        Assert.True(calibrate.ExitCode == 0, calibrate.Error);
        Assert.Contains("11 of 11 after", calibrate.Output, StringComparison.Ordinal);
        Assert.NotEmpty(ScenarioJson.ReadFile(file).CostAdjustments);
    }
}
