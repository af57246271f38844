using System.Diagnostics;
using System.Globalization;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Benchmarks;

/// <summary>
/// Console modes for "trustworthy under faults and load": a soak of many solves in one process
/// (memory at two points), and how far past a time limit or a cancellation each engine returns.
/// They measure wall-clock times, which unit tests must not assert on; docs/package.md quotes them.
/// </summary>
internal static class FaultModes
{
    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>
    /// soak SOLVES: that many solves in one process (synthetic corridors of 100 routes under Auto, and
    /// every 50th the built-in corridor by SCIP), printing the working set and the managed heap after a
    /// forced full collection at 100 solves and at the end. Steady memory shows as no growth beyond noise.
    /// </summary>
    public static int Soak(int solves)
    {
        var scenarios = Enumerable.Range(1, 20).Select(seed => SyntheticCorridor.Generate(100, seed)).ToArray();
        var corridor = RussiaChinaCorridor.Build();
        var options = new SolveOptions { Appraise = AppraisalMode.Never };
        var failures = 0;
        var clock = Stopwatch.StartNew();
        Console.WriteLine("solves\tworking set\tmanaged heap\telapsed s");
        for (var i = 1; i <= solves; i++)
        {
            var scenario = i % 50 == 0 ? corridor : scenarios[i % scenarios.Length];
            var result = FreightPlanner.Optimize(scenario, options);
            if (result.Status != SolveStatus.Optimal || result.Plan?.Verification is not { Passed: true }) failures++;
            if (i == 100 || i == solves || i % 250 == 0) Print(i, clock.Elapsed);
        }

        Console.WriteLine($"failures: {failures}");
        return failures == 0 ? 0 : 1;
    }

    private static void Print(int solves, TimeSpan elapsed)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{solves}\t{Mb(process.WorkingSet64)}\t{Mb(heap)}\t{elapsed.TotalSeconds:F1}"));
    }

    /// <summary>
    /// interrupt DOW_FILE: each interruptible engine on a solve longer than its limit, stopped by a time
    /// limit and by a token cancelled after the same delay, with how far past that moment the call
    /// returned; then the two engines that cannot be interrupted, cancelled while they run, with what
    /// their report says.
    /// </summary>
    public static int Interrupt(string dowFile)
    {
        var limit = TimeSpan.FromSeconds(1);
        var design = NetworkDesignDow.ReadFile(dowFile);
        Console.WriteLine("generating the synthetic corridors…");
        var lp = SyntheticCorridor.Generate(60_000);
        var flow = SyntheticCorridor.Generate(400_000, commodities: 1);
        Console.WriteLine("engine\tscenario\tstop\tstatus\tsolve s\tcall s\tovershoot s");
        Warm();
        foreach (var (engine, scenario, name) in new (SolverEngine, Scenario, string)[]
        {
            (SolverEngine.Scip, design, Path.GetFileNameWithoutExtension(dowFile)),
            (SolverEngine.Glop, lp, "synthetic 60,000 routes"),
            (SolverEngine.Clp, lp, "synthetic 60,000 routes"),
            (SolverEngine.Pdlp, lp, "synthetic 60,000 routes"),
            (SolverEngine.NetworkFlow, flow, "synthetic 400,000 routes, 1 commodity"),
        })
        {
            Measure(engine, scenario, name, limit, byToken: false);
            Measure(engine, scenario, name, limit, byToken: true);
        }

        foreach (var (engine, scenario, name) in new (SolverEngine, Scenario, string)[]
        {
            (SolverEngine.Highs, lp, "synthetic 60,000 routes"),
            (SolverEngine.OrToolsMinCostFlow, flow, "synthetic 400,000 routes, 1 commodity"),
        })
        {
            var result = Measure(engine, scenario, name, TimeSpan.FromMilliseconds(200), byToken: true);
            foreach (var note in result.Report.Notes.Where(n => n.Contains("interrupt", StringComparison.Ordinal))) Console.WriteLine($"  note: {note}");
        }

        return 0;
    }

    /// <summary>
    /// The part of an LP engine's overshoot that no time limit can remove: each LP engine on the
    /// 60,000-route corridor with a 1 ms limit (what OR-Tools spends handing the model to the solver
    /// and returning) and with a 1 s limit.
    /// </summary>
    public static int InterruptOverhead()
    {
        var lp = SyntheticCorridor.Generate(60_000);
        Warm();
        Console.WriteLine("engine\tlimit\tstatus\tsolve s\tbuild s");
        foreach (var engine in new[] { SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Pdlp })
        {
            foreach (var limit in new[] { TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1) })
            {
                var result = FreightPlanner.Optimize(lp, new SolveOptions { Engine = engine, Appraise = AppraisalMode.Never, TimeLimit = limit });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{engine}\t{limit.TotalSeconds:0.###} s\t{result.Status}\t{result.Report.SolveTime.TotalSeconds:F2}\t{result.Report.BuildTime.TotalSeconds:F2}"));
            }
        }

        return 0;
    }

    private static OptimizationResult Measure(SolverEngine engine, Scenario scenario, string name, TimeSpan after, bool byToken)
    {
        var options = new SolveOptions { Engine = engine, Appraise = AppraisalMode.Never, RelativeMipGap = 0, TimeLimit = byToken ? null : after };
        using var source = new CancellationTokenSource();

        // The moment the solver starts is not visible from outside: the limit counts from there, and the
        // token is cancelled that long after the solver starts (the solve report gives the build time).
        var clock = Stopwatch.StartNew();
        TimeSpan? fired = null;
        if (byToken)
        {
            // Formulation is measured first on a solve of the same scenario stopped at once.
            var build = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, Appraise = AppraisalMode.Never, TimeLimit = TimeSpan.FromMilliseconds(1) }).Report.BuildTime;
            clock.Restart();
            source.Token.Register(() => fired = clock.Elapsed);
            source.CancelAfter(build + after);
        }

        var result = FreightPlanner.Optimize(scenario, options, source.Token);
        var call = clock.Elapsed;
        var stop = byToken ? fired ?? call : result.Report.BuildTime + after;
        var overshoot = call - stop;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}\t{name}\t{(byToken ? "token" : "limit")} {after.TotalSeconds:F1} s\t{result.Status}\t{result.Report.SolveTime.TotalSeconds:F2}\t{call.TotalSeconds:F2}\t{overshoot.TotalSeconds:F2}"));
        return result;
    }

    private static void Warm()
    {
        var small = SyntheticCorridor.Generate(100);
        foreach (var engine in new[] { SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Pdlp, SolverEngine.Highs, SolverEngine.Scip }) FreightPlanner.Optimize(small, new SolveOptions { Engine = engine, Appraise = AppraisalMode.Never });
    }
}
