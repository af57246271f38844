namespace FreightOptimizer;

/// <summary>A kind of freight, such as coal, oil or chemicals.</summary>
public sealed record Commodity
{
    /// <summary>Creates a commodity.</summary>
    /// <param name="id">The commodity id.</param>
    /// <param name="name">A display name; the id when null.</param>
    public Commodity(CommodityId id, string? name = null)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The commodity id.</summary>
    public CommodityId Id { get; init; }

    /// <summary>The display name, or null when none was given.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The default penalty per unmet tonne for demands of this commodity, or null to use the
    /// library default (<see cref="DefaultUnmetPenaltyPerTonne"/>).
    /// </summary>
    public double? UnmetPenaltyPerTonne { get; init; }

    /// <summary>
    /// The value of a tonne in the scenario's currency, or null: with a holding rate
    /// (<see cref="GeneralisedCost.HoldingRatePerYear"/>) cargo in transit costs value × days / 365 × rate.
    /// </summary>
    public double? ValuePerTonne { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>The penalty per unmet tonne used when neither the demand nor the commodity names one.</summary>
    public const double DefaultUnmetPenaltyPerTonne = 1_000_000;
}
