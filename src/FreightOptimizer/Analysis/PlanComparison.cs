using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer.Analysis;

/// <summary>One figure that differs between two plans.</summary>
/// <param name="Subject">
/// What it is: a cost component (<c>transport</c>, <c>handling</c>, <c>supply</c>, <c>capital</c>,
/// <c>unmetPenalty</c>, <c>transitTime</c>, <c>carbon</c>, <c>total</c>), a border-crossing or market location id, or an investment option id.
/// </param>
/// <param name="Commodity">The commodity, for crossing tonnes and market prices; else null.</param>
/// <param name="Period">The period, for market prices; else null.</param>
/// <param name="Before">The figure in the first plan, or null where it has none (a market or option only the second scenario has).</param>
/// <param name="After">The figure in the second plan, or null where it has none.</param>
public sealed record PlanDifference(string Subject, CommodityId? Commodity, PeriodId? Period, double? Before, double? After)
{
    /// <summary>After − before, a missing figure counting as 0.</summary>
    public double Change => (After ?? 0) - (Before ?? 0);

    /// <summary>"subject [commodity] [period]: before → after".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Subject}{(Commodity is { } c ? $" {c}" : "")}{(Period is { } p ? $" {p}" : "")}: {Before?.ToString("N2", CultureInfo.InvariantCulture) ?? "—"} → {After?.ToString("N2", CultureInfo.InvariantCulture) ?? "—"}");
}

/// <summary>Options of <see cref="PlanComparison.Compare"/>. Checked once when the comparison starts.</summary>
public sealed class ComparisonOptions
{
    /// <summary>A figure counts as changed when |after − before| exceeds this share of the larger of the two …</summary>
    /// <value>Default 1e-6, the verifier's tolerance: smaller differences are the solvers' noise.</value>
    public double RelativeTolerance { get; set; } = 1e-6;

    /// <summary>… and this absolute amount (tonnes, money or units).</summary>
    /// <value>Default 1e-6, the plan format's noise threshold.</value>
    public double AbsoluteTolerance { get; set; } = 1e-6;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">A tolerance is negative or not finite.</exception>
    public void Validate()
    {
        if (!(RelativeTolerance >= 0 && double.IsFinite(RelativeTolerance)) || !(AbsoluteTolerance >= 0 && double.IsFinite(AbsoluteTolerance)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid comparison options: tolerances must be finite and ≥ 0 (were {RelativeTolerance} and {AbsoluteTolerance})."));
        }
    }
}

/// <summary>
/// Two plans side by side, only what changed beyond the tolerance, each section largest change first:
/// the cost components, tonnes through each border crossing by commodity, market prices and investments.
/// </summary>
/// <param name="Costs">Cost components and the total that changed.</param>
/// <param name="CrossingTonnes">
/// Tonnes of each commodity through each border crossing (arrivals by route and supply there, over every
/// period) that changed; crossings are the locations of kind <see cref="LocationKind.BorderCrossing"/> in either scenario.
/// </param>
/// <param name="MarketPrices">
/// Balance prices at locations with demand (in either scenario), by commodity and period, that changed.
/// </param>
/// <param name="Investments">Units built of each option (by id, in either scenario) that changed.</param>
public sealed record PlanComparison(
    ImmutableArray<PlanDifference> Costs, ImmutableArray<PlanDifference> CrossingTonnes,
    ImmutableArray<PlanDifference> MarketPrices, ImmutableArray<PlanDifference> Investments)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Costs.IsEmpty && CrossingTonnes.IsEmpty && MarketPrices.IsEmpty && Investments.IsEmpty;

    /// <summary>Equal when every list is equal element by element, in order.</summary>
    /// <param name="other">The other comparison.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(PlanComparison? other) =>
        other is not null && Structural.SequenceEquals(Costs, other.Costs) && Structural.SequenceEquals(CrossingTonnes, other.CrossingTonnes)
        && Structural.SequenceEquals(MarketPrices, other.MarketPrices) && Structural.SequenceEquals(Investments, other.Investments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Costs.Length, CrossingTonnes.Length, MarketPrices.Length, Investments.Length);

    /// <summary>Compares two plans, each with its own scenario (the same scenario twice, or a scenario and a modified one).</summary>
    /// <param name="a">The first scenario.</param>
    /// <param name="planA">A plan of <paramref name="a"/>: the "before".</param>
    /// <param name="b">The second scenario.</param>
    /// <param name="planB">A plan of <paramref name="b"/>: the "after".</param>
    /// <param name="options">Tolerances; null for the defaults.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="FreightValidationException">A plan names a route, location, commodity or period its scenario does not have.</exception>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static PlanComparison Compare(Scenario a, AllocationPlan planA, Scenario b, AllocationPlan planB, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(planA);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(planB);
        options ??= new ComparisonOptions();
        options.Validate();
        _ = PlanIndex.Of(a, planA);
        _ = PlanIndex.Of(b, planB);

        var costs = new List<PlanDifference>();
        void Cost(string name, double before, double after) => costs.Add(new PlanDifference(name, null, null, before, after));
        Cost("transport", planA.Costs.Transport, planB.Costs.Transport);
        Cost("handling", planA.Costs.Handling, planB.Costs.Handling);
        Cost("supply", planA.Costs.Supply, planB.Costs.Supply);
        Cost("capital", planA.Costs.Capital, planB.Costs.Capital);
        Cost("unmetPenalty", planA.Costs.UnmetPenalty, planB.Costs.UnmetPenalty);
        Cost("transitTime", planA.Costs.TransitTime, planB.Costs.TransitTime);
        Cost("carbon", planA.Costs.Carbon, planB.Costs.Carbon);
        Cost("total", planA.Objective, planB.Objective);

        var crossings = a.Network.Locations.Concat(b.Network.Locations).Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => l.Id).ToHashSet();
        var crossingA = TonnesThroughCrossings(a, planA, crossings);
        var crossingB = TonnesThroughCrossings(b, planB, crossings);
        var crossing = crossingA.Keys.Union(crossingB.Keys)
            .Select(key => new PlanDifference(key.Location.Value, key.Commodity, null, crossingA.GetValueOrDefault(key), crossingB.GetValueOrDefault(key)));

        var markets = a.Demands.Concat(b.Demands).Select(d => (d.Location, d.Commodity)).ToHashSet();
        var pricesA = planA.Prices.Balance.Where(p => markets.Contains((p.Location, p.Commodity))).ToDictionary(p => (p.Location, p.Commodity, p.Period), p => p.PerTonne);
        var pricesB = planB.Prices.Balance.Where(p => markets.Contains((p.Location, p.Commodity))).ToDictionary(p => (p.Location, p.Commodity, p.Period), p => p.PerTonne);
        var prices = pricesA.Keys.Union(pricesB.Keys).Select(key => new PlanDifference(
            key.Location.Value, key.Commodity, key.Period,
            pricesA.TryGetValue(key, out var x) ? x : null, pricesB.TryGetValue(key, out var y) ? y : null));

        var unitsA = planA.Investments.ToDictionary(d => d.Id, d => d.Units);
        var unitsB = planB.Investments.ToDictionary(d => d.Id, d => d.Units);
        var investments = unitsA.Keys.Union(unitsB.Keys).Select(id => new PlanDifference(
            id.Value, null, null, unitsA.TryGetValue(id, out var x) ? x : null, unitsB.TryGetValue(id, out var y) ? y : null));

        return new PlanComparison(Changed(costs, options), Changed(crossing, options), Changed(prices, options), Changed(investments, options));
    }

    /// <summary>Tonnes by crossing and commodity: arrivals by route and supply used there, over every period.</summary>
    private static Dictionary<(LocationId Location, CommodityId Commodity), double> TonnesThroughCrossings(Scenario scenario, AllocationPlan plan, HashSet<LocationId> crossings)
    {
        var tonnes = new Dictionary<(LocationId, CommodityId), double>();
        foreach (var f in plan.Flows)
        {
            var to = scenario.Network.GetRoute(f.Route).To;
            if (crossings.Contains(to)) tonnes[(to, f.Commodity)] = tonnes.GetValueOrDefault((to, f.Commodity)) + f.Tonnes;
        }

        foreach (var s in plan.Supplied)
        {
            if (crossings.Contains(s.Location)) tonnes[(s.Location, s.Commodity)] = tonnes.GetValueOrDefault((s.Location, s.Commodity)) + s.Tonnes;
        }

        return tonnes;
    }

    /// <summary>
    /// The differences beyond the tolerance, largest |change| first, then by subject, commodity and
    /// period (ordinal), so that the order does not depend on hashing.
    /// </summary>
    private static ImmutableArray<PlanDifference> Changed(IEnumerable<PlanDifference> differences, ComparisonOptions options) =>
    [
        .. differences
            .Where(d => Math.Abs(d.Change) > Math.Max(options.AbsoluteTolerance, options.RelativeTolerance * Math.Max(Math.Abs(d.Before ?? 0), Math.Abs(d.After ?? 0)))
                || (d.Before is null) != (d.After is null))
            .OrderByDescending(d => Math.Abs(d.Change))
            .ThenBy(d => d.Subject, StringComparer.Ordinal)
            .ThenBy(d => d.Commodity?.Value, StringComparer.Ordinal)
            .ThenBy(d => d.Period?.Value, StringComparer.Ordinal),
    ];
}
