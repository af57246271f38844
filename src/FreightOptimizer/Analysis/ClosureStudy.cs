using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace FreightOptimizer.Analysis;

/// <summary>What stays fixed when an element closes.</summary>
public enum ClosureMode
{
    /// <summary>
    /// The investments of the base plan are kept (units fixed at the base plan's); only the flows
    /// re-route. What the closure costs in operation, with the network as built.
    /// </summary>
    Operational = 0,

    /// <summary>The investments are re-optimised too: what the closure costs if the plan could be made again knowing of it.</summary>
    Replan = 1,
}

/// <summary>
/// One closure to study: a route or a location closed (availability factor 0) in some periods, or
/// over the whole horizon.
/// </summary>
/// <param name="Element">The route or location that closes.</param>
/// <param name="Periods">The periods it is closed in; empty (or default) for every period of the horizon.</param>
public sealed record Closure(NetworkElement Element, ImmutableArray<PeriodId> Periods)
{
    /// <summary>A closure of <paramref name="element"/> in <paramref name="periods"/>, or over the whole horizon when none is given.</summary>
    /// <param name="element">The route or location.</param>
    /// <param name="periods">The periods; none for the whole horizon.</param>
    /// <returns>The closure.</returns>
    public static Closure Of(NetworkElement element, params PeriodId[] periods) => new(element, [.. periods]);

    /// <summary>Whether the element is closed for the whole horizon (no periods named).</summary>
    public bool WholeHorizon => Periods.IsDefaultOrEmpty;

    /// <summary>Equal when the element and the periods, in order, are equal.</summary>
    /// <param name="other">The other closure.</param>
    /// <returns>Whether the two closures have the same content.</returns>
    public bool Equals(Closure? other) =>
        other is not null && Element == other.Element && Structural.SequenceEquals(Periods.IsDefault ? [] : Periods, other.Periods.IsDefault ? [] : other.Periods);

    /// <inheritdoc />
    public override int GetHashCode() => Element.GetHashCode();
}

/// <summary>
/// How <see cref="Closures.Run"/> studies closures. Plain settable properties, checked once when the
/// study starts.
/// </summary>
public sealed class ClosureOptions
{
    /// <summary>Whether investments stay as built (<see cref="ClosureMode.Operational"/>, the default) or are re-optimised.</summary>
    public ClosureMode Mode { get; set; } = ClosureMode.Operational;

    /// <summary>
    /// The closures to study, in the order the results should have; null or empty for every
    /// <see cref="LocationKind.BorderCrossing"/> location of the network, in network order.
    /// </summary>
    public IList<Closure>? Closures { get; set; }

    /// <summary>
    /// The periods of every closure that names none (including the default crossings); null or empty
    /// for the whole horizon.
    /// </summary>
    public IList<PeriodId>? Periods { get; set; }

    /// <summary>How many closures are solved at once, each worker with its own solver (≥ 1); null for one per processor.</summary>
    public int? MaxParallelSolves { get; set; }

    /// <summary>
    /// The simplex that re-solves the closures: <see cref="SolverEngine.Auto"/> (CLP, the default),
    /// <see cref="SolverEngine.Clp"/> or <see cref="SolverEngine.Glop"/>. Both keep their basis across
    /// re-solves. Closures that need a MIP (replan mode with integer investment decisions) are solved
    /// like any scenario, by the engine of <see cref="Solve"/>.
    /// </summary>
    public SolverEngine Engine { get; set; } = SolverEngine.Auto;

    /// <summary>
    /// Whether each worker keeps one solver loaded and re-solves from the last optimal basis (the
    /// default). False loads the model afresh for every closure; the answers are the same, and the
    /// benchmark uses it to measure what the warm start saves.
    /// </summary>
    public bool WarmStart { get; set; } = true;

    /// <summary>
    /// How the base plan is solved (and the closures that are solved as whole scenarios); null for the
    /// defaults. Its appraisal setting is ignored (closures do not appraise), and every plan is verified
    /// whatever its <see cref="SolveOptions.Verify"/> says.
    /// </summary>
    public SolveOptions? Solve { get; set; }

    /// <summary>Where the study logs what it does (one line per closure at Debug, a summary at Information); null for none.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Checks every setting that does not depend on the scenario.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (MaxParallelSolves is < 1) throw new ArgumentException($"MaxParallelSolves must be at least 1 (was {MaxParallelSolves}).", nameof(MaxParallelSolves));
        if (!Enum.IsDefined(Mode)) throw new ArgumentException($"Mode {(int)Mode} is not a closure mode.", nameof(Mode));
        if (Engine is not (SolverEngine.Auto or SolverEngine.Clp or SolverEngine.Glop))
        {
            throw new ArgumentException($"Closures are re-solved by a simplex that keeps its basis: Auto, Clp or Glop (was {Engine}).", nameof(Engine));
        }

        Solve?.Validate();
    }

    internal int ParallelSolves => MaxParallelSolves ?? Math.Max(1, Environment.ProcessorCount);

    internal SolverEngine LpEngine => Engine == SolverEngine.Glop ? SolverEngine.Glop : SolverEngine.Clp;
}

/// <summary>Unmet demand of one commodity at one market, over the horizon, in the base plan and with a closure.</summary>
/// <param name="Location">The market (any location with demand).</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="BaseTonnes">Unmet tonnes in the base plan.</param>
/// <param name="Tonnes">Unmet tonnes with the closure.</param>
public sealed record MarketShortfall(LocationId Location, CommodityId Commodity, double BaseTonnes, double Tonnes)
{
    /// <summary>Tonnes − base tonnes: how much more goes unmet because of the closure.</summary>
    public double Change => Tonnes - BaseTonnes;
}

/// <summary>
/// Throughput of one border crossing over the horizon (inflow + supply there, every commodity), in
/// the base plan and with a closure: where the cargo went.
/// </summary>
/// <param name="Crossing">The border-crossing location.</param>
/// <param name="BaseTonnes">Its throughput in the base plan.</param>
/// <param name="Tonnes">Its throughput with the closure.</param>
public sealed record CrossingShift(LocationId Crossing, double BaseTonnes, double Tonnes)
{
    /// <summary>Tonnes − base tonnes: positive where the crossing gained cargo, negative where it lost it.</summary>
    public double Change => Tonnes - BaseTonnes;
}

/// <summary>The answer for one closure.</summary>
public sealed record ClosureResult
{
    /// <summary>The closure as asked for.</summary>
    public required Closure Closure { get; init; }

    /// <summary>The closed route or location.</summary>
    public NetworkElement Element => Closure.Element;

    /// <summary>Whether the element is a route or a location.</summary>
    public ElementKind Kind => Closure.Element.Kind;

    /// <summary>The periods the element is closed in, in horizon order (every period for a whole-horizon closure).</summary>
    public required ImmutableArray<PeriodId> Periods { get; init; }

    /// <summary>
    /// How the re-solve ended. <see cref="SolveStatus.Optimal"/> only for a plan the independent verifier
    /// passed and certified; a plan it rejects is <see cref="SolveStatus.VerificationFailed"/>.
    /// </summary>
    public required SolveStatus Status { get; init; }

    /// <summary>The optimum with the closure, or null without a plan (or with a rejected one).</summary>
    public double? Objective { get; init; }

    /// <summary>
    /// Objective − the base plan's objective (≥ 0, unless the closure waives a minimum flow of a route
    /// it closes or cuts off; differences within the solvers' tolerance are 0), or null without an objective.
    /// </summary>
    public double? CostChange { get; init; }

    /// <summary>Unmet tonnes by market and commodity, base and closure, wherever either is positive; in network and commodity order. Empty without a plan.</summary>
    public ImmutableArray<MarketShortfall> Unmet { get; init; } = [];

    /// <summary>Throughput of every border crossing, base and closure, in network order. Empty without a plan.</summary>
    public ImmutableArray<CrossingShift> Crossings { get; init; } = [];

    /// <summary>The closure's plan, checked by the verifier against the scenario with the closure (null when there is none).</summary>
    public AllocationPlan? Plan { get; init; }

    /// <summary>Whether the re-solve started from an optimal basis of the same model (a warm start).</summary>
    public bool WarmStarted { get; init; }

    /// <summary>Simplex iterations (or the solver's count) of the re-solve, when the engine reports them.</summary>
    public long? Iterations { get; init; }

    /// <summary>Time from the start of this closure to its verified result. Not part of equality: it is measured, not computed.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Why there is no plan, or how the answer was reached when it was not the plain warm re-solve; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>Whether the closure has a plan the verifier did not reject.</summary>
    public bool HasPlan => Objective is not null;

    /// <summary>The crossings that carry more with the closure than in the base plan, largest gain first.</summary>
    public IEnumerable<CrossingShift> Gained => Crossings.Where(c => c.Change > 0).OrderByDescending(c => c.Change);

    /// <summary>The crossings that carry less with the closure than in the base plan, largest loss first.</summary>
    public IEnumerable<CrossingShift> Lost => Crossings.Where(c => c.Change < 0).OrderBy(c => c.Change);

    /// <summary>Equal when every field but <see cref="Elapsed"/> is equal, lists element by element.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether the two results have the same content.</returns>
    public bool Equals(ClosureResult? other) =>
        other is not null && Closure.Equals(other.Closure) && Structural.SequenceEquals(Periods, other.Periods) && Status == other.Status
        && Nullable.Equals(Objective, other.Objective) && Nullable.Equals(CostChange, other.CostChange)
        && Structural.SequenceEquals(Unmet, other.Unmet) && Structural.SequenceEquals(Crossings, other.Crossings)
        && Equals(Plan, other.Plan) && WarmStarted == other.WarmStarted && Iterations == other.Iterations && Message == other.Message;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Closure, Status, Objective);
}

/// <summary>
/// An N-1 study: the base plan and one result per closure, in the order of
/// <see cref="ClosureOptions.Closures"/> (or of the network's border crossings).
/// </summary>
public sealed record ClosureStudy
{
    /// <summary>The base solve (no closure), whose plan every cost change and shift is measured against.</summary>
    public required OptimizationResult Base { get; init; }

    /// <summary>The mode the closures were solved in.</summary>
    public required ClosureMode Mode { get; init; }

    /// <summary>One result per closure, in the order asked for. Empty when the base solve was not optimal (<see cref="Message"/> says so).</summary>
    public required ImmutableArray<ClosureResult> Results { get; init; }

    /// <summary>Why there are no results, or null.</summary>
    public string? Message { get; init; }

    /// <summary>Equal when the base, mode, message and every result are equal.</summary>
    /// <param name="other">The other study.</param>
    /// <returns>Whether the two studies have the same content.</returns>
    public bool Equals(ClosureStudy? other) =>
        other is not null && Base.Equals(other.Base) && Mode == other.Mode && Message == other.Message && Structural.SequenceEquals(Results, other.Results);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, Results.Length);
}

/// <summary>Progress of a closure study: reported after each closure is solved and verified.</summary>
/// <param name="Completed">Closures finished so far.</param>
/// <param name="Total">Closures in the study.</param>
/// <param name="Latest">The closure that just finished (closures finish in any order; <see cref="ClosureStudy.Results"/> has them in order).</param>
public sealed record ClosureProgress(int Completed, int Total, ClosureResult Latest);
