using FreightOptimizer.Analysis;

namespace FreightOptimizer.Reporting;

/// <summary>How far a budget frontier has got.</summary>
/// <param name="Completed">Budgets solved.</param>
/// <param name="Total">Budgets in all.</param>
public sealed record FrontierProgress(int Completed, int Total);

/// <summary>
/// <see cref="BudgetFrontier.Solve"/> with progress: the budgets are solved in batches as wide as the
/// solves that run at once, and each finished batch is reported. Each budget is an independent solve,
/// so the points are those of one call with every budget.
/// </summary>
public static class FrontierRun
{
    /// <summary>Solves the scenario once per budget.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="budgets">The budgets.</param>
    /// <param name="options">How to solve each.</param>
    /// <param name="progress">Told after each batch, or null.</param>
    /// <returns>One point per budget, in the order given.</returns>
    public static IReadOnlyList<FrontierPoint> Solve(Scenario scenario, IReadOnlyList<double> budgets, SolveOptions options, IProgress<FrontierProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(options);
        if (progress is null) return BudgetFrontier.Solve(scenario, budgets, options);
        var width = Math.Max(1, options.MaxParallelSolves ?? Environment.ProcessorCount);
        var points = new List<FrontierPoint>(budgets.Count);
        progress.Report(new FrontierProgress(0, budgets.Count));
        foreach (var batch in budgets.Chunk(width))
        {
            points.AddRange(BudgetFrontier.Solve(scenario, batch, options));
            progress.Report(new FrontierProgress(points.Count, budgets.Count));
        }

        return points;
    }
}
