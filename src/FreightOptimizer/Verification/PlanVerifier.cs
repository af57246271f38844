
namespace FreightOptimizer;

/// <summary>
/// Checks an allocation plan against its scenario alone, without trusting the code that made it:
/// every constraint of the model (docs/design.md, "The model"), the objective recomputed part by part, and the
/// plan's prices as a certificate of optimality (dual feasibility, complementary slackness and a
/// zero duality gap). For a plan with integer decisions the certificate is for the LP with those
/// decisions fixed at the plan's units.
/// </summary>
/// <remarks>
/// <para>
/// The verifier knows the model only from its definition (docs/design.md, "The model", and
/// docs/scenario-format.md); it never uses the formulation or the solver. Supply and unmet demand
/// are reported per location, commodity and period; where several lines share them, the verifier
/// splits them greedily, cheapest supply and lowest penalty first, as any optimum does. At a closed location nothing is served, so its whole demand is unmet.
/// </para>
/// <para>
/// The work is linear in the size of the plan and the scenario: every lookup goes through
/// dictionaries and arrays built once. At most <see cref="VerifierOptions.MaxFindingsPerCheck"/>
/// findings are listed per check.
/// </para>
/// </remarks>
public static class PlanVerifier
{
    /// <summary>Verifies a plan against the scenario it was made for.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">The plan to check.</param>
    /// <param name="options">Tolerances, or null for the defaults.</param>
    /// <returns>
    /// What was found: whether every constraint and the objective check passed, the largest relative
    /// violation, the recomputed objective, whether the prices certify optimality, the duality gap and
    /// every finding (feasibility first, then the objective, then the certificate).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> or <paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public static VerificationReport Verify(Scenario scenario, AllocationPlan plan, VerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new VerifierOptions();
        options.Validate();
        return new VerificationRun(scenario, plan, options).Run();
    }
}
