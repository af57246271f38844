using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// Collects commodities, locations and routes and builds an immutable <see cref="FreightNetwork"/>.
/// The builder does not judge the data: <c>ScenarioValidator</c> and <c>FreightPlanner.Optimize</c>
/// report every problem together, in domain words.
/// </summary>
public sealed class FreightNetworkBuilder
{
    private readonly List<Commodity> _commodities = [];
    private readonly List<Location> _locations = [];
    private readonly List<Route> _routes = [];

    /// <summary>Adds a commodity.</summary>
    /// <param name="commodity">The commodity.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddCommodity(Commodity commodity)
    {
        ArgumentNullException.ThrowIfNull(commodity);
        _commodities.Add(commodity);
        return this;
    }

    /// <summary>Adds a commodity by id and name.</summary>
    /// <param name="id">The commodity id.</param>
    /// <param name="name">The display name, or null.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddCommodity(CommodityId id, string? name = null) => AddCommodity(new Commodity(id, name));

    /// <summary>Adds a location.</summary>
    /// <param name="location">The location.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddLocation(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        _locations.Add(location);
        return this;
    }

    /// <summary>Adds a location by id and kind, with optional throughput capacity.</summary>
    /// <param name="id">The location id.</param>
    /// <param name="kind">What the location is.</param>
    /// <param name="annualCapacityTonnes">Annual throughput capacity, or null for unlimited.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddLocation(LocationId id, LocationKind kind, double? annualCapacityTonnes = null) =>
        AddLocation(new Location(id, kind) { AnnualCapacityTonnes = annualCapacityTonnes });

    /// <summary>Adds a route.</summary>
    /// <param name="route">The route.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddRoute(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _routes.Add(route);
        return this;
    }

    /// <summary>Adds a route that carries the given commodities at the given costs.</summary>
    /// <param name="id">The route id.</param>
    /// <param name="from">Where it starts.</param>
    /// <param name="to">Where it ends.</param>
    /// <param name="mode">The transport mode.</param>
    /// <param name="costPerTonne">Cost per tonne by commodity; its keys are what the route may carry.</param>
    /// <param name="annualCapacityTonnes">Annual capacity, or null for unlimited.</param>
    /// <returns>This builder.</returns>
    public FreightNetworkBuilder AddRoute(
        RouteId id, LocationId from, LocationId to, TransportMode mode,
        IReadOnlyDictionary<CommodityId, double> costPerTonne, double? annualCapacityTonnes = null)
    {
        ArgumentNullException.ThrowIfNull(costPerTonne);
        return AddRoute(new Route(id, from, to, mode)
        {
            CostPerTonne = costPerTonne.ToImmutableDictionary(),
            AnnualCapacityTonnes = annualCapacityTonnes,
        });
    }

    /// <summary>Builds the network.</summary>
    /// <returns>An immutable network holding what was added, in order.</returns>
    public FreightNetwork Build() => new(_commodities, _locations, _routes);
}
