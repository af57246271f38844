using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>The transport work and emissions of one group of flows (a mode, a commodity, a border crossing, or all).</summary>
/// <param name="Key">The mode name, the commodity id or the crossing's location id; <c>total</c> for all flows.</param>
/// <param name="Tonnes">Σ tonnes moved (a tonne counts once per route it travels); for a crossing, the tonnes that arrive there.</param>
/// <param name="TonneKm">Σ tonnes × route distance (routes without a distance count 0).</param>
/// <param name="TonneDays">Σ tonnes × route transit days (routes without transit days count 0).</param>
/// <param name="Co2Tonnes">Σ tonnes × CO2e per tonne of the route (Scenario.Co2TonnesPerTonne).</param>
public sealed record ActivityLine(string Key, double Tonnes, double TonneKm, double TonneDays, double Co2Tonnes);

/// <summary>
/// A plan's transport work and emissions over the whole horizon (docs/plan-format.md, "Activity"),
/// computed from its flows and the scenario alone.
/// </summary>
/// <remarks>
/// A border crossing's line has the tonnes that arrive there (what crosses, its throughput without
/// local supply) and the tonne-km, tonne-days and CO2e of every route that enters or leaves it. A route
/// between two crossings (the two sides of one border) counts for both, so the crossing lines need not
/// add up to the total; the mode and commodity lines do.
/// </remarks>
/// <param name="Total">All flows.</param>
/// <param name="ByMode">By transport mode, in the order of <see cref="TransportMode"/>, modes with flow only.</param>
/// <param name="ByCommodity">By commodity, in scenario order, commodities with flow only.</param>
/// <param name="ByCrossing">By location of kind <see cref="LocationKind.BorderCrossing"/>, in scenario order, every crossing.</param>
public sealed record PlanActivity(ActivityLine Total, ImmutableArray<ActivityLine> ByMode, ImmutableArray<ActivityLine> ByCommodity, ImmutableArray<ActivityLine> ByCrossing)
{
    /// <summary>Computes the activity of <paramref name="flows"/> in <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="flows">The plan's flows; flows on routes the scenario does not have are skipped.</param>
    /// <returns>The activity.</returns>
    public static PlanActivity Of(Scenario scenario, IEnumerable<RouteFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(flows);
        var network = scenario.Network;
        var modes = new Dictionary<TransportMode, double[]>();
        var commodities = new Dictionary<CommodityId, double[]>();
        var crossings = new Dictionary<LocationId, double[]>();
        foreach (var location in network.Locations)
        {
            if (location.Kind == LocationKind.BorderCrossing) crossings.TryAdd(location.Id, new double[4]);
        }

        var total = new double[4];
        foreach (var flow in flows)
        {
            if (!network.TryGetRoute(flow.Route, out var route)) continue;
            var t = flow.Tonnes;
            double[] line = [t, t * (route.DistanceKm ?? 0), t * (route.TransitDays ?? 0), t * scenario.Co2TonnesPerTonne(route)];
            Add(total, line);
            Add(Get(modes, route.Mode), line);
            Add(Get(commodities, flow.Commodity), line);
            // A crossing's tonnes are what arrives there (its throughput); its tonne-km, tonne-days and
            // CO2e are those of the routes in and out.
            if (crossings.TryGetValue(route.From, out var from)) Add(from, [0, line[1], line[2], line[3]]);
            if (route.To != route.From && crossings.TryGetValue(route.To, out var to)) Add(to, line);
        }

        return new PlanActivity(
            Line("total", total),
            [.. Enum.GetValues<TransportMode>().Where(modes.ContainsKey).Select(m => Line(m.ToString(), modes[m]))],
            [.. network.Commodities.Where(c => commodities.ContainsKey(c.Id)).Select(c => Line(c.Id.Value, commodities[c.Id]))],
            [.. network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing && crossings.ContainsKey(l.Id)).DistinctBy(l => l.Id).Select(l => Line(l.Id.Value, crossings[l.Id]))]);

        static double[] Get<TKey>(Dictionary<TKey, double[]> map, TKey key)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var sums)) map[key] = sums = new double[4];
            return sums;
        }

        static void Add(double[] sums, double[] line)
        {
            for (var i = 0; i < 4; i++) sums[i] += line[i];
        }

        static ActivityLine Line(string key, double[] s) => new(key, s[0], s[1], s[2], s[3]);
    }

    /// <inheritdoc />
    public bool Equals(PlanActivity? other) =>
        other is not null && Total == other.Total && Structural.SequenceEquals(ByMode, other.ByMode)
        && Structural.SequenceEquals(ByCommodity, other.ByCommodity) && Structural.SequenceEquals(ByCrossing, other.ByCrossing);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Total, ByMode.IsDefault ? 0 : ByMode.Length);
}
