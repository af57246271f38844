namespace FreightOptimizer;

/// <summary>The checks of the generalised cost and the CO2 cap (docs/scenario-format.md, "Generalised cost").</summary>
public static partial class ScenarioValidator
{
    /// <summary>The largest holding rate accepted, per year (1,000 %): above it a percentage was probably written as a whole number twice over.</summary>
    public const double MaxHoldingRatePerYear = 10;

    private sealed partial class Checker
    {
        private void CheckGeneralisedCost()
        {
            var commodities = _network.Commodities;
            for (var i = 0; i < commodities.Length; i++)
            {
                NonNegative(new Site("$.commodities", i, "valuePerTonne"), commodities[i].ValuePerTonne,
                    new Text("The value per tonne of", new Subject("commodity '{0}'", commodities[i].Id.Value)));
            }

            var routes = _network.Routes;
            for (var i = 0; i < routes.Length; i++)
            {
                NonNegative(new Site("$.routes", i, "co2GramsPerTonneKm"), routes[i].Co2GramsPerTonneKm,
                    new Text("The emission factor (gCO2e per tonne-km) of", new Subject("route '{0}'", routes[i].Id.Value)));
            }

            NonNegative(new Site("$.co2CapTonnes"), scenario.Co2CapTonnes, new Text("The CO2 cap (tonnes CO2e)"));
            var g = scenario.GeneralisedCost;
            if (g is not null)
            {
                if (g.HoldingRatePerYear is { } rate)
                {
                    Range(new Site("$.generalisedCost.holdingRatePerYear"), rate, r => r is >= 0 and <= MaxHoldingRatePerYear,
                        new Text("The holding rate must be at least 0 and at most 10 per year (0.08 means 8 % a year)."));
                }

                NonNegative(new Site("$.generalisedCost.carbonPricePerTonneCo2"), g.CarbonPricePerTonneCo2, new Text("The carbon price per tonne of CO2e"));
                foreach (var (mode, factor) in g.EmissionFactors)
                {
                    var at = new Site("$.generalisedCost.emissionFactors", MemberName: mode.ToString());
                    if (!Enum.IsDefined(mode))
                    {
                        Error(ValidationCode.OutOfRange, at, $"An emission factor is given for mode {mode}; the modes are {Names<TransportMode>()}.");
                        continue;
                    }

                    NonNegative(at, factor, new Text($"The emission factor (gCO2e per tonne-km) of mode {mode}"));
                }
            }

            WarnMissingActivityData(g);
        }

        /// <summary>Routes and commodities the surcharges or the cap need data from and that lack it.</summary>
        private void WarnMissingActivityData(GeneralisedCost? g)
        {
            var routes = _network.Routes;
            var priced = g?.CarbonPricePerTonneCo2 is > 0;
            if (priced || scenario.Co2CapTonnes is not null)
            {
                var why = priced ? "a carbon price is set" : "a CO2 cap is set";
                for (var i = 0; i < routes.Length; i++)
                {
                    if (routes[i].DistanceKm is null && scenario.Co2GramsPerTonneKm(routes[i]) > 0)
                    {
                        Warning(ValidationCode.EmissionsWithoutDistance, new Site("$.routes", i),
                            $"Route '{routes[i].Id}' has no distanceKm, so it emits nothing in the model though {why}; give its distance.");
                    }
                }
            }

            if (g?.HoldingRatePerYear is not > 0) return;
            for (var i = 0; i < routes.Length; i++)
            {
                if (routes[i].TransitDays is null)
                {
                    Warning(ValidationCode.HoldingCostWithoutData, new Site("$.routes", i),
                        $"Route '{routes[i].Id}' has no transitDays, so its cargo costs nothing in transit though a holding rate is set; give its transit time.");
                }
            }

            var commodities = _network.Commodities;
            for (var i = 0; i < commodities.Length; i++)
            {
                if (commodities[i].ValuePerTonne is null)
                {
                    Warning(ValidationCode.HoldingCostWithoutData, new Site("$.commodities", i),
                        $"Commodity '{commodities[i].Id}' has no valuePerTonne, so it costs nothing in transit though a holding rate is set; give its value.");
                }
            }
        }
    }
}
