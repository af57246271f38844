using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>Which check of the verifier a finding comes from.</summary>
public enum VerificationCheck
{
    /// <summary>The plan names a route, location, commodity, period or option the scenario does not have, or one twice.</summary>
    UnknownEntity,

    /// <summary>A flow, supply or unmet amount is negative or not finite.</summary>
    NegativeOrNotFinite,

    /// <summary>A flow exists where the scenario allows none (closed, not carried, not handled).</summary>
    ForbiddenFlow,

    /// <summary>Inflow + supply − outflow ≠ served demand at a location.</summary>
    FlowBalance,

    /// <summary>Supply used exceeds what is available, or is used where there is no supply.</summary>
    SupplyLimit,

    /// <summary>Unmet demand is negative, exceeds demand, or a hard demand is not fully served.</summary>
    Demand,

    /// <summary>A route's flow exceeds its period capacity.</summary>
    RouteCapacity,

    /// <summary>A location's throughput exceeds its period capacity.</summary>
    LocationCapacity,

    /// <summary>A route carries less than its minimum flow.</summary>
    MinimumFlow,

    /// <summary>Units built are out of range or not whole for an integer option.</summary>
    InvestmentUnits,

    /// <summary>More than one option of an exclusive group is built.</summary>
    ExclusiveGroup,

    /// <summary>An option is built without one it requires.</summary>
    Prerequisite,

    /// <summary>Capital spent exceeds the budget.</summary>
    Budget,

    /// <summary>The recomputed objective or a cost part differs from the plan's.</summary>
    Objective,

    /// <summary>A price has the wrong sign or a reduced cost is negative where it must not be.</summary>
    DualFeasibility,

    /// <summary>A positive price on a slack constraint, or a positive reduced cost on a used variable.</summary>
    ComplementarySlackness,

    /// <summary>The dual objective from the prices differs from the primal objective.</summary>
    DualityGap,

    /// <summary>The plan carries no prices, so optimality cannot be certified.</summary>
    MissingPrices,

    /// <summary>The flows emit more CO2e than the scenario's cap, or the plan's activity (tonne-km, tonne-days, CO2) differs from its flows.</summary>
    Co2,
}

/// <summary>One thing the verifier found wrong, named in domain words.</summary>
/// <param name="Check">Which check failed.</param>
/// <param name="Subject">What it concerns (for example "route kuzbass-zabaikalsk-rail, coal, jan").</param>
/// <param name="Violation">By how much, in the check's unit (tonnes or money).</param>
/// <param name="Message">A sentence a planner understands.</param>
public sealed record VerificationFinding(VerificationCheck Check, string Subject, double Violation, string Message);

/// <summary>
/// What <c>PlanVerifier</c> found, from the scenario and the plan alone: whether every constraint
/// holds, the recomputed objective, and whether the prices certify optimality.
/// </summary>
public sealed record VerificationReport
{
    /// <summary>True when every constraint holds within tolerance and the recomputed objective matches.</summary>
    public required bool Passed { get; init; }

    /// <summary>The largest constraint violation found, relative to the data's magnitude.</summary>
    public required double MaxViolation { get; init; }

    /// <summary>The objective recomputed from the scenario and the plan's decisions.</summary>
    public required double RecomputedObjective { get; init; }

    /// <summary>True when the prices prove optimality (of the LP, or of the LP with integer decisions fixed).</summary>
    public required bool OptimalityCertified { get; init; }

    /// <summary>|primal − dual objective| ÷ max(1, |primal|), or null when no prices were checked.</summary>
    public double? DualityGap { get; init; }

    /// <summary>Every failed check, feasibility first.</summary>
    public ImmutableArray<VerificationFinding> Findings { get; init; } = [];

    /// <summary>Equal when every field is equal, the findings in order.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>Whether the two reports have the same content.</returns>
    public bool Equals(VerificationReport? other) =>
        other is not null && Passed == other.Passed && MaxViolation.Equals(other.MaxViolation)
        && RecomputedObjective.Equals(other.RecomputedObjective) && OptimalityCertified == other.OptimalityCertified
        && Nullable.Equals(DualityGap, other.DualityGap) && Structural.SequenceEquals(Findings, other.Findings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Passed, MaxViolation, RecomputedObjective, OptimalityCertified);
}
