using System.Globalization;

namespace FreightOptimizer;

/// <summary>
/// How to solve: engine, limits and tolerances. A plain settable class, validated once when
/// <see cref="FreightPlanner.Optimize(Scenario, SolveOptions?, CancellationToken)"/> starts;
/// every problem is reported together in one <see cref="ArgumentException"/>.
/// </summary>
public sealed class SolveOptions
{
    /// <summary>The engine.</summary>
    /// <value>Default <see cref="SolverEngine.Auto"/>: the network-flow engine where a min-cost flow is exact, else CLP for LPs, SCIP for models with integer decisions.</value>
    public SolverEngine Engine { get; set; } = SolveDefaults.Engine;

    /// <summary>
    /// The wall-clock limit for the solver, counted from the start of the solve (formulation not
    /// included), or null for none. Engines that cannot be interrupted say so in <see cref="SolverEngine"/>.
    /// When <see cref="SolverEngine.Auto"/> re-solves with the next engine (a rejected plan, a numerical
    /// failure), each engine it tries gets this limit afresh.
    /// </summary>
    /// <value>Default null (no limit).</value>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>The relative MIP gap at which a MIP solve may stop and call its incumbent optimal.</summary>
    /// <value>Default 1e-7, tight enough that small models are exact to 1e-6.</value>
    public double RelativeMipGap { get; set; } = SolveDefaults.RelativeMipGap;

    /// <summary>Threads the solver may use, or null for the solver's own default.</summary>
    /// <value>Default null.</value>
    public int? Threads { get; set; }

    /// <summary>Whether to strengthen a MIP with the strong linking inequalities (<see cref="FreightOptimizer.LinkingInequalities"/>).</summary>
    /// <value>
    /// Default <see cref="LinkingInequalities.Auto"/>: on for <see cref="SolverEngine.Highs"/>, off for
    /// <see cref="SolverEngine.Scip"/> (the default MIP engine), because that is what made each faster on
    /// the public network-design instances measured in benchmarks/README.md. Never for an LP.
    /// </value>
    public LinkingInequalities LinkingInequalities { get; set; } = SolveDefaults.LinkingInequalities;

    /// <summary>
    /// Whether to run <c>PlanVerifier</c> on every plan and attach its report. With it on, a plan the
    /// verifier rejects is never returned as optimal (<see cref="SolverEngine.Auto"/> re-solves with the
    /// next exact engine; an explicit engine returns <see cref="SolveStatus.VerificationFailed"/>).
    /// </summary>
    /// <value>
    /// Default true. False skips the check of plans that are exact by construction: those of the simplex
    /// engines (CLP, GLOP), the MIP engines, and the network-flow engines when every number scaled to
    /// integers exactly; their <c>Verification</c> is null and their status is the engine's own. Plans
    /// that may be off by more than the verifier allows are checked anyway, carry the report, and are
    /// handled as with the check on: PDLP's (first-order tolerances, relative to the whole problem) and
    /// those of the network-flow engines after an inexact integer scaling
    /// (<see cref="SolveReport.RoundingErrorBound"/> &gt; 0).
    /// </value>
    public bool Verify { get; set; } = true;

    // ---- analysis after the solve: appraisal of the options, re-solves in parallel ----

    /// <summary>Whether to appraise every investment option after an optimal solve (one re-solve per option).</summary>
    /// <value>Default <see cref="AppraisalMode.Auto"/>: appraise when the scenario has at most 20 options.</value>
    public AppraisalMode Appraise { get; set; } = SolveDefaults.Appraise;

    /// <summary>How many re-solves (appraisal, explanation, budget frontier) may run at once, or null for one per processor.</summary>
    /// <value>Default null (<see cref="Environment.ProcessorCount"/>).</value>
    public int? MaxParallelSolves { get; set; }

    /// <summary>
    /// Test seam: called each time the network simplex polls for the time limit and the cancellation
    /// token (every <see cref="Solving.NetworkFlow.NetworkSimplex.PollInterval"/> pivots), just before it reads
    /// them, so that a test can cancel at a known point of a solve.
    /// </summary>
    internal Action? OnNetworkSimplexPoll { get; set; }

    /// <summary>
    /// Test seam: OR-Tools solver-specific parameters in the engine's own text format, set after the
    /// library's own (SCIP: <c>limits/solutions = 1</c> stops it at its first incumbent), so that a test
    /// stops an OR-Tools solve at a point the solver decides rather than at a moment of the wall clock.
    /// OR-Tools' .NET linear-solver API has no callback into a running solve to do it otherwise.
    /// </summary>
    internal string? OrToolsParameters { get; set; }

    /// <summary>
    /// Test seam: called as soon as an OR-Tools solver returns, before the adapter reads the
    /// cancellation token and the clock. A token cancelled here is what a cancellation that arrived
    /// while the solver ran looks like to the adapter (with <see cref="OrToolsParameters"/> stopping
    /// SCIP where an interrupt would: with its incumbent).
    /// </summary>
    internal Action? OnOrToolsSolveReturned { get; set; }

    /// <summary>
    /// Test seam: called with the OR-Tools component about to be created (a solver id such as "CLP", or
    /// "MinCostFlow"), inside the guard that turns a native-library load failure into
    /// <see cref="SolveStatus.SolverUnavailable"/>, so that a test can make the library "fail to load"
    /// (throw <see cref="DllNotFoundException"/> or <see cref="TypeInitializationException"/>) without
    /// removing files from the machine.
    /// </summary>
    internal Action<string>? OnOrToolsCreate { get; set; }

    /// <summary>Throws when any option is out of range, naming every problem at once.</summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Engine)) problems.Add($"Engine {(int)Engine} is not a known engine.");
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero) problems.Add($"TimeLimit must be positive (was {limit}).");
        if (!(RelativeMipGap >= 0 && RelativeMipGap < 1)) problems.Add(string.Create(CultureInfo.InvariantCulture, $"RelativeMipGap must be in [0, 1) (was {RelativeMipGap})."));
        if (!Enum.IsDefined(LinkingInequalities)) problems.Add($"LinkingInequalities {(int)LinkingInequalities} is not a known setting.");
        if (Threads is { } threads && threads < 1) problems.Add($"Threads must be at least 1 (was {threads}).");
        if (!Enum.IsDefined(Appraise)) problems.Add($"Appraise {(int)Appraise} is not a known appraisal mode.");
        if (MaxParallelSolves is { } parallel && parallel < 1) problems.Add($"MaxParallelSolves must be at least 1 (was {parallel}).");
        if (problems.Count > 0) throw new ArgumentException("Invalid solve options: " + string.Join(" ", problems));
    }

    /// <summary>A copy (every option, including any added later) that callers may change without touching this one.</summary>
    internal SolveOptions Copy() => (SolveOptions)MemberwiseClone();

    /// <summary>How many solves may run at once.</summary>
    internal int ParallelSolves => MaxParallelSolves ?? Math.Max(1, Environment.ProcessorCount);
}

/// <summary>When <c>FreightPlanner.Optimize</c> appraises the investment options (one re-solve per option).</summary>
public enum AppraisalMode
{
    /// <summary>When the scenario has at most 20 options and the solve is optimal.</summary>
    Auto,

    /// <summary>Whenever the solve is optimal, however many options there are.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>The defaults of <see cref="SolveOptions"/> and of the engines, in one place.</summary>
internal static class SolveDefaults
{
    public const SolverEngine Engine = SolverEngine.Auto;

    public const double RelativeMipGap = 1e-7;

    public const LinkingInequalities LinkingInequalities = FreightOptimizer.LinkingInequalities.Auto;

    /// <summary>PDLP's relative and absolute optimality tolerances: tight enough that its plans verify.</summary>
    public const double PdlpTolerance = 1e-10;

    /// <summary>Slack (relative to capacity) under which a capacity counts as binding.</summary>
    public const double BindingSlack = 1e-9;

    public const AppraisalMode Appraise = AppraisalMode.Auto;

    /// <summary>The most options <see cref="AppraisalMode.Auto"/> appraises (one re-solve each).</summary>
    public const int AutoAppraisalMaxOptions = 20;
}
