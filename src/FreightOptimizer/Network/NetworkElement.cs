using System.Diagnostics.CodeAnalysis;

namespace FreightOptimizer;

/// <summary>Whether a <see cref="NetworkElement"/> is a route or a location.</summary>
public enum ElementKind
{
    /// <summary>A directed arc of the network.</summary>
    Route = 1,

    /// <summary>A node of the network.</summary>
    Location = 2,
}

/// <summary>
/// A route or a location: what has a capacity, a capacity price, an investment or a closure. Exactly
/// one of <see cref="Route"/> and <see cref="Location"/> is set; make one with <see cref="Of(RouteId)"/>,
/// <see cref="Of(LocationId)"/> or the implicit conversions from the two ids.
/// </summary>
public readonly record struct NetworkElement
{
    private NetworkElement(ElementKind kind, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Kind = kind;
        Id = id;
    }

    /// <summary>Whether the element is a route or a location (0 only for <c>default</c>, which names nothing).</summary>
    public ElementKind Kind { get; }

    /// <summary>The id of the route or location.</summary>
    public string Id { get; }

    /// <summary>Whether the element is a route.</summary>
    [MemberNotNullWhen(true, nameof(Route))]
    public bool IsRoute => Kind == ElementKind.Route;

    /// <summary>Whether the element is a location.</summary>
    [MemberNotNullWhen(true, nameof(Location))]
    public bool IsLocation => Kind == ElementKind.Location;

    /// <summary>The route, or null when the element is a location.</summary>
    public RouteId? Route => Kind == ElementKind.Route ? new RouteId(Id) : (RouteId?)null;

    /// <summary>The location, or null when the element is a route.</summary>
    public LocationId? Location => Kind == ElementKind.Location ? new LocationId(Id) : (LocationId?)null;

    /// <summary>The element for a route.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The element.</returns>
    public static NetworkElement Of(RouteId route) => new(ElementKind.Route, route.Value);

    /// <summary>The element for a location.</summary>
    /// <param name="location">The location.</param>
    /// <returns>The element.</returns>
    public static NetworkElement Of(LocationId location) => new(ElementKind.Location, location.Value);

    /// <summary>The element for a route.</summary>
    /// <param name="route">The route.</param>
    public static implicit operator NetworkElement(RouteId route) => Of(route);

    /// <summary>The element for a location.</summary>
    /// <param name="location">The location.</param>
    public static implicit operator NetworkElement(LocationId location) => Of(location);

    /// <summary>The element for a route (the named alternative of the implicit conversion).</summary>
    /// <param name="route">The route.</param>
    /// <returns>The element.</returns>
    public static NetworkElement FromRouteId(RouteId route) => Of(route);

    /// <summary>The element for a location (the named alternative of the implicit conversion).</summary>
    /// <param name="location">The location.</param>
    /// <returns>The element.</returns>
    public static NetworkElement FromLocationId(LocationId location) => Of(location);

    /// <summary>"route ID" or "location ID".</summary>
    /// <returns>The kind and the id.</returns>
    public override string ToString() => Kind switch
    {
        ElementKind.Route => $"route {Id}",
        ElementKind.Location => $"location {Id}",
        _ => "(no element)",
    };
}
