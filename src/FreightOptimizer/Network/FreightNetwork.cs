using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// The physical network: commodities, locations and the directed routes between them. Immutable;
/// build one with <see cref="FreightNetworkBuilder"/>. Order is kept as given, so files round-trip.
/// </summary>
public sealed class FreightNetwork : IEquatable<FreightNetwork>
{
    private readonly Dictionary<CommodityId, int> _commodityIndex;
    private readonly Dictionary<LocationId, int> _locationIndex;
    private readonly Dictionary<RouteId, int> _routeIndex;

    /// <summary>Creates a network from its parts. References are not checked here; validation does that.</summary>
    /// <param name="commodities">The commodities.</param>
    /// <param name="locations">The locations.</param>
    /// <param name="routes">The routes.</param>
    public FreightNetwork(
        IEnumerable<Commodity> commodities, IEnumerable<Location> locations, IEnumerable<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(commodities);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(routes);
        Commodities = [.. commodities];
        Locations = [.. locations];
        Routes = [.. routes];
        _commodityIndex = IndexOf(Commodities, c => c.Id);
        _locationIndex = IndexOf(Locations, l => l.Id);
        _routeIndex = IndexOf(Routes, r => r.Id);
    }

    /// <summary>The commodities, in the order given.</summary>
    public ImmutableArray<Commodity> Commodities { get; }

    /// <summary>The locations, in the order given.</summary>
    public ImmutableArray<Location> Locations { get; }

    /// <summary>The routes, in the order given.</summary>
    public ImmutableArray<Route> Routes { get; }

    /// <summary>Finds a commodity by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="commodity">The commodity when found (the first one with a duplicated id).</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetCommodity(CommodityId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Commodity? commodity)
    {
        commodity = _commodityIndex.TryGetValue(id, out var i) ? Commodities[i] : null;
        return commodity is not null;
    }

    /// <summary>Finds a location by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="location">The location when found (the first one with a duplicated id).</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetLocation(LocationId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Location? location)
    {
        location = _locationIndex.TryGetValue(id, out var i) ? Locations[i] : null;
        return location is not null;
    }

    /// <summary>The position of a location in <see cref="Locations"/> (the first one with a duplicated id).</summary>
    /// <param name="id">The id.</param>
    /// <param name="index">The index when found, else -1.</param>
    /// <returns>Whether it was found.</returns>
    internal bool TryGetLocationIndex(LocationId id, out int index)
    {
        if (_locationIndex.TryGetValue(id, out index)) return true;
        index = -1;
        return false;
    }

    /// <summary>The position of a location in <see cref="Locations"/> (the first one with a duplicated id).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No location has this id.</exception>
    internal int IndexOf(LocationId id) =>
        _locationIndex.TryGetValue(id, out var index) ? index : throw new KeyNotFoundException($"No location '{id}'.");

    /// <summary>The position of a commodity in <see cref="Commodities"/> (the first one with a duplicated id).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No commodity has this id.</exception>
    internal int IndexOf(CommodityId id) =>
        _commodityIndex.TryGetValue(id, out var index) ? index : throw new KeyNotFoundException($"No commodity '{id}'.");

    /// <summary>The position of a commodity in <see cref="Commodities"/>, if it is there.</summary>
    /// <param name="id">The id.</param>
    /// <param name="index">The index when found.</param>
    /// <returns>Whether it was found.</returns>
    internal bool TryGetCommodityIndex(CommodityId id, out int index) => _commodityIndex.TryGetValue(id, out index);

    /// <summary>Finds a route by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="route">The route when found (the first one with a duplicated id).</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetRoute(RouteId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Route? route)
    {
        route = _routeIndex.TryGetValue(id, out var i) ? Routes[i] : null;
        return route is not null;
    }

    /// <summary>The location with this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The location.</returns>
    /// <exception cref="KeyNotFoundException">No location has this id.</exception>
    public Location GetLocation(LocationId id) =>
        TryGetLocation(id, out var location) ? location : throw new KeyNotFoundException($"No location '{id}'.");

    /// <summary>The route with this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The route.</returns>
    /// <exception cref="KeyNotFoundException">No route has this id.</exception>
    public Route GetRoute(RouteId id) =>
        TryGetRoute(id, out var route) ? route : throw new KeyNotFoundException($"No route '{id}'.");

    /// <summary>The commodity with this id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The commodity.</returns>
    /// <exception cref="KeyNotFoundException">No commodity has this id.</exception>
    public Commodity GetCommodity(CommodityId id) =>
        TryGetCommodity(id, out var commodity) ? commodity : throw new KeyNotFoundException($"No commodity '{id}'.");

    /// <inheritdoc />
    public bool Equals(FreightNetwork? other) =>
        other is not null
        && Commodities.SequenceEqual(other.Commodities)
        && Locations.SequenceEqual(other.Locations)
        && Routes.SequenceEqual(other.Routes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FreightNetwork);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Commodities.Length, Locations.Length, Routes.Length);

    private static Dictionary<TId, int> IndexOf<T, TId>(ImmutableArray<T> items, Func<T, TId> id)
        where TId : notnull
    {
        var index = new Dictionary<TId, int>(items.Length);
        for (var i = 0; i < items.Length; i++) index.TryAdd(id(items[i]), i);
        return index;
    }
}
