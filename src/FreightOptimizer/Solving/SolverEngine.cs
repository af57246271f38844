namespace FreightOptimizer;

/// <summary>Which solver engine to use.</summary>
public enum SolverEngine
{
    /// <summary>
    /// The cheapest engine that is exact for the scenario: <see cref="NetworkFlow"/> when a min-cost flow
    /// solves it exactly and its numbers scale safely to integers, else the LP engine CLP when there are
    /// no integer decisions, else the MIP engine SCIP. A plan the verifier rejects is not returned as
    /// optimal: the next exact engine re-solves (network flow, then CLP, then GLOP; a simplex that
    /// fails numerically moves along the same chain), and only when the last one is rejected too is the
    /// result <see cref="SolveStatus.VerificationFailed"/>. The solve report says which engine and why,
    /// and its notes say what each engine tried did.
    /// </summary>
    Auto,

    /// <summary>Google's GLOP primal/dual simplex (LP only). It prices MIP and HiGHS plans by an LP re-solve.</summary>
    Glop,

    /// <summary>COIN-OR Clp simplex (LP only). The default LP engine: the fastest in benchmarks/README.md (2× GLOP at 1,000 routes, 14× at 10,000).</summary>
    Clp,

    /// <summary>
    /// Google's PDLP first-order method (LP only), run with tight tolerances (relative and absolute
    /// optimality 1e-10) so that its plans verify. Its plans are always checked by the verifier; one
    /// that fails (a small row beside large ones can be violated within PDLP's relative tolerances)
    /// is replaced by GLOP's, and an infeasibility claim is confirmed by GLOP; the report says so.
    /// </summary>
    Pdlp,

    /// <summary>
    /// HiGHS, for LPs and MIPs. Its .NET interface returns no real duals, so its plans are priced by
    /// an LP re-solve with GLOP. It cannot be interrupted: OR-Tools' HiGHS interface ignores the
    /// cancellation token of <c>FreightPlanner.Optimize</c> once the solve has started, so a cancelled
    /// solve runs to its end (a token cancelled before the start still returns <c>Cancelled</c>). Its time
    /// limit does stop it, but OR-Tools does not hand over HiGHS's incumbent then: the result is
    /// <c>TimeLimit</c> without a plan. Use <see cref="Scip"/> when a solve must be interruptible or
    /// must return its best plan at a time limit.
    /// </summary>
    Highs,

    /// <summary>SCIP branch and cut (MIP). The default MIP engine; can be interrupted and returns its incumbent.</summary>
    Scip,

    /// <summary>
    /// The library's own primal network simplex (integer min-cost flow) for scenarios with no
    /// investments, no minimum flows and no capacity shared by two commodities. Tonnes and money are
    /// scaled to integers by a documented policy (the report gives the rounding error bound, 0 when
    /// exact); a scenario whose numbers cannot be scaled without overflowing or moving some number by
    /// more than the verifier's tolerance is declined (<see cref="SolveStatus.SolverUnavailable"/>, with
    /// the reason). A plan from an inexact scaling is always verified, and one the verifier rejects is
    /// returned as <see cref="SolveStatus.VerificationFailed"/>. Prices come from the simplex's node potentials. The time limit and the cancellation token
    /// are polled every 1,024 pivots; an interrupted solve ends <c>TimeLimit</c> or <c>Cancelled</c>
    /// without a plan, because a network simplex has neither a feasible flow for certain nor prices
    /// before it ends.
    /// </summary>
    NetworkFlow,

    /// <summary>
    /// OR-Tools' min-cost-flow solver on the same integer network as <see cref="NetworkFlow"/> (the same
    /// scaling policy, declines and verification of rounded plans). It returns no prices, so they are computed as shortest-path distances on the residual network of
    /// its optimal flow. Kept as a second engine and a cross-check. It cannot be interrupted: a token
    /// cancelled before the start returns <c>Cancelled</c>, but once started it runs to its end whatever
    /// the token or the time limit say, and its result is kept (the solve report notes a cancellation or
    /// an overrun that came while it ran). Use <see cref="NetworkFlow"/> when a solve must be interruptible.
    /// </summary>
    OrToolsMinCostFlow,
}
