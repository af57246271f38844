using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Properties;
using FreightOptimizer.Tests.Samples;

namespace FreightOptimizer.Tests.Determinism;

/// <summary>
/// The same scenario gives the same plan.json whatever the thread settings and in whichever process it
/// is solved. plan.json holds no time, date or machine name (the timings stay in <see cref="SolveReport"/>,
/// which is not written). Everything is compared byte for byte except the numbers of the appraisal that
/// come from MIP re-solves, which are equal within the appraisal's tolerance (<see cref="PlanJsonComparison"/>).
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("determinism-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>
    /// Thread settings to solve under: the solvers' defaults, one thread, two, and parallel re-solves of
    /// one and four. (2, 4) on the corridor runs four multi-threaded SCIP appraisal re-solves at once,
    /// which crashed the process before OrToolsSolver.ScipGate.
    /// </summary>
    private static readonly (int? Threads, int? Parallel)[] Settings = [(null, null), (1, 1), (2, 4), (null, 1), (1, 4)];

    public static TheoryData<string> Scenarios => new() { "corridor", "generated-lp", "generated-mip", "generated-flow" };

    private static Scenario Make(string name) => name switch
    {
        "corridor" => RussiaChinaCorridor.Build(),
        "generated-lp" => ScenarioGenerator.Generate(11, GeneratorSettings.LinearOnly),
        "generated-mip" => ScenarioGenerator.Generate(12, GeneratorSettings.Full),
        _ => ScenarioGenerator.Generate(13, GeneratorSettings.NetworkFlow),
    };

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Scenarios))]
    public void Optimize_SameScenarioUnderDifferentThreadSettings_WritesByteIdenticalPlanJson(string name)
    {
        var scenario = Make(name);
        var texts = new List<string>();
        foreach (var (threads, parallel) in Settings)
        {
            var result = FreightPlanner.Optimize(scenario, new SolveOptions { Threads = threads, MaxParallelSolves = parallel });

            texts.Add(PlanJson.Write(result));
        }

        Assert.All(texts.Skip(1), t => PlanJsonComparison.AssertSame(texts[0], t));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void CorridorPlanner_TwoProcesses_WriteByteIdenticalPlanJson()
    {
        var first = Path.Combine(_work, "first");
        var second = Path.Combine(_work, "second");

        var a = CorridorPlannerTests.Run("--out", first);
        var b = CorridorPlannerTests.Run("--out", second);

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        PlanJsonComparison.AssertSame(File.ReadAllText(Path.Combine(first, "plan.json")), File.ReadAllText(Path.Combine(second, "plan.json")));
    }
}
