using System.Globalization;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>The analyses after the solve: why an infeasible scenario is infeasible, and the appraisal of every option.</summary>
internal sealed partial class PlanSummary
{
    private void PrintExplanation(InfeasibilityExplanation explanation)
    {
        Line();
        Line("Why no plan exists:");
        Line($"  {explanation.Summary}");
        if (!explanation.Shortfalls.IsEmpty)
        {
            Line();
            Line($"Hard demands short (at least; {explanation.TotalShortfallTonnes.ToString("N0", CultureInfo.InvariantCulture)} t in all):");
            Line($"  {"location",-34} {"commodity",-10} {"period",-8} {"tonnes short",14}");
            foreach (var s in explanation.Shortfalls.Take(20))
            {
                Line($"  {Clip(NameOf(s.Location), 34),-34} {s.Commodity,-10} {Clip(s.Period.Value, 8),-8} {s.Tonnes.ToString("N0", CultureInfo.InvariantCulture),14}");
            }

            if (explanation.Shortfalls.Length > 20) Line($"  … and {explanation.Shortfalls.Length - 20} more");
        }

        if (!explanation.Saturated.IsEmpty)
        {
            Line();
            Line($"Saturated on the cheapest way to serve them (value of one more tonne of capacity in the relaxed solve, {_money}/t):");
            foreach (var group in explanation.Saturated.GroupBy(s => s.Element.Id).Take(10))
            {
                var first = group.First();
                var name = first.Element.Route is { } r ? $"route {scenario.Network.GetRoute(r).Name ?? r.Value}" : NameOf(first.Element.Location!.Value);
                Line($"  {Clip(name, 50),-50} in {Clip(string.Join(", ", group.Select(s => s.Period.Value)), 30),-30} up to {group.Max(s => s.PerTonne),12:N0}");
            }
        }

        if (!explanation.MinimumFlowRoutes.IsEmpty)
        {
            Line();
            Line("Minimum flows that cannot be carried:");
            foreach (var route in explanation.MinimumFlowRoutes)
            {
                var r = scenario.Network.GetRoute(route);
                Line($"  {Clip(r.Name ?? r.Id.Value, 50),-50} minimum {Mt(r.MinAnnualTonnes ?? 0)} Mt/yr");
            }
        }
    }

    private void PrintAppraisal(AllocationPlan plan)
    {
        if (plan.Appraisal.IsEmpty) return;
        Line();
        Line($"Appraisal of the investment options (bn {_money}; value = optimum without a built option − optimum,");
        Line("regret = optimum with an unbuilt option forced in − optimum; saving per year gross of its own capital):");
        Line($"  {"option",-40} {"units",5} {"capital",8} {"annual.",8} {"used",6} {"value",8} {"saving/yr",10} {"payback",8} {"regret",8}");
        foreach (var (option, a) in scenario.Investments.Zip(plan.Appraisal))
        {
            Line($"  {Clip(option.Name ?? option.Id.Value, 40),-40} {a.Units,5:0.##} {B(a.CapitalCost),8} {B(a.AnnualisedCost),8} "
                + $"{(a.Utilisation is { } u ? u.ToString("P0", CultureInfo.InvariantCulture) : "-"),6} {B(a.Value),8} {B(a.GrossAnnualSaving),10} "
                + $"{(a.PaybackYears is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " yr" : "-"),8} {B(a.Regret),8}");
        }

        foreach (var (option, a) in scenario.Investments.Zip(plan.Appraisal).Where(p => p.Second.Note is not null))
        {
            Line($"  note: {option.Name ?? option.Id}: {a.Note}");
        }
    }

    private static string B(double? money) => money is { } m ? (m / 1e9).ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
