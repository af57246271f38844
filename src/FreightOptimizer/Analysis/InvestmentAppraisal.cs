
namespace FreightOptimizer.Analysis;

/// <summary>
/// The appraisal of every investment option of a plan, on request: for a result solved with
/// <see cref="AppraisalMode.Never"/>, or one whose scenario has more options than
/// <see cref="AppraisalMode.Auto"/> appraises. <c>FreightPlanner.Optimize</c> does the same by default.
/// </summary>
public static class InvestmentAppraisal
{
    /// <summary>
    /// Appraises every option: a built option's value (the optimum with it forbidden − the plan's),
    /// gross annual saving and payback; an unbuilt option's regret (the optimum with it forced in − the
    /// plan's). One re-solve per option, up to <see cref="SolveOptions.MaxParallelSolves"/> at once.
    /// </summary>
    /// <param name="scenario">The scenario the result was solved from.</param>
    /// <param name="result">An optimal result of that scenario.</param>
    /// <param name="options">How to re-solve (use the options of the first solve); null for the defaults.</param>
    /// <param name="cancellationToken">Interrupts the re-solves; interrupted ones leave their value or regret null with a note.</param>
    /// <returns>The result with <see cref="AllocationPlan.Appraisal"/> filled, or the result unchanged when it is not optimal.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    /// <exception cref="ArgumentException">The result's plan does not belong to the scenario (it has another number of options).</exception>
    public static OptimizationResult Appraise(Scenario scenario, OptimizationResult result, SolveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        options ??= new SolveOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        if (result.Plan is { } plan && plan.Investments.Length != scenario.Investments.Length)
        {
            throw new ArgumentException($"The plan has {plan.Investments.Length} investment decisions but the scenario {scenario.Investments.Length} options; appraise a result with the scenario it was solved from.", nameof(result));
        }

        return FreightPlanner.AppraiseResult(scenario, result, options, cancellationToken);
    }
}
