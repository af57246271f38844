namespace FreightOptimizer;

/// <summary>How capital enters the objective.</summary>
public static class Economics
{
    /// <summary>
    /// The capital recovery factor r(1+r)^n / ((1+r)^n − 1), or 1/n when r = 0: the share of a
    /// capital cost paid each year over <paramref name="lifetimeYears"/> at <paramref name="discountRate"/>.
    /// </summary>
    /// <remarks>
    /// Computed as r / (1 − (1+r)^−n) = r / −expm1(−n·log1p(r)), which is the same number and finite
    /// wherever the factor is: the textbook form overflows (1+r)^n to infinity for a long lifetime
    /// (15,000,000 years at 10 % gave NaN), where this form gives r, its limit; and it loses every digit
    /// to cancellation as r approaches 0, where this form tends to 1/n. At ordinary rates and lifetimes
    /// the two agree to a few units in the last place (the tests compare them).
    /// </remarks>
    /// <param name="discountRate">The discount rate r in [0, 1).</param>
    /// <param name="lifetimeYears">The lifetime n in years (&gt; 0).</param>
    /// <returns>The factor: r for an unlimited lifetime, 1/n at a rate of 0, infinite only as n tends to 0.</returns>
    public static double CapitalRecoveryFactor(double discountRate, double lifetimeYears)
    {
        if (discountRate == 0) return 1.0 / lifetimeYears;
        var growthRate = LogOnePlus(discountRate); // ln(1 + r) > 0
        var x = lifetimeYears * growthRate;        // ln((1 + r)^n)

        // For x below 1e-8, x / (1 − e^−x) = 1 + x/2 + x²/12 − …, and the x² term is below the
        // precision of a double; this branch also keeps an x that underflows to 0 from dividing by 0.
        if (x < 1e-8) return discountRate / growthRate / lifetimeYears * (1 + (x / 2));
        return discountRate / -ExpMinusOne(-x);
    }

    /// <summary>
    /// What one unit of an option costs in the objective: capital cost × CRF × horizon years.
    /// </summary>
    /// <param name="scenario">The scenario (discount rate and horizon).</param>
    /// <param name="option">The option.</param>
    /// <returns>The annualised capital over the horizon, per unit; 0 for an option without capital cost.</returns>
    public static double ObjectiveCostPerUnit(Scenario scenario, InvestmentOption option)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        return AnnualisedCostPerUnit(scenario, option) * scenario.Horizon.Years;
    }

    /// <summary>What one unit of an option costs per year: capital cost × CRF (0 without capital cost, whatever the lifetime).</summary>
    internal static double AnnualisedCostPerUnit(Scenario scenario, InvestmentOption option) =>
        option.CapitalCost == 0 ? 0 : option.CapitalCost * CapitalRecoveryFactor(scenario.DiscountRate, option.LifetimeYears);

    /// <summary>
    /// ln(1 + x) for x &gt; −1, accurate near 0 (Kahan's correction: the rounding of 1 + x is divided
    /// out). .NET's <see cref="double.LogP1"/> computes ln(1 + x) as written and returns 0 for x = 1e-20.
    /// </summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// e^x − 1, accurate near 0 (Kahan's correction). .NET's <see cref="double.ExpM1"/> computes e^x − 1
    /// as written and returns 0 for x = −1e-20.
    /// </summary>
    internal static double ExpMinusOne(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }
}
