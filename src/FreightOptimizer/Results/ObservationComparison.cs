
namespace FreightOptimizer;

/// <summary>
/// One observation of the scenario against the plan: the tonnes the plan puts where the observation
/// was made, beside the tonnes observed, both as annual rates (<c>ObservationReport.Compare</c>).
/// </summary>
/// <param name="Id">The observation's id.</param>
/// <param name="ModelledAnnualTonnes">What the plan carries there, per year.</param>
/// <param name="ObservedAnnualTonnes">What was observed, per year.</param>
/// <param name="Tolerance">The relative difference the observation accepts (0.25 = ±25 %).</param>
public sealed record ObservationComparison(string Id, double ModelledAnnualTonnes, double ObservedAnnualTonnes, double Tolerance)
{
    /// <summary>The observation's display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>Modelled − observed, in tonnes per year.</summary>
    public double Difference => ModelledAnnualTonnes - ObservedAnnualTonnes;

    /// <summary>(Modelled − observed) ÷ observed, or null when nothing was observed.</summary>
    public double? RelativeDifference => ObservedAnnualTonnes > 0 ? Difference / ObservedAnnualTonnes : null;

    /// <summary>
    /// Whether the modelled tonnes are within the tolerance of the observed ones: |modelled − observed|
    /// ≤ tolerance × observed, with a slack of 10^−9 of the observed tonnes (at least 1 t) for rounding, so
    /// that an observation of 0 t is matched by a plan that carries nothing there.
    /// </summary>
    public bool WithinTolerance =>
        Math.Abs(Difference) <= (Tolerance * ObservedAnnualTonnes) + Math.Max(1.0, 1e-9 * ObservedAnnualTonnes);
}
