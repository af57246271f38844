namespace FreightOptimizer.Formulation;

/// <summary>The CO2 cap of a scenario (docs/design.md, "The model"): one row over every flow.</summary>
internal sealed partial class FreightModelBuilder
{
    private int _co2CapRow = -1;
    private double _co2Unit = 1;

    /// <summary>The CO2 cap, in units of a power of ten near the cap so the row's numbers stay near 1.</summary>
    /// <remarks>Σ_{a,k,t} co2[a]·x[a,k,t] ≤ cap, where co2[a] = factor[a] · km[a] / 10^6 tonnes of CO2e per tonne.</remarks>
    private void AddCo2Cap()
    {
        if (_scenario.Co2CapTonnes is not { } cap) return;
        // In the scenario's own units (an export with ModelUnits.Scenario) the row counts tonnes too.
        _co2Unit = cap > 0 && _scaling != ModelScaling.Identity ? Math.Max(PowerOfTen(cap), 1e-6) : 1;
        _co2CapRow = _problem.AddRow(double.NegativeInfinity, cap / _co2Unit, ModelNames.Co2Cap);
        var any = false;
        foreach (var f in _flows)
        {
            var co2 = _scenario.Co2TonnesPerTonne(_routes[f.Route]);
            if (co2 == 0) continue;
            _problem.AddTerm(_co2CapRow, f.Variable, co2 * _scaling.TonneUnit / _co2Unit);
            any = true;
        }

        if (!any) AnchorEmptyRow(_co2CapRow);
    }
}
