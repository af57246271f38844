using System.Globalization;
using FreightOptimizer.Results;

namespace FreightOptimizer.Solving;

/// <summary>
/// How to solve: engine, limits and tolerances. A plain settable class, validated once when
/// <see cref="FreightPlanner.Optimize(Scenarios.Scenario, SolveOptions?, CancellationToken)"/> starts;
/// every problem is reported together in one <see cref="ArgumentException"/>.
/// </summary>
public sealed class SolveOptions
{
    /// <summary>The engine.</summary>
    /// <value>Default <see cref="SolverEngine.Auto"/>: the network-flow engine where a min-cost flow is exact, else GLOP for LPs, SCIP for models with integer decisions.</value>
    public SolverEngine Engine { get; set; } = SolveDefaults.Engine;

    /// <summary>The wall-clock limit for the solver, or null for none.</summary>
    /// <value>Default null (no limit).</value>
    public TimeSpan? TimeLimit { get; set; }

    /// <summary>The relative MIP gap at which a MIP solve may stop and call its incumbent optimal.</summary>
    /// <value>Default 1e-7, tight enough that small models are exact to 1e-6.</value>
    public double RelativeMipGap { get; set; } = SolveDefaults.RelativeMipGap;

    /// <summary>Threads the solver may use, or null for the solver's own default.</summary>
    /// <value>Default null.</value>
    public int? Threads { get; set; }

    /// <summary>Whether to run <c>PlanVerifier</c> on the plan and attach its report.</summary>
    /// <value>Default true.</value>
    public bool Verify { get; set; } = true;

    /// <summary>Throws when any option is out of range, naming every problem at once.</summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Engine)) problems.Add($"Engine {(int)Engine} is not a known engine.");
        if (TimeLimit is { } limit && limit <= TimeSpan.Zero) problems.Add($"TimeLimit must be positive (was {limit}).");
        if (!(RelativeMipGap >= 0 && RelativeMipGap < 1)) problems.Add(string.Create(CultureInfo.InvariantCulture, $"RelativeMipGap must be in [0, 1) (was {RelativeMipGap})."));
        if (Threads is { } threads && threads < 1) problems.Add($"Threads must be at least 1 (was {threads}).");
        if (problems.Count > 0) throw new ArgumentException("Invalid solve options: " + string.Join(" ", problems));
    }
}

/// <summary>The defaults of <see cref="SolveOptions"/> and of the engines, in one place.</summary>
internal static class SolveDefaults
{
    public const SolverEngine Engine = SolverEngine.Auto;

    public const double RelativeMipGap = 1e-7;

    /// <summary>PDLP's relative and absolute optimality tolerances: tight enough that its plans verify.</summary>
    public const double PdlpTolerance = 1e-10;

    /// <summary>Slack (relative to capacity) under which a capacity counts as binding.</summary>
    public const double BindingSlack = 1e-9;
}
