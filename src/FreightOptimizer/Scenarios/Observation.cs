using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// Tonnes that were observed on a route, through a location, or across a set of them (the parallel
/// routes of one border crossing, say), for a base year to be compared with. Observations change
/// neither the model nor its optimum: a plan is compared with them afterwards
/// (<c>FreightOptimizer.Analysis.ObservationReport</c>).
/// </summary>
/// <remarks>
/// The modelled quantity is the sum over <see cref="Elements"/> of the flow on each route and the
/// throughput of each location (what arrives plus what is supplied there, as for capacities), of
/// <see cref="Commodity"/> or of every commodity, in <see cref="Period"/> or over the whole horizon,
/// as an annual rate. Elements are added up as they are, so a set should not list a location together
/// with a route into it: those tonnes would count twice.
/// </remarks>
/// <param name="Id">The observation's id, unique among observations.</param>
/// <param name="Elements">The routes and locations whose tonnes are added up (at least one).</param>
/// <param name="AnnualTonnes">The observed tonnes per year (≥ 0).</param>
/// <param name="Tolerance">
/// The relative difference still counted as a match: 0.25 accepts a modelled value within ±25 % of
/// the observed one (0 to 1).
/// </param>
public sealed record Observation(string Id, ImmutableArray<NetworkElement> Elements, double AnnualTonnes, double Tolerance)
{
    /// <summary>A display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The commodity observed, or null for every commodity together.</summary>
    public CommodityId? Commodity { get; init; }

    /// <summary>The period observed, or null for the whole horizon (the tonnes are still an annual rate).</summary>
    public PeriodId? Period { get; init; }

    /// <summary>Where the observed number comes from; required, since an observation is only as good as its source.</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes (ignored by the model).</summary>
    public string? Notes { get; init; }

    /// <summary>Equal when every field is equal, the elements in order.</summary>
    /// <param name="other">The other observation.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(Observation? other) =>
        other is not null && Id == other.Id && Structural.SequenceEquals(Elements, other.Elements)
        && AnnualTonnes.Equals(other.AnnualTonnes) && Tolerance.Equals(other.Tolerance) && Name == other.Name
        && Commodity == other.Commodity && Period == other.Period && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, AnnualTonnes, Tolerance, Commodity, Period);
}
