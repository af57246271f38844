
namespace FreightOptimizer.Formulation;

/// <summary>
/// One supply or demand line in one period where it applies: <see cref="Tonnes"/> = annual tonnes ×
/// year fraction (× growth factor in a multi-year horizon), and whether the line's location is open then.
/// </summary>
internal readonly record struct LineInPeriod(int Line, int Location, int Commodity, int Period, double Tonnes, bool LocationOpen);

/// <summary>
/// Expands a scenario's supply and demand lines over its periods, in line order and then period
/// order (the order in which the formulations number their variables). The one place that decides
/// which line applies in which period, so the LP and the network-flow formulations agree.
/// </summary>
internal static class LineExpansion
{
    /// <summary>Supply lines in the periods they apply to, at locations open in that period (no supply is used at a closed one).</summary>
    public static IEnumerable<LineInPeriod> Supplies(Scenario scenario)
    {
        var periods = scenario.Horizon.Periods;
        for (var line = 0; line < scenario.Supplies.Length; line++)
        {
            var supply = scenario.Supplies[line];
            var n = scenario.Network.IndexOf(supply.Location);
            var k = scenario.Network.IndexOf(supply.Commodity);
            for (var t = 0; t < periods.Length; t++)
            {
                if (!Scenario.AppliesIn(supply.Period, periods[t].Id) || !scenario.IsOpen(supply.Location, periods[t].Id)) continue;
                yield return new LineInPeriod(line, n, k, t, MultiYear.SupplyTonnes(scenario, supply, t), true); // annual × fraction, grown in a multi-year horizon
            }
        }
    }

    /// <summary>Demand lines in the periods they apply to and want tonnes in; <see cref="LineInPeriod.LocationOpen"/> says whether they can be served.</summary>
    public static IEnumerable<LineInPeriod> Demands(Scenario scenario)
    {
        var periods = scenario.Horizon.Periods;
        for (var line = 0; line < scenario.Demands.Length; line++)
        {
            var demand = scenario.Demands[line];
            var n = scenario.Network.IndexOf(demand.Location);
            var k = scenario.Network.IndexOf(demand.Commodity);
            for (var t = 0; t < periods.Length; t++)
            {
                if (!Scenario.AppliesIn(demand.Period, periods[t].Id)) continue;
                var tonnes = MultiYear.DemandTonnes(scenario, demand, t); // annual × fraction, grown in a multi-year horizon
                if (tonnes == 0) continue;
                yield return new LineInPeriod(line, n, k, t, tonnes, scenario.IsOpen(demand.Location, periods[t].Id));
            }
        }
    }
}
