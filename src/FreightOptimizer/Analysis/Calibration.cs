using System.Collections.Immutable;
using System.Globalization;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;

namespace FreightOptimizer.Analysis;

/// <summary>
/// Base-year calibration: turns the gap between a scenario's as-was optimum and its observations
/// into per-tonne cost constants, so that the calibrated scenario, solved without the observations,
/// reproduces them (docs/analysis.md, "Calibration").
/// </summary>
/// <remarks>
/// <para>
/// The idea is that of positive mathematical programming. The as-was LP (no investments, no budget)
/// is solved with every observation imposed as a row: the observed tonnes, summed over the
/// observation's elements, its commodity or every one, over the whole horizon, must lie in the band
/// observed × (1 ± <see cref="CalibrationOptions.TargetBand"/> × tolerance), with slack on both sides
/// at a penalty per tonne ten times the dearest path's cost (the sum over routes of their dearest
/// tariff, over locations of their dearest handling, and the dearest supply). The dual y of an
/// observation's row is what one more observed tonne would save; by Lagrangian duality the same plan
/// is optimal without the row once every tonne counted in it costs −y more. That −y per tonne is the
/// constant, added to the tariff of each of its routes and the handling cost of each of its locations
/// (a location's handling is paid on its throughput, what the observation counts) as a
/// <see cref="CostAdjustment"/> with source <c>calibration</c>.
/// </para>
/// <para>
/// Ties: the constants make the constrained plan optimal but, where it splits flow between elements,
/// not the only optimum, and an LP solver returns a vertex of the optimal face, which may lie outside
/// the band. The calibrated scenario is therefore solved through the verified path, and every
/// observation still outside its tolerance is nudged: its constant is raised when the modelled tonnes
/// are too high and lowered when too low, by a step of 10^−5 of the path cost at first, four times
/// larger while the direction holds and half as large when it turns, for at most
/// <see cref="CalibrationOptions.MaxNudgeRounds"/> rounds; the round with the most observations
/// matched (then the smallest total relative miss) is kept, the input without constants among them,
/// so calibration never matches fewer observations than the input did. A target that lies strictly inside a face,
/// with no vertex of the as-was model in its band, cannot be the unique optimum of any linear costs:
/// it stays <see cref="ObservationCalibration.NotReproduced"/>.
/// </para>
/// <para>
/// Limits: an adjusted cost may not go below 0 (<see cref="CostAdjustment"/>), so a negative constant
/// is held where it would take one there (<see cref="CalibrationConstant.Clamped"/>); an observation
/// only the slack meets is <see cref="ObservationCalibration.Unattainable"/> and gets no constant (its
/// row is dropped and the LP solved again, since its slack would price the other rows at the penalty); an
/// observation of one period of several gets none either, since an adjustment applies to every
/// period. Where the constrained optimum is degenerate (an observation of 0 on elements that carry
/// nothing there, say) the dual is one of several valid ones, up to the slack penalty, and so is the
/// constant: any of them reproduces the observation. A constant near the path cost says that the
/// observed tonnes are bought with unmet demand or an otherwise unused route.
/// </para>
/// </remarks>
public static class Calibration
{
    /// <summary>The <see cref="CostAdjustment.Source"/> of calibration constants.</summary>
    public const string Source = "calibration";

    /// <summary>
    /// Calibrates a scenario to its observations (see <see cref="Calibration"/> for the method). Earlier
    /// adjustments with source <c>calibration</c> are dropped first, so calibrating a calibrated
    /// scenario starts afresh; other adjustments stay.
    /// </summary>
    /// <param name="scenario">The scenario, with its observations.</param>
    /// <param name="options">How to solve and search; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the solves.</param>
    /// <returns>The calibrated scenario, the constants and the comparisons before and after.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or its engine gives no duals.</exception>
    public static CalibrationResult Calibrate(Scenario scenario, CalibrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new CalibrationOptions();
        if (!OrToolsSolver.GivesDuals(options.Engine))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "Calibration reads duals: use Clp, Glop or Pdlp.");
        }

        if (!(options.TargetBand is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(options), options.TargetBand, "TargetBand must be from 0 to 1.");
        if (options.MaxNudgeRounds < 0) throw new ArgumentOutOfRangeException(nameof(options), options.MaxNudgeRounds, "MaxNudgeRounds must not be negative.");

        var input = scenario with { CostAdjustments = [.. scenario.CostAdjustments.Where(a => a.Source != Source)] };
        ScenarioValidator.ThrowIfInvalid(input);
        var solve = (options.Solve ?? new SolveOptions()).Copy();
        solve.Verify = true;
        solve.Appraise = AppraisalMode.Never;
        var asWas = input.WithoutInvestments();
        var observations = asWas.Observations.IsDefault ? [] : asWas.Observations;

        var before = FreightPlanner.Optimize(asWas, solve, cancellationToken);
        if (before.Status != SolveStatus.Optimal || before.Plan is not { } beforePlan)
        {
            return Failed($"The as-was scenario solved {before.Status}: {before.Message}");
        }

        var beforeRows = ObservationReport.Compare(asWas, beforePlan);
        var bound = PathCostBound(asWas);
        var penalty = 10 * bound;
        if (observations.IsEmpty)
        {
            return new CalibrationResult
            {
                Status = CalibrationStatus.Calibrated,
                Message = "The scenario has no observations; nothing to calibrate.",
                Calibrated = input,
                AfterPlan = beforePlan,
                SlackPenaltyPerTonne = penalty,
            };
        }

        var model = FreightModelBuilder.Build(asWas);
        var rows = AddObservationRows(asWas, model, options.TargetBand, penalty);
        var outcome = OrToolsSolver.Solve(model.Problem, options.Engine, new SolveOptions { Engine = options.Engine, TimeLimit = solve.TimeLimit }, cancellationToken);
        if (outcome.Status != SolveStatus.Optimal || outcome.Values is null || outcome.Duals is null)
        {
            return Failed($"The as-was LP with the observations imposed solved {outcome.Status} with {options.Engine}{(outcome.Message is { } m ? ": " + m : "")}.") with { Before = beforeRows };
        }

        // An observation only the slack meets prices the others at the slack penalty; its row is
        // dropped and the rest solved again, so that their duals are costs of the network alone.
        var s = model.Scaling;
        var dropped = new Dictionary<int, (double, double)>();
        for (var i = 0; i < observations.Length; i++)
        {
            if (rows[i] is { } r && outcome.Values[r.Below] + outcome.Values[r.Above] > 1e-6 * Math.Max(1, r.Target))
            {
                dropped[r.Row] = (double.NegativeInfinity, double.PositiveInfinity);
            }
        }

        if (dropped.Count > 0)
        {
            var again = OrToolsSolver.Solve(model.Problem.WithChanges(null, dropped), options.Engine, new SolveOptions { Engine = options.Engine, TimeLimit = solve.TimeLimit }, cancellationToken);
            if (again.Status != SolveStatus.Optimal || again.Values is null || again.Duals is null)
            {
                return Failed($"The as-was LP with the attainable observations imposed solved {again.Status} with {options.Engine}{(again.Message is { } m ? ": " + m : "")}.") with { Before = beforeRows };
            }

            outcome = again;
        }

        // The raw constants: the negated duals per tonne, nothing for what cannot be calibrated.
        var state = new ObservationState[observations.Length];
        for (var i = 0; i < observations.Length; i++)
        {
            var row = rows[i];
            if (row is null)
            {
                state[i] = new ObservationState { Outcome = ObservationCalibration.PeriodNotSupported };
                continue;
            }

            var unattainable = dropped.ContainsKey(row.Value.Row);
            var dual = unattainable ? 0 : -outcome.Duals[row.Value.Row] * s.MoneyUnit / s.TonneUnit;
            state[i] = new ObservationState
            {
                Dual = dual,
                Constant = unattainable || Math.Abs(dual) <= 1e-9 * bound ? 0 : dual,
                Outcome = unattainable ? ObservationCalibration.Unattainable : ObservationCalibration.NotReproduced,
            };
        }

        var step0 = 1e-5 * bound;
        foreach (var st in state) st.Step = step0;

        // The input itself is the first candidate: calibration never returns fewer observations matched than before.
        Candidate? best = new(input, beforePlan, beforeRows, [.. state.Select(_ => 0.0)], Score(beforeRows, state));
        var rounds = 0;
        for (var round = 0; round <= options.MaxNudgeRounds; round++)
        {
            var clamped = Clamp(asWas, observations, state);
            for (var i = 0; i < state.Length; i++) state[i].EverClamped |= clamped[i];
            var calibrated = input with { CostAdjustments = [.. input.CostAdjustments, .. Adjustments(asWas, observations, state)] };
            var after = FreightPlanner.Optimize(calibrated.WithoutInvestments(), solve, cancellationToken);
            rounds++;
            if (after.Status != SolveStatus.Optimal || after.Plan is not { } plan)
            {
                if (round == 0)
                {
                    return Failed($"The calibrated scenario solved {after.Status}: {after.Message}") with { Before = beforeRows };
                }

                break;
            }

            var afterRows = ObservationReport.Compare(calibrated, plan);
            var candidate = new Candidate(calibrated, plan, afterRows, [.. state.Select(x => x.Constant)], Score(afterRows, state));
            if (candidate.Score.CompareTo(best.Score) > 0) best = candidate;
            var open = false;
            for (var i = 0; i < state.Length; i++)
            {
                var st = state[i];
                if (st.Outcome is ObservationCalibration.Unattainable or ObservationCalibration.PeriodNotSupported || afterRows[i].WithinTolerance) continue;
                open = true;
                var direction = afterRows[i].Difference > 0 ? 1 : -1;
                if (st.Direction == direction) st.Step *= 4;
                else if (st.Direction != 0) st.Step /= 2;
                st.Direction = direction;
                st.Constant += direction * st.Step;
            }

            if (!open) break;
        }

        var chosen = best;
        var constants = ImmutableArray.CreateBuilder<CalibrationConstant>(observations.Length);
        var matched = 0;
        var notReproduced = 0;
        for (var i = 0; i < observations.Length; i++)
        {
            var o = observations[i];
            var st = state[i];
            // Within the full tolerance is a match even where the narrower target band needed slack.
            var outcomeOf = chosen.After[i].WithinTolerance ? ObservationCalibration.Matched
                : st.Outcome is ObservationCalibration.Unattainable or ObservationCalibration.PeriodNotSupported ? st.Outcome
                : ObservationCalibration.NotReproduced;
            if (outcomeOf == ObservationCalibration.Matched) matched++;
            if (outcomeOf == ObservationCalibration.NotReproduced) notReproduced++;
            constants.Add(new CalibrationConstant(o.Id, [.. o.Elements.Distinct()], o.Commodity, chosen.Constants[i])
            {
                DualPerTonne = st.Dual,
                Clamped = st.EverClamped,
                Outcome = outcomeOf,
            });
        }

        var all = matched == observations.Length;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{matched} of {observations.Length} observation(s) within tolerance after calibration ({beforeRows.Count(r => r.WithinTolerance)} before); {notReproduced} not reproduced by the constants, {observations.Length - matched - notReproduced} unattainable or of one period; {rounds} verified solve(s) of the calibrated scenario.");
        return new CalibrationResult
        {
            Status = all ? CalibrationStatus.Calibrated : CalibrationStatus.Partial,
            Message = message,
            Calibrated = chosen.Scenario,
            Constants = constants.MoveToImmutable(),
            Before = beforeRows,
            After = chosen.After,
            AfterPlan = chosen.Plan,
            Rounds = rounds,
            SlackPenaltyPerTonne = penalty,
        };
    }

    /// <summary>
    /// An upper bound on the cost per tonne of any path: the dearest tariff of every route, the dearest
    /// handling at every location and the dearest supply, added up (at least 1).
    /// </summary>
    internal static double PathCostBound(Scenario scenario)
    {
        var sum = 0.0;
        foreach (var r in scenario.Network.Routes)
        {
            sum += r.CostPerTonne.Keys.Select(k => Math.Abs(scenario.RouteCostPerTonne(r, k))).DefaultIfEmpty(0).Max();
        }

        foreach (var l in scenario.Network.Locations)
        {
            sum += scenario.Network.Commodities.Select(c => Math.Abs(scenario.HandlingCostPerTonne(l, c.Id))).DefaultIfEmpty(0).Max();
        }

        sum += scenario.Supplies.Select(x => Math.Abs(x.CostPerTonne)).DefaultIfEmpty(0).Max();
        return Math.Max(1, sum);
    }

    private static CalibrationResult Failed(string message) => new() { Status = CalibrationStatus.Failed, Message = message };

    private static (int, double) Score(ImmutableArray<ObservationComparison> rows, ObservationState[] state)
    {
        var matched = rows.Count(r => r.WithinTolerance);
        var miss = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (state[i].Outcome is ObservationCalibration.Unattainable or ObservationCalibration.PeriodNotSupported) continue;
            miss += Math.Abs(rows[i].Difference) / Math.Max(1, rows[i].ObservedAnnualTonnes);
        }

        return (matched, -miss);
    }

    internal readonly record struct ObservationRow(int Row, int Below, int Above, double Target);

    /// <summary>
    /// Adds a row per observation (null for one of a single period of several): its tonnes, summed as
    /// <see cref="ObservationReport.Compare"/> sums them, in the band, with penalised slack on both sides.
    /// </summary>
    internal static ObservationRow?[] AddObservationRows(Scenario scenario, FreightModel model, double band, double penalty)
    {
        var problem = model.Problem;
        var s = model.Scaling;
        var network = scenario.Network;
        var periods = scenario.Horizon.Periods;
        var rows = new ObservationRow?[scenario.Observations.Length];
        var slackCost = penalty * s.TonneUnit / s.MoneyUnit;
        for (var i = 0; i < rows.Length; i++)
        {
            var o = scenario.Observations[i];
            if (o.Period is not null && periods.Length > 1) continue;
            var years = o.Period is { } p ? periods.First(x => x.Id == p).YearFraction : scenario.Horizon.Years;
            var target = o.AnnualTonnes * years / s.TonneUnit;
            var width = band * o.Tolerance * target;
            var row = problem.AddRow(target - width, target + width, $"obs_{i}");
            var below = problem.AddVariable(0, double.PositiveInfinity, slackCost, false, $"obs_{i}_below");
            var above = problem.AddVariable(0, double.PositiveInfinity, slackCost, false, $"obs_{i}_above");
            problem.AddTerm(row, below, 1);
            problem.AddTerm(row, above, -1);
            var coefficients = new Dictionary<int, double>();
            bool Counts(int commodity) => o.Commodity is null || o.Commodity == network.Commodities[commodity].Id;
            foreach (var f in model.Flows)
            {
                if (!Counts(f.Commodity)) continue;
                var route = network.Routes[f.Route];
                var times = o.Elements.Count(e => e.Route == route.Id) + o.Elements.Count(e => e.Location == route.To);
                if (times > 0) coefficients[f.Variable] = coefficients.GetValueOrDefault(f.Variable) + times;
            }

            foreach (var v in model.Supplies)
            {
                if (!Counts(v.Commodity)) continue;
                var location = network.Locations[v.Location].Id;
                var times = o.Elements.Count(e => e.Location == location);
                if (times > 0) coefficients[v.Variable] = coefficients.GetValueOrDefault(v.Variable) + times;
            }

            foreach (var (variable, coefficient) in coefficients) problem.AddTerm(row, variable, coefficient);
            rows[i] = new ObservationRow(row, below, above, target);
        }

        return rows;
    }

    /// <summary>The (element, commodity) pairs an observation's constant adjusts, with how often each element is listed.</summary>
    private static IEnumerable<(NetworkElement Element, CommodityId Commodity, int Times)> Scope(Scenario scenario, Observation o)
    {
        foreach (var group in o.Elements.GroupBy(e => e))
        {
            var element = group.Key;
            IEnumerable<CommodityId> commodities = element.Route is { } r && scenario.Network.TryGetRoute(r, out var route) ? route.CostPerTonne.Keys
                : element.Location is { } l && scenario.Network.TryGetLocation(l, out var location) ? scenario.Network.Commodities.Select(c => c.Id).Where(location.Handles)
                : [];
            foreach (var k in commodities.Where(k => o.Commodity is null || o.Commodity == k)) yield return (element, k, group.Count());
        }
    }

    private static double BaseCost(Scenario scenario, NetworkElement element, CommodityId commodity) =>
        element.Route is { } r ? scenario.RouteCostPerTonne(scenario.Network.GetRoute(r), commodity)
            : scenario.HandlingCostPerTonne(scenario.Network.GetLocation(element.Location!.Value), commodity);

    /// <summary>
    /// Keeps every adjusted cost at or above 0: positive constants first, then the negative ones in
    /// scenario order, each raised to what the costs it adjusts still allow.
    /// </summary>
    private static bool[] Clamp(Scenario scenario, ImmutableArray<Observation> observations, ObservationState[] state)
    {
        var clamped = new bool[state.Length];
        var cost = new Dictionary<(NetworkElement, CommodityId), double>();
        double Cost(NetworkElement e, CommodityId k) => cost.TryGetValue((e, k), out var c) ? c : BaseCost(scenario, e, k);
        void Apply(int i)
        {
            foreach (var (e, k, times) in Scope(scenario, observations[i])) cost[(e, k)] = Cost(e, k) + (times * state[i].Constant);
        }

        for (var i = 0; i < state.Length; i++)
        {
            if (state[i].Constant > 0) Apply(i);
        }

        for (var i = 0; i < state.Length; i++)
        {
            if (state[i].Constant >= 0) continue;
            foreach (var (e, k, times) in Scope(scenario, observations[i]))
            {
                var floor = -Cost(e, k) / times;
                if (state[i].Constant < floor)
                {
                    state[i].Constant = Math.Min(0, floor);
                    clamped[i] = true;
                }
            }

            Apply(i);
        }

        return clamped;
    }

    /// <summary>The cost adjustments of the constants: one per distinct element of each observation with a constant.</summary>
    private static IEnumerable<CostAdjustment> Adjustments(Scenario scenario, ImmutableArray<Observation> observations, ObservationState[] state)
    {
        for (var i = 0; i < observations.Length; i++)
        {
            var constant = state[i].Constant;
            if (constant == 0) continue;
            var o = observations[i];
            foreach (var group in o.Elements.GroupBy(e => e))
            {
                // A commodity-specific constant only where the element carries or handles the commodity (elsewhere nothing of it is counted).
                if (!Scope(scenario, o).Any(x => x.Element == group.Key)) continue;
                yield return new CostAdjustment(group.Key, group.Count() * constant)
                {
                    Commodity = o.Commodity,
                    Observation = o.Id,
                    Source = Source,
                    Notes = string.Create(CultureInfo.InvariantCulture, $"Calibration constant of observation '{o.Id}' ({o.AnnualTonnes:0.###} t/yr observed)."),
                };
            }
        }
    }

    private sealed class ObservationState
    {
        public double Dual { get; init; }

        public double Constant { get; set; }

        public ObservationCalibration Outcome { get; init; }

        public double Step { get; set; }

        public int Direction { get; set; }

        public bool EverClamped { get; set; }
    }

    private sealed record Candidate(Scenario Scenario, AllocationPlan Plan, ImmutableArray<ObservationComparison> After, ImmutableArray<double> Constants, (int, double) Score);
}
