using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer.Analysis;

/// <summary>One point of the cost–CO2 frontier: the scenario solved under one CO2 cap.</summary>
/// <param name="Co2CapTonnes">The cap on the horizon's CO2e in tonnes, or null for the min-cost point, solved without a cap.</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="Plan">The verified plan, or null without one (or with one the verifier rejected, <see cref="SolveStatus.VerificationFailed"/>).</param>
/// <param name="EngineReason">The engine the solve used and why.</param>
public sealed record EmissionsFrontierPoint(double? Co2CapTonnes, SolveStatus Status, AllocationPlan? Plan, string EngineReason)
{
    /// <summary>Whether the point has a plan the verifier accepted.</summary>
    public bool HasPlan => Plan is not null;

    /// <summary>The optimum (generalised cost over the horizon), or null without a plan.</summary>
    public double? Cost => Plan?.Objective;

    /// <summary>The plan's tonnes of CO2e over the horizon, or null without a plan.</summary>
    public double? Co2Tonnes => Plan?.Activity?.Total.Co2Tonnes;

    /// <summary>Total unmet tonnes, or null without a plan.</summary>
    public double? UnmetTonnes => Plan?.TotalUnmetTonnes;

    /// <summary>The cap's price (the marginal abatement cost, money per tonne of CO2e), or null for the uncapped point or without a plan.</summary>
    public double? Co2PricePerTonne => Plan?.Prices.Co2Cap;

    /// <summary>Tonne-km by transport mode, or empty without a plan.</summary>
    public ImmutableArray<ActivityLine> ByMode => Plan?.Activity?.ByMode ?? [];

    /// <summary>Tonnes, tonne-km and CO2e by border crossing, or empty without a plan.</summary>
    public ImmutableArray<ActivityLine> ByCrossing => Plan?.Activity?.ByCrossing ?? [];
}

/// <summary>
/// The cost–CO2 Pareto frontier by the ε-constraint method (docs/analysis.md, "Generalised cost and the
/// cost–CO2 frontier"): the min-cost plan, whose emissions E_max are the frontier's top; the least-CO2
/// plan, whose emissions E_min are its bottom; and the scenario solved again under caps evenly spaced
/// between, each a verified optimum of the scenario with its <see cref="Scenario.Co2CapTonnes"/>.
/// </summary>
public static class EmissionsFrontier
{
    /// <summary>The most points <see cref="Compute"/> takes, so a typing slip cannot start a million solves.</summary>
    public const int MaxPoints = 1_000;

    /// <summary>
    /// Computes <paramref name="points"/> points of the frontier, from the min-cost plan (no cap) to the
    /// least-CO2 plan (cap E_min), with caps E_max − j·(E_max − E_min)/(points − 1) between. The
    /// scenario's own cap is replaced; its carbon price and holding rate stay in the cost.
    /// </summary>
    /// <remarks>
    /// E_min is lexicographic: the least CO2e among the plans that leave the least demand unmet (a plan
    /// that serves nothing emits nothing, which is no transport plan). It comes from an auxiliary solve
    /// of the same network in which every route costs its CO2e per tonne and nothing else, every soft
    /// demand's penalty exceeds the CO2e of any path (1 + Σ over routes), and capital keeps its budget
    /// but leaves the objective (a lifetime of 10^15 years at rate 0). Its plan is not a point; the point
    /// is the scenario solved under the cap E_min (plus 10^−9 of it, the solvers' feasibility
    /// tolerance), which is the least-cost plan among those emitting E_min. That plan may leave more
    /// demand unmet than the min-cost plan where serving it cleanly costs more than its penalty.
    /// </remarks>
    /// <param name="scenario">The scenario.</param>
    /// <param name="points">How many points, 2 to <see cref="MaxPoints"/>.</param>
    /// <param name="options">How to solve each; null for the defaults. Options are not appraised.</param>
    /// <param name="cancellationToken">Interrupts the solves.</param>
    /// <returns>The points, from the min-cost end to the least-CO2 end.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is below 2 or above <see cref="MaxPoints"/>.</exception>
    public static ImmutableArray<EmissionsFrontierPoint> Compute(Scenario scenario, int points, SolveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (points is < 2 or > MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Create(CultureInfo.InvariantCulture, $"A cost–CO2 frontier has 2 to {MaxPoints} points."));
        }

        var inner = (options ?? new SolveOptions()).Copy();
        inner.Validate();
        inner.Appraise = AppraisalMode.Never;
        var uncapped = scenario with { Co2CapTonnes = null, GeneralisedCost = scenario.GeneralisedCost ?? new GeneralisedCost() };
        ScenarioValidator.ThrowIfInvalid(uncapped);

        var result = new EmissionsFrontierPoint[points];
        EmissionsFrontierPoint? minimum = null;
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, inner.ParallelSolves) },
            () => result[0] = PointOf(null, FreightPlanner.Optimize(uncapped, inner, cancellationToken)),
            () => minimum = PointOf(null, FreightPlanner.Optimize(LeastCo2Scenario(uncapped), inner, cancellationToken)));
        if (result[0].Co2Tonnes is not { } eMax || minimum?.Co2Tonnes is not { } eMin)
        {
            // Without either end there is no range of caps: every other point says why.
            var failed = result[0].HasPlan ? minimum! : result[0];
            for (var j = 1; j < points; j++) result[j] = new EmissionsFrontierPoint(null, failed.Status, null, failed.EngineReason);
            return [.. result];
        }

        eMin = Math.Min(eMin, eMax);
        var caps = new double[points];
        for (var j = 1; j < points; j++)
        {
            caps[j] = j == points - 1 ? eMin + (1e-9 * Math.Max(1, eMin)) : eMax - (j * (eMax - eMin) / (points - 1));
        }

        Parallel.For(1, points, new ParallelOptions { MaxDegreeOfParallelism = inner.ParallelSolves }, j =>
            result[j] = PointOf(caps[j], FreightPlanner.Optimize(uncapped with { Co2CapTonnes = caps[j] }, inner, cancellationToken)));
        return [.. result];
    }

    private static EmissionsFrontierPoint PointOf(double? cap, OptimizationResult result) =>
        result.Plan is { } plan && result.Status != SolveStatus.VerificationFailed
            ? new EmissionsFrontierPoint(cap, result.Status, plan, result.Report.EngineReason)
            : new EmissionsFrontierPoint(cap, result.Status, null, result.Report.EngineReason);

    /// <summary>The auxiliary scenario whose optimum has the least unmet demand and, among those plans, the least CO2e.</summary>
    internal static Scenario LeastCo2Scenario(Scenario scenario)
    {
        var network = scenario.Network;
        var pathBound = 1 + network.Routes.Sum(scenario.Co2TonnesPerTonne);
        var routes = network.Routes.Select(r => r with
        {
            CostPerTonne = r.CostPerTonne.ToImmutableDictionary(kv => kv.Key, _ => 0.0),
            Co2GramsPerTonneKm = scenario.Co2GramsPerTonneKm(r),
        });
        var locations = network.Locations.Select(l => l with { HandlingCostPerTonne = ImmutableDictionary<CommodityId, double>.Empty });
        return scenario with
        {
            Network = new FreightNetwork(network.Commodities, locations, routes),
            DiscountRate = 0,
            Supplies = [.. scenario.Supplies.Select(s => s with { CostPerTonne = 0 })],
            Demands = [.. scenario.Demands.Select(d => d with { UnmetPenaltyPerTonne = pathBound })],
            Investments = [.. scenario.Investments.Select(o => o with { LifetimeYears = ScenarioValidator.MaxMagnitude })],
            GeneralisedCost = new GeneralisedCost { CarbonPricePerTonneCo2 = 1 },
            Co2CapTonnes = null,
            Observations = [],
        };
    }
}
