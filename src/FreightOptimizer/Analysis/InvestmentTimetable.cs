using System.Collections.Immutable;

namespace FreightOptimizer.Analysis;

/// <summary>Tonnes an option's target handles in one calendar year, and the part above its base capacity.</summary>
/// <param name="Year">The calendar year, or null for a horizon without years (then the whole horizon).</param>
/// <param name="TargetTonnes">Throughput of the option's route or location in the year (capacity uses of the plan).</param>
/// <param name="AddedTonnes">
/// The tonnes above the target's base capacity in each period, summed over the year: what the added
/// capacity carries. Where several built options add to one target, each gets its share by the
/// capacity it adds in the period.
/// </param>
public sealed record YearTonnes(int? Year, double TargetTonnes, double AddedTonnes);

/// <summary>One option of an <see cref="InvestmentTimetable"/>.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Built">Whether the plan builds it.</param>
/// <param name="Units">Units built.</param>
/// <param name="OnlinePeriod">The period it comes online in (multi-year), its first period (otherwise), or null when not built.</param>
/// <param name="OnlineYear">The calendar year of <paramref name="OnlinePeriod"/>, or null.</param>
/// <param name="CapitalCost">Capital spent: capital cost × units, undiscounted (what the budget counts).</param>
/// <param name="CapitalCharge">What its capital adds to the objective: annualised from the online period to the horizon end, discounted.</param>
public sealed record TimetableEntry(InvestmentId Id, bool Built, double Units, PeriodId? OnlinePeriod, int? OnlineYear, double CapitalCost, double CapitalCharge)
{
    /// <summary>The option's display name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>What the option's target carries per calendar year from the online period on (empty when not built).</summary>
    public ImmutableArray<YearTonnes> TonnesByYear { get; init; } = [];
}

/// <summary>
/// When each investment option of a plan comes online, what it costs and what it carries per year:
/// a data view of a plan for any program (docs/analysis.md, "Investment timetable"). No solve.
/// </summary>
public static class InvestmentTimetable
{
    /// <summary>The timetable of every option, in scenario order.</summary>
    /// <param name="scenario">The scenario the plan was made for.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>One entry per option.</returns>
    /// <exception cref="ArgumentException">The plan does not list the scenario's options in order.</exception>
    public static ImmutableArray<TimetableEntry> Of(Scenario scenario, AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        var options = scenario.Investments;
        if (plan.Investments.Length != options.Length || !options.Select(o => o.Id).SequenceEqual(plan.Investments.Select(d => d.Id)))
        {
            throw new ArgumentException("The plan's investments are not the scenario's options in order; was it made for this scenario?", nameof(plan));
        }

        var periods = scenario.Horizon.Periods;
        var multiYear = MultiYear.IsMultiYear(scenario);
        var online = new int[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            var decision = plan.Investments[i];
            online[i] = decision.Units <= 0 ? int.MaxValue
                : multiYear ? (decision.OnlinePeriod is { } p && scenario.Horizon.IndexOf(p) is >= 0 and var t ? t : int.MaxValue)
                : scenario.FirstPeriodIndexOf(options[i]);
        }

        var uses = plan.CapacityUse.ToLookup(u => u.Element);
        var entries = ImmutableArray.CreateBuilder<TimetableEntry>(options.Length);
        for (var i = 0; i < options.Length; i++)
        {
            var option = options[i];
            var decision = plan.Investments[i];
            var built = decision.Units > 0 && online[i] != int.MaxValue;
            var tonnes = ImmutableArray<YearTonnes>.Empty;
            if (built)
            {
                var byYear = new SortedDictionary<int, (double Target, double Added)>();
                foreach (var use in uses[option.Target])
                {
                    var t = scenario.Horizon.IndexOf(use.Period);
                    if (t < online[i]) continue;
                    var factor = (option.Target.Route is { } r ? scenario.AvailabilityOf(r, use.Period) : scenario.AvailabilityOf(option.Target.Location!.Value, use.Period)) * periods[t].YearFraction;
                    var baseAnnual = BaseCapacity(scenario, option.Target) ?? 0;
                    double mine = 0, all = 0;
                    for (var j = 0; j < options.Length; j++)
                    {
                        if (options[j].Target != option.Target || t < online[j]) continue;
                        var added = options[j].AddedAnnualCapacityTonnes * plan.Investments[j].Units;
                        all += added;
                        if (j == i) mine = added;
                    }

                    var above = Math.Max(0, use.ThroughputTonnes - (baseAnnual * factor));
                    var share = all > 0 ? above * mine / all : 0;
                    var year = periods[t].Year ?? 0;
                    byYear.TryGetValue(year, out var sum);
                    byYear[year] = (sum.Target + use.ThroughputTonnes, sum.Added + share);
                }

                tonnes = [.. byYear.Select(kv => new YearTonnes(multiYear ? kv.Key : null, kv.Value.Target, kv.Value.Added))];
            }

            var onlinePeriod = built ? periods[online[i]].Id : (PeriodId?)null;
            var charge = built ? MultiYear.CapitalChargePerUnit(scenario, option, online[i]) * decision.Units : 0;
            entries.Add(new TimetableEntry(option.Id, built, decision.Units, onlinePeriod, built ? periods[online[i]].Year : null,
                option.CapitalCost * decision.Units, charge)
            {
                Name = option.Name,
                TonnesByYear = tonnes,
            });
        }

        return entries.MoveToImmutable();
    }

    private static double? BaseCapacity(Scenario scenario, NetworkElement target) =>
        target.Route is { } r ? (scenario.Network.TryGetRoute(r, out var route) ? route.AnnualCapacityTonnes : null)
        : target.Location is { } l && scenario.Network.TryGetLocation(l, out var location) ? location.AnnualCapacityTonnes : null;
}
