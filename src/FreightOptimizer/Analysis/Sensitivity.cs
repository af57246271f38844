using System.Collections.Immutable;
using System.Globalization;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using Microsoft.Extensions.Logging;

namespace FreightOptimizer.Analysis;

/// <summary>What ends a sensitivity range on one side.</summary>
public enum RangeEnd
{
    /// <summary>A breakpoint: beyond it the price (or the plan's flows) no longer hold.</summary>
    Breakpoint = 1,

    /// <summary>Beyond it no plan satisfies the hard demands and minimum flows (capacities only).</summary>
    Infeasible = 2,

    /// <summary>It is 0, the least a capacity or tariff can be; the range may go on below it mathematically.</summary>
    Floor = 3,

    /// <summary>There is no end on this side: the upper limit is null.</summary>
    Unbounded = 4,

    /// <summary>The breakpoint search stopped at its limit of re-solves; the end is an outer bound of the true one.</summary>
    NotConverged = 5,
}

/// <summary>
/// The range of one binding capacity (a bottleneck of the plan) over which its capacity price holds:
/// for every capacity in [<see cref="LowerTonnes"/>, <see cref="UpperTonnes"/>] the optimum is the
/// plan's optimum − <see cref="PerTonne"/> × (capacity − <see cref="CapacityTonnes"/>).
/// </summary>
/// <param name="Element">The route or location.</param>
/// <param name="Period">The period.</param>
/// <param name="CapacityTonnes">The period's capacity in the plan (investments included), in tonnes.</param>
/// <param name="PerTonne">The plan's capacity price (what one more tonne of the period's capacity saves).</param>
/// <param name="LowerTonnes">The least capacity of the period at which the price holds.</param>
/// <param name="UpperTonnes">The most capacity of the period at which the price holds, or null without an end.</param>
/// <param name="LowerEnd">What ends the range below.</param>
/// <param name="UpperEnd">What ends the range above.</param>
public sealed record CapacityRange(
    NetworkElement Element, PeriodId Period, double CapacityTonnes, double PerTonne,
    double LowerTonnes, double? UpperTonnes, RangeEnd LowerEnd, RangeEnd UpperEnd);

/// <summary>
/// The range of one route tariff the plan uses (the cost per tonne of a commodity on a route with
/// positive flow) over which the plan's flows stay optimal: for every tariff in
/// [<see cref="LowerCostPerTonne"/>, <see cref="UpperCostPerTonne"/>] the optimum is the plan's optimum
/// + <see cref="FlowTonnes"/> × (tariff − <see cref="CostPerTonne"/>), the cost of the plan's own flows.
/// </summary>
/// <param name="Route">The route.</param>
/// <param name="Commodity">The commodity.</param>
/// <param name="CostPerTonne">The tariff in the scenario.</param>
/// <param name="FlowTonnes">The plan's flow of the commodity on the route, over every period.</param>
/// <param name="LowerCostPerTonne">The least tariff at which the plan's flows stay optimal.</param>
/// <param name="UpperCostPerTonne">The most, or null when they stay optimal however high it goes.</param>
/// <param name="LowerEnd">What ends the range below.</param>
/// <param name="UpperEnd">What ends the range above.</param>
public sealed record TariffRange(
    RouteId Route, CommodityId Commodity, double CostPerTonne, double FlowTonnes,
    double LowerCostPerTonne, double? UpperCostPerTonne, RangeEnd LowerEnd, RangeEnd UpperEnd);

/// <summary>The sensitivity ranges of a plan's binding capacities and of the tariffs it uses.</summary>
/// <param name="Capacities">One range per bottleneck, in the plan's bottleneck order (highest price first).</param>
/// <param name="Tariffs">One range per route and commodity with positive flow, in network order (route, then commodity).</param>
/// <param name="Resolves">How many LP re-solves the ranges took.</param>
public sealed record SensitivityReport(ImmutableArray<CapacityRange> Capacities, ImmutableArray<TariffRange> Tariffs, int Resolves)
{
    /// <summary>Equal when both lists are equal element by element, in order, and the re-solve counts are equal.</summary>
    /// <param name="other">The other report.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(SensitivityReport? other) =>
        other is not null && Structural.SequenceEquals(Capacities, other.Capacities) && Structural.SequenceEquals(Tariffs, other.Tariffs)
        && Resolves == other.Resolves;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Capacities.IsDefault ? 0 : Capacities.Length, Tariffs.IsDefault ? 0 : Tariffs.Length, Resolves);
}

/// <summary>How far a long analysis has got.</summary>
/// <param name="Completed">Items done.</param>
/// <param name="Total">Items in all.</param>
/// <param name="Item">The item just done, in words.</param>
public sealed record AnalysisProgress(int Completed, int Total, string Item);

/// <summary>Options of <see cref="Sensitivity.Analyse"/>. Checked once, by <see cref="Validate"/>, when the analysis starts.</summary>
public sealed class SensitivityOptions
{
    /// <summary>The LP engine of the re-solves: <see cref="SolverEngine.Clp"/> or <see cref="SolverEngine.Glop"/> (both give duals).</summary>
    /// <value>Default <see cref="SolverEngine.Clp"/>, the engine Auto uses for LPs.</value>
    public SolverEngine Engine { get; set; } = SolverEngine.Clp;

    /// <summary>Whether to range the binding capacities.</summary>
    /// <value>Default true.</value>
    public bool Capacities { get; set; } = true;

    /// <summary>Whether to range the tariffs the plan uses.</summary>
    /// <value>Default true.</value>
    public bool Tariffs { get; set; } = true;

    /// <summary>
    /// How far, relative to the optimum (at least 1), a re-solved optimum may be from the line of the
    /// price and still count as on it.
    /// </summary>
    /// <value>Default 1e-9: above the simplex engines' objective error on well-scaled models, far below any real bend.</value>
    public double RelativeTolerance { get; set; } = 1e-9;

    /// <summary>The most re-solves the breakpoint search of one end of one range may take.</summary>
    /// <value>Default 50; each re-solve passes at least one breakpoint of the optimum.</value>
    public int MaxResolvesPerEnd { get; set; } = 50;

    /// <summary>How many re-solves may run at once, or null for one per processor.</summary>
    /// <value>Default null.</value>
    public int? MaxParallelSolves { get; set; }

    /// <summary>Where to log each range found (Debug) and a summary (Information), or null.</summary>
    /// <value>Default null.</value>
    public ILogger? Logger { get; set; }

    /// <summary>Throws when any option is out of range, naming every problem at once.</summary>
    /// <exception cref="ArgumentException">Some option is out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Engine is not (SolverEngine.Clp or SolverEngine.Glop)) problems.Add($"Engine must be Clp or Glop, the LP engines that give duals (was {Engine}).");
        if (!(RelativeTolerance > 0 && RelativeTolerance < 1e-3)) problems.Add(string.Create(CultureInfo.InvariantCulture, $"RelativeTolerance must be in (0, 1e-3) (was {RelativeTolerance})."));
        if (MaxResolvesPerEnd < 1) problems.Add($"MaxResolvesPerEnd must be at least 1 (was {MaxResolvesPerEnd}).");
        if (MaxParallelSolves is { } parallel && parallel < 1) problems.Add($"MaxParallelSolves must be at least 1 (was {parallel}).");
        if (problems.Count > 0) throw new ArgumentException("Invalid sensitivity options: " + string.Join(" ", problems));
    }
}

/// <summary>
/// Sensitivity of an optimal plan: the range of each binding capacity over which its price holds, the
/// range of each tariff the plan uses over which its flows stay optimal (<see cref="Analyse"/>), and
/// sweeps of a tariff or a demand over a band of percentages for a tornado chart (<see cref="Sweep"/>).
/// </summary>
/// <remarks>
/// <para>
/// Ranges come from parametric re-solves of the formulated model, not from the basis: OR-Tools' .NET
/// interface gives basis statuses and reduced costs but not the basis inverse that textbook ranging
/// needs. The optimum z(p) of an LP is piecewise linear in a right-hand side p (convex in a capacity)
/// and in a cost coefficient p (concave in a tariff). The plan gives one piece exactly, the line
/// through the optimum at p₀ with the plan's slope (minus the capacity price, or the plan's flow on the
/// tariff). Its end toward a far point is found by Newton's method for piecewise-linear functions: the
/// line of the price is intersected with the line of the far re-solve (its optimum and its own slope,
/// the dual of the row or the flow on the route); the model is re-solved at the intersection; if the
/// optimum there is on the price's line, the intersection is the end, else it is the new far point.
/// Each step passes at least one breakpoint, so the search ends after at most as many re-solves as
/// there are pieces between p₀ and the far point.
/// </para>
/// <para>
/// Precision: an end is the intersection of two exact pieces of z, so it is exact up to the solver's
/// own precision (its duals and optimum, about 1e-9 relative), not up to a bisection step. A bend is
/// missed only when the optimum departs from the line by less than <see cref="SensitivityOptions.RelativeTolerance"/>
/// of it over the whole distance to the point tested; then the end reported lies beyond the true one by at
/// most that tolerance ÷ the change of slope.
/// </para>
/// <para>
/// Far points: above a capacity, the capacity plus every tonne supplied or demanded in the model
/// (where the row cannot bind, so its slope is 0); below, 0, or where 0 is infeasible the least capacity
/// that is feasible, found by minimising the row's left side over the other rows. Below a tariff, 0;
/// above, the plan of least flow on the route (minimising that flow over the feasible set): when its flow
/// equals the plan's the range has no upper end, otherwise its cost line is the first far line.
/// </para>
/// <para>
/// For a plan with integer decisions the decisions are fixed at the plan's units (and the build
/// indicators at built or not), as they are for its prices: the ranges are those of the LP with these
/// investments made.
/// </para>
/// </remarks>
public static partial class Sensitivity
{
    /// <summary>Ranges the binding capacities and the tariffs of an optimal plan.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">An optimal plan of it, with prices (from <see cref="FreightPlanner.Optimize"/>).</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="progress">Told after each range (from the worker threads), or null.</param>
    /// <param name="cancellationToken">Stops the analysis: the re-solves running are interrupted.</param>
    /// <returns>The ranges.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid, or the plan names something it does not have.</exception>
    /// <exception cref="ArgumentException">The options are out of range, the plan's investments do not match the scenario's, or the periods carry calendar years (a tariff range there would need one per year: not supported).</exception>
    /// <exception cref="InvalidOperationException">The plan's LP does not re-solve to optimality (the plan is not an optimal plan of the scenario).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SensitivityReport Analyse(
        Scenario scenario, AllocationPlan plan, SensitivityOptions? options = null,
        IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new SensitivityOptions();
        options.Validate();
        ScenarioValidator.ThrowIfInvalid(scenario);
        _ = PlanIndex.Of(scenario, plan);
        if (MultiYear.IsMultiYear(scenario))
        {
            throw new ArgumentException("Sensitivity ranges one tariff or capacity over the whole horizon at one price; with calendar years each year's costs are discounted differently, so the ranges would mislead. Range a single year's scenario instead.", nameof(scenario));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var lp = new ParametricLp(scenario, plan, options, cancellationToken);
        var items = new List<Func<(object Range, int Solves)>>();
        if (options.Capacities)
        {
            foreach (var bottleneck in plan.Bottlenecks) items.Add(() => lp.RangeCapacity(bottleneck));
        }

        var tariffs = new List<(int Route, int Commodity, double Flow)>();
        if (options.Tariffs)
        {
            var network = scenario.Network;
            var flowOf = new Dictionary<(RouteId, CommodityId), double>();
            foreach (var f in plan.Flows) flowOf[(f.Route, f.Commodity)] = flowOf.GetValueOrDefault((f.Route, f.Commodity)) + f.Tonnes;
            for (var a = 0; a < network.Routes.Length; a++)
            {
                for (var k = 0; k < network.Commodities.Length; k++)
                {
                    if (flowOf.TryGetValue((network.Routes[a].Id, network.Commodities[k].Id), out var tonnes) && tonnes > 0) tariffs.Add((a, k, tonnes));
                }
            }

            foreach (var (a, k, tonnes) in tariffs) items.Add(() => lp.RangeTariff(a, k, tonnes));
        }

        var results = new (object Range, int Solves)[items.Count];
        var done = 0;
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelSolves ?? Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            results[i] = items[i]();
            cancellationToken.ThrowIfCancellationRequested();
            var completed = Interlocked.Increment(ref done);
            if (options.Logger is { } logger) AnalysisLog.RangeFound(logger, completed, items.Count, results[i].Range);
            progress?.Report(new AnalysisProgress(completed, items.Count, results[i].Range.ToString() ?? ""));
        });

        var report = new SensitivityReport(
            [.. results.Select(r => r.Range).OfType<CapacityRange>()],
            [.. results.Select(r => r.Range).OfType<TariffRange>()],
            lp.BaseSolves + results.Sum(r => r.Solves));
        if (options.Logger is { } log) AnalysisLog.Ranged(log, report.Capacities.Length, report.Tariffs.Length, report.Resolves);
        return report;
    }

    /// <summary>
    /// The formulated model as the plan's prices see it: for a MIP, every integer decision fixed at the
    /// plan's units and every build indicator at built or not (as PlanSolver fixes them to price a plan),
    /// over the plain rows; an LP as it is.
    /// </summary>
    internal static LinearProblem WithPlanDecisions(FreightModel model, AllocationPlan plan, Scenario? scenario = null)
    {
        if (!model.IsMip) return model.Problem;
        var values = new double[model.Problem.VariableCount];
        for (var i = 0; i < model.Investments.Length; i++)
        {
            var online = plan.Investments[i].OnlinePeriod;
            model.SetDecision(values, i, plan.Investments[i].Units, online is { } p && scenario is not null ? scenario.Horizon.IndexOf(p) : -1);
        }

        return model.Problem.WithIntegersFixed(values, model.PlainRowCount);
    }

    /// <summary>An optimum and its slope at one value of the parameter.</summary>
    private readonly record struct Probe(double Z, double Slope);

    /// <summary>The formulated model with the plan's integer decisions fixed, re-solved with one coefficient changed at a time.</summary>
    private sealed class ParametricLp
    {
        private readonly Scenario _scenario;
        private readonly AllocationPlan _plan;
        private readonly SensitivityOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly FreightModel _model;
        private readonly LinearProblem _problem;
        private readonly double _z0;
        private readonly double _tolerance;
        private readonly double _allTonnes;

        public ParametricLp(Scenario scenario, AllocationPlan plan, SensitivityOptions options, CancellationToken cancellationToken)
        {
            _scenario = scenario;
            _plan = plan;
            _options = options;
            _cancellationToken = cancellationToken;
            _model = FreightModelBuilder.Build(scenario);
            if (plan.Investments.Length != scenario.Investments.Length)
            {
                throw new ArgumentException($"The plan decides {plan.Investments.Length} investment option(s) and the scenario has {scenario.Investments.Length}: it is not a plan of this scenario.", nameof(plan));
            }

            _problem = WithPlanDecisions(_model, plan, scenario);
            var outcome = Solve(_problem);
            BaseSolves = 1;
            if (outcome.Status != SolveStatus.Optimal || outcome.Values is null)
            {
                throw new InvalidOperationException($"The plan's LP re-solved with {options.Engine} ended {outcome.Status}: sensitivity needs an optimal plan of this scenario.");
            }

            _z0 = Money(outcome.Objective);
            _tolerance = options.RelativeTolerance * Math.Max(1, Math.Abs(_z0));
            var s = _model.Scaling;
            _allTonnes = (_model.BalanceRows.Sum(b => Math.Abs(b.DemandTonnes)) + _model.Supplies.Sum(v => _problem.VariableUpper[v.Variable] * s.TonneUnit)) + 1;
        }

        public int BaseSolves { get; }

        private double Money(double modelObjective) => modelObjective * _model.Scaling.MoneyUnit;

        private SolverOutcome Solve(LinearProblem problem)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return OrToolsSolver.Solve(problem, _options.Engine, new SolveOptions { Engine = _options.Engine }, _cancellationToken);
        }

        public (object Range, int Solves) RangeCapacity(Bottleneck bottleneck)
        {
            var network = _scenario.Network;
            var periods = _scenario.Horizon.Periods;
            var row = _model.CapacityRows.First(c =>
                c.IsRoute == bottleneck.Element.IsRoute && periods[c.Period].Id == bottleneck.Period
                && (c.IsRoute ? network.Routes[c.Target].Id.Value : network.Locations[c.Target].Id.Value) == bottleneck.Element.Id);
            var s = _model.Scaling;
            var capacity0 = row.BaseTonnes;
            foreach (var (option, tonnesPerUnit) in row.Additions) capacity0 += tonnesPerUnit * _plan.Investments[option].Units;
            var added = capacity0 - row.BaseTonnes;
            var solves = 0;
            var infeasible = false;
            Probe? At(double capacity)
            {
                solves++;
                var rhs = (capacity - added) / s.TonneUnit;
                var outcome = Solve(_problem.WithChanges(null, new Dictionary<int, (double, double)> { [row.Row] = (double.NegativeInfinity, rhs) }));
                infeasible = outcome.Status == SolveStatus.Infeasible;
                if (outcome.Status != SolveStatus.Optimal || outcome.Values is null || outcome.Duals is null) return null;
                return new Probe(Money(outcome.Objective), outcome.Duals[row.Row] * s.MoneyUnit / s.TonneUnit);
            }

            var slope0 = -bottleneck.PerTonne;

            // Above: where the row cannot bind, its slope is 0.
            var far = capacity0 + Math.Max(capacity0, 1) + _allTonnes;
            double? upper = null;
            var upperEnd = RangeEnd.Unbounded;
            if (At(far) is { } high)
            {
                var (end, reached, converged) = Extend(capacity0, slope0, far, high, true, At);
                if (!reached) (upper, upperEnd) = (end, converged ? RangeEnd.Breakpoint : RangeEnd.NotConverged);
            }
            else
            {
                (upper, upperEnd) = (capacity0, RangeEnd.NotConverged);
            }

            double lower = capacity0;
            var lowerEnd = RangeEnd.Floor;
            if (capacity0 > 0)
            {
                var lowEnd = RangeEnd.Floor;
                var low = At(0);
                var lowAt = 0.0;
                if (low is null && infeasible)
                {
                    lowEnd = RangeEnd.Infeasible;
                    lowAt = LeastFeasible(row.Row) * s.TonneUnit + added;
                    low = At(lowAt);
                    if (low is null)
                    {
                        // At the very edge a simplex may call the model infeasible within its tolerance.
                        lowAt += 1e-9 * Math.Max(1, Math.Abs(lowAt));
                        low = At(lowAt);
                    }
                }

                if (low is { } probe)
                {
                    var (end, reached, converged) = Extend(capacity0, slope0, lowAt, probe, true, At);
                    (lower, lowerEnd) = (end, reached ? lowEnd : converged ? RangeEnd.Breakpoint : RangeEnd.NotConverged);
                }
                else
                {
                    lowerEnd = RangeEnd.NotConverged;
                }
            }

            return (new CapacityRange(bottleneck.Element, bottleneck.Period, capacity0, bottleneck.PerTonne, lower, upper, lowerEnd, upperEnd), solves);
        }

        /// <summary>The least right-hand side of a row at which the other rows can still be met (model units).</summary>
        private double LeastFeasible(int row)
        {
            var form = new Dictionary<int, double>();
            var r = _problem.Rows[row];
            for (var i = 0; i < r.Count; i++) form[r.Variables[i]] = form.GetValueOrDefault(r.Variables[i]) + r.Coefficients[i];
            var outcome = Solve(_problem.WithChanges(form, new Dictionary<int, (double, double)> { [row] = (double.NegativeInfinity, double.PositiveInfinity) }, objectiveOnly: true));
            return outcome.Values is null ? 0 : outcome.Objective;
        }

        public (object Range, int Solves) RangeTariff(int route, int commodity, double flowTonnes)
        {
            var network = _scenario.Network;
            var s = _model.Scaling;
            var variables = _model.Flows.Where(f => f.Route == route && f.Commodity == commodity).Select(f => f.Variable).ToArray();
            var tariff0 = network.Routes[route].CostPerTonne[network.Commodities[commodity].Id];
            var solves = 0;
            Probe? At(double tariff)
            {
                solves++;
                var costs = variables.ToDictionary(j => j, j => _problem.Cost[j] + ((tariff - tariff0) * s.TonneUnit / s.MoneyUnit));
                var outcome = Solve(_problem.WithChanges(costs, null));
                if (outcome.Status != SolveStatus.Optimal || outcome.Values is null) return null;
                return new Probe(Money(outcome.Objective), variables.Sum(j => outcome.Values[j]) * s.TonneUnit);
            }

            // Below: 0, the least tariff a scenario may have.
            double lower = tariff0;
            var lowerEnd = RangeEnd.Floor;
            if (tariff0 > 0)
            {
                if (At(0) is { } low)
                {
                    var (end, reached, converged) = Extend(tariff0, flowTonnes, 0, low, true, At);
                    (lower, lowerEnd) = (end, reached ? RangeEnd.Floor : converged ? RangeEnd.Breakpoint : RangeEnd.NotConverged);
                }
                else
                {
                    lowerEnd = RangeEnd.NotConverged;
                }
            }

            // Above: the plan of least flow on the route bounds the optimum by its own cost line.
            double? upper = null;
            var upperEnd = RangeEnd.Unbounded;
            solves++;
            var least = Solve(_problem.WithChanges(variables.ToDictionary(j => j, _ => 1.0), null, objectiveOnly: true));
            if (least.Values is not { } values)
            {
                (upper, upperEnd) = (tariff0, RangeEnd.NotConverged);
            }
            else
            {
                var leastFlow = variables.Sum(j => values[j]) * s.TonneUnit;
                if (flowTonnes - leastFlow > _options.RelativeTolerance * Math.Max(1, flowTonnes))
                {
                    var cost = _problem.ObjectiveConstant;
                    for (var j = 0; j < values.Length; j++) cost += _problem.Cost[j] * values[j];
                    var meet = tariff0 + ((Money(cost) - _z0) / (flowTonnes - leastFlow));
                    var line = _z0 + (flowTonnes * (meet - tariff0));
                    var (end, _, converged) = Extend(tariff0, flowTonnes, meet, new Probe(line, leastFlow), false, At);
                    (upper, upperEnd) = (end, converged ? RangeEnd.Breakpoint : RangeEnd.NotConverged);
                }
            }

            return (new TariffRange(network.Routes[route].Id, network.Commodities[commodity].Id, tariff0, flowTonnes, lower, upper, lowerEnd, upperEnd), solves);
        }

        /// <summary>
        /// How far from p₀ toward a far point the optimum stays on the line z₀ + g₀·(p − p₀): Newton's
        /// method on a piecewise-linear convex or concave function (<see cref="Sensitivity"/>).
        /// </summary>
        /// <param name="p0">Where the plan is.</param>
        /// <param name="g0">The plan's slope.</param>
        /// <param name="pf">The far point.</param>
        /// <param name="far">The optimum (or, when not <paramref name="farIsOptimum"/>, a line below or above it) at the far point, with its slope.</param>
        /// <param name="farIsOptimum">Whether <paramref name="far"/> is the optimum at <paramref name="pf"/> itself.</param>
        /// <param name="at">Re-solves at a point; null when that fails.</param>
        /// <returns>The end, whether it is the far point itself, and whether the search converged.</returns>
        private (double End, bool ReachedFar, bool Converged) Extend(double p0, double g0, double pf, Probe far, bool farIsOptimum, Func<double, Probe?> at)
        {
            double Line(double p) => _z0 + (g0 * (p - p0));
            var (zf, sf) = (far.Z, far.Slope);
            for (var i = 0; ; i++)
            {
                if (farIsOptimum && Math.Abs(zf - Line(pf)) <= _tolerance) return (pf, true, true);
                if (i >= _options.MaxResolvesPerEnd) return (pf, false, false);
                var denominator = g0 - sf;

                // Parallel lines that differ cannot both touch a convex (or concave) function: the
                // difference is the solver's noise, and the far point is on the line after all.
                if (Math.Abs(denominator) <= 1e-12 * Math.Max(Math.Abs(g0), Math.Abs(sf))) return (pf, farIsOptimum, true);
                var p = ((zf - (sf * pf)) - (_z0 - (g0 * p0))) / denominator;
                if ((p - p0) * (pf - p0) <= 0) return (p0, false, true);
                if (Math.Abs(p - p0) > Math.Abs(pf - p0)) p = pf;
                if (at(p) is not { } probe) return (p, false, false);
                if (Math.Abs(probe.Z - Line(p)) <= _tolerance) return (p, false, true);
                (pf, zf, sf, farIsOptimum) = (p, probe.Z, probe.Slope, true);
            }
        }
    }
}
