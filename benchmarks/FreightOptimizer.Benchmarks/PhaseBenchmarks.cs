using BenchmarkDotNet.Attributes;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Benchmarks;

/// <summary>
/// The solve path split by phase (STYLE.md, after linopy): build the scenario, formulate, hand to the
/// solver (load into OR-Tools), solve, extract the plan, verify; swept over corridor size. Each phase
/// starts from the previous phase's output, made once in setup. The engine is CLP, the fastest on these
/// corridors (README.md); GLOP takes minutes from 10,000 routes up.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("phases")]
public class PhaseBenchmarks
{
    private Scenario _scenario = null!;
    private FreightModel _model = null!;
    private SolverOutcome _solved = null!;
    private AllocationPlan _plan = null!;
    private OrToolsSolver.PreparedSolve? _prepared;

    /// <summary>Routes in the synthetic corridor: 100 to 100,000, or the sizes in <c>FREIGHT_BENCH_ROUTES</c> (comma-separated).</summary>
    [ParamsSource(nameof(RouteCounts))]
    public int Routes { get; set; }

    /// <summary>
    /// The sizes to sweep. At 100,000 routes every benchmark's setup solves a 770,000-variable LP, and
    /// BenchmarkDotNet runs the setup once per benchmark, so a quick run can leave the largest size out
    /// (<c>FREIGHT_BENCH_ROUTES=100,1000,10000</c>).
    /// </summary>
    public static IEnumerable<int> RouteCounts() =>
        Environment.GetEnvironmentVariable("FREIGHT_BENCH_ROUTES") is { Length: > 0 } sizes
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [100, 1_000, 10_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        _scenario = SyntheticCorridor.Generate(Routes);
        _model = FreightModelBuilder.Build(_scenario);
        _solved = OrToolsSolver.Solve(_model.Problem, SolverEngine.Clp, new SolveOptions(), CancellationToken.None);
        _plan = PlanAssembler.Assemble(_scenario, _model, _solved.Values!, _solved.Duals, _solved.Objective * _model.Scaling.MoneyUnit);
    }

    [Benchmark(Description = "1 build scenario")]
    public Scenario BuildScenario() => SyntheticCorridor.Generate(Routes);

    [Benchmark(Description = "2 formulate")]
    public int Formulate() => FreightModelBuilder.Build(_scenario).Problem.VariableCount;

    [Benchmark(Description = "3 load into OR-Tools")]
    public int Load()
    {
        using var prepared = OrToolsSolver.Prepare(_model.Problem, SolverEngine.Clp, new SolveOptions(), out _);
        return _model.Problem.VariableCount;
    }

    [IterationSetup(Target = nameof(Solve))]
    public void LoadForSolve() => _prepared = OrToolsSolver.Prepare(_model.Problem, SolverEngine.Clp, new SolveOptions(), out _);

    [Benchmark(Description = "4 solve (CLP)")]
    public double Solve() => _prepared!.Run(CancellationToken.None).Objective;

    [IterationCleanup(Target = nameof(Solve))]
    public void DisposeSolver() => _prepared?.Dispose();

    [Benchmark(Description = "5 extract plan")]
    public AllocationPlan Extract() => PlanAssembler.Assemble(_scenario, _model, _solved.Values!, _solved.Duals, _solved.Objective * _model.Scaling.MoneyUnit);

    [Benchmark(Description = "6 verify")]
    public VerificationReport Verify() => PlanVerifier.Verify(_scenario, _plan);
}

/// <summary>
/// The engines on the same scenarios, whole path through the facade (verification and appraisal off,
/// so the engines' differences show): GLOP, CLP, HiGHS and PDLP on the 3-commodity corridor, where a
/// min-cost flow is not exact (two commodities share route and crossing capacities); and on the
/// single-commodity corridor of the same size our network simplex (<see cref="SolverEngine.NetworkFlow"/>),
/// OR-Tools' MinCostFlow and, as the LP baseline, CLP (the default LP engine). HiGHS's path includes the
/// facade's GLOP re-solve for prices (OR-Tools' HiGHS returns no duals); the console mode <c>engines</c>
/// times the solve alone, with every engine on the single-commodity corridor.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("engines")]
public class EngineBenchmarks
{
    private Scenario _scenario = null!;
    private SolveOptions _options = null!;

    /// <summary>Routes in the synthetic corridor.</summary>
    [Params(1_000, 10_000)]
    public int Routes { get; set; }

    /// <summary>The engine and the corridor's commodity count (network flow only where it is exact: one commodity).</summary>
    [ParamsSource(nameof(Cases))]
    public EngineCase Case { get; set; } = null!;

    /// <summary>Every engine on the 3-commodity corridor it solves, then the network-flow engines and CLP on one commodity.</summary>
    public static IEnumerable<EngineCase> Cases =>
    [
        new(SolverEngine.Glop, 3),
        new(SolverEngine.Clp, 3),
        new(SolverEngine.Highs, 3),
        new(SolverEngine.Pdlp, 3),
        new(SolverEngine.NetworkFlow, 1),
        new(SolverEngine.OrToolsMinCostFlow, 1),
        new(SolverEngine.Clp, 1),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _scenario = SyntheticCorridor.Generate(Routes, commodities: Case.Commodities);
        _options = new SolveOptions { Engine = Case.Engine, Verify = false, Appraise = AppraisalMode.Never };

        // A network-flow case that declined (not exact, or not scalable) would time an error path; the
        // check is one solve of milliseconds there, and the LP cases skip it (their solves take minutes).
        if (PhaseRunner.IsNetworkFlow(Case.Engine))
        {
            var result = FreightPlanner.Optimize(_scenario, _options);
            if (result.Status != SolveStatus.Optimal || result.Report.Engine != Case.Engine)
            {
                throw new InvalidOperationException($"{Case}: {result.Status} by {result.Report.Engine} ({result.Message})");
            }
        }
    }

    [Benchmark]
    public OptimizationResult Optimize() => FreightPlanner.Optimize(_scenario, _options);
}

/// <summary>One engine on the synthetic corridor with a given number of commodities.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Commodities">Commodities in the corridor (1: a min-cost flow is exact).</param>
public sealed record EngineCase(SolverEngine Engine, int Commodities)
{
    /// <summary>How BenchmarkDotNet prints the case: at most 20 characters, beyond which it elides the middle.</summary>
    public override string ToString() => $"{(Engine == SolverEngine.OrToolsMinCostFlow ? "OrToolsMcf" : Engine.ToString())}-{Commodities}c";
}
