using System.Collections.Immutable;
using FreightOptimizer.Analysis;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>The Northern Sea Route's tonnes in one calendar year, in the base outlook and in the NSR variant.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="BaseTonnes">Tonnes on the NSR in the base outlook.</param>
/// <param name="VariantTonnes">Tonnes on the NSR with the longer season and Chinese vessels.</param>
internal sealed record NsrYear(int Year, double BaseTonnes, double VariantTonnes);

/// <summary>What the 2030 outlook answers: when each investment comes online, and what the NSR carries in both variants.</summary>
/// <param name="Base">The solve of samples/data/russia-china-2030.json.</param>
/// <param name="Variant">The solve of its NSR variant (<see cref="Outlook2030.NsrVariant"/>).</param>
/// <param name="Timetable">The base outlook's investment timetable.</param>
/// <param name="VariantTimetable">The NSR variant's investment timetable.</param>
/// <param name="Nsr">NSR tonnes per year, base and variant.</param>
internal sealed record OutlookAnswer(
    OptimizationResult Base,
    OptimizationResult Variant,
    ImmutableArray<TimetableEntry> Timetable,
    ImmutableArray<TimetableEntry> VariantTimetable,
    ImmutableArray<NsrYear> Nsr);

/// <summary>
/// The 2024–2030 outlook of docs/corridor.md §13, as data for any program to print: solves the
/// multi-year corridor and its Northern Sea Route variant and returns the investment timetable and
/// the NSR tonnes per year. Prints nothing.
/// </summary>
internal static class Outlook2030
{
    /// <summary>The NSR route of the corridor (Murmansk → Qingdao/Rizhao).</summary>
    public static RouteId NsrRoute { get; } = new("murmansk-qingdao-nsr");

    /// <summary>NSR capacity while open with Chinese ice-class vessels: 7.5 Mt/yr instead of 5 (corridor.md §13, ASSUMPTION).</summary>
    public const double VariantNsrCapacityTonnes = 7_500_000;

    /// <summary>
    /// NSR availability of ice-class (Arc4–Arc5) ships with icebreaker escort, by season: the mean of
    /// corridor.md §8's monthly factors (June 0.3, July–October 1, November 0.7, December 0.2):
    /// ice season (January–June, December) 0.5 / 7 = 0.0714, navigation season (July–November) 4.7 / 5 = 0.94.
    /// </summary>
    public const double VariantIceSeasonFactor = 0.0714;

    /// <summary>The navigation-season factor of the variant (see <see cref="VariantIceSeasonFactor"/>).</summary>
    public const double VariantOpenSeasonFactor = 0.94;

    /// <summary>The 2030 file where the sample's build copies it: data/russia-china-2030.json beside the program.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "russia-china-2030.json");

    /// <summary>
    /// The NSR variant: the longer season of ice-class ships (<see cref="VariantIceSeasonFactor"/>,
    /// <see cref="VariantOpenSeasonFactor"/> in every year's seasons) and Chinese vessels on the route
    /// (<see cref="VariantNsrCapacityTonnes"/>); nothing else changes.
    /// </summary>
    /// <param name="scenario">The 2030 outlook.</param>
    /// <returns>The variant.</returns>
    public static Scenario NsrVariant(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var factors = scenario.Horizon.Periods.ToDictionary(
            p => p.Id,
            p => p.Id.Value.EndsWith("-open", StringComparison.Ordinal) ? VariantOpenSeasonFactor : VariantIceSeasonFactor);
        var routes = scenario.Network.Routes.Select(r => r.Id == NsrRoute
            ? r with { AnnualCapacityTonnes = VariantNsrCapacityTonnes, Source = r.Source + "; NSR variant: ice-class season and Chinese vessels (corridor.md §13)" }
            : r);
        return scenario with
        {
            Name = scenario.Name + ", NSR variant",
            Network = new FreightNetwork(scenario.Network.Commodities, scenario.Network.Locations, routes),
            RouteAvailability = scenario.RouteAvailability.SetItem(NsrRoute, new Availability(factors)),
        };
    }

    /// <summary>Solves the outlook and its NSR variant with the default engine.</summary>
    /// <param name="path">The 2030 file (default: <see cref="DefaultPath"/>).</param>
    /// <returns>The answer; a solve without a plan leaves its timetable and tonnes empty.</returns>
    public static OutlookAnswer Run(string? path = null)
    {
        var scenario = ScenarioJson.ReadFile(path ?? DefaultPath);
        var variant = NsrVariant(scenario);
        var options = new SolveOptions { RelativeMipGap = 0 };
        var baseResult = FreightPlanner.Optimize(scenario, options);
        var variantResult = FreightPlanner.Optimize(variant, options);
        var timetable = baseResult.Plan is { } p ? InvestmentTimetable.Of(scenario, p) : [];
        var variantTimetable = variantResult.Plan is { } q ? InvestmentTimetable.Of(variant, q) : [];
        var years = scenario.Horizon.Periods.Select(x => x.Year ?? 0).Distinct().Order();
        var nsr = years.Select(y => new NsrYear(y, NsrTonnes(scenario, baseResult.Plan, y), NsrTonnes(variant, variantResult.Plan, y))).ToImmutableArray();
        return new OutlookAnswer(baseResult, variantResult, timetable, variantTimetable, nsr);
    }

    private static double NsrTonnes(Scenario scenario, AllocationPlan? plan, int year) =>
        plan is null ? 0 : plan.Flows
            .Where(f => f.Route == NsrRoute && scenario.Horizon.Periods[scenario.Horizon.IndexOf(f.Period)].Year == year)
            .Sum(f => f.Tonnes);
}
