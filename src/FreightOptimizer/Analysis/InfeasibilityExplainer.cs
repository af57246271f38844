using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Says why an infeasible scenario is infeasible, in domain terms. Hard demands and minimum flows
/// are the only constraints that can make a valid scenario infeasible (everything else allows a plan
/// that moves nothing), so it re-solves with the hard demands made soft at a last-resort penalty:
/// what is then short, and which capacities the cheapest way to serve the rest fills, is the answer.
/// If that is still infeasible, it re-solves without minimum flows, all of them and then each alone,
/// to name the routes whose minimums cannot be carried.
/// </summary>
internal static class InfeasibilityExplainer
{
    public static InfeasibilityExplanation Explain(Scenario scenario, SolveOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return Relax(scenario, options, cancellationToken);
        }
        catch (FreightValidationException ex)
        {
            // A relaxed scenario is the original with demands softened or minimums dropped; should
            // a rule still reject it, the explanation says so rather than failing the solve.
            return new InfeasibilityExplanation
            {
                Causes = InfeasibilityCauses.None,
                Summary = $"No explanation: the relaxed scenario could not be solved ({ex.Message}).",
            };
        }
    }

    private static InfeasibilityExplanation Relax(Scenario scenario, SolveOptions options, CancellationToken cancellationToken)
    {
        var inner = options.Copy();
        inner.Appraise = AppraisalMode.Never;
        inner.Verify = false;
        var bound = CostBound(scenario);
        var relaxed = Soften(scenario, LastResortPenalty(bound));
        var solved = PlanSolver.Solve(relaxed, inner, cancellationToken);
        if (solved.Status == SolveStatus.VerificationFailed)
        {
            // Shortfalls read off a plan the verifier rejected would name the wrong demands.
            return new InfeasibilityExplanation
            {
                Causes = InfeasibilityCauses.None,
                Summary = "The re-solve with the hard demands made soft gave a plan the verifier rejected, so no explanation was found. Try another engine.",
            };
        }

        if (solved.Plan is { } plan)
        {
            var shortfalls = Shortfalls(scenario, plan);
            if (shortfalls.IsEmpty)
            {
                return new InfeasibilityExplanation
                {
                    Causes = InfeasibilityCauses.None,
                    Summary = "The solver reported the scenario infeasible, but with the hard demands made soft nothing is short; the first verdict was numerical. Try another engine.",
                };
            }

            var saturated = plan.Bottlenecks
                .Where(b => b.PerTonne > bound)
                .Select(b => new SaturatedCapacity(b.Element, b.Period, b.PerTonne))
                .ToImmutableArray();
            return new InfeasibilityExplanation
            {
                Causes = InfeasibilityCauses.HardDemands,
                Shortfalls = shortfalls,
                Saturated = saturated,
                Summary = DescribeShortfalls(scenario, shortfalls, saturated),
            };
        }

        if (solved.Status != SolveStatus.Infeasible)
        {
            return new InfeasibilityExplanation
            {
                Causes = InfeasibilityCauses.None,
                Summary = $"The re-solve with the hard demands made soft ended with {solved.Status}, so no explanation was found.",
            };
        }

        var minimumRoutes = scenario.Network.Routes.Where(r => r.MinAnnualTonnes > 0).Select(r => r.Id).ToList();
        var freed = minimumRoutes.Count > 0 ? PlanSolver.Solve(WithoutMinimumFlows(relaxed, minimumRoutes), inner, cancellationToken) : null;
        if (freed?.Plan is not { } freedPlan || freed.Status == SolveStatus.VerificationFailed)
        {
            return new InfeasibilityExplanation
            {
                Causes = InfeasibilityCauses.None,
                Summary = "Even with the hard demands made soft and without minimum flows the solve does not find a plan"
                    + (freed is null ? "" : $" ({freed.Status})") + "; no cause in the scenario's demands or minimum flows was found.",
            };
        }

        // Which minimum alone, when dropped, makes it feasible? Those are the culprits; if none is, they conflict together.
        var alone = new bool[minimumRoutes.Count];
        if (minimumRoutes.Count > 1)
        {
            Parallel.For(0, minimumRoutes.Count, new ParallelOptions { MaxDegreeOfParallelism = options.ParallelSolves }, i =>
                alone[i] = PlanSolver.Solve(WithoutMinimumFlows(relaxed, [minimumRoutes[i]]), inner, cancellationToken) is { HasPlan: true } r
                    && r.Status != SolveStatus.VerificationFailed);
        }

        var culprits = minimumRoutes.Where((_, i) => alone[i]).ToImmutableArray();
        if (culprits.IsEmpty) culprits = [.. minimumRoutes];
        var remaining = Shortfalls(scenario, freedPlan);
        var summary = new StringBuilder();
        summary.Append(scenario.Demands.Any(d => d.MustServe) ? "Even with the hard demands made soft the scenario is infeasible: " : "The scenario is infeasible: ");
        summary.Append(culprits.Length == 1 ? "the minimum flow on route " : "the minimum flows on routes ");
        summary.Append(string.Join(", ", culprits.Select(r => r.Value)));
        summary.Append(culprits.Length == 1
            ? " cannot be carried (not enough supply, capacity or demand on its way to take it; without it the scenario solves)."
            : " cannot all be carried (not enough supply, capacity or demand on their way to take them; without them the scenario solves).");
        if (!remaining.IsEmpty) summary.Append(' ').Append(DescribeShortfalls(scenario, remaining, []));
        return new InfeasibilityExplanation
        {
            Causes = InfeasibilityCauses.MinimumFlows | (remaining.IsEmpty ? InfeasibilityCauses.None : InfeasibilityCauses.HardDemands),
            Shortfalls = remaining,
            MinimumFlowRoutes = culprits,
            Summary = summary.ToString(),
        };
    }

    /// <summary>
    /// An upper bound on what any tonne can cost without a hard demand: the highest soft penalty, or
    /// every route's, handling and supply cost at once plus every option's capital spread over one
    /// period of one unit's capacity, whichever is larger. Prices above it come from hard demands.
    /// </summary>
    internal static double CostBound(Scenario scenario)
    {
        var softPenalty = scenario.Demands.Where(d => !d.MustServe).Select(scenario.PenaltyOf).DefaultIfEmpty(0).Max();
        var path = scenario.Network.Routes.Sum(r => r.CostPerTonne.Values.DefaultIfEmpty(0).Max())
            + scenario.Network.Locations.Sum(l => l.HandlingCostPerTonne.Values.DefaultIfEmpty(0).Max())
            + scenario.Supplies.Select(s => s.CostPerTonne).DefaultIfEmpty(0).Max();
        var shortestPeriod = scenario.Horizon.Periods.Min(p => p.YearFraction);
        var capital = scenario.Investments.Sum(o => CapitalPerTonne(scenario, o, shortestPeriod));
        return Math.Max(1, Math.Max(softPenalty, path + capital));
    }

    /// <summary>
    /// An option's capital charge at its most units spread over one period of one unit's capacity:
    /// 0 without capital cost (whatever the capacity), and +∞ when the capacity of a period is so small
    /// that the quotient overflows, which <see cref="LastResortPenalty"/> caps like any large bound.
    /// </summary>
    private static double CapitalPerTonne(Scenario scenario, InvestmentOption option, double shortestPeriod)
    {
        var charge = Economics.ObjectiveCostPerUnit(scenario, option) * option.UnitLimit;
        if (charge == 0) return 0;
        var tonnes = option.AddedAnnualCapacityTonnes * shortestPeriod;
        return tonnes > 0 ? charge / tonnes : double.PositiveInfinity;
    }

    /// <summary>
    /// The penalty per tonne a hard demand gets in the relaxed solve: ten times <see cref="CostBound"/>,
    /// so a hard tonne is left short only when no plan can serve it, and capacities on its way are
    /// priced above every price a soft demand can set.
    /// </summary>
    /// <remarks>
    /// Capped at 1e15, the largest amount validation accepts and the solvers handle reliably; a bound
    /// that is not finite (a capital charge over a capacity that rounds to nothing) gets the cap too.
    /// </remarks>
    internal static double LastResortPenalty(double costBound) => 10 * costBound is var penalty && penalty < MaxPenalty ? penalty : MaxPenalty;

    private const double MaxPenalty = 1e15;

    private static Scenario Soften(Scenario scenario, double penalty) => scenario with
    {
        Demands = [.. scenario.Demands.Select(d => d.MustServe ? d with { MustServe = false, UnmetPenaltyPerTonne = penalty } : d)],
    };

    private static Scenario WithoutMinimumFlows(Scenario scenario, IReadOnlyCollection<RouteId> routes) => scenario with
    {
        Network = new FreightNetwork(
            scenario.Network.Commodities,
            scenario.Network.Locations,
            scenario.Network.Routes.Select(r => routes.Contains(r.Id) ? r with { MinAnnualTonnes = null } : r)),
    };

    /// <summary>Unmet tonnes of hard demand per location, commodity and period (soft lines at the same place are short first).</summary>
    private static ImmutableArray<DemandShortfall> Shortfalls(Scenario scenario, AllocationPlan plan)
    {
        var shortfalls = new List<DemandShortfall>();
        foreach (var unmet in plan.Unmet)
        {
            var lines = scenario.Demands.Where(d => d.Location == unmet.Location && d.Commodity == unmet.Commodity && Scenario.AppliesIn(d.Period, unmet.Period)).ToList();
            if (!lines.Any(d => d.MustServe)) continue;
            var t = scenario.Horizon.IndexOf(unmet.Period);
            var soft = lines.Where(d => !d.MustServe).Sum(d => MultiYear.DemandTonnes(scenario, d, t));
            var hard = unmet.Tonnes - soft;
            if (hard > 1e-6 * Math.Max(1, lines.Sum(d => MultiYear.DemandTonnes(scenario, d, t)))) shortfalls.Add(new DemandShortfall(unmet.Location, unmet.Commodity, unmet.Period, hard));
        }

        return [.. shortfalls.OrderByDescending(s => s.Tonnes).ThenBy(s => s.Location.Value, StringComparer.Ordinal).ThenBy(s => scenario.Horizon.IndexOf(s.Period))];
    }

    private static string DescribeShortfalls(Scenario scenario, ImmutableArray<DemandShortfall> shortfalls, ImmutableArray<SaturatedCapacity> saturated)
    {
        var text = new StringBuilder();
        var total = shortfalls.Sum(s => s.Tonnes);
        var places = shortfalls.Select(s => (s.Location, s.Commodity)).Distinct().Count();
        text.Append(CultureInfo.InvariantCulture, $"The hard demands cannot all be served: at least {total:N0} t short in all, at {places} demand{(places == 1 ? "" : "s")}. ");
        text.Append(string.Join("; ", shortfalls.Take(3).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Tonnes:N0} t of {s.Commodity} at {s.Location} in {s.Period}")
            + (scenario.IsOpen(s.Location, s.Period) ? "" : " (closed in that period)"))));
        if (shortfalls.Length > 3) text.Append(CultureInfo.InvariantCulture, $"; and {shortfalls.Length - 3} more");
        text.Append('.');
        if (saturated.IsEmpty)
        {
            if (shortfalls.Any(s => scenario.IsOpen(s.Location, s.Period)))
            {
                text.Append(" No route or location capacity is full on the way: the supply that can reach them is exhausted, or no open route leads there.");
            }

            return text.ToString();
        }

        var names = saturated.GroupBy(s => s.Element.ToString())
            .Take(5)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Period.Value).Distinct().Take(4))}{(g.Count() > 4 ? ", …" : "")})");
        text.Append(" Serving the rest as cheaply as possible fills ").Append(string.Join(", ", names)).Append(": more capacity there would serve more.");
        return text.ToString();
    }
}
