namespace FreightOptimizer.Scenarios;

/// <summary>How capital enters the objective.</summary>
public static class Economics
{
    /// <summary>
    /// The capital recovery factor r(1+r)^n / ((1+r)^n − 1), or 1/n when r = 0: the share of a
    /// capital cost paid each year over <paramref name="lifetimeYears"/> at <paramref name="discountRate"/>.
    /// </summary>
    /// <param name="discountRate">The discount rate r in [0, 1).</param>
    /// <param name="lifetimeYears">The lifetime n in years (&gt; 0).</param>
    /// <returns>The factor.</returns>
    public static double CapitalRecoveryFactor(double discountRate, double lifetimeYears)
    {
        if (discountRate == 0) return 1.0 / lifetimeYears;
        var growth = Math.Pow(1 + discountRate, lifetimeYears);
        return discountRate * growth / (growth - 1);
    }

    /// <summary>
    /// What one unit of an option costs in the objective: capital cost × CRF × horizon years.
    /// </summary>
    /// <param name="scenario">The scenario (discount rate and horizon).</param>
    /// <param name="option">The option.</param>
    /// <returns>The annualised capital over the horizon, per unit.</returns>
    public static double ObjectiveCostPerUnit(Scenario scenario, InvestmentOption option)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        return option.CapitalCost * CapitalRecoveryFactor(scenario.DiscountRate, option.LifetimeYears) * scenario.Horizon.Years;
    }
}
