using System.Globalization;

namespace FreightOptimizer;

/// <summary>The checks of the multi-year fields (docs/scenario-format.md, "Multi-year horizons").</summary>
public static partial class ScenarioValidator
{
    /// <summary>The longest span of calendar years a multi-year horizon may have (last year − first year).</summary>
    private const int MaxYearSpan = 100;

    private sealed partial class Checker
    {
        private void CheckMultiYear()
        {
            var periods = scenario.Horizon.Periods;
            if (periods.IsDefaultOrEmpty) return;
            var withYear = periods.Count(p => p.Year is not null);
            var multiYear = withYear > 0;
            if (multiYear && withYear < periods.Length)
            {
                var first = periods.Select((p, i) => (p, i)).First(x => x.p.Year is null);
                Error(ValidationCode.PeriodYears, new Site("$.periods", first.i, "year"),
                    $"Period '{first.p.Id}' has no year, but other periods do: give every period a calendar year, or none.");
                return;
            }

            if (multiYear) CheckYears();
            if (multiYear && scenario.Co2CapTonnes is not null)
            {
                Error(ValidationCode.Co2CapWithYears, new Site("$.co2CapTonnes"),
                    "A CO2 cap applies to a single-year horizon, and these periods carry calendar years: leave the cap out, or price carbon with generalisedCost.carbonPricePerTonneCo2.");
            }

            for (var i = 0; i < scenario.Demands.Length; i++)
            {
                var d = scenario.Demands[i];
                if (d.GrowthPerYear is not { } g) continue;
                var at = new Site("$.demands", i, "growthPerYear");
                if (!double.IsFinite(g) || g <= -1 || g > 1)
                {
                    Error(ValidationCode.GrowthOutOfRange, at,
                        $"The growth per year of the demand for '{d.Commodity}' at '{d.Location}' must be above −1 and at most 1 (0.05 is 5 % a year); it is {g.ToString("R", CultureInfo.InvariantCulture)}.");
                }
                else if (multiYear && Grown(d.AnnualTonnes, g) is var grown && !(grown <= MaxMagnitude))
                {
                    Error(ValidationCode.DerivedValueOutOfRange, at,
                        $"The demand for '{d.Commodity}' at '{d.Location}' grows to {grown.ToString("R", CultureInfo.InvariantCulture)} t a year by the last year, above 1e15; check the growth per year.");
                }
                else if (!multiYear)
                {
                    Warning(ValidationCode.MultiYearFieldIgnored, at,
                        $"The demand for '{d.Commodity}' at '{d.Location}' grows per year, but the periods carry no calendar years, so the growth is ignored.");
                }
            }

            for (var i = 0; i < scenario.Supplies.Length; i++)
            {
                var s = scenario.Supplies[i];
                if (s.GrowthPerYear is not { } g) continue;
                var at = new Site("$.supplies", i, "growthPerYear");
                if (!double.IsFinite(g) || g <= -1 || g > 1)
                {
                    Error(ValidationCode.GrowthOutOfRange, at,
                        $"The growth per year of the supply of '{s.Commodity}' at '{s.Location}' must be above −1 and at most 1 (0.05 is 5 % a year); it is {g.ToString("R", CultureInfo.InvariantCulture)}.");
                }
                else if (multiYear && Grown(s.AnnualTonnes, g) is var grown && !(grown <= MaxMagnitude))
                {
                    Error(ValidationCode.DerivedValueOutOfRange, at,
                        $"The supply of '{s.Commodity}' at '{s.Location}' grows to {grown.ToString("R", CultureInfo.InvariantCulture)} t a year by the last year, above 1e15; check the growth per year.");
                }
                else if (!multiYear)
                {
                    Warning(ValidationCode.MultiYearFieldIgnored, at,
                        $"The supply of '{s.Commodity}' at '{s.Location}' grows per year, but the periods carry no calendar years, so the growth is ignored.");
                }
            }

            for (var i = 0; i < scenario.Investments.Length; i++)
            {
                var o = scenario.Investments[i];
                var at = new Site("$.investments", i);
                if (o.LeadTimeYears is { } lead)
                {
                    Range(at.Member("leadTimeYears"), lead, l => l is >= 0 and <= MaxHorizonYears,
                        new Text("The lead time of", new Subject("investment '{0}'", o.Id.Value), " must be at least 0 and at most 1,000 years."));
                    if (!multiYear)
                    {
                        Warning(ValidationCode.MultiYearFieldIgnored, at.Member("leadTimeYears"),
                            $"Investment '{o.Id}' has a lead time, but the periods carry no calendar years, so it is ignored (use firstPeriod).");
                    }
                }

                if (!multiYear) continue;
                if (o.Kind == InvestmentKind.Continuous)
                {
                    Error(ValidationCode.ContinuousTimedOption, at.Member("kind"),
                        $"Investment '{o.Id}' is Continuous, but in a horizon with calendar years an option chooses the period it comes online in, a whole-number decision: make it Binary or Modular.");
                }
                else if (o.LeadTimeYears is not { } l || (double.IsFinite(l) && l >= 0))
                {
                    if (MultiYear.OnlinePeriods(scenario, o).IsEmpty)
                    {
                        Warning(ValidationCode.OptionNeverOnline, at.Member(o.LeadTimeYears is null ? "firstPeriod" : "leadTimeYears"),
                            $"Investment '{o.Id}' cannot come online in any period of the horizon (its lead time or first period reaches past the last period), so it is never built.");
                    }
                }
            }
        }

        /// <summary>The annual tonnes of a growing demand or supply in the last year of the horizon.</summary>
        private double Grown(double annual, double growth)
        {
            var periods = scenario.Horizon.Periods;
            var span = Math.Max(0, (periods[^1].Year ?? 0) - (periods[0].Year ?? 0));
            return annual * Math.Pow(1 + growth, Math.Min(span, MaxYearSpan));
        }

        private void CheckYears()
        {
            var periods = scenario.Horizon.Periods;
            int? previous = null;
            var fine = true;
            for (var i = 0; i < periods.Length; i++)
            {
                var year = periods[i].Year!.Value;
                var at = new Site("$.periods", i, "year");
                if (year is < 1 or > 9999)
                {
                    Error(ValidationCode.PeriodYears, at, $"Period '{periods[i].Id}' is in year {year}; a calendar year is from 1 to 9999.");
                    fine = false;
                }
                else if (previous is { } p && year < p)
                {
                    Error(ValidationCode.PeriodYears, at, $"Period '{periods[i].Id}' is in year {year}, before the year of the period before it ({p}); periods are in time order.");
                    fine = false;
                }

                previous = year;
            }

            if (!fine) return;
            var span = periods[^1].Year!.Value - periods[0].Year!.Value;
            if (span > MaxYearSpan)
            {
                Error(ValidationCode.PeriodYears, new Site("$.periods"),
                    $"The periods span {span} calendar years ({periods[0].Year} to {periods[^1].Year}); a multi-year horizon spans at most {MaxYearSpan}.");
                return;
            }

            foreach (var group in periods.Select((p, i) => (p, i)).GroupBy(x => x.p.Year!.Value))
            {
                var sum = group.Sum(x => x.p.YearFraction);
                if (sum > 1 + 1e-9)
                {
                    Error(ValidationCode.YearFractionsExceedYear, new Site("$.periods", group.Last().i, "yearFraction"),
                        $"The periods of {group.Key} last {sum.ToString("R", CultureInfo.InvariantCulture)} years together (their yearFraction); a calendar year holds at most 1.");
                }
            }
        }
    }
}
