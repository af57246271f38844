using BenchmarkDotNet.Attributes;
using FreightOptimizer.Formulation;
using FreightOptimizer.Results;
using FreightOptimizer.Scenarios;
using FreightOptimizer.Solving;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Verification;

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

    /// <summary>Routes in the synthetic corridor.</summary>
    [Params(100, 1_000, 10_000, 100_000)]
    public int Routes { get; set; }

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
/// The LP engines on the same scenarios, whole path through the facade (verification off, so the
/// engines' differences show): GLOP, CLP, HiGHS and PDLP. HiGHS's path includes the facade's GLOP
/// re-solve for prices (OR-Tools' HiGHS returns no duals); the console mode <c>engines</c> times the
/// solve alone.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("engines")]
public class EngineBenchmarks
{
    private Scenario _scenario = null!;

    /// <summary>Routes in the synthetic corridor.</summary>
    [Params(1_000, 10_000)]
    public int Routes { get; set; }

    /// <summary>
    /// The engine. NETWORK FLOW: add the network-flow engine here (and to EngineComparison.Engines)
    /// when the netflow branch lands; it applies to single-commodity corridors
    /// (SyntheticCorridor.Generate(routes, commodities: 1)) — run it with --filter *Engine*.
    /// </summary>
    [Params(SolverEngine.Glop, SolverEngine.Clp, SolverEngine.Highs, SolverEngine.Pdlp)]
    public SolverEngine Engine { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = SyntheticCorridor.Generate(Routes);

    [Benchmark]
    public OptimizationResult Optimize() => FreightPlanner.Optimize(_scenario, new SolveOptions { Engine = Engine, Verify = false });
}
