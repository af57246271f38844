using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// The time and carbon parts of a generalised cost (docs/scenario-format.md, "Generalised cost"):
/// cargo in transit ties up capital, and emissions may carry a price. Both are added to a route's cost
/// per tonne by <see cref="Scenario.RouteCostPerTonne"/>; absent, the cost is the tariff alone.
/// </summary>
public sealed record GeneralisedCost
{
    /// <summary>
    /// The annual holding rate (fraction per year, 0.1 = 10 %) charged on the value of cargo in
    /// transit: value per tonne × transit days / 365 × rate per tonne moved; null for none.
    /// </summary>
    public double? HoldingRatePerYear { get; init; }

    /// <summary>The price of a tonne of CO2e in the scenario's currency, or null for none.</summary>
    public double? CarbonPricePerTonneCo2 { get; init; }

    /// <summary>
    /// Emission factors in gCO2e per tonne-km by mode, overriding <see cref="EmissionFactors.Default"/>
    /// for the modes listed; a route's own <see cref="Route.Co2GramsPerTonneKm"/> overrides both.
    /// </summary>
    public ImmutableDictionary<TransportMode, double> EmissionFactors { get; init; } = ImmutableDictionary<TransportMode, double>.Empty;

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <inheritdoc />
    public bool Equals(GeneralisedCost? other) =>
        other is not null && Nullable.Equals(HoldingRatePerYear, other.HoldingRatePerYear)
        && Nullable.Equals(CarbonPricePerTonneCo2, other.CarbonPricePerTonneCo2)
        && Structural.MapEquals(EmissionFactors, other.EmissionFactors) && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HoldingRatePerYear, CarbonPricePerTonneCo2, EmissionFactors.Count);
}

/// <summary>The library's default emission factors per transport mode, in gCO2e per tonne-km (well to wheel).</summary>
/// <remarks>
/// Rail 11.3, road 90.3 and inland waterway 38.6 g/tkm are the 2014 averages of Table 9 of "A
/// shift-share based tool for assessing the contribution of a modal shift to the decarbonisation of
/// inland freight transport" (European Transport Research Review, 2019, doi 10.1186/s12544-019-0344-x;
/// after KiM and CE Delft; rail as 80 % electric, 20 % diesel traction). Sea 8, pipeline 5 and conveyor
/// 5 g/tkm are registered assumptions of this library (docs/corridor.md, source ef-assumed), of the
/// order of bulk-carrier and pipeline figures in the literature, not taken from one table; a scenario
/// that needs better ones sets <c>emissionFactors</c> or a route's <c>co2GramsPerTonneKm</c>.
/// </remarks>
public static class EmissionFactors
{
    /// <summary>gCO2e per tonne-km by mode.</summary>
    public static ImmutableDictionary<TransportMode, double> Default { get; } = new Dictionary<TransportMode, double>
    {
        [TransportMode.Rail] = 11.3,
        [TransportMode.Road] = 90.3,
        [TransportMode.InlandWaterway] = 38.6,
        [TransportMode.Sea] = 8,
        [TransportMode.Pipeline] = 5,
        [TransportMode.Conveyor] = 5,
    }.ToImmutableDictionary();
}
