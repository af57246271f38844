using FreightOptimizer;
using FreightOptimizer.Serialization;
using SharpFuzz;

namespace FreightOptimizer.Fuzz;

/// <summary>
/// Feeds bytes to the scenario reader and, when they make a valid scenario, to the planner. A crash,
/// for the fuzzer, is any exception that escapes <see cref="Check"/>: the library promises that bad
/// input ends as a <see cref="FreightValidationException"/> or a result with a status, and that a
/// plan it calls optimal or feasible passed the independent verifier.
/// </summary>
internal static class Program
{
    private static readonly SolveOptions Options = new()
    {
        // Short: the fuzzer looks for crashes and wrong answers, not for hard models.
        TimeLimit = TimeSpan.FromSeconds(2),
        Threads = 1,
        Appraise = AppraisalMode.Never,
    };

    public static int Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "--replay")
        {
            // Runs each file given (or each file of a folder) outside the fuzzer, to triage crashes.
            var failures = 0;
            foreach (var file in args.Skip(1).SelectMany(a => Directory.Exists(a) ? Directory.GetFiles(a) : [a]))
            {
                try
                {
                    using var stream = File.OpenRead(file);
                    Check(stream);
                }
                catch (Exception e)
                {
                    failures++;
                    Console.WriteLine($"{file}: {e.GetType().FullName}: {e.Message}");
                }
            }

            Console.WriteLine($"{failures} failure(s)");
            return failures == 0 ? 0 : 1;
        }

        Fuzzer.Run(Check);
        return 0;
    }

    /// <summary>Reads, and solves what reads as valid; throws for anything the library must not do.</summary>
    public static void Check(Stream input)
    {
        ScenarioReadResult read;
        try
        {
            read = ScenarioJson.TryRead(input, ScenarioReadOptions.Default);
        }
        catch (FreightValidationException)
        {
            // A limit of the read options was exceeded: a clear, expected refusal.
            return;
        }

        if (read.Scenario is not { } scenario) return;
        var result = FreightPlanner.Optimize(scenario, Options);
        if (result.Status == SolveStatus.VerificationFailed)
        {
            throw new InvalidOperationException($"The verifier rejected the plan: {result.Message}");
        }

        if (result.Status is SolveStatus.Optimal or SolveStatus.Feasible && result.Plan?.Verification is { Passed: false })
        {
            throw new InvalidOperationException("A plan called optimal or feasible failed verification.");
        }
    }
}
