using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace FreightOptimizer.Analysis;

/// <summary>What a sweep scales: a route tariff or a demand.</summary>
public enum SweepKind
{
    /// <summary>The cost per tonne of one commodity on one route.</summary>
    Tariff = 1,

    /// <summary>Every demand line of one commodity at one location.</summary>
    Demand = 2,
}

/// <summary>One parameter of a sweep: a tariff (route, commodity) or a demand (location, commodity).</summary>
public sealed record SweepTarget
{
    private SweepTarget(SweepKind kind, string element, CommodityId commodity)
    {
        Kind = kind;
        Element = element;
        Commodity = commodity;
    }

    /// <summary>Whether the tariff or the demand is scaled.</summary>
    public SweepKind Kind { get; }

    /// <summary>The route id (a tariff) or the location id (a demand).</summary>
    public string Element { get; }

    /// <summary>The commodity.</summary>
    public CommodityId Commodity { get; }

    /// <summary>The tariff of a commodity on a route.</summary>
    /// <param name="route">The route.</param>
    /// <param name="commodity">A commodity the route carries.</param>
    /// <returns>The target.</returns>
    public static SweepTarget Tariff(RouteId route, CommodityId commodity) => new(SweepKind.Tariff, route.Value, commodity);

    /// <summary>The demand of a commodity at a location (all its demand lines there, scaled together).</summary>
    /// <param name="location">The location.</param>
    /// <param name="commodity">A commodity demanded there.</param>
    /// <returns>The target.</returns>
    public static SweepTarget Demand(LocationId location, CommodityId commodity) => new(SweepKind.Demand, location.Value, commodity);

    /// <summary>"tariff of coal on route r" or "demand of coal at location L".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind == SweepKind.Tariff ? $"tariff of {Commodity} on route {Element}" : $"demand of {Commodity} at location {Element}";
}

/// <summary>A route whose flow of a commodity (over every period) differs from the base plan's.</summary>
/// <param name="Route">The route.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="BaseTonnes">Tonnes in the base plan.</param>
/// <param name="Tonnes">Tonnes at this step.</param>
public sealed record FlowChange(RouteId Route, CommodityId Commodity, double BaseTonnes, double Tonnes)
{
    /// <summary>Tonnes − base tonnes.</summary>
    public double ChangeTonnes => Tonnes - BaseTonnes;
}

/// <summary>One step of a sweep.</summary>
/// <param name="Percent">The change of the parameter, in percent of its value in the scenario (−X … +X).</param>
/// <param name="Value">The parameter at this step: the tariff per tonne, or the annual demand in tonnes.</param>
/// <param name="Status">How the solve ended.</param>
/// <param name="Objective">The optimum, or null without a plan the verifier accepted.</param>
/// <param name="FlowChanges">Routes whose flow differs from the base plan's by more than the tolerance, largest change first.</param>
public sealed record SweepPoint(double Percent, double Value, SolveStatus Status, double? Objective, ImmutableArray<FlowChange> FlowChanges)
{
    /// <summary>Equal when every field is equal, the changes in order.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(SweepPoint? other) =>
        other is not null && Percent.Equals(other.Percent) && Value.Equals(other.Value) && Status == other.Status
        && Nullable.Equals(Objective, other.Objective) && Structural.SequenceEquals(FlowChanges, other.FlowChanges);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Percent, Value, Status, Objective);
}

/// <summary>A parameter swept over a band: the data of one bar of a tornado chart.</summary>
/// <param name="Target">The parameter.</param>
/// <param name="BaseValue">Its value in the scenario (tariff per tonne, or annual demand in tonnes).</param>
/// <param name="BaseObjective">The optimum of the scenario as it is, or null without a plan.</param>
/// <param name="Points">The steps, from −X % to +X %.</param>
public sealed record SweepResult(SweepTarget Target, double BaseValue, double? BaseObjective, ImmutableArray<SweepPoint> Points)
{
    /// <summary>Largest − smallest optimum over the steps with a plan (and the base): the bar's length.</summary>
    public double Swing
    {
        get
        {
            var optima = Points.Select(p => p.Objective).Append(BaseObjective).OfType<double>().ToList();
            return optima.Count == 0 ? 0 : optima.Max() - optima.Min();
        }
    }

    /// <summary>Equal when every field is equal, the points in order.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(SweepResult? other) =>
        other is not null && Target == other.Target && BaseValue.Equals(other.BaseValue) && Nullable.Equals(BaseObjective, other.BaseObjective)
        && Structural.SequenceEquals(Points, other.Points);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Target, BaseValue, BaseObjective);
}

/// <summary>Options of <see cref="Sensitivity.Sweep"/>. Checked once, by <see cref="Validate"/>, when the sweep starts.</summary>
public sealed class SweepOptions
{
    /// <summary>The band: the parameter goes from −X % to +X % of its value.</summary>
    /// <value>Default 20.</value>
    public double Percent { get; set; } = 20;

    /// <summary>How many equal steps the band is cut into (Steps + 1 points, both ends included; 0 % among them when even).</summary>
    /// <value>Default 4: −20, −10, 0, +10, +20 %.</value>
    public int Steps { get; set; } = 4;

    /// <summary>How each point is solved; null for the defaults. The appraisal of options is never run.</summary>
    /// <value>Default null.</value>
    public SolveOptions? Solve { get; set; }

    /// <summary>A flow change is reported when it exceeds this share of the larger of the two flows (and 1e-6 t).</summary>
    /// <value>Default 1e-6.</value>
    public double RelativeTolerance { get; set; } = 1e-6;

    /// <summary>Where to log each point (Debug), or null.</summary>
    /// <value>Default null.</value>
    public ILogger? Logger { get; set; }

    /// <summary>Throws when any option is out of range, naming every problem at once.</summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(Percent > 0 && Percent < 100)) problems.Add(string.Create(CultureInfo.InvariantCulture, $"Percent must be in (0, 100): a parameter scaled by −100 % or less is no longer valid (was {Percent})."));
        if (Steps is < 1 or > 1000) problems.Add($"Steps must be from 1 to 1,000 (was {Steps}).");
        if (!(RelativeTolerance >= 0 && RelativeTolerance < 1)) problems.Add(string.Create(CultureInfo.InvariantCulture, $"RelativeTolerance must be in [0, 1) (was {RelativeTolerance})."));
        if (problems.Count > 0) throw new ArgumentException("Invalid sweep options: " + string.Join(" ", problems));
        Solve?.Validate();
    }
}

public static partial class Sensitivity
{
    /// <summary>
    /// Scales each parameter over ±<see cref="SweepOptions.Percent"/> in <see cref="SweepOptions.Steps"/>
    /// steps, solving the scenario afresh at each step, and reports the optimum and which routes'
    /// flows changed: the data of a tornado chart.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="targets">The parameters, each swept on its own (the others as in the scenario).</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="progress">Told after each solve (from the worker threads), or null.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>One result per parameter, largest <see cref="SweepResult.Swing"/> first (equal swings in the order given): a tornado's order.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid, or a target names a route that does not carry the commodity or a location without demand for it.</exception>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ImmutableArray<SweepResult> Sweep(
        Scenario scenario, IEnumerable<SweepTarget> targets, SweepOptions? options = null,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new SweepOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var list = targets.ToList();
        var issues = new List<ValidationIssue>();
        for (var i = 0; i < list.Count; i++)
        {
            if (Problem(scenario, list[i]) is { } problem) issues.Add(new ValidationIssue(ValidationCode.UnknownReference, ValidationSeverity.Error, $"targets[{i}]", problem));
        }

        if (issues.Count > 0) throw new FreightValidationException(issues, "sweep");
        var solveOptions = options.Solve?.Copy() ?? new SolveOptions();
        solveOptions.Appraise = AppraisalMode.Never;

        // Every (target, step) and the base is one solve; all run side by side.
        var factors = Enumerable.Range(0, options.Steps + 1).Select(i => -options.Percent + (2 * options.Percent * i / options.Steps)).ToArray();
        var jobs = new List<(int Target, int Step)> { (-1, -1) };
        for (var t = 0; t < list.Count; t++)
        {
            for (var s = 0; s < factors.Length; s++) jobs.Add((t, s));
        }

        var outcomes = new OptimizationResult[jobs.Count];
        var done = 0;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = solveOptions.ParallelSolves, CancellationToken = cancellationToken }, j =>
        {
            var (t, s) = jobs[j];
            var variant = t < 0 ? scenario : Scaled(scenario, list[t], 1 + (factors[s] / 100));
            outcomes[j] = FreightPlanner.Optimize(variant, solveOptions, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var item = t < 0 ? "base" : string.Create(CultureInfo.InvariantCulture, $"{list[t]} {factors[s]:+0.##;-0.##;0} %");
            if (options.Logger is { } logger) AnalysisLog.SweepPoint(logger, item, outcomes[j].Status, outcomes[j].Plan?.Objective);
            progress?.Report(new AnalysisProgress(Interlocked.Increment(ref done), jobs.Count, item));
        });

        var basePlan = Accepted(outcomes[0]);
        var baseFlows = FlowsByRoute(basePlan);
        var results = new List<SweepResult>();
        for (var t = 0; t < list.Count; t++)
        {
            var points = ImmutableArray.CreateBuilder<SweepPoint>(factors.Length);
            var baseValue = ValueOf(scenario, list[t]);
            for (var s = 0; s < factors.Length; s++)
            {
                var outcome = outcomes[1 + (t * factors.Length) + s];
                var plan = Accepted(outcome);
                var changes = plan is null || basePlan is null ? [] : Changes(baseFlows, FlowsByRoute(plan), options.RelativeTolerance);
                points.Add(new SweepPoint(factors[s], baseValue * (1 + (factors[s] / 100)), outcome.Status, plan?.Objective, changes));
            }

            results.Add(new SweepResult(list[t], baseValue, basePlan?.Objective, points.MoveToImmutable()));
        }

        return [.. results.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Swing).ThenBy(x => x.i).Select(x => x.r)];
    }

    private static AllocationPlan? Accepted(OptimizationResult result) =>
        result.Status is SolveStatus.Optimal or SolveStatus.Feasible ? result.Plan : null;

    private static string? Problem(Scenario scenario, SweepTarget target)
    {
        if (target.Kind == SweepKind.Tariff)
        {
            if (!scenario.Network.TryGetRoute(target.Element, out var route)) return $"The scenario has no route '{target.Element}' to sweep the tariff of.";
            return route.Carries(target.Commodity) ? null : $"Route '{target.Element}' does not carry '{target.Commodity}', so it has no tariff for it to sweep.";
        }

        return scenario.Demands.Any(d => d.Location.Value == target.Element && d.Commodity == target.Commodity)
            ? null
            : $"The scenario has no demand for '{target.Commodity}' at location '{target.Element}' to sweep.";
    }

    private static double ValueOf(Scenario scenario, SweepTarget target) => target.Kind == SweepKind.Tariff
        ? scenario.Network.GetRoute(target.Element).CostPerTonne[target.Commodity]
        : scenario.Demands.Where(d => d.Location.Value == target.Element && d.Commodity == target.Commodity).Sum(d => d.AnnualTonnes);

    /// <summary>The scenario with the target's tariff, or every demand line of it, multiplied by a factor.</summary>
    internal static Scenario Scaled(Scenario scenario, SweepTarget target, double factor)
    {
        if (target.Kind == SweepKind.Demand)
        {
            return scenario with
            {
                Demands = [.. scenario.Demands.Select(d => d.Location.Value == target.Element && d.Commodity == target.Commodity ? d with { AnnualTonnes = d.AnnualTonnes * factor } : d)],
            };
        }

        var network = scenario.Network;
        var routes = network.Routes.Select(r => r.Id.Value == target.Element
            ? r with { CostPerTonne = r.CostPerTonne.SetItem(target.Commodity, r.CostPerTonne[target.Commodity] * factor) }
            : r);
        return scenario with { Network = new FreightNetwork(network.Commodities, network.Locations, routes) };
    }

    private static Dictionary<(RouteId, CommodityId), double> FlowsByRoute(AllocationPlan? plan)
    {
        var flows = new Dictionary<(RouteId, CommodityId), double>();
        foreach (var f in plan?.Flows ?? []) flows[(f.Route, f.Commodity)] = flows.GetValueOrDefault((f.Route, f.Commodity)) + f.Tonnes;
        return flows;
    }

    private static ImmutableArray<FlowChange> Changes(Dictionary<(RouteId, CommodityId), double> before, Dictionary<(RouteId, CommodityId), double> after, double relative)
    {
        var changes = new List<FlowChange>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var (a, b) = (before.GetValueOrDefault(key), after.GetValueOrDefault(key));
            if (Math.Abs(b - a) > Math.Max(1e-6, relative * Math.Max(Math.Abs(a), Math.Abs(b)))) changes.Add(new FlowChange(key.Item1, key.Item2, a, b));
        }

        return [.. changes.OrderByDescending(c => Math.Abs(c.ChangeTonnes)).ThenBy(c => c.Route.Value, StringComparer.Ordinal).ThenBy(c => c.Commodity.Value, StringComparer.Ordinal)];
    }
}
