using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>One period of the planning horizon: a month, a season or a year.</summary>
/// <param name="Id">The period id.</param>
/// <param name="YearFraction">The share of a year the period lasts (&gt; 0, at most 1,000, and the periods together at most 1,000 years). Annual rates are multiplied by it.</param>
public sealed record Period(PeriodId Id, double YearFraction)
{
    /// <summary>
    /// The calendar year the period belongs to, or null. All periods of a scenario carry a year or none
    /// does; with years the horizon is multi-year (<see cref="MultiYear"/>): costs are discounted to the
    /// first year, demand may grow, and each investment option chooses the period it comes online.
    /// </summary>
    public int? Year { get; init; }

    /// <summary>Where the data came from (free text, ignored by the model).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }
}

/// <summary>
/// The ordered periods of a scenario. The horizon in years is the sum of the year fractions; it is
/// not normalised and need not be 1.
/// </summary>
public sealed class PlanningHorizon : IEquatable<PlanningHorizon>
{
    private readonly Dictionary<PeriodId, int> _index = [];

    /// <summary>Creates a horizon from periods in order.</summary>
    /// <param name="periods">The periods; order matters (investments name their first period).</param>
    public PlanningHorizon(IEnumerable<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        Periods = [.. periods];
        for (var i = 0; i < Periods.Length; i++) _index.TryAdd(Periods[i].Id, i);
        Years = Periods.Sum(p => p.YearFraction);
    }

    /// <summary>One period of a whole year, <c>year</c>: the default when a scenario names none.</summary>
    public static PlanningHorizon SingleYear { get; } = new([new Period("year", 1.0)]);

    /// <summary>The periods in order.</summary>
    public ImmutableArray<Period> Periods { get; }

    /// <summary>The horizon in years: the sum of the year fractions.</summary>
    public double Years { get; }

    /// <summary>The position of a period, or −1 when there is no such period.</summary>
    /// <param name="id">The period id.</param>
    /// <returns>The zero-based index.</returns>
    public int IndexOf(PeriodId id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <inheritdoc />
    public bool Equals(PlanningHorizon? other) => other is not null && Periods.SequenceEqual(other.Periods);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PlanningHorizon);

    /// <inheritdoc />
    public override int GetHashCode() => Periods.Length;
}
