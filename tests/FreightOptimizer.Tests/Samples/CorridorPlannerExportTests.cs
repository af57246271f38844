using FreightOptimizer.Corridors;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Tests.Samples;

/// <summary>CorridorPlanner --export-mps / --export-lp, run as a user runs them.</summary>
public sealed class CorridorPlannerExportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("corridor-export-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void ExportMpsAndLp_WriteBothFiles_AndStillSolve()
    {
        var mps = Path.Combine(_work, "corridor.mps");
        var lp = Path.Combine(_work, "corridor.lp");

        var run = CorridorPlannerTests.Run("--export-mps", mps, "--export-lp", lp);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"model written to {mps}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Status: Optimal", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("\\ FreightOptimizer model", File.ReadAllText(lp), StringComparison.Ordinal);
        var fromFile = OrToolsModelFiles.SolveFile(mps, RussiaChinaCorridor.Scenario.HasIntegerDecisions ? SolverEngine.Scip : SolverEngine.Glop);
        Assert.Equal(SolveStatus.Optimal, fromFile.Status);
    }

    [Fact]
    public void ExportMps_ToAnUnwritablePath_ExitsWithTwo()
    {
        var run = CorridorPlannerTests.Run("--export-mps", Path.Combine(_work, "missing", "dir", "corridor.mps"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot write", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportMps_WithoutAFile_ExitsWithTwoAndShowsUsage()
    {
        var run = CorridorPlannerTests.Run("--export-mps");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--export-mps <FILE>", run.Error, StringComparison.Ordinal);
    }
}
