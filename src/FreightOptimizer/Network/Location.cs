using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>A node of the freight network: an origin, hub, border crossing, port or market.</summary>
public sealed record Location
{
    /// <summary>Creates a location.</summary>
    /// <param name="id">The location id.</param>
    /// <param name="kind">What the location is.</param>
    public Location(LocationId id, LocationKind kind)
    {
        Id = id;
        Kind = kind;
    }

    /// <summary>The location id.</summary>
    public LocationId Id { get; init; }

    /// <summary>What the location is.</summary>
    public LocationKind Kind { get; init; }

    /// <summary>A display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The country code (for example <c>RU</c> or <c>CN</c>), or null.</summary>
    public string? Country { get; init; }

    /// <summary>Latitude in degrees (−90..90), or null.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees (−180..180), or null.</summary>
    public double? Longitude { get; init; }

    /// <summary>
    /// Annual throughput capacity in tonnes shared by all commodities (throughput = inflow +
    /// local supply used), or null for unlimited.
    /// </summary>
    public double? AnnualCapacityTonnes { get; init; }

    /// <summary>Handling cost per tonne of throughput by commodity; a missing commodity costs 0.</summary>
    public ImmutableDictionary<CommodityId, double> HandlingCostPerTonne { get; init; } =
        ImmutableDictionary<CommodityId, double>.Empty;

    /// <summary>
    /// The commodities the location can handle, or null when it handles all. No flow of another
    /// commodity enters or leaves it.
    /// </summary>
    public ImmutableArray<CommodityId>? Commodities { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the location can handle <paramref name="commodity"/>.</summary>
    /// <param name="commodity">The commodity.</param>
    /// <returns>True when <see cref="Commodities"/> is null or contains it.</returns>
    public bool Handles(CommodityId commodity) => Commodities is not { } list || list.Contains(commodity);

    /// <summary>The handling cost per tonne of <paramref name="commodity"/> (0 when not stated).</summary>
    /// <param name="commodity">The commodity.</param>
    /// <returns>The cost per tonne.</returns>
    public double HandlingCostOf(CommodityId commodity) =>
        HandlingCostPerTonne.TryGetValue(commodity, out var cost) ? cost : 0;

    /// <inheritdoc />
    public bool Equals(Location? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Name == other.Name
        && Country == other.Country && Nullable.Equals(Latitude, other.Latitude)
        && Nullable.Equals(Longitude, other.Longitude)
        && Nullable.Equals(AnnualCapacityTonnes, other.AnnualCapacityTonnes)
        && Structural.MapEquals(HandlingCostPerTonne, other.HandlingCostPerTonne)
        && Structural.OptionalSetEquals(Commodities, other.Commodities)
        && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, AnnualCapacityTonnes);
}
