using System.Collections.Immutable;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Studies;

/// <summary>
/// A study: one base scenario and the dimensions its cases vary along. The cases are the cartesian
/// product of the dimensions' levels, the first dimension varying slowest (docs/studies.md). Read one
/// with <see cref="StudyJson"/>; run it with <see cref="StudyRunner"/>.
/// </summary>
public sealed record Study
{
    /// <summary>The value of <see cref="BaseScenario"/> that names the built-in Russia–China corridor.</summary>
    public const string BuiltInCorridor = "builtin:russia-china-2023";

    /// <summary>The format version this library reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The study's id: names its outputs and lets a merge tell studies apart.</summary>
    public required string Id { get; init; }

    /// <summary>A name for reports; null for none.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The base scenario: a scenario file's path, relative to <see cref="BaseDirectory"/> unless
    /// absolute, or <see cref="BuiltInCorridor"/>.
    /// </summary>
    public required string BaseScenario { get; init; }

    /// <summary>The folder relative paths are resolved from: the study file's folder.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The dimensions, in order; empty for a single case, the base scenario itself.</summary>
    public ImmutableArray<StudyDimension> Dimensions { get; init; } = [];

    /// <summary>Where the study's design comes from (free text).</summary>
    public string? Source { get; init; }

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// Loads the base scenario (and every scenario file a level names), expands the keyword levels
    /// (every crossing, every route), checks every id a level names against the scenarios, and returns
    /// the cases in case order.
    /// </summary>
    /// <returns>The cases; case k has <see cref="StudyCase.Index"/> k.</returns>
    /// <exception cref="FreightValidationException">A scenario cannot be read, a level names something the scenario does not have, or two levels of a dimension get one label.</exception>
    public ImmutableArray<StudyCase> ResolveCases() => StudyCases.Resolve(this);

    /// <inheritdoc />
    public bool Equals(Study? other) =>
        other is not null && Id == other.Id && Name == other.Name && BaseScenario == other.BaseScenario
        && BaseDirectory == other.BaseDirectory && Dimensions.SequenceEqual(other.Dimensions)
        && Source == other.Source && Notes == other.Notes;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, BaseScenario, Dimensions.Length);
}

/// <summary>What a dimension of a study varies.</summary>
public enum StudyDimensionKind
{
    /// <summary>Routes and locations closed (availability 0), for the whole horizon or some periods.</summary>
    Closures,

    /// <summary>The capital budget.</summary>
    Budgets,

    /// <summary>Every demand line, or those of some commodities, scaled by a factor.</summary>
    DemandScale,

    /// <summary>Every route's cost per tonne, or that of routes of some modes, scaled by a factor.</summary>
    TariffScale,

    /// <summary>Named patterns of availability factors for named routes and locations (good and bad ice years).</summary>
    Availability,

    /// <summary>Whole scenario files, each replacing the base scenario.</summary>
    Scenarios,
}

/// <summary>One dimension of a study: a kind, a name used in case ids, and its levels in order.</summary>
public sealed record StudyDimension
{
    /// <summary>What the dimension varies.</summary>
    public required StudyDimensionKind Kind { get; init; }

    /// <summary>The name used in case ids (<c>name=label</c>); unique among the study's dimensions.</summary>
    public required string Name { get; init; }

    /// <summary>The levels, in order; each is of the kind's level type.</summary>
    public required ImmutableArray<StudyLevel> Levels { get; init; }

    /// <summary>The default name of a dimension of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><c>close</c>, <c>budget</c>, <c>demand</c>, <c>tariff</c>, <c>availability</c> or <c>scenario</c>.</returns>
    public static string DefaultName(StudyDimensionKind kind) => kind switch
    {
        StudyDimensionKind.Closures => "close",
        StudyDimensionKind.Budgets => "budget",
        StudyDimensionKind.DemandScale => "demand",
        StudyDimensionKind.TariffScale => "tariff",
        StudyDimensionKind.Availability => "availability",
        StudyDimensionKind.Scenarios => "scenario",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a dimension kind."),
    };

    /// <inheritdoc />
    public bool Equals(StudyDimension? other) =>
        other is not null && Kind == other.Kind && Name == other.Name && Levels.SequenceEqual(other.Levels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Name, Levels.Length);
}

/// <summary>One level of a dimension: a label (its part of the case id) and what it changes.</summary>
public abstract record StudyLevel
{
    private protected StudyLevel(string label) => Label = label;

    /// <summary>The label: the level's part of a case id; unique within its dimension.</summary>
    public string Label { get; init; }

    /// <summary>Where the level is in its study file (a JSON path), for messages; <c>$</c> for one built in code.</summary>
    public string Path { get; init; } = "$";

    /// <summary>The scenario with this level applied.</summary>
    internal abstract Scenario Apply(Scenario scenario);
}

/// <summary>What a closure level closes: nothing, named elements, or one of the keywords that expand to a level per element.</summary>
public enum ClosureSelection
{
    /// <summary>The elements named by <see cref="ClosureLevel.Locations"/> and <see cref="ClosureLevel.Routes"/> (none for the no-closure case).</summary>
    Named,

    /// <summary>Expands to one level per border crossing of the base scenario, in network order, each labelled by the location's id.</summary>
    EveryCrossing,

    /// <summary>Expands to one level per route of the base scenario, in network order, each labelled by the route's id.</summary>
    EveryRoute,
}

/// <summary>A closure level: routes and locations closed (availability 0) in <see cref="Periods"/>, or the whole horizon.</summary>
public sealed record ClosureLevel : StudyLevel
{
    /// <summary>Creates a closure level.</summary>
    /// <param name="label">The label.</param>
    public ClosureLevel(string label)
        : base(label)
    {
    }

    /// <summary>Named elements, or a keyword that expands.</summary>
    public ClosureSelection Selection { get; init; }

    /// <summary>The locations closed.</summary>
    public ImmutableArray<LocationId> Locations { get; init; } = [];

    /// <summary>The routes closed.</summary>
    public ImmutableArray<RouteId> Routes { get; init; } = [];

    /// <summary>The periods closed; empty for the whole horizon.</summary>
    public ImmutableArray<PeriodId> Periods { get; init; } = [];

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario)
    {
        ImmutableArray<PeriodId> periods = Periods.IsDefaultOrEmpty ? [.. scenario.Horizon.Periods.Select(p => p.Id)] : Periods;
        foreach (var location in Locations) scenario = ClosureBounds.ClosedScenario(scenario, location, periods);
        foreach (var route in Routes) scenario = ClosureBounds.ClosedScenario(scenario, route, periods);
        return scenario;
    }

    /// <inheritdoc />
    public bool Equals(ClosureLevel? other) =>
        other is not null && Label == other.Label && Selection == other.Selection && Locations.SequenceEqual(other.Locations)
        && Routes.SequenceEqual(other.Routes) && Periods.SequenceEqual(other.Periods);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Selection, Locations.Length, Routes.Length);
}

/// <summary>A budget level: a cap on capital, no cap, or the scenario's own budget.</summary>
public sealed record BudgetLevel : StudyLevel
{
    /// <summary>Creates a budget level.</summary>
    /// <param name="label">The label.</param>
    /// <param name="capitalCost">The cap; null for no cap.</param>
    /// <param name="keepScenarioBudget">True to keep the scenario's own budget (then <paramref name="capitalCost"/> is ignored).</param>
    public BudgetLevel(string label, double? capitalCost, bool keepScenarioBudget = false)
        : base(label)
    {
        CapitalCost = capitalCost;
        KeepScenarioBudget = keepScenarioBudget;
    }

    /// <summary>The cap, in the scenario's currency; null for no cap.</summary>
    public double? CapitalCost { get; init; }

    /// <summary>Whether the level keeps the scenario's own budget.</summary>
    public bool KeepScenarioBudget { get; init; }

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario) =>
        KeepScenarioBudget ? scenario : scenario with { Budget = CapitalCost is { } cap ? new Budget(cap) : null };
}

/// <summary>A demand level: every demand line of <see cref="Commodities"/> (all when empty) with its tonnes times <see cref="Factor"/>.</summary>
public sealed record DemandScaleLevel : StudyLevel
{
    /// <summary>Creates a demand scaling level.</summary>
    /// <param name="label">The label.</param>
    /// <param name="factor">The factor (≥ 0).</param>
    public DemandScaleLevel(string label, double factor)
        : base(label) => Factor = factor;

    /// <summary>The factor.</summary>
    public double Factor { get; init; }

    /// <summary>The commodities scaled; empty for all.</summary>
    public ImmutableArray<CommodityId> Commodities { get; init; } = [];

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario) => scenario with
    {
        Demands = [.. scenario.Demands.Select(d => Commodities.IsDefaultOrEmpty || Commodities.Contains(d.Commodity) ? d with { AnnualTonnes = d.AnnualTonnes * Factor } : d)],
    };

    /// <inheritdoc />
    public bool Equals(DemandScaleLevel? other) =>
        other is not null && Label == other.Label && Factor.Equals(other.Factor) && Commodities.SequenceEqual(other.Commodities);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Factor);
}

/// <summary>A tariff level: the cost per tonne of every route of <see cref="Modes"/> (all when empty) times <see cref="Factor"/>.</summary>
public sealed record TariffScaleLevel : StudyLevel
{
    /// <summary>Creates a tariff scaling level.</summary>
    /// <param name="label">The label.</param>
    /// <param name="factor">The factor (≥ 0).</param>
    public TariffScaleLevel(string label, double factor)
        : base(label) => Factor = factor;

    /// <summary>The factor.</summary>
    public double Factor { get; init; }

    /// <summary>The modes scaled; empty for all.</summary>
    public ImmutableArray<TransportMode> Modes { get; init; } = [];

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario)
    {
        var network = scenario.Network;
        var routes = network.Routes.Select(r => Modes.IsDefaultOrEmpty || Modes.Contains(r.Mode)
            ? r with { CostPerTonne = r.CostPerTonne.SetItems(r.CostPerTonne.Select(kv => new KeyValuePair<CommodityId, double>(kv.Key, kv.Value * Factor))) }
            : r);
        return scenario with { Network = new FreightNetwork(network.Commodities, network.Locations, routes) };
    }

    /// <inheritdoc />
    public bool Equals(TariffScaleLevel? other) =>
        other is not null && Label == other.Label && Factor.Equals(other.Factor) && Modes.SequenceEqual(other.Modes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Factor);
}

/// <summary>
/// An availability pattern: factors by period for named routes and locations, which replace the
/// scenario's factors in those periods (other periods keep theirs).
/// </summary>
public sealed record AvailabilityLevel : StudyLevel
{
    /// <summary>Creates an availability pattern.</summary>
    /// <param name="label">The label (the pattern's name, such as <c>bad-ice</c>).</param>
    public AvailabilityLevel(string label)
        : base(label)
    {
    }

    /// <summary>Factors by period for routes.</summary>
    public ImmutableDictionary<RouteId, Availability> Routes { get; init; } = ImmutableDictionary<RouteId, Availability>.Empty;

    /// <summary>Factors by period for locations.</summary>
    public ImmutableDictionary<LocationId, Availability> Locations { get; init; } = ImmutableDictionary<LocationId, Availability>.Empty;

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario)
    {
        static Availability Merge(Availability? current, Availability pattern) =>
            new((current?.Factors ?? ImmutableDictionary<PeriodId, double>.Empty).SetItems(pattern.Factors));

        var routes = scenario.RouteAvailability;
        foreach (var (route, pattern) in Routes) routes = routes.SetItem(route, Merge(routes.GetValueOrDefault(route), pattern));
        var locations = scenario.LocationAvailability;
        foreach (var (location, pattern) in Locations) locations = locations.SetItem(location, Merge(locations.GetValueOrDefault(location), pattern));
        return scenario with { RouteAvailability = routes, LocationAvailability = locations };
    }

    /// <inheritdoc />
    public bool Equals(AvailabilityLevel? other) =>
        other is not null && Label == other.Label && Structural.MapEquals(Routes, other.Routes) && Structural.MapEquals(Locations, other.Locations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, Routes.Count, Locations.Count);
}

/// <summary>A whole scenario file that replaces the base scenario for the cases of this level.</summary>
public sealed record ScenarioFileLevel : StudyLevel
{
    /// <summary>Creates a scenario file level.</summary>
    /// <param name="label">The label.</param>
    /// <param name="file">The file, relative to the study file's folder, or <see cref="Study.BuiltInCorridor"/>.</param>
    public ScenarioFileLevel(string label, string file)
        : base(label) => File = file;

    /// <summary>The file, relative to the study file's folder, or <see cref="Study.BuiltInCorridor"/>.</summary>
    public string File { get; init; }

    /// <summary>The scenario read from <see cref="File"/>, set when the study's cases are resolved.</summary>
    internal Scenario? Loaded { get; init; }

    /// <inheritdoc />
    internal override Scenario Apply(Scenario scenario) =>
        Loaded ?? throw new InvalidOperationException($"The scenario file '{File}' has not been loaded; resolve the study's cases first.");

    /// <inheritdoc />
    public bool Equals(ScenarioFileLevel? other) => other is not null && Label == other.Label && File == other.File;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Label, File);
}

/// <summary>One case of a study: its position, its id and the level of each dimension.</summary>
public sealed record StudyCase
{
    private readonly Scenario _base;

    internal StudyCase(int index, ImmutableArray<StudyLevel> levels, ImmutableArray<string> dimensionNames, Scenario baseScenario)
    {
        Index = index;
        Levels = levels;
        _base = baseScenario;
        Id = levels.IsEmpty ? "base" : string.Join("|", levels.Select((l, d) => dimensionNames[d] + "=" + l.Label));
    }

    /// <summary>The position in case order (0-based).</summary>
    public int Index { get; }

    /// <summary>The id: <c>name=label</c> of each dimension joined by <c>|</c>, or <c>base</c> for a study without dimensions.</summary>
    public string Id { get; }

    /// <summary>The level of each dimension, in dimension order.</summary>
    public ImmutableArray<StudyLevel> Levels { get; }

    /// <summary>
    /// The case's scenario: the base scenario (or the case's scenario file), then every other level
    /// applied in dimension order. Not validated here; the solve validates it.
    /// </summary>
    /// <returns>The scenario.</returns>
    public Scenario CreateScenario()
    {
        var scenario = _base;
        foreach (var file in Levels.OfType<ScenarioFileLevel>()) scenario = file.Apply(scenario);
        foreach (var level in Levels)
        {
            if (level is not ScenarioFileLevel) scenario = level.Apply(scenario);
        }

        return scenario;
    }

    /// <inheritdoc />
    public bool Equals(StudyCase? other) => other is not null && Index == other.Index && Id == other.Id;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Id);
}
