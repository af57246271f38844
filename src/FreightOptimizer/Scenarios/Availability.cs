using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// Availability factors in [0, 1] by period for one route or location; periods not listed are fully
/// available (factor 1). A factor of 0 closes the route or location in that period, whatever its
/// capacity; factors between 0 and 1 scale its capacities.
/// </summary>
public sealed record Availability
{
    /// <summary>Creates an availability calendar.</summary>
    /// <param name="factors">Factor by period.</param>
    public Availability(IReadOnlyDictionary<PeriodId, double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors.ToImmutableDictionary();
    }

    /// <summary>Always available.</summary>
    public static Availability Always { get; } = new(ImmutableDictionary<PeriodId, double>.Empty);

    /// <summary>The stated factors by period.</summary>
    public ImmutableDictionary<PeriodId, double> Factors { get; }

    /// <summary>The factor in a period (1 when not stated).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The factor.</returns>
    public double In(PeriodId period) => Factors.TryGetValue(period, out var f) ? f : 1.0;

    /// <summary>Open in every period except the listed ones, which get factor 0.</summary>
    /// <param name="periods">The closed periods.</param>
    /// <returns>The calendar.</returns>
    public static Availability ClosedIn(params PeriodId[] periods) =>
        new(periods.ToDictionary(p => p, _ => 0.0));

    /// <inheritdoc />
    public bool Equals(Availability? other) => other is not null && Structural.MapEquals(Factors, other.Factors);

    /// <inheritdoc />
    public override int GetHashCode() => Factors.Count;
}
