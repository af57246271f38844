using System.Globalization;
using FreightOptimizer.Reporting;
using Spectre.Console;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>The console answer of the 2024–2030 outlook: the investment timetable and the Northern Sea Route with and without the variant.</summary>
internal static class OutlookView
{
    public static void Write(IAnsiConsole console, OutlookAnswer answer)
    {
        console.Line();
        console.Line("Outlook 2024–2030 (data/russia-china-2030.json; present values discounted to 2024):");
        foreach (var (label, result) in new[] { ("base", answer.Base), ("NSR variant", answer.Variant) })
        {
            var plan = result.Plan;
            var verification = plan?.Verification is { } v ? $"verification {(v.Passed ? "PASSED" : "FAILED")}, optimality {(v.OptimalityCertified ? "CERTIFIED" : "not certified")}" : "no plan";
            var money = Unit.Money(plan?.Objective ?? 0, "RUB");
            console.Line($"  {label}: {result.Status}" + (plan is null ? "" : $", objective {money.WithUnit(plan.Objective)}") + $"; {verification}");
        }

        console.Line();
        console.Line("When each investment comes online (base; the NSR variant in the last column):");
        var table = Tables.Create("option", "online", ">capital bn RUB", ">PV charge bn RUB", "carries (Mt/yr, by year online)", "NSR variant");
        foreach (var (entry, other) in answer.Timetable.Zip(answer.VariantTimetable))
        {
            var carries = entry.TonnesByYear.IsEmpty ? "-" : string.Join(" ", entry.TonnesByYear.Select(y =>
                string.Create(CultureInfo.InvariantCulture, $"{y.Year}:{y.AddedTonnes / 1e6:0.0}")));
            table.Row(Tables.Clip(entry.Name ?? entry.Id.Value, 55), Online(entry),
                (entry.CapitalCost / 1e9).ToString("0.00", CultureInfo.InvariantCulture),
                (entry.CapitalCharge / 1e9).ToString("0.00", CultureInfo.InvariantCulture), carries, Online(other));
        }

        console.Table(table);
        console.Line();
        console.Line("Northern Sea Route, Murmansk–Qingdao/Rizhao (Mt a year): base season and ships, and the variant (ice-class season, Chinese vessels):");
        var nsr = Tables.Create(">year", ">base", ">variant", ">change");
        foreach (var y in answer.Nsr)
        {
            nsr.Row(y.Year.ToString(CultureInfo.InvariantCulture), (y.BaseTonnes / 1e6).ToString("0.00", CultureInfo.InvariantCulture),
                (y.VariantTonnes / 1e6).ToString("0.00", CultureInfo.InvariantCulture),
                ((y.VariantTonnes - y.BaseTonnes) / 1e6).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture));
        }

        console.Table(nsr);
    }

    private static string Online(FreightOptimizer.Analysis.TimetableEntry entry) =>
        !entry.Built ? "not by 2030"
        : entry.OnlineYear is { } year ? string.Create(CultureInfo.InvariantCulture, $"{year} ({entry.OnlinePeriod})")
        : entry.OnlinePeriod?.Value ?? "built";
}
