using System.Globalization;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Reporting;

/// <summary>What the front door adds to a solve: why an infeasible scenario is infeasible, the appraisal of every option, the observations.</summary>
public sealed partial class PlanView
{
    private void WriteExplanation(InfeasibilityExplanation explanation)
    {
        Line();
        Line("Why no plan exists:");
        Line($"  {explanation.Summary}");
        if (!explanation.Shortfalls.IsEmpty)
        {
            Line();
            Line($"Hard demands short (at least; {explanation.TotalShortfallTonnes.ToString("N0", CultureInfo.InvariantCulture)} t in all):");
            var table = Tables.Create("location", "commodity", "period", ">tonnes short");
            foreach (var s in explanation.Shortfalls.Take(20))
            {
                table.Row(Tables.Clip(NameOf(s.Location), 44), s.Commodity.Value, s.Period.Value, s.Tonnes.ToString("N0", CultureInfo.InvariantCulture));
            }

            _console.Table(table);
            if (explanation.Shortfalls.Length > 20) Line($"  … and {explanation.Shortfalls.Length - 20} more");
        }

        if (!explanation.Saturated.IsEmpty)
        {
            Line();
            Line($"Saturated on the cheapest way to serve them (value of one more tonne of capacity in the relaxed solve, {_currency}/t):");
            var table = Tables.Create("element", "periods", ">up to");
            foreach (var group in explanation.Saturated.GroupBy(s => s.Element.Id).Take(10))
            {
                var first = group.First();
                var name = first.Element.Route is { } r ? $"route {_scenario.Network.GetRoute(r).Name ?? r.Value}" : NameOf(first.Element.Location!.Value);
                table.Row(Tables.Clip(name, 60), Tables.Clip(string.Join(", ", group.Select(s => s.Period.Value)), 40), PerTonne(group.Max(s => s.PerTonne)));
            }

            _console.Table(table);
        }

        if (!explanation.MinimumFlowRoutes.IsEmpty)
        {
            Line();
            Line("Minimum flows that cannot be carried:");
            var table = Tables.Create("route", $">minimum ({Tonnes.Label}/yr)");
            foreach (var route in explanation.MinimumFlowRoutes)
            {
                var r = _scenario.Network.GetRoute(route);
                table.Row(Tables.Clip(r.Name ?? r.Id.Value, 60), Tonnes.Format(r.MinAnnualTonnes ?? 0));
            }

            _console.Table(table);
        }
    }

    private void WriteAppraisal(AllocationPlan plan)
    {
        if (plan.Appraisal.IsEmpty) return;
        Line();
        Line($"Appraisal of the investment options ({Money.Label}; value = optimum without a built option − optimum,");
        Line("regret = optimum with an unbuilt option forced in − optimum; saving per year gross of its own capital):");
        var table = Tables.Create("option", ">units", ">capital", ">annualised", ">used", ">value", ">saving/yr", ">payback", ">regret");
        foreach (var (option, a) in _scenario.Investments.Zip(plan.Appraisal))
        {
            table.Row(Tables.Clip(option.Name ?? option.Id.Value, 60), a.Units.ToString("0.##", CultureInfo.InvariantCulture),
                Money.Format(a.CapitalCost), Money.Format(a.AnnualisedCost),
                a.Utilisation is { } u ? u.ToString("P0", CultureInfo.InvariantCulture) : "-",
                Money.Format(a.Value), Money.Format(a.GrossAnnualSaving),
                a.PaybackYears is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " yr" : "-",
                Money.Format(a.Regret));
        }

        _console.Table(table);
        foreach (var (option, a) in _scenario.Investments.Zip(plan.Appraisal).Where(p => p.Second.Note is not null))
        {
            Line($"  note: {option.Name ?? option.Id.Value}: {a.Note}");
        }
    }

    private void WriteObservations(AllocationPlan plan)
    {
        if (plan.Observations.IsDefaultOrEmpty) return;

        // Observations describe the network as it was, before any option existed. When this plan
        // builds something, the honest comparison is a second solve with nothing built; the plan's
        // own figures are shown beside it (plan.json carries those).
        var built = plan.Investments.Any(i => i.Units > 0);
        var asObserved = plan.Observations;
        if (built && ObservationReport.CompareAsObserved(_scenario).Plan is { } baseline) asObserved = baseline.Observations;

        Line();
        Line(built
            ? "Modelled against observed (Mt/yr), with no investment option built (the network as observed); last column: this plan, with its investments:"
            : "Modelled against observed (Mt/yr):");
        var columns = new List<string> { "observation", ">observed", ">modelled", ">diff", ">tol.", "match" };
        if (built) columns.Add(">this plan");
        var table = Tables.Create([.. columns]);
        for (var i = 0; i < asObserved.Length; i++)
        {
            var o = asObserved[i];
            var cells = new List<string>
            {
                Tables.Clip(o.Name ?? o.Id, 60), Mt(o.ObservedAnnualTonnes), Mt(o.ModelledAnnualTonnes),
                o.RelativeDifference is { } r ? r.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "-",
                o.Tolerance.ToString("0%", CultureInfo.InvariantCulture), o.WithinTolerance ? "yes" : "NO",
            };
            if (built) cells.Add(Mt(plan.Observations[i].ModelledAnnualTonnes));
            table.Row([.. cells]);
        }

        _console.Table(table);
        Line($"  {asObserved.Count(o => o.WithinTolerance)} of {asObserved.Length} within their tolerance.");
    }

    private static string Mt(double tonnes) => (tonnes / 1e6).ToString("0.00", CultureInfo.InvariantCulture);
}
