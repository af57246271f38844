using System.Globalization;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.CorridorPlanner;

/// <summary>The plan against the scenario's observations (a base year's crossings, say).</summary>
internal sealed partial class PlanSummary
{
    private void PrintObservations(AllocationPlan plan)
    {
        if (plan.Observations.IsDefaultOrEmpty) return;

        // Observations describe the network as it was, before any option existed. When this plan
        // builds something, the honest comparison is a second solve with nothing built; the plan's
        // own figures are shown beside it (plan.json carries those).
        var built = plan.Investments.Any(i => i.Units > 0);
        var asObserved = plan.Observations;
        if (built && ObservationReport.CompareAsObserved(scenario).Plan is { } baseline) asObserved = baseline.Observations;

        Line();
        Line(built
            ? "Modelled against observed (Mt/yr), with no investment option built (the network as observed); last column: this plan, with its investments:"
            : "Modelled against observed (Mt/yr):");
        var nameWidth = Math.Clamp(asObserved.Max(o => (o.Name ?? o.Id).Length), 20, 48);
        Line($"  {"observation".PadRight(nameWidth)} {"observed",9} {"modelled",9} {"diff",7} {"tol.",5}  match" + (built ? $" {"this plan",10}" : ""));
        for (var i = 0; i < asObserved.Length; i++)
        {
            var o = asObserved[i];
            var relative = o.RelativeDifference is { } r ? r.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "-";
            Line($"  {Clip(o.Name ?? o.Id, nameWidth).PadRight(nameWidth)} {Mt(o.ObservedAnnualTonnes),9} {Mt(o.ModelledAnnualTonnes),9} {relative,7} "
                + $"{o.Tolerance.ToString("0%", CultureInfo.InvariantCulture),5}  {(o.WithinTolerance ? "yes" : "NO"),-5}"
                + (built ? $" {Mt(plan.Observations[i].ModelledAnnualTonnes),10}" : ""));
        }

        var within = asObserved.Count(o => o.WithinTolerance);
        Line($"  {within} of {asObserved.Length} within their tolerance.");
    }
}
