using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>How a solve went: which engine and why, model size, times, iterations and gap.</summary>
public sealed record SolveReport
{
    /// <summary>The engine that solved the model.</summary>
    public required SolverEngine Engine { get; init; }

    /// <summary>Why that engine was used, in a sentence.</summary>
    public required string EngineReason { get; init; }

    /// <summary>Time spent formulating the model and handing it to the solver.</summary>
    public TimeSpan BuildTime { get; init; }

    /// <summary>Time the solver ran (the pricing re-solve included, if any).</summary>
    public TimeSpan SolveTime { get; init; }

    /// <summary>Number of variables in the model.</summary>
    public int Variables { get; init; }

    /// <summary>Number of integer variables in the model.</summary>
    public int IntegerVariables { get; init; }

    /// <summary>Number of constraints in the model.</summary>
    public int Constraints { get; init; }

    /// <summary>Simplex iterations (or first-order iterations for PDLP), when the solver reports them.</summary>
    public long? Iterations { get; init; }

    /// <summary>Branch-and-bound nodes for a MIP, when the solver reports them.</summary>
    public long? Nodes { get; init; }

    /// <summary>Relative gap between the solution and the best bound for a MIP; null for an LP.</summary>
    public double? RelativeGap { get; init; }

    /// <summary>The best proven bound for a MIP; null for an LP.</summary>
    public double? BestBound { get; init; }

    /// <summary>How prices were obtained (for example "duals of the LP with integer decisions fixed, by GLOP").</summary>
    public string? PricingMethod { get; init; }

    /// <summary>
    /// Other remarks from the solve, in sentences: among them, when an engine's plan was rejected by the
    /// verifier or an engine failed numerically, what it did and which engine solved next.
    /// </summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>
    /// For the integer network-flow engines: a bound, in money, on how far the plan's objective may be
    /// from the LP optimum because tonnes and costs were rounded to integer quanta (0 when every number
    /// scaled exactly). Null for the LP and MIP engines, which do not round.
    /// </summary>
    public double? RoundingErrorBound { get; init; }

    /// <summary>Equal when every field is equal, the notes in order.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>Whether the two reports have the same content.</returns>
    public bool Equals(SolveReport? other) =>
        other is not null && Engine == other.Engine && EngineReason == other.EngineReason
        && BuildTime == other.BuildTime && SolveTime == other.SolveTime && Variables == other.Variables
        && IntegerVariables == other.IntegerVariables && Constraints == other.Constraints
        && Iterations == other.Iterations && Nodes == other.Nodes && Nullable.Equals(RelativeGap, other.RelativeGap)
        && Nullable.Equals(BestBound, other.BestBound) && PricingMethod == other.PricingMethod
        && Structural.SequenceEquals(Notes, other.Notes) && Nullable.Equals(RoundingErrorBound, other.RoundingErrorBound);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Engine, EngineReason, Variables, Constraints);
}
