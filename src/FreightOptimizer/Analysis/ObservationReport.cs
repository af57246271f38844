using System.Collections.Immutable;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Compares a plan with the scenario's observations (<see cref="Scenario.Observations"/>): for each, the
/// tonnes the plan carries where it was made, the tonnes observed, the difference and whether it is
/// within the observation's tolerance.
/// </summary>
/// <remarks>
/// The comparison is of whatever plan is given. A base year is compared as it was, with nothing
/// built: solve <see cref="Scenario.WithoutInvestments"/> and compare that plan (<see cref="CompareAsObserved"/>
/// does both). <c>FreightPlanner.Optimize</c> attaches the comparison of the plan it found to
/// <see cref="AllocationPlan.Observations"/>, investments and all.
/// </remarks>
public static class ObservationReport
{
    /// <summary>Compares a plan with every observation of its scenario, in scenario order.</summary>
    /// <param name="scenario">The scenario the plan was made for.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>One row per observation; empty when the scenario has none.</returns>
    public static ImmutableArray<ObservationComparison> Compare(Scenario scenario, AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        if (scenario.Observations.IsDefaultOrEmpty) return [];

        var routeTo = scenario.Network.Routes.ToDictionary(r => r.Id, r => r.To);
        var fractions = scenario.Horizon.Periods.ToDictionary(p => p.Id, p => p.YearFraction);
        var rows = ImmutableArray.CreateBuilder<ObservationComparison>(scenario.Observations.Length);
        foreach (var o in scenario.Observations)
        {
            var routes = o.Elements.Where(e => e.IsRoute).Select(e => e.Route!.Value).ToHashSet();
            var locations = o.Elements.Where(e => e.IsLocation).Select(e => e.Location!.Value).ToList();
            bool Counts(CommodityId commodity, PeriodId period) =>
                (o.Commodity is null || o.Commodity == commodity) && (o.Period is null || o.Period == period);

            // An element listed twice counts twice, as the elements are documented to add up.
            var tonnes = 0.0;
            foreach (var f in plan.Flows)
            {
                if (!Counts(f.Commodity, f.Period)) continue;
                if (routes.Contains(f.Route)) tonnes += f.Tonnes;
                if (routeTo.TryGetValue(f.Route, out var to)) tonnes += f.Tonnes * locations.Count(l => l == to);
            }

            foreach (var s in plan.Supplied)
            {
                if (Counts(s.Commodity, s.Period)) tonnes += s.Tonnes * locations.Count(l => l == s.Location);
            }

            var years = o.Period is { } p && fractions.TryGetValue(p, out var fraction) ? fraction : scenario.Horizon.Years;
            rows.Add(new ObservationComparison(o.Id, years > 0 ? tonnes / years : 0, o.AnnualTonnes, o.Tolerance) { Name = o.Name });
        }

        return rows.MoveToImmutable();
    }

    /// <summary>
    /// Solves the scenario as it was observed, with no investment option and no budget
    /// (<see cref="Scenario.WithoutInvestments"/>), and compares that plan with the observations.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">How to solve; null for the defaults.</param>
    /// <returns>The result of that solve; its plan, when there is one, carries the comparison.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    public static OptimizationResult CompareAsObserved(Scenario scenario, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return FreightPlanner.Optimize(scenario.WithoutInvestments(), options);
    }
}
