using System.Collections.Immutable;
using System.Globalization;
using FreightOptimizer.Graph;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Tonnes of one commodity in one period that leave the supplies at <see cref="Origin"/> and are
/// delivered at <see cref="Market"/> along one chain of routes: one path of a <see cref="FlowDecomposition"/>.
/// </summary>
/// <param name="Origin">Where the tonnes are supplied (the supplies used there).</param>
/// <param name="Market">Where they serve demand (demand − unmet there).</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">Tonnes on the path (&gt; 0).</param>
/// <param name="Routes">The routes in order from origin to market; empty when supply serves demand at one location.</param>
/// <param name="Locations">The locations in order, origin first and market last (one more than the routes).</param>
public sealed record TracedPath(
    LocationId Origin, LocationId Market, CommodityId Commodity, PeriodId Period, double Tonnes,
    ImmutableArray<RouteId> Routes, ImmutableArray<LocationId> Locations)
{
    /// <summary>Whether the path runs on the route or passes the location (origin and market included).</summary>
    /// <param name="element">A route or a location.</param>
    /// <returns>True when the path uses it.</returns>
    public bool Uses(NetworkElement element) => element.Kind switch
    {
        ElementKind.Route => Routes.Contains(element.Route!.Value),
        ElementKind.Location => Locations.Contains(element.Location!.Value),
        _ => false,
    };

    /// <summary>Equal when every field is equal, the routes and locations in order.</summary>
    /// <param name="other">The other path.</param>
    /// <returns>Whether the two paths have the same content.</returns>
    public bool Equals(TracedPath? other) =>
        other is not null && Origin == other.Origin && Market == other.Market && Commodity == other.Commodity
        && Period == other.Period && Tonnes.Equals(other.Tonnes)
        && Structural.SequenceEquals(Routes, other.Routes) && Structural.SequenceEquals(Locations, other.Locations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, Market, Commodity, Period, Tonnes);

    /// <summary>"origin → market: tonnes t of commodity in period via route, route".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Origin} → {Market}: {Tonnes:N0} t of {Commodity} in {Period} via {(Routes.IsDefaultOrEmpty ? "(local)" : string.Join(", ", Routes))}");
}

/// <summary>Traced paths with the same origin, market, commodity and routes, summed over the periods.</summary>
/// <param name="Origin">Where the tonnes are supplied.</param>
/// <param name="Market">Where they serve demand.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="Tonnes">Tonnes over the horizon.</param>
/// <param name="Periods">In how many periods the path carries tonnes.</param>
/// <param name="Routes">The routes in order.</param>
/// <param name="Locations">The locations in order, origin first and market last.</param>
public sealed record TracedFlow(
    LocationId Origin, LocationId Market, CommodityId Commodity, double Tonnes, int Periods,
    ImmutableArray<RouteId> Routes, ImmutableArray<LocationId> Locations)
{
    /// <summary>Equal when every field is equal, the routes and locations in order.</summary>
    /// <param name="other">The other flow.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(TracedFlow? other) =>
        other is not null && Origin == other.Origin && Market == other.Market && Commodity == other.Commodity
        && Tonnes.Equals(other.Tonnes) && Periods == other.Periods
        && Structural.SequenceEquals(Routes, other.Routes) && Structural.SequenceEquals(Locations, other.Locations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, Market, Commodity, Tonnes);

    /// <summary>"origin → market: tonnes t of commodity in n period(s) via route, route".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Origin} → {Market}: {Tonnes:N0} t of {Commodity} in {Periods} period(s) via {(Routes.IsDefaultOrEmpty ? "(local)" : string.Join(", ", Routes))}");
}

/// <summary>
/// A cycle of positive flow in a plan (possible only at zero cost, in a degenerate optimum): tonnes that
/// go round and come back, serving nobody. The decomposition takes them out before tracing paths and
/// reports them here.
/// </summary>
/// <param name="Commodity">The commodity.</param>
/// <param name="Period">The period.</param>
/// <param name="Tonnes">Tonnes on every route of the cycle.</param>
/// <param name="Routes">The routes in order around the cycle.</param>
public sealed record TracedCycle(CommodityId Commodity, PeriodId Period, double Tonnes, ImmutableArray<RouteId> Routes)
{
    /// <summary>Equal when every field is equal, the routes in order.</summary>
    /// <param name="other">The other cycle.</param>
    /// <returns>Whether the two cycles have the same content.</returns>
    public bool Equals(TracedCycle? other) =>
        other is not null && Commodity == other.Commodity && Period == other.Period && Tonnes.Equals(other.Tonnes)
        && Structural.SequenceEquals(Routes, other.Routes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Commodity, Period, Tonnes);
}

/// <summary>
/// A plan's flows split into origin → market paths (select-link analysis): which supplies serve which
/// demands, along which routes, for every commodity and period.
/// </summary>
/// <param name="Paths">
/// The paths, by commodity (scenario order), then period (horizon order), then origin (network order),
/// then in the order traced (<see cref="FlowTrace"/> says how).
/// </param>
/// <param name="Cycles">Cycles of positive flow taken out before tracing, in the same order; usually empty.</param>
/// <param name="UntracedTonnes">
/// Tonnes of route flow no path or cycle accounts for, summed over routes, commodities and periods: the
/// imbalance a solver leaves within its tolerance (millionths of the flows), 0 for an exact plan.
/// </param>
public sealed record FlowDecomposition(ImmutableArray<TracedPath> Paths, ImmutableArray<TracedCycle> Cycles, double UntracedTonnes)
{
    /// <summary>
    /// The paths that use a route or pass a location (as origin, market or on the way), largest first
    /// (equal tonnes in decomposition order): exactly the origin–market flows that rely on it.
    /// </summary>
    /// <param name="element">A route or a location.</param>
    /// <returns>The paths through it.</returns>
    public ImmutableArray<TracedPath> Through(NetworkElement element) =>
        [.. Paths.Select((p, i) => (p, i)).Where(x => x.p.Uses(element)).OrderByDescending(x => x.p.Tonnes).ThenBy(x => x.i).Select(x => x.p)];

    /// <summary>
    /// The paths through a route or location summed over the periods: one entry per origin, market,
    /// commodity and chain of routes, largest first (equal tonnes in decomposition order).
    /// </summary>
    /// <param name="element">A route or a location.</param>
    /// <returns>The flows over the horizon.</returns>
    public ImmutableArray<TracedFlow> ThroughOverHorizon(NetworkElement element) =>
    [
        .. Paths.Select((p, i) => (p, i)).Where(x => x.p.Uses(element))
            .GroupBy(x => (x.p.Origin, x.p.Market, x.p.Commodity, Chain: string.Join("\n", x.p.Routes)))
            .Select(g => (Flow: new TracedFlow(g.Key.Origin, g.Key.Market, g.Key.Commodity, g.Sum(x => x.p.Tonnes), g.Count(), g.First().p.Routes, g.First().p.Locations), First: g.Min(x => x.i)))
            .OrderByDescending(x => x.Flow.Tonnes).ThenBy(x => x.First).Select(x => x.Flow),
    ];

    /// <summary>Tonnes of all paths through a route or location; for a route, its flow over every commodity and period (less any cycle on it).</summary>
    /// <param name="element">A route or a location.</param>
    /// <returns>The tonnes.</returns>
    public double TonnesThrough(NetworkElement element) => Paths.Where(p => p.Uses(element)).Sum(p => p.Tonnes);

    /// <summary>Equal when the lists are equal element by element, in order, and the untraced tonnes are equal.</summary>
    /// <param name="other">The other decomposition.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(FlowDecomposition? other) =>
        other is not null && Structural.SequenceEquals(Paths, other.Paths) && Structural.SequenceEquals(Cycles, other.Cycles)
        && UntracedTonnes.Equals(other.UntracedTonnes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Paths.IsDefault ? 0 : Paths.Length, Cycles.IsDefault ? 0 : Cycles.Length, UntracedTonnes);
}

/// <summary>
/// Flow tracing (select-link analysis): decomposes each commodity's flow in each period of a plan into
/// paths from the locations where supply is used to the locations where demand is served.
/// </summary>
/// <remarks>
/// <para>
/// For every commodity and period the plan's route flows, supplies used and deliveries (demand − unmet,
/// from the scenario's demand lines) form one flow network over the locations. Cycles of positive flow
/// are cancelled first and reported in <see cref="FlowDecomposition.Cycles"/>. Then, for every location
/// with supply in network order, tonnes are walked forward: at each location the route with the most
/// flow left is taken (the first in network order among equals), and the walk stops at the first
/// location with delivery left. A path carries the least of the supply left at its origin, the flow
/// left on its routes and the delivery left at its market. Hubs, crossings and ports are simply
/// locations on the way; supply that serves demand where it is produced is a path without routes.
/// </para>
/// <para>
/// So the decomposition is deterministic (the same plan always gives the same paths, in the same
/// order), and the paths add up exactly to each route's flow, to the supply used at each location and
/// to the delivery at each location, up to the solver's tolerance in the plan itself
/// (<see cref="FlowDecomposition.UntracedTonnes"/>). Other decompositions exist whenever a location both
/// delivers and passes flow on, or merges flows from two origins and splits them to two markets; this
/// one is the greedy widest-route one. "Which origin–market flows use element X" is answered from it by
/// <see cref="FlowDecomposition.Through"/>.
/// </para>
/// </remarks>
public static class FlowTrace
{
    /// <summary>Decomposes the flows of a plan into origin → market paths.</summary>
    /// <param name="scenario">The scenario the plan is for.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>The paths, the cycles taken out and the untraced tonnes.</returns>
    /// <exception cref="FreightValidationException">The plan names a route, location, commodity or period the scenario does not have.</exception>
    public static FlowDecomposition Decompose(Scenario scenario, AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        var index = PlanIndex.Of(scenario, plan);
        var network = scenario.Network;
        var locations = network.Locations;
        var routes = network.Routes;
        var periods = scenario.Horizon.Periods;
        var paths = ImmutableArray.CreateBuilder<TracedPath>();
        var cycles = ImmutableArray.CreateBuilder<TracedCycle>();
        var untraced = 0.0;
        for (var k = 0; k < network.Commodities.Length; k++)
        {
            for (var t = 0; t < periods.Length; t++)
            {
                if (!index.Slices.TryGetValue((k, t), out var slice)) continue;
                var arcs = slice.Flows;
                var tail = arcs.Select(a => index.LocationOf[routes[a.Route].From]).ToArray();
                var head = arcs.Select(a => index.LocationOf[routes[a.Route].To]).ToArray();
                var flow = arcs.Select(a => Math.Max(0, a.Tonnes)).ToArray();
                var supply = slice.Supply;
                var delivery = index.Delivery(scenario, k, t, slice.Unmet);
                var scale = flow.Concat(supply).Concat(delivery).DefaultIfEmpty(0).Max();

                // Far below the verifier's feasibility tolerance (1e-6 of a row's magnitude), far above
                // the rounding of a sum of doubles.
                var epsilon = 1e-12 * Math.Max(1, scale);
                var (found, loops) = PathDecomposition.Decompose(locations.Length, tail, head, flow, supply, delivery, epsilon, out var residual);
                untraced += residual;
                foreach (var loop in loops)
                {
                    cycles.Add(new TracedCycle(network.Commodities[k].Id, periods[t].Id, loop.Amount, [.. loop.Arcs.Select(a => routes[arcs[a].Route].Id)]));
                }

                foreach (var path in found)
                {
                    var stops = ImmutableArray.CreateBuilder<LocationId>(path.Arcs.Length + 1);
                    stops.Add(locations[path.Start].Id);
                    foreach (var a in path.Arcs) stops.Add(locations[head[a]].Id);
                    paths.Add(new TracedPath(
                        locations[path.Start].Id, locations[path.End].Id, network.Commodities[k].Id, periods[t].Id, path.Amount,
                        [.. path.Arcs.Select(a => routes[arcs[a].Route].Id)], stops.MoveToImmutable()));
                }
            }
        }

        return new FlowDecomposition(paths.ToImmutable(), cycles.ToImmutable(), untraced);
    }
}

/// <summary>
/// A plan's flows, supplies and unmet demand by commodity and period, by index into the scenario's
/// network and horizon, checked against the scenario once for the analyses that read them.
/// </summary>
internal sealed class PlanIndex
{
    private PlanIndex(Dictionary<LocationId, int> locationOf)
    {
        LocationOf = locationOf;
    }

    public Dictionary<LocationId, int> LocationOf { get; }

    public Dictionary<(int Commodity, int Period), Slice> Slices { get; } = [];

    /// <summary>One commodity in one period: its route flows (route index, tonnes), supply and unmet tonnes by location index.</summary>
    internal sealed class Slice(int locationCount)
    {
        public List<(int Route, double Tonnes)> Flows { get; } = [];

        public double[] Supply { get; } = new double[locationCount];

        public double[] Unmet { get; } = new double[locationCount];
    }

    /// <summary>Indexes a plan; throws naming every entry that refers to something the scenario does not have.</summary>
    public static PlanIndex Of(Scenario scenario, AllocationPlan plan)
    {
        var network = scenario.Network;
        var locationOf = new Dictionary<LocationId, int>();
        for (var i = 0; i < network.Locations.Length; i++) locationOf.TryAdd(network.Locations[i].Id, i);
        var routeOf = new Dictionary<RouteId, int>();
        for (var i = 0; i < network.Routes.Length; i++) routeOf.TryAdd(network.Routes[i].Id, i);
        var commodityOf = new Dictionary<CommodityId, int>();
        for (var i = 0; i < network.Commodities.Length; i++) commodityOf.TryAdd(network.Commodities[i].Id, i);
        var periodOf = new Dictionary<PeriodId, int>();
        for (var i = 0; i < scenario.Horizon.Periods.Length; i++) periodOf.TryAdd(scenario.Horizon.Periods[i].Id, i);

        var index = new PlanIndex(locationOf);
        var issues = new List<ValidationIssue>();
        void Unknown(string path, string what, string id) =>
            issues.Add(new ValidationIssue(ValidationCode.UnknownReference, ValidationSeverity.Error, path, $"The plan names {what} '{id}', which the scenario does not have."));

        Slice? SliceOf(string path, CommodityId commodity, PeriodId period)
        {
            var known = true;
            if (!commodityOf.TryGetValue(commodity, out var k)) { Unknown($"{path}.commodity", "commodity", commodity.Value); known = false; }
            if (!periodOf.TryGetValue(period, out var t)) { Unknown($"{path}.period", "period", period.Value); known = false; }
            if (!known) return null;
            if (!index.Slices.TryGetValue((k, t), out var slice)) index.Slices[(k, t)] = slice = new Slice(network.Locations.Length);
            return slice;
        }

        for (var i = 0; i < plan.Flows.Length; i++)
        {
            var f = plan.Flows[i];
            var path = $"$.flows[{i}]";
            if (!routeOf.TryGetValue(f.Route, out var r)) Unknown($"{path}.route", "route", f.Route.Value);
            var slice = SliceOf(path, f.Commodity, f.Period);
            if (slice is not null && routeOf.ContainsKey(f.Route)) slice.Flows.Add((r, f.Tonnes));
        }

        for (var i = 0; i < plan.Supplied.Length; i++)
        {
            var s = plan.Supplied[i];
            var path = $"$.supplied[{i}]";
            if (!locationOf.TryGetValue(s.Location, out var n)) Unknown($"{path}.location", "location", s.Location.Value);
            var slice = SliceOf(path, s.Commodity, s.Period);
            if (slice is not null && locationOf.ContainsKey(s.Location)) slice.Supply[n] += Math.Max(0, s.Tonnes);
        }

        for (var i = 0; i < plan.Unmet.Length; i++)
        {
            var u = plan.Unmet[i];
            var path = $"$.unmet[{i}]";
            if (!locationOf.TryGetValue(u.Location, out var n)) Unknown($"{path}.location", "location", u.Location.Value);
            var slice = SliceOf(path, u.Commodity, u.Period);
            if (slice is not null && locationOf.ContainsKey(u.Location)) slice.Unmet[n] += Math.Max(0, u.Tonnes);
        }

        if (issues.Count > 0) throw new FreightValidationException(issues, "plan (for this scenario)");

        return index;
    }

    /// <summary>Demand − unmet by location for one commodity and period (0 below 0).</summary>
    public double[] Delivery(Scenario scenario, int commodity, int period, double[] unmet)
    {
        var network = scenario.Network;
        var id = network.Commodities[commodity].Id;
        var p = scenario.Horizon.Periods[period];
        var delivery = new double[network.Locations.Length];
        foreach (var demand in scenario.Demands)
        {
            if (demand.Commodity != id || !Scenario.AppliesIn(demand.Period, p.Id) || !LocationOf.TryGetValue(demand.Location, out var n)) continue;
            delivery[n] += MultiYear.DemandTonnes(scenario, demand, period);
        }

        for (var n = 0; n < delivery.Length; n++) delivery[n] = Math.Max(0, delivery[n] - unmet[n]);
        return delivery;
    }
}
