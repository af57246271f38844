namespace FreightOptimizer;

/// <summary>
/// The generalised cost and the CO2 cap: the time and carbon parts of each flow's cost, the plan's
/// emissions against the cap and against its own activity figures, and the cap's price γ ≥ 0 in the
/// certificate (a flow's reduced cost gains γ·co2[a], the dual objective −γ·cap).
/// </summary>
internal sealed partial class VerificationRun
{
    /// <summary>Tonnes of CO2e per tonne moved, by route.</summary>
    private double[] _co2PerTonne = [];

    /// <summary>Holding cost per tonne in transit by r·K + k.</summary>
    private double[] _transitCost = [];

    /// <summary>Carbon cost per tonne, by route.</summary>
    private double[] _carbonCost = [];

    private NeumaierSum _transitTime;
    private NeumaierSum _carbon;
    private NeumaierSum _co2;
    private NeumaierSum _tonneKm;
    private NeumaierSum _tonneDays;
    private double _gamma;

    /// <summary>Reads the per-route emissions and the time and carbon costs from the scenario.</summary>
    private void IndexGeneralisedCost()
    {
        _co2PerTonne = new double[_routes.Length];
        _carbonCost = new double[_routes.Length];
        _transitCost = new double[_routes.Length * CommodityCount];
        for (var r = 0; r < _routes.Length; r++)
        {
            _co2PerTonne[r] = _scenario.Co2TonnesPerTonne(_routes[r]);
            _carbonCost[r] = _scenario.CarbonCostPerTonne(_routes[r]);
            for (var k = 0; k < CommodityCount; k++)
            {
                _transitCost[(r * CommodityCount) + k] = _scenario.TransitCostPerTonne(_routes[r], _commodities[k]);
            }
        }
    }

    /// <summary>Adds a flow's route cost to the cost parts: tariff (the cost less the surcharges), time and carbon; and its activity.</summary>
    private void AddRouteCost(int r, int k, double cost, double tonnes)
    {
        var time = _transitCost[(r * CommodityCount) + k];
        var carbon = _carbonCost[r];
        _transport.Add((cost - time - carbon) * tonnes);
        _transitTime.Add(time * tonnes);
        _carbon.Add(carbon * tonnes);
        _co2.Add(_co2PerTonne[r] * tonnes);
        var route = _routes[r];
        _tonneKm.Add((route.DistanceKm ?? 0) * tonnes);
        _tonneDays.Add((route.TransitDays ?? 0) * tonnes);
    }

    /// <summary>The CO2 cap, and the plan's activity totals against its flows.</summary>
    private void CheckCo2()
    {
        var co2 = _co2.Value;
        if (_scenario.Co2CapTonnes is { } cap && Violates(co2 - cap, Math.Max(cap, co2)))
        {
            _feasibility.Add(VerificationCheck.Co2, "CO2 cap", co2 - cap,
                $"The plan's flows emit {F(co2)} t CO2e; the cap is {F(cap)} t.");
        }

        if (_plan.Activity?.Total is not { } total) return;
        Compare("CO2e (t)", co2, total.Co2Tonnes);
        Compare("tonne-km", _tonneKm.Value, total.TonneKm);
        Compare("tonne-days", _tonneDays.Value, total.TonneDays);

        void Compare(string what, double recomputed, double reported)
        {
            var difference = Math.Abs(recomputed - reported);
            if (double.IsNaN(difference) || difference > _options.ObjectiveTolerance * Math.Max(1, Math.Max(Math.Abs(recomputed), Math.Abs(reported))))
            {
                _objective.Add(VerificationCheck.Co2, $"activity, {what}", difference,
                    $"The plan reports {F(reported)} {what} in all; its flows give {F(recomputed)}.");
            }
        }
    }

    /// <summary>Reads the CO2 cap's price γ; names a price of a cap the scenario does not have.</summary>
    private void ReadCo2CapPrice(PlanPrices prices)
    {
        _gamma = 0;
        if (prices.Co2Cap is not { } gamma) return;
        if (!double.IsFinite(gamma))
        {
            _certificate.Add(VerificationCheck.DualFeasibility, "CO2 cap", double.PositiveInfinity, $"The CO2 cap's price {F(gamma)} is not a number.");
        }
        else if (_scenario.Co2CapTonnes is null)
        {
            if (Math.Abs(gamma) > _options.DualTolerance)
            {
                _certificate.Add(VerificationCheck.DualFeasibility, "CO2 cap", Math.Abs(gamma),
                    $"The plan prices a CO2 cap at {F(gamma)} per tonne, but the scenario has no cap.");
            }
        }
        else
        {
            _gamma = gamma;
        }
    }

    /// <summary>The sign of γ, complementary slackness of the cap, and its term −γ·cap of the dual objective.</summary>
    private void CheckCo2CapPrice(ref NeumaierSum dual)
    {
        if (_scenario.Co2CapTonnes is not { } cap) return;
        if (_gamma < -_options.DualTolerance * _priceScale)
        {
            _certificate.Add(VerificationCheck.DualFeasibility, "CO2 cap", -_gamma, $"The CO2 cap's price is {F(_gamma)}; it must be ≥ 0.");
        }

        var slack = cap - _co2.Value;
        if (_gamma > _options.DualTolerance && slack > _options.FeasibilityTolerance * Math.Max(1, cap) && _gamma * slack > _complementarityAllowance)
        {
            _certificate.Add(VerificationCheck.ComplementarySlackness, "CO2 cap", _gamma * slack,
                $"The CO2 cap's price is {F(_gamma)} per tonne, but {F(slack)} t of the cap is unused.");
        }

        dual.Add(-_gamma * cap);
    }
}
