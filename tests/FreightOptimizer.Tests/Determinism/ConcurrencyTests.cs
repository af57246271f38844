using FreightOptimizer.Corridors;
using FreightOptimizer.Tests.Properties;

namespace FreightOptimizer.Tests.Determinism;

/// <summary>
/// <see cref="FreightPlanner.Optimize(Scenario, SolveOptions?, CancellationToken)"/> called from many
/// threads at once gives each caller the plan it would get alone: nothing is shared between solves
/// but immutable scenarios, and each OR-Tools solver belongs to one call.
/// </summary>
public sealed class ConcurrencyTests
{
    private static IReadOnlyList<Scenario> Scenarios() =>
    [
        RussiaChinaCorridor.Build(),
        ScenarioGenerator.Generate(21, GeneratorSettings.LinearOnly),
        ScenarioGenerator.Generate(22, GeneratorSettings.Full),
        ScenarioGenerator.Generate(23, GeneratorSettings.NetworkFlow),
        ScenarioGenerator.Generate(24, GeneratorSettings.Full),
        ScenarioGenerator.Generate(25, GeneratorSettings.LinearWide),
        ScenarioGenerator.Generate(26, GeneratorSettings.NetworkFlowWide),
        RussiaChinaCorridor.Build(), // the same scenario twice at once, too
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public void Optimize_EightConcurrentCalls_GiveTheSamePlansAsSequentialSolves()
    {
        var scenarios = Scenarios();
        var sequential = scenarios.Select(s => FreightPlanner.Optimize(s)).ToList();

        using var start = new Barrier(scenarios.Count);
        var concurrent = new OptimizationResult[scenarios.Count];
        var threads = scenarios.Select((s, i) => new Thread(() =>
        {
            start.SignalAndWait();
            concurrent[i] = FreightPlanner.Optimize(s);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        for (var i = 0; i < scenarios.Count; i++)
        {
            Assert.Equal(sequential[i].Status, concurrent[i].Status);
            Assert.Equal(sequential[i].Plan, concurrent[i].Plan);
        }
    }
}
