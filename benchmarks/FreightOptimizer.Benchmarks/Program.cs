// FreightOptimizer.Benchmarks: BenchmarkDotNet suites (default) and console modes that measure one run
// and print ratios (see benchmarks/README.md). Run with -c Release.
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using FreightOptimizer;
using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;
using FreightOptimizer.Benchmarks;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Tests.Instances;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mode = args.Length > 0 ? args[0] : "";
int Int(int i, int fallback) => args.Length > i ? int.Parse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
SolverEngine Engine(int i) => args.Length > i ? Enum.Parse<SolverEngine>(args[i], ignoreCase: true) : SolverEngine.Glop;

switch (mode)
{
    case "phases":
        // phases ROUTES [ENGINE]: one solve split by phase, with each phase's share of the total (for
        // NetworkFlow and OrToolsMinCostFlow: on the single-commodity corridor; no load phase).
        Modes.Phases(Int(1, 10_000), Engine(2));
        return 0;
    case "engines":
        // engines ROUTES...: every LP engine on the same corridors, solve alone, ratio to the fastest; then a
        // second table on single-commodity corridors with the network-flow engines beside the LP engines.
        Modes.Engines(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000]);
        return 0;
    case "engines-1c":
        // engines-1c ROUTES...: only the second table of 'engines' (single-commodity corridors, network flow beside the LP engines).
        Modes.EnginesOneCommodity(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000]);
        return 0;
    case "scale":
        // scale FLOW_VARIABLES [ENGINE]: a corridor of at least that many flow variables, solved to optimality.
        return Modes.Scale(Int(1, 1_000_000), Engine(2));
    case "write-mps":
        // write-mps ROUTES FILE: the synthetic corridor's model in solver units, for outside solvers.
        ModelExport.WriteMpsFile(SyntheticCorridor.Generate(Int(1, 10_000)), args[2], new ModelExportOptions { Units = ModelUnits.Solver });
        return 0;
    case "write-dimacs":
        // write-dimacs ROUTES FILE: a one-commodity synthetic corridor as the DIMACS network the network-flow engine solves.
        DimacsMinCostFlow.WriteFile(SyntheticCorridor.Generate(Int(1, 10_000), commodities: 1), args[2]);
        return 0;
    case "write-mcf-mps":
        // write-mcf-mps INSTANCE_BASE FILE: a Mnetgen instance's model (scenario units) for outside solvers.
        ModelExport.WriteMpsFile(MnetgenReader.Read(args[1]).Scenario, args[2]);
        return 0;
    case "mps-direct":
        // mps-direct FILE [ENGINE] [REPEATS] [SOLVER_PARAMETERS]: OR-Tools reads the file and solves it, nothing of ours in between; best solve time.
        return Modes.MpsDirect(args[1], args.Length > 2 ? Engine(2) : SolverEngine.Highs, Int(3, 3), args.Length > 4 ? args[4] : null);
    case "dimacs":
        // dimacs FILE [REPEATS]: the network simplex on the file's arrays (solve alone) and the library's
        // whole path (read the file, validate, formulate, solve, extract the plan), best of REPEATS, tab-separated.
        return Modes.Dimacs(args[1], Int(2, 5));
    case "dimacs-phases":
        // dimacs-phases FILE [REPEATS]: the library's whole path on a DIMACS file split by step, best of REPEATS per step.
        return Modes.DimacsPhases(args[1], Int(2, 5));
    case "closures":
        // closures [ROUTES] [COUNT]: N-1 over every crossing of the built-in corridor (both modes), then over
        // the COUNT capacitated routes with the most base flow of the synthetic corridor: warm-started
        // (Closures.Run), the same LP loaded afresh per closure, and cold (FreightPlanner.Optimize of each
        // closed scenario); totals, iterations and ratios from one run, one closure at a time.
        ClosureModes.Run(Int(1, 10_000), Int(2, 50));
        return 0;
    case "library":
        // library ROUTES|MNETGEN_BASE [ENGINE] [REPEATS]: the library's path on a synthetic corridor or a
        // Mnetgen instance, best solve of REPEATS, tab-separated.
        Modes.Library(args[1], Engine(2), Int(3, 3));
        return 0;
    case "soak":
        // soak [SOLVES]: many solves in one process; working set and managed heap at 100 and at the end (benchmarks/soak/run.sh).
        return FaultModes.Soak(Int(1, 1_000));
    case "interrupt":
        // interrupt DOW_FILE: overshoot of time limits and cancellation per engine (benchmarks/interrupt/run.sh).
        return FaultModes.Interrupt(args[1]);
    case "interrupt-overhead":
        // interrupt-overhead: what GLOP, CLP and PDLP spend past a 1 ms limit (model hand-over) and a 1 s limit.
        return FaultModes.InterruptOverhead();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(PhaseBenchmarks).Assembly).Run(args);
        return 0;
}

/// <summary>The console modes.</summary>
internal static class Modes
{
    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Share(TimeSpan part, TimeSpan whole) => (100 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";

    public static void Phases(int routes, SolverEngine engine)
    {
        Warm();
        if (PhaseRunner.IsNetworkFlow(engine)) PhaseRunner.Run(SyntheticCorridor.Generate(100, commodities: 1), engine);
        var clock = Stopwatch.StartNew();
        // The network-flow engines apply where a min-cost flow is exact: the single-commodity corridor.
        var commodities = PhaseRunner.IsNetworkFlow(engine) ? 1 : 3;
        var scenario = SyntheticCorridor.Generate(routes, commodities: commodities);
        var generate = clock.Elapsed;
        var t = PhaseRunner.Run(scenario, engine);
        Console.WriteLine($"corridor: {routes} routes, {commodities} commodities, {t.Variables} variables ({t.FlowVariables} flows), {t.Rows} rows, {t.Nonzeros} nonzeros; {engine}: {t.Status}, objective {t.Objective:R}");
        Console.WriteLine("phase\tms\tshare of total");
        Console.WriteLine($"build scenario\t{Ms(generate)}\t(not in total)");
        foreach (var (name, time) in new[] { ("validate", t.Validate), ("formulate", t.Formulate), ("load into OR-Tools", t.Load), ("solve", t.Solve), ("extract plan", t.Extract) })
        {
            Console.WriteLine($"{name}\t{Ms(time)}\t{Share(time, t.Total)}");
        }

        Console.WriteLine($"total\t{Ms(t.Total)}\t100 %");
        Console.WriteLine($"verify\t{Ms(t.Verify)}\t(not in total; passed: {t.VerifierPassed})");
        Console.WriteLine($"model building (formulate + load)\t{Ms(t.Build)}\t{Share(t.Build, t.Total)}");
    }

    public static void Engines(int[] sizes)
    {
        SolverEngine[] engines = [SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Highs, SolverEngine.Pdlp];
        Warm();
        Console.WriteLine("routes\tengine\tstatus\tsolve ms\tbuild ms\ttotal ms\tobjective\tsolve / fastest");
        foreach (var routes in sizes)
        {
            var scenario = SyntheticCorridor.Generate(routes);
            var runs = engines.Select(e => (Engine: e, Times: PhaseRunner.Run(scenario, e, verify: false))).ToList();
            var fastest = runs.Where(r => r.Times.Status == SolveStatus.Optimal).Min(r => r.Times.Solve);
            foreach (var (engine, t) in runs)
            {
                Console.WriteLine($"{routes}\t{engine}\t{t.Status}\t{Ms(t.Solve)}\t{Ms(t.Build)}\t{Ms(t.Total)}\t{t.Objective:G12}\t{(t.Solve / fastest).ToString("F2", CultureInfo.InvariantCulture)}");
            }

            var qualifies = FlowNetworkBuilder.Qualifies(scenario, out var why);
            Console.WriteLine(qualifies
                ? $"# {routes} routes, {scenario.Network.Commodities.Length} commodities: a min-cost flow would be exact here ({why})"
                : $"# {routes} routes, {scenario.Network.Commodities.Length} commodities: network flow not applicable (FlowNetworkBuilder.Qualifies: {why})");
        }

        Console.WriteLine();
        EnginesOneCommodity(sizes);
    }

    /// <summary>
    /// The second table of <c>engines</c>: single-commodity corridors, where a min-cost flow is exact, with
    /// both network-flow engines beside the LP engines on the same scenario. Each objective is compared
    /// with CLP's (the default LP engine) within the network-flow engine's reported rounding error bound
    /// (0 for the LP engines) plus 1e-9 relative.
    /// </summary>
    public static void EnginesOneCommodity(int[] sizes)
    {
        SolverEngine[] engines = [SolverEngine.NetworkFlow, SolverEngine.OrToolsMinCostFlow, SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Highs, SolverEngine.Pdlp];
        WarmNetworkFlow();
        Console.WriteLine("one commodity: routes\tengine\tstatus\tsolve ms\tbuild ms\ttotal ms\tobjective\tsolve / fastest\t|objective - CLP's|\tallowed (rounding bound + 1e-9 rel)\tagrees");
        foreach (var routes in sizes)
        {
            var scenario = SyntheticCorridor.Generate(routes, commodities: 1);
            if (!FlowNetworkBuilder.Qualifies(scenario, out var why))
            {
                Console.WriteLine($"# {routes} routes, 1 commodity: network flow not applicable (FlowNetworkBuilder.Qualifies: {why}); no table");
                continue;
            }

            // A full collection before each engine, so that no engine pays for another's garbage (the
            // network-flow solves take milliseconds, where one gen-2 collection would show).
            var runs = engines.Select(e =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return (Engine: e, Times: PhaseRunner.Run(scenario, e, verify: false));
            }).ToList();
            var optimal = runs.Where(r => r.Times.Status == SolveStatus.Optimal).ToList();
            var fastest = optimal.Min(r => r.Times.Solve);
            var reference = optimal.Where(r => r.Engine == SolverEngine.Clp).Select(r => (double?)r.Times.Objective).FirstOrDefault();
            foreach (var (engine, t) in runs)
            {
                var difference = reference is { } r && t.Status == SolveStatus.Optimal ? Math.Abs(t.Objective - r) : double.NaN;
                var allowed = reference is { } r2 ? (t.RoundingErrorBound ?? 0) + (1e-9 * Math.Abs(r2)) : double.NaN;
                var agrees = double.IsNaN(difference) ? "-" : difference <= allowed ? "yes" : "NO";
                Console.WriteLine($"{routes}\t{engine}\t{t.Status}\t{Ms(t.Solve)}\t{Ms(t.Build)}\t{Ms(t.Total)}\t{t.Objective:G15}\t{(t.Solve / fastest).ToString("F2", CultureInfo.InvariantCulture)}\t{difference:G3}\t{allowed:G3}\t{agrees}");
            }

            var flow = runs.First(r => r.Engine == SolverEngine.NetworkFlow).Times;
            Console.WriteLine($"# {routes} routes, 1 commodity: {why}; network {flow.Rows} nodes, {flow.Variables} arcs ({flow.FlowVariables} route flows); rounding error bound {flow.RoundingErrorBound:G3}");

            // The phase-by-phase path must be the facade's: the same objective from FreightPlanner.Optimize.
            var facade = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.NetworkFlow, Verify = false, Appraise = AppraisalMode.Never });
            var same = facade.Plan is { } plan && plan.Objective == flow.Objective;
            Console.WriteLine($"# check: FreightPlanner.Optimize with NetworkFlow gives {facade.Status}, objective {facade.Plan?.Objective:G15}: {(same ? "the same as phase by phase" : "DIFFERENT from phase by phase")}");
        }
    }

    public static int Scale(long flowVariables, SolverEngine engine)
    {
        var routes = SyntheticCorridor.RoutesFor(flowVariables);
        var clock = Stopwatch.StartNew();
        var scenario = SyntheticCorridor.Generate(routes);
        var generate = clock.Elapsed;
        var t = PhaseRunner.Run(scenario, engine, verify: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        Console.WriteLine($"scale: {routes} routes, {scenario.Network.Locations.Length} locations, {scenario.Horizon.Periods.Length} periods, {scenario.Network.Commodities.Length} commodities");
        Console.WriteLine($"model: {t.Variables} variables ({t.FlowVariables} flows), {t.Rows} rows, {t.Nonzeros} nonzeros");
        Console.WriteLine($"{engine}: {t.Status}, objective {t.Objective:R}, verifier passed: {t.VerifierPassed}");
        Console.WriteLine($"generate {Ms(generate)} ms; validate {Ms(t.Validate)}; formulate {Ms(t.Formulate)}; load {Ms(t.Load)}; solve {Ms(t.Solve)}; extract {Ms(t.Extract)}; verify {Ms(t.Verify)} ms");
        Console.WriteLine($"total (validate..extract) {t.Total.TotalSeconds:F1} s; model building {Share(t.Build, t.Total)} of it");
        Console.WriteLine($"peak working set {peak / (1024.0 * 1024 * 1024):F2} GiB = {peak / (double)t.Variables:F0} bytes per variable ({peak / (double)t.FlowVariables:F0} per flow variable)");
        return t.Status == SolveStatus.Optimal && t.FlowVariables >= flowVariables ? 0 : 1;
    }

    public static int MpsDirect(string file, SolverEngine engine, int repeats, string? solverParameters)
    {
        ModelFileOutcome best = default;
        for (var i = 0; i < repeats; i++)
        {
            var outcome = OrToolsModelFiles.SolveFile(file, engine, solverParameters);
            if (i == 0 || outcome.SolveTime < best.SolveTime) best = outcome;
        }

        Console.WriteLine($"{engine}\t{best.Status}\t{Ms(best.SolveTime)}\t{best.Objective:R}\t{best.Variables}");
        return best.Status == SolveStatus.Optimal ? 0 : 1;
    }

    public static void Library(string instance, SolverEngine engine, int repeats)
    {
        Warm();
        var scenario = int.TryParse(instance, NumberStyles.Integer, CultureInfo.InvariantCulture, out var routes)
            ? SyntheticCorridor.Generate(routes)
            : MnetgenReader.Read(instance).Scenario;
        PhaseTimes? best = null;
        for (var i = 0; i < repeats; i++)
        {
            var t = PhaseRunner.Run(scenario, engine, verify: false);
            if (best is null || t.Solve < best.Solve) best = t;
        }

        Console.WriteLine($"{engine}\t{best!.Status}\t{Ms(best.Solve)}\t{Ms(best.Build)}\t{Ms(best.Total)}\t{best.Objective:R}\t{best.Variables}");
    }

    /// <summary>
    /// The network simplex alone on the file's arrays, then the library's whole path (read the file,
    /// validate, formulate, solve, extract the plan), each best of <paramref name="repeats"/> after one
    /// warm-up run that JIT-compiles it.
    /// </summary>
    /// <remarks>
    /// The solves are timed back to back, as peers/lemon_mcf.cpp times LEMON, and apart from the whole
    /// path. Timing each solve right after a whole-path run, as this mode first did, started it with
    /// caches and branch predictors full of other code, which slows either engine about 2× on the small
    /// files (netgen_lo_8_08a: ours about 0.09 → 0.19 ms; LEMON's driver with a 100 ms sleep or a pass of
    /// branchy work over 32 MB between its runs about 0.1 → 0.22 ms), so its ratio to LEMON's
    /// back-to-back runs compared a disturbed solve with an undisturbed one.
    /// </remarks>
    public static int Dimacs(string path, int repeats)
    {
        DimacsNetwork network;
        using (var reader = File.OpenText(path)) network = DimacsNetwork.Read(reader);
        var bestSolve = TimeSpan.MaxValue;
        var bestWhole = TimeSpan.MaxValue;
        Int128 objective = 0;
        double wholeObjective = 0;
        for (var i = 0; i < repeats + 1; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var solution = FreightOptimizer.Solving.NetworkFlow.NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, network.Lower, network.Capacity, network.Cost, network.Supply);
            var solve = Stopwatch.GetElapsedTime(start);
            objective = solution.Objective;
            if (i > 0 && solve < bestSolve) bestSolve = solve; // the first round warms up the JIT
        }

        var options = new SolveOptions { Engine = SolverEngine.NetworkFlow, Verify = false, Appraise = AppraisalMode.Never };
        for (var i = 0; i < repeats + 1; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var dimacs = DimacsMinCostFlow.ReadFile(path);
            var result = FreightPlanner.Optimize(dimacs.Scenario, options);
            var whole = Stopwatch.GetElapsedTime(start);
            wholeObjective = result.GetPlanOrThrow().Objective + dimacs.ObjectiveOffset;
            if (i > 0 && whole < bestWhole) bestWhole = whole;
        }

        // solve ms, whole-path ms, the library's overhead as a share of the whole path, objective (simplex), objective (whole path)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{bestSolve.TotalMilliseconds:F3}\t{bestWhole.TotalMilliseconds:F3}\t{100 * (1 - (bestSolve / bestWhole)):F1}\t{objective}\t{wholeObjective:R}"));
        return 0;
    }

    /// <summary>
    /// The whole path of <see cref="Dimacs"/> step by step: the best time of each step over the repeats,
    /// and the bytes it allocates (allocation drives the garbage collector, which on large networks
    /// costs as much as the steps themselves).
    /// </summary>
    public static int DimacsPhases(string path, int repeats)
    {
        string[] names = ["parse", "to-scenario", "validate", "reachability (part of validate)", "qualify", "flow-network", "scale", "simplex", "optimize (qualify..assemble)"];
        var best = new double[names.Length];
        var bestCpu = new double[names.Length];
        var bytes = new long[names.Length];
        Array.Fill(best, double.MaxValue);
        Array.Fill(bestCpu, double.MaxValue);
        var process = Process.GetCurrentProcess();
        var bestWhole = double.MaxValue;
        var text = File.ReadAllText(path);
        var options = new SolveOptions { Engine = SolverEngine.NetworkFlow, Verify = false, Appraise = AppraisalMode.Never };
        for (var i = 0; i < repeats + 1; i++)
        {
            var times = new double[names.Length];
            var cpu = new double[names.Length];
            var step = 0;
            var clock = new Stopwatch();
            var allocated = 0L;
            var cpuStart = TimeSpan.Zero;
            void Start()
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
                process.Refresh();
                cpuStart = process.TotalProcessorTime;
                clock.Restart();
            }

            void Stop()
            {
                times[step] = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                cpu[step] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds;
                bytes[step++] = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            GC.Collect();
            Start();
            var network = DimacsNetwork.Read(new StringReader(text));
            Stop();
            Start();
            var dimacs = DimacsMinCostFlow.ToScenario(network, "x");
            Stop();
            Start();
            FreightOptimizer.ScenarioValidator.ThrowIfInvalid(dimacs.Scenario);
            Stop();
            Start();
            FreightOptimizer.Graph.FlowReachability.Analyse(dimacs.Scenario);
            Stop();
            Start();
            FreightOptimizer.Formulation.FlowNetworkBuilder.Qualifies(dimacs.Scenario, out _);
            Stop();
            Start();
            var flow = FreightOptimizer.Formulation.FlowNetworkBuilder.Build(dimacs.Scenario);
            Stop();
            Start();
            FreightOptimizer.Formulation.IntegerScaling.TryScale(flow, out _, out var integers, out _);
            Stop();
            Start();
            var solution = FreightOptimizer.Solving.NetworkFlow.NetworkSimplex.Solve(integers!.NodeCount, integers.Tail, integers.Head, [], integers.Capacity, integers.Cost, integers.Supply);
            Stop();
            GC.KeepAlive(solution);

            // The same scenario again, validated beforehand, through FreightPlanner.Optimize: what the
            // planner adds to the steps above is the plan's assembly.
            var fresh = DimacsMinCostFlow.ToScenario(network, "y").Scenario;
            FreightOptimizer.ScenarioValidator.ThrowIfInvalid(fresh);
            GC.Collect();
            Start();
            FreightPlanner.Optimize(fresh, options);
            Stop();
            if (i == 0) continue;
            for (var k = 0; k < names.Length; k++)
            {
                best[k] = Math.Min(best[k], times[k]);
                bestCpu[k] = Math.Min(bestCpu[k], cpu[k]);
            }

            bestWhole = Math.Min(bestWhole, times[0] + times[1] + times[2] + times[^1]);
        }

        for (var k = 0; k < names.Length; k++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[k]}\t{best[k]:F3} ms\t{bestCpu[k]:F1} ms CPU\t{bytes[k] / 1e6:F2} MB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole (parse + to-scenario + validate + optimize)\t{bestWhole:F3} ms"));
        return 0;
    }

    /// <summary>Loads the native libraries and JITs the path once, so the first measured run is not a cold start.</summary>
    private static void Warm() => PhaseRunner.Run(SyntheticCorridor.Generate(100), SolverEngine.Glop, verify: false);

    /// <summary>JITs the network-flow paths (both engines) and CLP's once on a small single-commodity corridor.</summary>
    private static void WarmNetworkFlow()
    {
        var small = SyntheticCorridor.Generate(100, commodities: 1);
        foreach (var engine in new[] { SolverEngine.NetworkFlow, SolverEngine.OrToolsMinCostFlow, SolverEngine.Clp }) PhaseRunner.Run(small, engine, verify: false);
    }
}

/// <summary>The <c>closures</c> mode: warm-started closures against the same closures solved cold.</summary>
internal static class ClosureModes
{
    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);

    public static void Run(int routes, int count)
    {
        // JIT every path once on the small test scenario's size before timing anything.
        Closures.Run(SyntheticCorridor.Generate(100), new ClosureOptions { Closures = [Closure.Of(new RouteId("r0"))], MaxParallelSolves = 1 });
        Closures.Run(SyntheticCorridor.Generate(100), new ClosureOptions { Closures = [Closure.Of(new RouteId("r0"))], MaxParallelSolves = 1, WarmStart = false });

        var corridor = RussiaChinaCorridor.Build();
        var crossings = corridor.Network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => new Closure(l.Id, [])).ToList();
        Console.WriteLine("case\tmode\tclosures\tvariant\ttotal ms\tms per closure\titerations\tcold / variant");
        foreach (var mode in new[] { ClosureMode.Operational, ClosureMode.Replan })
        {
            Compare($"corridor ({corridor.Network.Routes.Length} routes)", corridor, crossings, mode, glop: true);
        }

        var synthetic = SyntheticCorridor.Generate(routes);
        var basePlan = FreightPlanner.Optimize(synthetic, new SolveOptions { Appraise = AppraisalMode.Never }).GetPlanOrThrow();
        var busiest = synthetic.Network.Routes.Where(r => r.AnnualCapacityTonnes is not null)
            .Select(r => (r.Id, Tonnes: basePlan.Flows.Where(f => f.Route == r.Id).Sum(f => f.Tonnes)))
            .OrderByDescending(p => p.Tonnes).ThenBy(p => p.Id.Value, StringComparer.Ordinal)
            .Take(count).Select(p => new Closure(p.Id, [])).ToList();
        Compare($"synthetic ({routes} routes)", synthetic, busiest, ClosureMode.Operational, glop: false);
    }

    private static void Compare(string name, Scenario scenario, List<Closure> closures, ClosureMode mode, bool glop)
    {
        var rows = new List<(string Variant, TimeSpan Time, long Iterations, ClosureStudy? Study)>();
        // GLOP (slower than CLP on the large corridor) is measured on the built-in corridor only, to keep the run short.
        var variants = new[] { ("warm CLP", SolverEngine.Clp, true), ("fresh CLP", SolverEngine.Clp, false), ("warm GLOP", SolverEngine.Glop, true), ("fresh GLOP", SolverEngine.Glop, false) };
        foreach (var (variant, engine, warm) in glop ? variants : variants[..2])
        {
            var clock = Stopwatch.StartNew();
            var study = Closures.Run(scenario, new ClosureOptions { Closures = closures, Mode = mode, Engine = engine, WarmStart = warm, MaxParallelSolves = 1 });
            rows.Add((variant, clock.Elapsed, study.Results.Sum(r => r.Iterations ?? 0), study));
        }

        var cold = Stopwatch.StartNew();
        var coldIterations = 0L;
        var coldObjectives = new List<double?>();
        foreach (var closure in closures)
        {
            var closed = ClosureBounds.ClosedScenario(scenario, closure.Element, [.. scenario.Horizon.Periods.Select(p => p.Id)]);
            var result = FreightPlanner.Optimize(closed, new SolveOptions { Appraise = AppraisalMode.Never });
            coldIterations += result.Report.Iterations ?? 0;
            coldObjectives.Add(result.Plan?.Objective);
        }

        cold.Stop();
        rows.Add(("cold Optimize", cold.Elapsed, coldIterations, null));
        foreach (var (variant, time, iterations, study) in rows)
        {
            var ratio = (cold.Elapsed / time).ToString("F2", CultureInfo.InvariantCulture);
            var agree = study is null ? "" : $"\t(max |objective - cold| / cold: {study.Results.Zip(coldObjectives).Max(p => p.First.Objective is { } w && p.Second is { } c ? Math.Abs(w - c) / Math.Max(1, Math.Abs(c)) : double.NaN):G3}; {study.Results.Count(r => r.Status == SolveStatus.Optimal)} optimal)";
            Console.WriteLine($"{name}\t{mode}\t{closures.Count}\t{variant}\t{Ms(time)}\t{(time.TotalMilliseconds / closures.Count).ToString("F1", CultureInfo.InvariantCulture)}\t{iterations}\t{ratio}{agree}");
        }
    }
}
