
namespace FreightOptimizer.Formulation;

/// <summary>
/// The one place where the bounds of the strong linking inequalities are derived from the data
/// (the x_k ≤ min(d_k, u)·y of fixed-charge network design, generalised to every kind of option). Every number the
/// inequalities use comes from here, in tonnes of one period.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reach.</b> reach[k,t] = min(Σ supply of k available in t, Σ demand of k wanted in t), both
/// counted at locations open in t (annual tonnes × year fraction). It bounds the tonnes of k that
/// any one route carries, or any one location handles, in t in some optimal plan: costs and
/// penalties are never negative (the validator sees to it), so a flow cycle can be removed from any
/// plan without raising its cost or breaking a balance, capacity, demand or budget row; what is left
/// of commodity k decomposes into paths from supply used to demand served, and a path passes a route
/// or a location at most once. The one row a cycle can be needed for is a minimum flow, so in a
/// period where some usable route has a minimum flow the reach of every commodity is unbounded (∞).
/// </para>
/// <para>
/// <b>Terms.</b> For a capacitated target (route or location) in period t with base capacity B
/// (= f[t]·α·cap tonnes) and options i adding a_i = f[t]·α·add_i tonnes per unit, at most M_i units:
/// the flow (or throughput) of k is at most min(r, B) + Σ_i c_i·v_i, with r = reach[k,t] and
/// <list type="bullet">
/// <item>an option with a build indicator z_i ∈ {0,1} (every Binary option, where z = y, and options
/// in groups or with prerequisites): c_i = min(r, a_i·M_i) on z_i;</item>
/// <item>a Modular option without an indicator: c_i = min(r, a_i) on its units y_i, valid because
/// min(r, a·y) ≤ min(r, a)·y for every whole y ≥ 0;</item>
/// <item>a Continuous option: c_i = a_i on y_i (nothing linear is tighter).</item>
/// </list>
/// Each is at least min(r, a_i·y_i), and min(r, ·) is subadditive, so the right-hand side is at least
/// min(r, B + Σ a_i·y_i): an optimal plan without cycles satisfies every row. The rows are therefore
/// valid for the optimum, not for every feasible plan: they may cut off plans with pointless cycles,
/// which is why prices come from the plain model (docs/design.md, "The model"), never from one with these rows.
/// </para>
/// <para>
/// A row is only worth adding when the reach truncates something: r &lt; B + Σ a_i·M_i. Otherwise it
/// is implied by the capacity row (exactly for Binary options, up to the indicator for others).
/// </para>
/// </remarks>
internal sealed class LinkingBounds
{
    private readonly double[] _reach;
    private readonly int _periodCount;

    private LinkingBounds(double[] reach, int periodCount)
    {
        _reach = reach;
        _periodCount = periodCount;
    }

    /// <summary>Derives the reach of every commodity in every period from a validated scenario.</summary>
    public static LinkingBounds From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var commodities = scenario.Network.Commodities;
        var periods = scenario.Horizon.Periods;
        var supply = new double[commodities.Length * periods.Length];
        var demand = new double[supply.Length];
        for (var t = 0; t < periods.Length; t++)
        {
            var period = periods[t];
            foreach (var line in scenario.Supplies)
            {
                if (!Scenario.AppliesIn(line.Period, period.Id) || !scenario.IsOpen(line.Location, period.Id)) continue;
                if (scenario.Network.TryGetCommodityIndex(line.Commodity, out var k)) supply[(k * periods.Length) + t] += MultiYear.SupplyTonnes(scenario, line, t);
            }

            foreach (var line in scenario.Demands)
            {
                if (!Scenario.AppliesIn(line.Period, period.Id) || !scenario.IsOpen(line.Location, period.Id)) continue;
                if (scenario.Network.TryGetCommodityIndex(line.Commodity, out var k)) demand[(k * periods.Length) + t] += MultiYear.DemandTonnes(scenario, line, t);
            }
        }

        var reach = new double[supply.Length];
        for (var t = 0; t < periods.Length; t++)
        {
            var circulationPossible = scenario.Network.Routes.Any(r =>
                r.MinAnnualTonnes is > 0 && scenario.IsUsable(r, periods[t].Id));
            for (var k = 0; k < commodities.Length; k++)
            {
                var key = (k * periods.Length) + t;
                reach[key] = circulationPossible ? double.PositiveInfinity : Math.Min(supply[key], demand[key]);
            }
        }

        return new LinkingBounds(reach, periods.Length);
    }

    /// <summary>reach[k,t] in tonnes: the most of commodity k that one route or location needs to pass in period t (∞ when unbounded).</summary>
    public double Reach(int commodity, int period) => _reach[(commodity * _periodCount) + period];

    /// <summary>The constant of the row: min(r, B).</summary>
    public static double BaseTerm(double reach, double baseTonnes) => Math.Min(reach, baseTonnes);

    /// <summary>
    /// The coefficient c_i of an option's variable: on its indicator min(r, a·M); on the units of a
    /// Modular option without indicator min(r, a); on the units of a Continuous option a.
    /// </summary>
    /// <param name="reach">r in tonnes.</param>
    /// <param name="tonnesPerUnit">a: tonnes one unit adds in the period.</param>
    /// <param name="option">The option.</param>
    /// <param name="onIndicator">Whether the coefficient multiplies a build indicator (for Binary options, the units themselves).</param>
    public static double OptionTerm(double reach, double tonnesPerUnit, InvestmentOption option, bool onIndicator)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (onIndicator) return Math.Min(reach, tonnesPerUnit * option.UnitLimit);
        return option.Kind == InvestmentKind.Continuous ? tonnesPerUnit : Math.Min(reach, tonnesPerUnit);
    }

    /// <summary>Whether a row truncates anything: r &lt; B + Σ a_i·M_i.</summary>
    public static bool IsWorthAdding(double reach, double baseTonnes, double maxAddedTonnes) =>
        reach < baseTonnes + maxAddedTonnes;
}
