using FreightOptimizer.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Properties;

/// <summary>
/// Structure-aware fuzzing in CI: generated valid scenarios, written as JSON and mutated
/// (<see cref="ScenarioMutator"/>), are read, validated and, when still valid, solved. Whatever the
/// mutation, only a <see cref="FreightValidationException"/> or a result with a status may come back,
/// and a plan called optimal or feasible must have passed the verifier.
/// </summary>
public sealed class BadInputProperties
{
    private static readonly SolveOptions Options = new() { TimeLimit = TimeSpan.FromSeconds(5), Appraise = AppraisalMode.Never };

    [Property(MaxTest = 300)]
    [Trait("Category", "Slow")]
    public Property ReadAndOptimize_MutatedGeneratedScenario_RejectsOrSolvesVerified() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).Two().Select(t => (Scenario: t.Item1, Mutation: t.Item2)).ToArbitrary(), seeds =>
        {
            var scenario = ScenarioGenerator.Generate(seeds.Scenario);
            var (json, description) = ScenarioMutator.Mutate(ScenarioJson.Write(scenario), seeds.Mutation, 1 + (seeds.Mutation % 3));
            Scenario read;
            try
            {
                read = ScenarioJson.Read(json);
            }
            catch (FreightValidationException e)
            {
                return (!e.Issues.IsEmpty).Label($"{description}: rejected with no issue");
            }

            var result = FreightPlanner.Optimize(read, Options);
            // VerificationFailed is an honest status (the plan is kept for diagnosis, never called
            // optimal); what must never happen is an optimal or feasible plan the verifier rejects.
            var verified = result.Status is not (SolveStatus.Optimal or SolveStatus.Feasible) || result.Plan!.Verification is { Passed: true };
            return verified.Label($"{description}: {result.Status}");
        });
}
