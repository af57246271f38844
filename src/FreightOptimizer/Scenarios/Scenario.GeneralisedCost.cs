namespace FreightOptimizer;

/// <summary>The time and carbon parts of a route's cost (docs/scenario-format.md, "Generalised cost").</summary>
public sealed partial record Scenario
{
    /// <summary>Days in a year, for the holding cost of cargo in transit.</summary>
    public const double DaysPerYear = 365;

    /// <summary>
    /// The emission factor of a route in gCO2e per tonne-km: its own, else the scenario's for its mode,
    /// else the library default (<see cref="EmissionFactors.Default"/>).
    /// </summary>
    /// <param name="route">The route.</param>
    /// <returns>Grams of CO2e per tonne-km.</returns>
    public double Co2GramsPerTonneKm(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Co2GramsPerTonneKm is { } own) return own;
        if (GeneralisedCost is { } g && g.EmissionFactors.TryGetValue(route.Mode, out var factor)) return factor;
        return EmissionFactors.Default.TryGetValue(route.Mode, out var fallback) ? fallback : 0;
    }

    /// <summary>
    /// Tonnes of CO2e a tonne moved on <paramref name="route"/> emits: factor × distance / 10^6; 0 for a
    /// route without a distance.
    /// </summary>
    /// <param name="route">The route.</param>
    /// <returns>Tonnes of CO2e per tonne of cargo.</returns>
    public double Co2TonnesPerTonne(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.DistanceKm is { } km ? Co2GramsPerTonneKm(route) * km / 1e6 : 0;
    }

    /// <summary>
    /// The holding cost of a tonne of <paramref name="commodity"/> in transit on <paramref name="route"/>:
    /// value per tonne × transit days / 365 × holding rate; 0 when any of the three is absent.
    /// </summary>
    /// <param name="route">The route.</param>
    /// <param name="commodity">The commodity.</param>
    /// <returns>Money per tonne.</returns>
    public double TransitCostPerTonne(Route route, CommodityId commodity)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (GeneralisedCost?.HoldingRatePerYear is not { } rate || rate == 0 || route.TransitDays is not { } days) return 0;
        if (!Network.TryGetCommodity(commodity, out var c) || c.ValuePerTonne is not { } value) return 0;
        return value * days / DaysPerYear * rate;
    }

    /// <summary>The carbon cost of a tonne moved on <paramref name="route"/>: CO2e per tonne × carbon price; 0 without a price.</summary>
    /// <param name="route">The route.</param>
    /// <returns>Money per tonne.</returns>
    public double CarbonCostPerTonne(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return GeneralisedCost?.CarbonPricePerTonneCo2 is { } price && price != 0 ? Co2TonnesPerTonne(route) * price : 0;
    }

    /// <summary>Whether the plans of this scenario report tonne-km, tonne-days and CO2 (it sets a generalised cost or a CO2 cap).</summary>
    public bool ReportsActivity => GeneralisedCost is not null || Co2CapTonnes is not null;

    /// <summary>The time and carbon surcharge <see cref="RouteCostPerTonne"/> adds to a tariff (0.0 without them, so the tariff is unchanged to the bit).</summary>
    private double GeneralisedSurchargePerTonne(Route route, CommodityId commodity) =>
        GeneralisedCost is null ? 0 : TransitCostPerTonne(route, commodity) + CarbonCostPerTonne(route);
}
