using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FreightOptimizer.Analysis;

/// <summary>How <see cref="Calibration.Calibrate"/> solves and searches.</summary>
public sealed class CalibrationOptions
{
    /// <summary>
    /// The LP engine of the solve with the observations imposed, whose duals are the constants: one that
    /// returns duals (<see cref="SolverEngine.Clp"/>, the default, <see cref="SolverEngine.Glop"/> or
    /// <see cref="SolverEngine.Pdlp"/>).
    /// </summary>
    public SolverEngine Engine { get; set; } = SolverEngine.Clp;

    /// <summary>
    /// How the before and after plans are solved (through the verified <c>FreightPlanner.Optimize</c>);
    /// null for the defaults. Verification is always on.
    /// </summary>
    public SolveOptions? Solve { get; set; }

    /// <summary>
    /// The share of each observation's tolerance used as the target band: with 0.5 (the default) and a
    /// tolerance of 0.25, the imposed band is observed × (1 ± 0.125), so that the calibrated optimum has
    /// room inside the tolerance. 0 imposes the observed value itself. From 0 to 1.
    /// </summary>
    public double TargetBand { get; set; } = 0.5;

    /// <summary>
    /// How many rounds of nudging may follow the first calibrated solve when some observation is still
    /// outside its tolerance there (the calibrated costs leave ties; see <see cref="Calibration"/>). 0
    /// takes the duals as they are. Default 12.
    /// </summary>
    public int MaxNudgeRounds { get; set; } = 12;
}

/// <summary>How a calibration ended.</summary>
public enum CalibrationStatus
{
    /// <summary>The calibrated scenario's optimum matches every observation within its tolerance.</summary>
    Calibrated = 1,

    /// <summary>A calibrated scenario was built, but some observation is outside its tolerance there (see the constants' outcomes).</summary>
    Partial = 2,

    /// <summary>No calibrated scenario: a solve found no optimal plan or the engine gave no duals (see the message).</summary>
    Failed = 3,
}

/// <summary>What calibration did for one observation.</summary>
public enum ObservationCalibration
{
    /// <summary>The calibrated optimum matches the observation within its tolerance (whatever the target band needed).</summary>
    Matched = 1,

    /// <summary>
    /// The observation can be met, but the calibrated optimum does not meet it: the cost constants leave
    /// a tie no nudge resolved, or a negative constant was held at the cost it would take below 0.
    /// </summary>
    NotReproduced = 2,

    /// <summary>
    /// Only the penalised slack met the observation's target band in the solve with the observations
    /// imposed (no plan of the scenario carries those tonnes there together with the other targets), and
    /// the calibrated optimum is outside its tolerance. No constant is applied for it.
    /// </summary>
    Unattainable = 3,

    /// <summary>
    /// The observation is of one period of a horizon of several, and the calibrated optimum is outside
    /// its tolerance; a cost adjustment applies to every period, so it cannot calibrate one. No constant
    /// is applied for it.
    /// </summary>
    PeriodNotSupported = 4,
}

/// <summary>
/// One calibration constant: the amount per tonne added to the tariff of every route and the handling
/// cost of every location of an observation (for its commodity, or every commodity), and what came of it.
/// </summary>
/// <param name="Observation">The observation's id.</param>
/// <param name="Elements">The observation's routes and locations, each adjusted by <paramref name="CostPerTonne"/>.</param>
/// <param name="Commodity">The commodity adjusted, or null for every commodity.</param>
/// <param name="CostPerTonne">The constant per tonne, in the scenario's currency (positive makes the elements dearer).</param>
public sealed record CalibrationConstant(string Observation, ImmutableArray<NetworkElement> Elements, CommodityId? Commodity, double CostPerTonne)
{
    /// <summary>
    /// The constant the duals of the solve with the observations imposed gave, before any nudge or
    /// clamp (the negated dual of the observation's row, per tonne).
    /// </summary>
    public double DualPerTonne { get; init; }

    /// <summary>
    /// Whether the constant, in the first solve or in a nudge, had to be raised to keep an adjusted cost
    /// at or above 0 (the observation asked for more of a subsidy than the cost it adjusts).
    /// </summary>
    public bool Clamped { get; init; }

    /// <summary>What calibration did for the observation.</summary>
    public ObservationCalibration Outcome { get; init; }

    /// <summary>Equal when every field is equal, the elements in order.</summary>
    /// <param name="other">The other constant.</param>
    /// <returns>Whether the two have the same content.</returns>
    public bool Equals(CalibrationConstant? other) =>
        other is not null && Observation == other.Observation && Elements.SequenceEqual(other.Elements)
        && Commodity == other.Commodity && CostPerTonne.Equals(other.CostPerTonne) && DualPerTonne.Equals(other.DualPerTonne)
        && Clamped == other.Clamped && Outcome == other.Outcome;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Observation, Commodity, CostPerTonne, Outcome);
}

/// <summary>The outcome of <see cref="Calibration.Calibrate"/>.</summary>
public sealed record CalibrationResult
{
    /// <summary>How it ended.</summary>
    public required CalibrationStatus Status { get; init; }

    /// <summary>What happened, in a sentence or two.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The calibrated scenario: the input with its earlier calibration adjustments replaced by the
    /// constants (<see cref="Scenario.CostAdjustments"/> with source <c>calibration</c>), investments
    /// and budget kept; null when the calibration failed.
    /// </summary>
    public Scenario? Calibrated { get; init; }

    /// <summary>One constant per observation, in scenario order (0 for an observation met without one).</summary>
    public ImmutableArray<CalibrationConstant> Constants { get; init; } = [];

    /// <summary>The observations against the as-was optimum of the input (no investments).</summary>
    public ImmutableArray<ObservationComparison> Before { get; init; } = [];

    /// <summary>The observations against the verified as-was optimum of the calibrated scenario, without the observations imposed.</summary>
    public ImmutableArray<ObservationComparison> After { get; init; } = [];

    /// <summary>The as-was plan of the calibrated scenario, or null.</summary>
    public AllocationPlan? AfterPlan { get; init; }

    /// <summary>How many verified solves of the calibrated scenario were made (1 plus the nudge rounds).</summary>
    public int Rounds { get; init; }

    /// <summary>The penalty per tonne of slack that was put on the observation rows.</summary>
    public double SlackPenaltyPerTonne { get; init; }

    /// <summary>
    /// The result as plain text for a console: the message, then one line per observation with the
    /// modelled tonnes before and after, the observed tonnes and tolerance, the constant per tonne and
    /// the outcome. Tonnes are shown in the unit the largest observation needs (t, kt or Mt per year).
    /// </summary>
    /// <param name="currency">The currency of the constants (the scenario's).</param>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public string ToText(string currency = "RUB")
    {
        var largest = Before.Concat(After).Select(r => Math.Max(r.ObservedAnnualTonnes, r.ModelledAnnualTonnes)).DefaultIfEmpty(0).Max();
        var (unit, divisor) = largest >= 1e6 ? ("Mt", 1e6) : largest >= 1e3 ? ("kt", 1e3) : ("t", 1.0);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder().Append(Status).Append(": ").Append(Message).Append('\n');
        if (Constants.IsDefaultOrEmpty) return text.ToString();
        var width = Math.Max(11, Constants.Max(c => c.Observation.Length));
        text.Append(inv, $"{"observation".PadRight(width)}  {"before",8}  {"after",8}  {"observed",8}  {"tol.",5}  {currency + "/t",10}  outcome ({unit}/yr)\n");
        for (var i = 0; i < Constants.Length; i++)
        {
            var c = Constants[i];
            string Tonnes(ImmutableArray<ObservationComparison> rows) => i < rows.Length ? (rows[i].ModelledAnnualTonnes / divisor).ToString("0.00", inv) : "-";
            var observed = i < Before.Length ? Before[i].ObservedAnnualTonnes : i < After.Length ? After[i].ObservedAnnualTonnes : double.NaN;
            var tolerance = i < Before.Length ? Before[i].Tolerance : i < After.Length ? After[i].Tolerance : double.NaN;
            text.Append(inv, $"{c.Observation.PadRight(width)}  {Tonnes(Before),8}  {Tonnes(After),8}  {(observed / divisor).ToString("0.00", inv),8}  {tolerance.ToString("P0", inv),5}  {c.CostPerTonne.ToString("+0.00;-0.00;0", inv),10}  {c.Outcome}{(c.Clamped ? " (clamped)" : "")}\n");
        }

        return text.ToString();
    }
}
