using System.Globalization;
using System.Runtime.CompilerServices;

namespace FreightOptimizer.Formulation;

/// <summary>A flow network in integers, as the integer engines take it.</summary>
internal sealed class IntegerNetwork
{
    public required int NodeCount { get; init; }

    public required int[] Tail { get; init; }

    public required int[] Head { get; init; }

    /// <summary>Capacity in tonne quanta; <see cref="IntegerScaling.Unlimited"/> for none.</summary>
    public required long[] Capacity { get; init; }

    /// <summary>Cost in cost quanta (money per tonne).</summary>
    public required long[] Cost { get; init; }

    /// <summary>Supply (&gt; 0) or demand (&lt; 0) in tonne quanta; sums to 0.</summary>
    public required long[] Supply { get; init; }
}

/// <summary>
/// The integer scaling policy of the network-flow engines (docs/engines.md, "Integer scaling"): the
/// only way a float reaches them.
/// </summary>
/// <remarks>
/// <para>
/// Tonnes are counted in a tonne quantum q_t and money per tonne in a cost quantum q_c, both powers
/// of ten chosen from the data. First choice: the coarsest power of ten (from 10^15 down to 10^−12)
/// of which every quantity (demand, capacity, supply and unmet bound of the period) and every
/// positive unit cost is a whole, positive multiple up to floating-point noise (|v/q − round(v/q)| ≤
/// 8·10^−16 · v/q, and round(v/q) ≥ 1) — then the integer problem is the LP exactly. A positive
/// number is never "whole" at a quantum it rounds to 0 at: 1,000 t beside 10^12 t is 1 unit of
/// 10^3 t, not 0 units of 10^12 t. When no power of ten does that, or the exact choice does not fit
/// the budgets below, the policy rounds to the "safe" quantum, 10^⌊log10(10^−7 × the smallest
/// positive value)⌋, which moves every number by at most 5·10^−8 of itself.
/// </para>
/// <para>
/// Whatever the candidate, every number is converted and checked: one that would move by more than
/// <see cref="MaxRelativeRounding"/> (10^−6) of itself refuses the candidate. That is the verifier's
/// default tolerance (<c>VerifierOptions.FeasibilityTolerance</c> and <c>DualTolerance</c>, which
/// measure a row or a reduced cost relative to its own magnitude), so no rounding can by itself make
/// a constraint or a price fail verification, and a small demand or cost can never vanish beside a
/// large one.
/// </para>
/// <para>
/// Budgets, checked before any solve: max unit cost × (node count + 1) ≤ 2^60 (the engine's derived
/// big-M and its potentials stay below 2^62); total flow ≤ 2^60 and every capacity ≤ 2^61 (flows stay
/// below 2^62). A network that fits no candidate is not scaled: it goes to the LP engine under Auto,
/// an explicitly requested network-flow engine declines, and the reason says which budget failed at
/// the safe quantum, the coarsest that keeps the rounding within the verifier's tolerance. The total
/// cost is bounded by Σ over arcs of unit cost × min(capacity, total flow); a candidate where that
/// fits in 2^62 is preferred, so that the objective fits in int64 with headroom. Where only a finer
/// candidate keeps the rounding safe, the objective is summed in Int128 by our simplex (which
/// computes nothing else from it) and OR-Tools' MinCostFlow, whose objective is int64, declines
/// (<see cref="ObjectiveFitsInt64"/>).
/// </para>
/// <para>
/// Rounding error bound, in money, reported with every integer solve: 0 when exact; otherwise
/// P·E_t + 2·E_c, with P = (node count + 1) × max unit cost (no price of the LP exceeds the cost of a
/// path, penalty included), E_t = Σ |rounding| of every tonne quantity and E_c = Σ over arcs of
/// |cost rounding| × min(capacity, total flow). The LP optimum moves by at most P·E_t when its
/// right-hand sides move by E_t, and the plan's objective at the true costs differs from the rounded
/// optimum by at most E_c on each side. A rounded plan can therefore be feasible within the
/// verifier's tolerance and still miss the optimum by more than the verifier's duality-gap tolerance
/// when the objective is small beside P·E_t; that is why <c>FreightPlanner</c> verifies every plan of
/// an inexact scaling, even with <c>SolveOptions.Verify</c> off, and does not return a rejected one as
/// optimal.
/// </para>
/// </remarks>
internal sealed class IntegerScaling
{
    /// <summary>Capacity meaning "unlimited" (the engines' own value).</summary>
    public const long Unlimited = long.MaxValue;

    /// <summary>Max unit cost × (node count + 1) must not exceed this.</summary>
    public const long CostTimesNodesLimit = 1L << 60;

    /// <summary>The bound on the objective, Σ cost × min(capacity, total flow), must not exceed this.</summary>
    public const double TotalCostLimit = 4.611686018427388E+18; // 2^62

    /// <summary>Total flow must not exceed this.</summary>
    public const long TotalFlowLimit = 1L << 60;

    /// <summary>Finite capacities must not exceed this.</summary>
    public const long CapacityLimit = 1L << 61;

    /// <summary>The finest power of ten tried for exactness.</summary>
    private const int FinestExponent = -12;

    /// <summary>Inexact rounding keeps every number within this fraction of itself (half of it, in fact).</summary>
    private const double SafeRelativeQuantum = 1e-7;

    /// <summary>
    /// The most any number may move, relative to itself, at a chosen quantum: the verifier's default
    /// feasibility and dual tolerances (<c>VerifierDefaults</c>; a test keeps them equal), since a
    /// rounding larger than that could by itself fail verification. The safe quantum moves numbers by
    /// at most 5·10^−8 of themselves, 20 times less.
    /// </summary>
    public const double MaxRelativeRounding = 1e-6;

    /// <summary>How far v/q may be from a whole number, relative to v/q, and still count as whole: a few units in the last place.</summary>
    private const double WholeNoise = 8e-16;

    private IntegerScaling(int tonneExponent, int costExponent, bool exact, double bound, bool objectiveFitsInt64)
    {
        ObjectiveFitsInt64 = objectiveFitsInt64;
        TonneExponent = tonneExponent;
        CostExponent = costExponent;
        IsExact = exact;
        RoundingErrorBound = bound;
    }

    public int TonneExponent { get; }

    public int CostExponent { get; }

    /// <summary>Tonnes per flow unit.</summary>
    public double TonneQuantum => Math.Pow(10, TonneExponent);

    /// <summary>Money per tonne per cost unit.</summary>
    public double CostQuantum => Math.Pow(10, CostExponent);

    /// <summary>True when no number was rounded: the integer problem is the LP.</summary>
    public bool IsExact { get; }

    /// <summary>
    /// Whether Σ unit cost × min(capacity, total flow) fits in 2^62, so that any engine may sum the
    /// objective in int64. Our simplex sums it in Int128 and does not need this; OR-Tools' MinCostFlow does.
    /// </summary>
    public bool ObjectiveFitsInt64 { get; }

    /// <summary>How far the objective of an integer plan may be from the LP optimum, in money (0 when exact).</summary>
    public double RoundingErrorBound { get; }

    /// <summary>A sentence for the solve report.</summary>
    public string Describe()
    {
        var units = string.Create(CultureInfo.InvariantCulture, $"Integer scaling: 1 flow unit = 1e{TonneExponent} t, 1 cost unit = 1e{CostExponent} money/t; ");
        return units + (IsExact
            ? "every number is a whole multiple, so the integer problem is the LP exactly."
            : string.Create(CultureInfo.InvariantCulture, $"numbers were rounded, so the objective is within {RoundingErrorBound:G6} of the LP optimum."));
    }

    /// <summary>
    /// Chooses quanta for a network, checks that no number moves by more than <see cref="MaxRelativeRounding"/>
    /// of itself and that the budgets hold, and converts; false (with a reason) when it cannot be done safely.
    /// </summary>
    public static bool TryScale(FlowNetwork network, out IntegerScaling? scaling, out IntegerNetwork? integers, out string reason)
    {
        ArgumentNullException.ThrowIfNull(network);
        var tonnes = new List<double>();
        foreach (var v in network.NodeTonnes)
        {
            if (v < 0) tonnes.Add(-v);
        }

        foreach (var c in network.CapacityTonnes)
        {
            if (double.IsFinite(c) && c > 0) tonnes.Add(c);
        }

        var costs = new List<double>();
        foreach (var c in network.CostPerTonne)
        {
            if (c > 0) costs.Add(c);
        }

        var exactTonnes = ExactExponent(tonnes);
        var exactCost = ExactExponent(costs);
        var safeTonnes = SafeExponent(tonnes);
        var safeCost = SafeExponent(costs);
        var candidates = new List<(int Tonnes, int Cost)>();
        if (exactTonnes is { } et && exactCost is { } ec) candidates.Add((et, ec));
        if (exactTonnes is { } et2) candidates.Add((et2, Math.Max(safeCost, exactCost ?? int.MinValue)));
        if (exactCost is { } ec2) candidates.Add((Math.Max(safeTonnes, exactTonnes ?? int.MinValue), ec2));
        candidates.Add((Math.Max(safeTonnes, exactTonnes ?? int.MinValue), Math.Max(safeCost, exactCost ?? int.MinValue)));

        // First a candidate whose objective bound fits int64 too; failing that, one whose objective
        // only fits the Int128 our simplex sums it in (OR-Tools' MinCostFlow then declines).
        var distinct = candidates.Distinct().ToList();
        var reasons = new string[distinct.Count];
        foreach (var objectiveInInt64 in (bool[])[true, false])
        {
            for (var i = 0; i < distinct.Count; i++)
            {
                var (te, ce) = distinct[i];
                if (TryConvert(network, te, ce, objectiveInInt64, out integers, out var why, out var bound, out var fits))
                {
                    var exact = te == exactTonnes && ce == exactCost;
                    scaling = new IntegerScaling(te, ce, exact, exact ? 0 : bound, fits);
                    reason = "";
                    return true;
                }

                reasons[i] = why;
            }
        }

        // The last candidate is the safe one (or the exact one where that is coarser): the coarsest
        // rounding the policy allows, so its failure is the one to report.
        reason = string.Create(CultureInfo.InvariantCulture,
            $"no quantum this policy allows (every number whole, or rounded by at most 5e-8 of itself, inside the verifier's tolerance of {MaxRelativeRounding:G2}) works here: {reasons[^1]}");
        scaling = null;
        integers = null;
        return false;
    }

    /// <summary>The coarsest power of ten (down to 10^−12) at which every value is whole, or null.</summary>
    private static int? ExactExponent(List<double> values)
    {
        if (values.Count == 0) return 0;
        var max = values.Max();
        var top = Math.Min(15, (int)Math.Floor(Math.Log10(max)));
        for (var e = top; e >= FinestExponent; e--)
        {
            if (values.TrueForAll(v => IsWhole(v, e))) return e;
        }

        return null;
    }

    private static int SafeExponent(List<double> values) =>
        values.Count == 0 ? 0 : (int)Math.Floor(Math.Log10(values.Min() * SafeRelativeQuantum));

    /// <summary>
    /// Whether v (&gt; 0) is a whole, positive multiple of 10^e up to floating-point noise. The noise
    /// allowed is relative to v / 10^e alone: an absolute allowance (this policy once had 10^−9) lets
    /// 1,000 t count as 0 units of 10^12 t and 1 t as 0 units of 10^9 t, and the demand vanishes.
    /// </summary>
    private static bool IsWhole(double v, int e)
    {
        // A negative exponent multiplies by an exact power of ten instead of dividing by an inexact one.
        var r = e < 0 ? v * Math.Pow(10, -e) : v / Math.Pow(10, e);
        var whole = Math.Round(r);
        return whole >= 1 && Math.Abs(r - whole) <= WholeNoise * r;
    }

    /// <summary>
    /// Whether rounding v to <paramref name="rounded"/> moves it by more than <see cref="MaxRelativeRounding"/>
    /// of itself (floating-point noise aside).
    /// </summary>
    private static bool MovesTooFar(double v, double rounded) => Math.Abs(v - rounded) > MaxRelativeRounding * Math.Abs(v);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryConvert(FlowNetwork network, int tonneExponent, int costExponent, bool objectiveInInt64, out IntegerNetwork? integers, out string reason, out double bound, out bool objectiveFits)
    {
        integers = null;
        bound = 0;
        objectiveFits = false;
        var tq = Math.Pow(10, tonneExponent);
        var cq = Math.Pow(10, costExponent);
        var n = network.NodeCount;
        var m = network.ArcCount;
        var tonneError = 0.0;
        var costError = 0.0;

        // Demands first, each rounded; every source then sends exactly what its demands take.
        var supply = new long[n];
        var total = Int128.Zero;
        for (var v = 0; v < n; v++)
        {
            var d = -network.NodeTonnes[v];
            if (d <= 0) continue;
            var units = Math.Round(d / tq);
            if (units > TotalFlowLimit)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"a demand of {d:G6} t is {units:G3} flow units of 1e{tonneExponent} t, above the 2^60 budget");
                return false;
            }

            if (MovesTooFar(d, units * tq))
            {
                reason = TooFar("a demand", d, "t", units, tonneExponent, "t");
                return false;
            }

            tonneError += Math.Abs(d - (units * tq));
            supply[v] = -(long)units;
            supply[network.NodeSource[v]] += (long)units;
            total += (long)units;
        }

        if (total > TotalFlowLimit)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the total flow is {total} units of 1e{tonneExponent} t, above the 2^60 budget");
            return false;
        }

        var flow = (long)total;
        var capacity = new long[m];
        var cost = new long[m];
        var maxCost = 0L;
        var maxCostReal = 0.0;
        var totalCost = 0.0;
        for (var a = 0; a < m; a++)
        {
            var cap = network.CapacityTonnes[a];
            if (double.IsPositiveInfinity(cap))
            {
                capacity[a] = Unlimited;
            }
            else
            {
                var units = Math.Round(cap / tq);
                if (units > CapacityLimit)
                {
                    reason = string.Create(CultureInfo.InvariantCulture, $"a capacity of {cap:G6} t is {units:G3} units of 1e{tonneExponent} t, above the 2^61 budget");
                    return false;
                }

                if (MovesTooFar(cap, units * tq))
                {
                    reason = TooFar("a capacity or supply", cap, "t", units, tonneExponent, "t");
                    return false;
                }

                tonneError += Math.Abs(cap - (units * tq));
                capacity[a] = (long)units;
            }

            var c = network.CostPerTonne[a];
            var costUnits = Math.Round(c / cq);
            if (costUnits > CostTimesNodesLimit)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"a unit cost of {c:G6} is {costUnits:G3} units of 1e{costExponent}, above the 2^60 budget");
                return false;
            }

            if (MovesTooFar(c, costUnits * cq))
            {
                reason = TooFar("a unit cost", c, "money/t", costUnits, costExponent, "money/t");
                return false;
            }

            cost[a] = (long)costUnits;
            maxCost = Math.Max(maxCost, cost[a]);
            maxCostReal = Math.Max(maxCostReal, c);
            var reach = Math.Min(capacity[a], flow);
            totalCost += (double)cost[a] * reach;
            costError += Math.Abs(c - (costUnits * cq)) * reach * tq;
        }

        if ((Int128)maxCost * (n + 1) > CostTimesNodesLimit)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the largest unit cost ({maxCost} units of 1e{costExponent}) × (nodes + 1 = {n + 1}) exceeds the 2^60 budget");
            return false;
        }

        objectiveFits = totalCost <= TotalCostLimit;
        if (objectiveInInt64 && !objectiveFits)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the cost bound Σ unit cost × min(capacity, total flow) = {totalCost:G3} units exceeds the 2^62 budget");
            return false;
        }

        bound = ((n + 1) * maxCostReal * tonneError) + (2 * costError);
        integers = new IntegerNetwork { NodeCount = n, Tail = network.Tail, Head = network.Head, Capacity = capacity, Cost = cost, Supply = supply };
        reason = "";
        return true;
    }

    private static string TooFar(string what, double value, string unit, double units, int exponent, string quantumUnit) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what} of {value:G6} {unit} would be {units:G6} units of 1e{exponent} {quantumUnit}, moving it by {Math.Abs(value - (units * Math.Pow(10, exponent))) / value:G3} of itself, more than the verifier's tolerance of {MaxRelativeRounding:G2}");
}
