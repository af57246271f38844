using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer.Analysis;

/// <summary>One budget of a frontier and the plan it buys.</summary>
/// <param name="Budget">The capital budget, in the scenario's currency.</param>
/// <param name="Status">How the solve at that budget ended.</param>
/// <param name="Objective">The optimum, or null without a plan (or with one the verifier rejected, <see cref="SolveStatus.VerificationFailed"/>).</param>
/// <param name="CapitalSpent">Σ capital cost × units built (not annualised), or null without a plan (or a rejected one).</param>
/// <param name="UnmetTonnes">Total unmet demand over the horizon, or null without a plan (or a rejected one).</param>
/// <param name="Chosen">The options built and their units, in scenario order (empty without a plan, or with a rejected one).</param>
public sealed record FrontierPoint(double Budget, SolveStatus Status, double? Objective, double? CapitalSpent, double? UnmetTonnes, ImmutableArray<InvestmentDecision> Chosen)
{
    /// <summary>Whether the solve at this budget found a plan the verifier did not reject.</summary>
    public bool HasPlan => Objective is not null;

    /// <summary>Equal when every field is equal, the options built in order.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>Whether the two points have the same content.</returns>
    public bool Equals(FrontierPoint? other) =>
        other is not null && Budget.Equals(other.Budget) && Status == other.Status && Nullable.Equals(Objective, other.Objective)
        && Nullable.Equals(CapitalSpent, other.CapitalSpent) && Nullable.Equals(UnmetTonnes, other.UnmetTonnes)
        && Structural.SequenceEquals(Chosen, other.Chosen);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Budget, Status, Objective);
}

/// <summary>
/// The budget frontier: the scenario solved once per budget, to show what each extra unit of capital
/// buys. Raising the budget never raises the optimum (a plan that fits a budget fits every larger one).
/// </summary>
public static class BudgetFrontier
{
    /// <summary>The most budgets <see cref="Steps"/> makes, so a typing slip cannot start a million solves.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Budgets from <paramref name="min"/> to <paramref name="max"/> in steps of <paramref name="step"/>, <paramref name="max"/> included.</summary>
    /// <param name="min">The first budget (≥ 0).</param>
    /// <param name="max">The last budget (≥ <paramref name="min"/>); included even when the steps do not land on it.</param>
    /// <param name="step">The step (&gt; 0).</param>
    /// <returns>The budgets, ascending.</returns>
    /// <exception cref="ArgumentException">A bound is negative or not finite, max &lt; min, step ≤ 0, or there would be more than <see cref="MaxSteps"/> budgets.</exception>
    public static ImmutableArray<double> Steps(double min, double max, double step)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(step) || min < 0 || max < min || step <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A budget sweep needs 0 ≤ MIN ≤ MAX and STEP > 0, all finite (was {min}:{max}:{step})."));
        }

        var count = Math.Floor(((max - min) / step) + 1e-9);
        if (count + 2 > MaxSteps) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A budget sweep of {count + 1:N0} budgets is more than {MaxSteps:N0}; use a larger step."));
        var budgets = ImmutableArray.CreateBuilder<double>();
        for (var k = 0; k <= count; k++) budgets.Add(min + (k * step));
        if (max - budgets[^1] > 1e-9 * Math.Max(1, max)) budgets.Add(max);
        else budgets[^1] = max;
        return budgets.ToImmutable();
    }

    /// <summary>
    /// Solves the scenario once per budget (its own budget replaced), up to
    /// <see cref="SolveOptions.MaxParallelSolves"/> at once. Options are not appraised.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="budgets">The budgets (each ≥ 0 and finite).</param>
    /// <param name="options">How to solve each; null for the defaults.</param>
    /// <param name="cancellationToken">Interrupts the solves; interrupted ones report <see cref="SolveStatus.Cancelled"/>.</param>
    /// <returns>One point per budget, in the order given.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    /// <exception cref="ArgumentException">A budget is negative or not finite, or some option is out of range.</exception>
    public static ImmutableArray<FrontierPoint> Solve(Scenario scenario, IEnumerable<double> budgets, SolveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(budgets);
        var list = budgets.ToArray();
        var bad = list.Where(b => !double.IsFinite(b) || b < 0).ToList();
        if (bad.Count > 0) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Budgets must be finite and ≥ 0 (got {string.Join(", ", bad)})."), nameof(budgets));
        var inner = (options ?? new SolveOptions()).Copy();
        inner.Validate();
        inner.Appraise = AppraisalMode.Never;
        ScenarioValidator.ThrowIfInvalid(scenario);

        var points = new FrontierPoint[list.Length];
        Parallel.For(0, list.Length, new ParallelOptions { MaxDegreeOfParallelism = inner.ParallelSolves }, i =>
        {
            var budget = scenario.Budget is { } b ? b with { CapitalCost = list[i] } : new Budget(list[i]);
            var result = FreightPlanner.Optimize(scenario with { Budget = budget }, inner, cancellationToken);
            points[i] = PointOf(scenario, list[i], result);
        });
        return [.. points];
    }

    private static FrontierPoint PointOf(Scenario scenario, double budget, OptimizationResult result)
    {
        // A rejected plan is no point of the frontier: its numbers would draw a curve nobody can trust.
        if (result.Plan is not { } plan || result.Status == SolveStatus.VerificationFailed) return new FrontierPoint(budget, result.Status, null, null, null, []);
        var capital = scenario.Investments.Zip(plan.Investments).Sum(p => p.First.CapitalCost * p.Second.Units);
        return new FrontierPoint(budget, result.Status, plan.Objective, capital, plan.TotalUnmetTonnes, [.. plan.Investments.Where(d => d.Units > 0)]);
    }
}
