using System.Globalization;

namespace FreightOptimizer;

/// <summary>
/// Tolerances of <see cref="PlanVerifier"/>. Every tolerance is relative to the magnitude of the
/// numbers it compares, so a corridor of tens of millions of tonnes and a test network of a hundred
/// tonnes are judged alike. Validated once, when verification starts; every problem is reported together.
/// </summary>
public sealed class VerifierOptions
{
    /// <summary>
    /// Relative tolerance of every constraint (balance, capacities, minimum flows, supply and demand
    /// bounds, budget): a row holds when its violation ≤ this × max(1, |right-hand side|, Σ |terms|).
    /// Also decides when a constraint is tight and when a variable counts as used (value above this ×
    /// the plan's tonnage scale).
    /// </summary>
    /// <value>Default 1e-6.</value>
    public double FeasibilityTolerance { get; set; } = VerifierDefaults.FeasibilityTolerance;

    /// <summary>
    /// Relative tolerance of the objective check: each recomputed cost part and the total must match
    /// the plan's within this × max(1, |recomputed|, |reported|).
    /// </summary>
    /// <value>Default 1e-6.</value>
    public double ObjectiveTolerance { get; set; } = VerifierDefaults.ObjectiveTolerance;

    /// <summary>
    /// Relative tolerance of the dual checks: a reduced cost may be wrong-signed by this × max(1, Σ |its
    /// terms|); a capacity or minimum-flow price may be negative by this × max(1, largest price), and
    /// counts as positive above that; the budget price may be negative by this.
    /// </summary>
    /// <value>Default 1e-6.</value>
    public double DualTolerance { get; set; } = VerifierDefaults.DualTolerance;

    /// <summary>
    /// The largest duality gap |primal − dual| ÷ max(1, |primal|) that still certifies optimality.
    /// </summary>
    /// <value>Default 1e-6.</value>
    public double GapTolerance { get; set; } = VerifierDefaults.GapTolerance;

    /// <summary>Absolute tolerance on units of a Binary or Modular option: |units − round(units)| ≤ this.</summary>
    /// <value>Default 1e-6.</value>
    public double IntegralityTolerance { get; set; } = VerifierDefaults.IntegralityTolerance;

    /// <summary>
    /// The most findings kept per check; further ones are counted in one closing finding, so a plan
    /// that is wrong everywhere still gives a short report.
    /// </summary>
    /// <value>Default 50.</value>
    public int MaxFindingsPerCheck { get; set; } = VerifierDefaults.MaxFindingsPerCheck;

    /// <summary>Checks every setting and reports all problems in one exception.</summary>
    /// <exception cref="ArgumentException">Some setting is out of range.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        Tolerance(nameof(FeasibilityTolerance), FeasibilityTolerance);
        Tolerance(nameof(ObjectiveTolerance), ObjectiveTolerance);
        Tolerance(nameof(DualTolerance), DualTolerance);
        Tolerance(nameof(GapTolerance), GapTolerance);
        Tolerance(nameof(IntegralityTolerance), IntegralityTolerance);
        if (MaxFindingsPerCheck < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxFindingsPerCheck)} must be at least 1 (was {MaxFindingsPerCheck})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid verifier options: " + string.Join(" ", problems));
        }

        void Tolerance(string name, double value)
        {
            if (!double.IsFinite(value) || value < 0 || value >= 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number in [0, 1) (was {value})."));
            }
        }
    }
}

/// <summary>The defaults of <see cref="VerifierOptions"/>, in one place.</summary>
internal static class VerifierDefaults
{
    public const double FeasibilityTolerance = 1e-6;
    public const double ObjectiveTolerance = 1e-6;
    public const double DualTolerance = 1e-6;
    public const double GapTolerance = 1e-6;
    public const double IntegralityTolerance = 1e-6;
    public const int MaxFindingsPerCheck = 50;
}
