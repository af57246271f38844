using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// The multi-year semantics of a horizon whose periods carry calendar years (docs/design.md,
/// "Multi-year horizons"): every cost of a period is discounted to the first year at the scenario's
/// discount rate, demand grows per line, and each investment option chooses the period it comes
/// online, paying its annualised capital from then to the end of the horizon. A horizon without years
/// has none of this: every factor here is 1 and every option is online from its first period.
/// </summary>
public static class MultiYear
{
    /// <summary>Whether any period carries a calendar year (valid scenarios: all or none do).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>True for a multi-year horizon.</returns>
    public static bool IsMultiYear(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var p in scenario.Horizon.Periods)
        {
            if (p.Year is not null) return true;
        }

        return false;
    }

    /// <summary>The first calendar year of the horizon (the smallest year), or null without years.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The year the present value refers to.</returns>
    public static int? FirstYear(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int? first = null;
        foreach (var p in scenario.Horizon.Periods)
        {
            if (p.Year is { } y && (first is null || y < first)) first = y;
        }

        return first;
    }

    /// <summary>Whole years from the first year to a period's year (0 without years).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>year − first year, or 0.</returns>
    public static int YearsFromStart(Scenario scenario, int periodIndex)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Horizon.Periods[periodIndex].Year is { } y && FirstYear(scenario) is { } first ? y - first : 0;
    }

    /// <summary>
    /// The discount factor of a period: (1 + r)^−(year − first year) in a multi-year horizon, 1 otherwise.
    /// Every cost of the period (transport, handling, supply, penalties, annualised capital) is multiplied by it.
    /// </summary>
    /// <param name="scenario">The scenario (its discount rate r).</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>The factor in (0, 1].</returns>
    public static double DiscountFactor(Scenario scenario, int periodIndex)
    {
        var years = YearsFromStart(scenario, periodIndex);
        return years == 0 || scenario.DiscountRate == 0 ? 1.0 : Math.Pow(1 + scenario.DiscountRate, -years);
    }

    /// <summary>The growth factor of a demand line in a period: (1 + g)^(year − first year), 1 without years or growth.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="demand">The demand line.</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>The factor (&gt; 0).</returns>
    public static double GrowthFactor(Scenario scenario, Demand demand, int periodIndex)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return Growth(scenario, demand.GrowthPerYear, periodIndex);
    }

    /// <summary>The tonnes a demand line wants in a period: annual tonnes × year fraction × growth factor.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="demand">The demand line.</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>Tonnes in the period.</returns>
    public static double DemandTonnes(Scenario scenario, Demand demand, int periodIndex)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(demand);
        return LineTonnes(scenario, demand.AnnualTonnes, demand.GrowthPerYear, periodIndex);
    }

    /// <summary>The growth factor of a supply line in a period: (1 + g)^(year − first year), 1 without years or growth.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="supply">The supply line.</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>The factor (&gt; 0).</returns>
    public static double GrowthFactor(Scenario scenario, Supply supply, int periodIndex)
    {
        ArgumentNullException.ThrowIfNull(supply);
        return Growth(scenario, supply.GrowthPerYear, periodIndex);
    }

    /// <summary>The tonnes a supply line offers in a period at most: annual tonnes × year fraction × growth factor.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="supply">The supply line.</param>
    /// <param name="periodIndex">The zero-based period index.</param>
    /// <returns>Tonnes in the period.</returns>
    public static double SupplyTonnes(Scenario scenario, Supply supply, int periodIndex)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(supply);
        return LineTonnes(scenario, supply.AnnualTonnes, supply.GrowthPerYear, periodIndex);
    }

    /// <summary>A line's tonnes in a period: annual × year fraction, × its growth factor when it grows.</summary>
    private static double LineTonnes(Scenario scenario, double annualTonnes, double? growthPerYear, int periodIndex)
    {
        var tonnes = annualTonnes * scenario.Horizon.Periods[periodIndex].YearFraction;
        var growth = Growth(scenario, growthPerYear, periodIndex);
        return growth == 1.0 ? tonnes : tonnes * growth;
    }

    private static double Growth(Scenario scenario, double? growthPerYear, int periodIndex)
    {
        if (growthPerYear is not { } g || g == 0) return 1.0;
        var years = YearsFromStart(scenario, periodIndex);
        return years == 0 ? 1.0 : Math.Pow(1 + g, years);
    }

    /// <summary>
    /// The periods in which an option may come online, in order: in a multi-year horizon every period
    /// from its first period on whose year is at least the first year + its lead time (none when the
    /// lead time reaches past the horizon: the option is never built); otherwise its first period alone.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="option">The option.</param>
    /// <returns>Zero-based period indices.</returns>
    public static ImmutableArray<int> OnlinePeriods(Scenario scenario, InvestmentOption option)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        var first = scenario.FirstPeriodIndexOf(option);
        if (!IsMultiYear(scenario)) return [first];
        var lead = option.LeadTimeYears ?? 0;
        var periods = ImmutableArray.CreateBuilder<int>();
        for (var t = first; t < scenario.Horizon.Periods.Length; t++)
        {
            if (YearsFromStart(scenario, t) >= lead) periods.Add(t);
        }

        return periods.ToImmutable();
    }

    /// <summary>
    /// What one unit of an option costs in the objective when it comes online in a period: in a
    /// multi-year horizon the annualised capital (capital × capital recovery factor) for every period
    /// from then to the end, each year fraction discounted, Σ_{t ≥ online} CRF·capital·f_t·(1 + r)^−(year_t − first year);
    /// otherwise <see cref="Economics.ObjectiveCostPerUnit"/> (annualised × horizon years).
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="option">The option.</param>
    /// <param name="onlinePeriodIndex">The zero-based period it comes online in.</param>
    /// <returns>The capital charge per unit.</returns>
    public static double CapitalChargePerUnit(Scenario scenario, InvestmentOption option, int onlinePeriodIndex)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(option);
        if (!IsMultiYear(scenario)) return Economics.ObjectiveCostPerUnit(scenario, option);
        var annual = Economics.AnnualisedCostPerUnit(scenario, option);
        if (annual == 0) return 0;
        var years = 0.0;
        var periods = scenario.Horizon.Periods;
        for (var t = Math.Max(0, onlinePeriodIndex); t < periods.Length; t++) years += periods[t].YearFraction * DiscountFactor(scenario, t);
        return annual * years;
    }
}
