
namespace FreightOptimizer;

/// <summary>What a solver returned, copied out of it before it was disposed.</summary>
internal sealed class SolverOutcome
{
    public required SolveStatus Status { get; init; }

    /// <summary>Variable values, or null when the solve found no solution.</summary>
    public double[]? Values { get; init; }

    /// <summary>Row duals (∂objective/∂rhs), or null when the engine gave none.</summary>
    public double[]? Duals { get; init; }

    public double Objective { get; init; }

    public double? BestBound { get; init; }

    public long? Iterations { get; init; }

    public long? Nodes { get; init; }

    public TimeSpan WallTime { get; init; }

    public string? Message { get; init; }

    /// <summary>A remark for the solve report's notes (an engine that could not be interrupted), or null.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// True when the model was refused before any solver saw it (a number in it is not finite, see
    /// <c>LinearProblem.DescribeNonFinite</c>): another engine would refuse it too.
    /// </summary>
    public bool ModelRejected { get; init; }
}
