using FreightOptimizer.Analysis;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>Flow tracing, sensitivity ranges and plan comparison over random valid scenarios (ScenarioGenerator).</summary>
public sealed class FlowAnalysisProperties
{
    [Property(MaxTest = 60)]
    public Property Decompose_PathsAndCycles_AddUpToFlowsSuppliesAndDeliveries_AndRepeat() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var result = Solve(c.Scenario);
            if (result.Plan is not { } plan) return true.Label("no plan").Classify(true, "trivial");
            var decomposition = FlowTrace.Decompose(c.Scenario, plan);
            var scale = plan.Flows.Select(f => f.Tonnes).Concat(plan.Supplied.Select(s => s.Tonnes)).DefaultIfEmpty(0).Max();
            var tolerance = 1e-9 * Math.Max(1, scale);
            var failures = new List<string>();

            var onRoutes = new Dictionary<(RouteId, CommodityId, PeriodId), double>();
            void Add((RouteId, CommodityId, PeriodId) key, double tonnes) => onRoutes[key] = onRoutes.GetValueOrDefault(key) + tonnes;
            foreach (var p in decomposition.Paths) foreach (var r in p.Routes) Add((r, p.Commodity, p.Period), p.Tonnes);
            foreach (var y in decomposition.Cycles) foreach (var r in y.Routes) Add((r, y.Commodity, y.Period), y.Tonnes);
            foreach (var f in plan.Flows)
            {
                if (Math.Abs(onRoutes.GetValueOrDefault((f.Route, f.Commodity, f.Period)) - f.Tonnes) > tolerance) failures.Add($"route {f.Route} {f.Commodity} {f.Period}: paths {onRoutes.GetValueOrDefault((f.Route, f.Commodity, f.Period))}, flow {f.Tonnes}");
                onRoutes.Remove((f.Route, f.Commodity, f.Period));
            }

            failures.AddRange(onRoutes.Where(kv => kv.Value > tolerance).Select(kv => $"paths on {kv.Key} without flow"));

            foreach (var s in plan.Supplied)
            {
                var traced = decomposition.Paths.Where(p => p.Origin == s.Location && p.Commodity == s.Commodity && p.Period == s.Period).Sum(p => p.Tonnes);
                if (Math.Abs(traced - s.Tonnes) > tolerance) failures.Add($"supply {s.Location} {s.Commodity} {s.Period}: paths {traced}, used {s.Tonnes}");
            }

            foreach (var period in c.Scenario.Horizon.Periods)
            {
                foreach (var group in c.Scenario.Demands.Where(d => Scenario.AppliesIn(d.Period, period.Id)).GroupBy(d => (d.Location, d.Commodity)))
                {
                    var wanted = group.Sum(d => d.AnnualTonnes * period.YearFraction);
                    var unmet = plan.Unmet.Where(u => u.Location == group.Key.Location && u.Commodity == group.Key.Commodity && u.Period == period.Id).Sum(u => u.Tonnes);
                    var traced = decomposition.Paths.Where(p => p.Market == group.Key.Location && p.Commodity == group.Key.Commodity && p.Period == period.Id).Sum(p => p.Tonnes);
                    if (Math.Abs(traced - Math.Max(0, wanted - unmet)) > tolerance) failures.Add($"delivery {group.Key} {period.Id}: paths {traced}, served {wanted - unmet}");
                }
            }

            if (decomposition.UntracedTonnes > tolerance) failures.Add($"untraced {decomposition.UntracedTonnes}");
            if (!decomposition.Equals(FlowTrace.Decompose(c.Scenario, plan))) failures.Add("a second decomposition differs");
            if (!PlanComparison.Compare(c.Scenario, plan, c.Scenario, plan).IsEmpty) failures.Add("the plan compared with itself is not empty");

            return (failures.Count == 0).Label(string.Join("; ", failures.Take(5)))
                .Classify(decomposition.Cycles.Length > 0, "with cycles")
                .Classify(decomposition.Paths.Any(p => p.Routes.Length > 1), "multi-route paths");
        });

    /// <summary>
    /// Inside every reported range the optimum is on the price's (or the flow's) line: checked at a random
    /// interior point by a cold re-solve of a freshly formulated model with GLOP (the ranging uses CLP).
    /// </summary>
    [Property(MaxTest = 30)]
    [Trait("Category", "Slow")]
    public Property Analyse_InsideEveryRange_OptimumIsLinearWithThePriceOrFlowAsSlope() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.Full), Gen.Choose(1, 999).ToArbitrary(), (c, thousandths) =>
        {
            var result = Solve(c.Scenario);
            if (result.Status != SolveStatus.Optimal || result.Plan is not { } plan) return true.Label("no optimal plan").Classify(true, "trivial");
            var report = Sensitivity.Analyse(c.Scenario, plan, new SensitivityOptions { MaxParallelSolves = 1 });
            var model = FreightModelBuilder.Build(c.Scenario);
            var fixedProblem = Sensitivity.WithPlanDecisions(model, plan);
            var s = model.Scaling;
            var share = thousandths / 1000.0;
            var failures = new List<string>();
            double? Cold(LinearProblem problem)
            {
                var outcome = OrToolsSolver.Solve(problem, SolverEngine.Glop, new SolveOptions(), CancellationToken.None);
                return outcome.Status == SolveStatus.Optimal ? outcome.Objective * s.MoneyUnit : null;
            }

            foreach (var range in report.Capacities)
            {
                var upper = range.UpperTonnes ?? range.CapacityTonnes * 2 + 1;
                var capacity = range.LowerTonnes + (share * (upper - range.LowerTonnes));
                var row = model.CapacityRows.Single(r => model.Problem.Rows[r.Row].Name == (range.Element.IsRoute
                    ? ModelNames.RouteCapacity(range.Element.Route!.Value, range.Period)
                    : ModelNames.LocationCapacity(range.Element.Location!.Value, range.Period)));
                var rhs = (capacity - (range.CapacityTonnes - row.BaseTonnes)) / s.TonneUnit;
                var cold = Cold(fixedProblem.WithChanges(null, new Dictionary<int, (double, double)> { [row.Row] = (double.NegativeInfinity, rhs) }));
                var expected = plan.Objective - (range.PerTonne * (capacity - range.CapacityTonnes));
                if (cold is not { } z || !Close(z, expected)) failures.Add($"{range.Element} {range.Period} at {capacity} t: {cold} against {expected}");
            }

            foreach (var range in report.Tariffs)
            {
                var upper = range.UpperCostPerTonne ?? range.CostPerTonne * 2 + 1;
                var tariff = range.LowerCostPerTonne + (share * (upper - range.LowerCostPerTonne));
                var a = c.Scenario.Network.Routes.IndexOf(c.Scenario.Network.GetRoute(range.Route));
                var k = c.Scenario.Network.Commodities.Select(x => x.Id).ToList().IndexOf(range.Commodity);
                var costs = model.Flows.Where(f => f.Route == a && f.Commodity == k)
                    .ToDictionary(f => f.Variable, f => fixedProblem.Cost[f.Variable] + ((tariff - range.CostPerTonne) * s.TonneUnit / s.MoneyUnit));
                var cold = Cold(fixedProblem.WithChanges(costs, null));
                var expected = plan.Objective + (range.FlowTonnes * (tariff - range.CostPerTonne));
                if (cold is not { } z || !Close(z, expected)) failures.Add($"{range.Route} {range.Commodity} at {tariff}: {cold} against {expected}");
            }

            return (failures.Count == 0).Label(string.Join("; ", failures.Take(5)))
                .Classify(report.Capacities.Length > 0, "with bottlenecks")
                .Classify(report.Tariffs.Any(t => t.UpperCostPerTonne is null), "unbounded tariff");
        });
}
