namespace FreightOptimizer;

/// <summary>
/// Whether a MIP is strengthened with the strong linking inequalities of fixed-charge network
/// design: per capacitated route or location, period and commodity k, the flow of k is at most
/// min(reach_k, base capacity) + Σ_i min(reach_k, capacity option i can add)·built_i, where reach_k
/// is what of k can pass in the period (the lesser of its supply and its demand). They are valid for
/// the optimum, so the optimum does not change; they tighten the LP relaxation the MIP engine works
/// from, which can make it faster or slower. They never enter the LP that prices a plan, so prices
/// keep their meaning. Models without integer decisions never get them.
/// </summary>
public enum LinkingInequalities
{
    /// <summary>The library decides, from measurements on public network-design instances (see <see cref="SolveOptions.LinkingInequalities"/>).</summary>
    Auto,

    /// <summary>Add them to every model with integer decisions.</summary>
    On,

    /// <summary>Never add them: the plain formulation (docs/design.md, "The model").</summary>
    Off,
}
