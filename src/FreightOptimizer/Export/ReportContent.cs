using System.Collections.Immutable;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Export;

/// <summary>
/// What a report (<see cref="PlanReport"/>, <see cref="MarkdownReport"/>) shows: the scenario, the
/// result of its solve and, optionally, the results of further analyses. Each optional section is
/// drawn only when it is given (not null); an empty list draws the section with a line saying it has
/// no rows. Immutable: the lists are copied when set.
/// </summary>
public sealed record ReportContent
{
    private readonly ImmutableArray<FrontierPoint>? _frontier;
    private readonly ImmutableArray<ClosureRow>? _closures;
    private readonly ImmutableArray<TraceRow>? _tracing;
    private readonly ImmutableArray<SensitivityRow>? _sensitivity;
    private readonly ImmutableArray<Analysis.SweepResult>? _sweeps;

    /// <summary>Creates the content of a report of one solve.</summary>
    /// <param name="scenario">The scenario that was solved.</param>
    /// <param name="result">The result of solving it, whatever its status.</param>
    public ReportContent(Scenario scenario, OptimizationResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        Scenario = scenario;
        Result = result;
    }

    /// <summary>The scenario that was solved.</summary>
    public Scenario Scenario { get; }

    /// <summary>The result of the solve (status, solve report, plan when there is one).</summary>
    public OptimizationResult Result { get; }

    /// <summary>A title; null for the scenario's name.</summary>
    public string? Title { get; init; }

    /// <summary>The budget frontier (<see cref="BudgetFrontier.Solve"/>), or null for no frontier section.</summary>
    public IReadOnlyList<FrontierPoint>? Frontier
    {
        get => _frontier;
        init => _frontier = value is null ? null : [.. value];
    }

    /// <summary>What closing each element costs (an N−1 study), or null for no closures section.</summary>
    public IReadOnlyList<ClosureRow>? Closures
    {
        get => _closures;
        init => _closures = value is null ? null : [.. value];
    }

    /// <summary>Where the freight of each origin goes and by which routes, or null for no tracing section.</summary>
    public IReadOnlyList<TraceRow>? Tracing
    {
        get => _tracing;
        init => _tracing = value is null ? null : [.. value];
    }

    /// <summary>How the optimum responds to changed inputs, or null for no sensitivity section.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity
    {
        get => _sensitivity;
        init => _sensitivity = value is null ? null : [.. value];
    }

    /// <summary>
    /// Tariff and demand sweeps (<see cref="Analysis.Sensitivity.Sweep"/>), drawn as a tornado chart of
    /// how far each moves the optimum, or null for no tornado.
    /// </summary>
    public IReadOnlyList<Analysis.SweepResult>? Sweeps
    {
        get => _sweeps;
        init => _sweeps = value is null ? null : [.. value];
    }

    /// <summary>
    /// A base-year calibration (<see cref="Analysis.Calibration.Calibrate"/>): the observations before and
    /// after, with the constants per tonne; null for no calibration section.
    /// </summary>
    public Analysis.CalibrationResult? Calibration { get; init; }

    /// <summary>Equal when the scenario, the result, the title and every optional list (element by element) are equal.</summary>
    /// <param name="other">The other content.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(ReportContent? other) =>
        other is not null && Scenario.Equals(other.Scenario) && Result.Equals(other.Result) && Title == other.Title
        && ListEquals(_frontier, other._frontier) && ListEquals(_closures, other._closures)
        && ListEquals(_tracing, other._tracing) && ListEquals(_sensitivity, other._sensitivity) && ListEquals(_sweeps, other._sweeps)
        && Equals(Calibration, other.Calibration);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scenario, Result, Title);

    private static bool ListEquals<T>(ImmutableArray<T>? a, ImmutableArray<T>? b) =>
        a is null || b is null ? a is null && b is null : a.Value.SequenceEqual(b.Value);
}

/// <summary>
/// One row of a closures (N−1) section: one route or location closed for the whole horizon and what
/// that does to the plan.
/// </summary>
/// <param name="Element">The route or location closed.</param>
/// <param name="CostChange">Optimum with the element closed − optimum of the plan, in the scenario's currency; null when the re-solve found no plan.</param>
/// <param name="UnmetTonnesChange">Unmet tonnes with the element closed − unmet tonnes of the plan; null when the re-solve found no plan.</param>
/// <param name="Note">Why a number is missing (for example "infeasible: a hard demand cannot be served"), or null.</param>
public sealed record ClosureRow(NetworkElement Element, double? CostChange, double? UnmetTonnesChange, string? Note = null);

/// <summary>
/// One row of a flow-tracing section: tonnes of one commodity that go from an origin to a destination
/// along one path.
/// </summary>
/// <param name="Commodity">The commodity.</param>
/// <param name="Origin">Where the freight is supplied.</param>
/// <param name="Destination">Where it is delivered.</param>
/// <param name="Routes">The routes in order from the origin to the destination.</param>
/// <param name="Tonnes">Tonnes over the horizon.</param>
/// <param name="CostPerTonne">The path's transport and handling cost per tonne, or null when not known.</param>
public sealed record TraceRow(CommodityId Commodity, LocationId Origin, LocationId Destination, ImmutableArray<RouteId> Routes, double Tonnes, double? CostPerTonne = null)
{
    /// <summary>Equal when every field is equal, the routes in order.</summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether the two rows have the same content.</returns>
    public bool Equals(TraceRow? other) =>
        other is not null && Commodity == other.Commodity && Origin == other.Origin && Destination == other.Destination
        && Structural.SequenceEquals(Routes, other.Routes) && Tonnes.Equals(other.Tonnes) && Nullable.Equals(CostPerTonne, other.CostPerTonne);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Commodity, Origin, Destination, Tonnes);
}

/// <summary>
/// One row of a sensitivity section: one input changed and what the optimum does.
/// </summary>
/// <param name="Parameter">What was changed, in words (for example "coal demand at Harbin").</param>
/// <param name="Change">By how much, in words (for example "+10 %" or "capacity 20 → 25 Mt/yr").</param>
/// <param name="CostChange">New optimum − optimum of the plan, in the scenario's currency; null when the re-solve found no plan.</param>
/// <param name="UnmetTonnesChange">New unmet tonnes − unmet tonnes of the plan, or null when not known.</param>
/// <param name="Note">A remark (for example "the bottleneck moves to Naushki"), or null.</param>
public sealed record SensitivityRow(string Parameter, string Change, double? CostChange, double? UnmetTonnesChange = null, string? Note = null);
