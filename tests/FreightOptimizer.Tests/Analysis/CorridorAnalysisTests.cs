using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Analysis;

/// <summary>Flow tracing, sensitivity and comparison on the built-in Russia–China corridor.</summary>
[Trait("Category", "Slow")]
public sealed class CorridorAnalysisTests(ITestOutputHelper output)
{
    private const string Zabaikalsk = "RU_ZABAIKALSK";

    private static readonly Lazy<AllocationPlan> Plan = new(() =>
        FreightPlanner.Optimize(RussiaChinaCorridor.Build(), new SolveOptions { Appraise = AppraisalMode.Never }).GetPlanOrThrow());

    [Fact]
    public void Through_Zabaikalsk_FiveLargestAddUpToTheCrossingsThroughput()
    {
        var scenario = RussiaChinaCorridor.Build();
        var decomposition = FlowTrace.Decompose(scenario, Plan.Value);
        var through = decomposition.Through(new LocationId(Zabaikalsk));
        foreach (var flow in decomposition.ThroughOverHorizon(new LocationId(Zabaikalsk)).Take(5)) output.WriteLine(flow.ToString() + " | " + string.Join(" > ", flow.Locations));
        output.WriteLine($"paths {decomposition.Paths.Length}, cycles {decomposition.Cycles.Length}, untraced {decomposition.UntracedTonnes}");

        Assert.True(through.Length >= 5);
        Assert.True(through.Zip(through.Skip(1)).All(p => p.First.Tonnes >= p.Second.Tonnes));
        Assert.All(through, p => Assert.Contains(new LocationId(Zabaikalsk), p.Locations));

        // What the paths carry through the crossing is what arrives there by route (it has no supply).
        var arriving = Plan.Value.Flows.Where(f => scenario.Network.GetRoute(f.Route).To == Zabaikalsk).Sum(f => f.Tonnes);
        Assert.Equal(arriving, decomposition.TonnesThrough(new LocationId(Zabaikalsk)), arriving * 1e-9);
        Assert.True(through.SequenceEqual(decomposition.Through(NetworkElement.Of(new LocationId(Zabaikalsk)))));
        Assert.Equal(decomposition.TonnesThrough(new LocationId(Zabaikalsk)), decomposition.ThroughOverHorizon(new LocationId(Zabaikalsk)).Sum(f => f.Tonnes), arriving * 1e-12);
    }

    [Fact]
    public void Analyse_Bottlenecks_PriceHoldsInsideTheRangeByColdResolve()
    {
        var scenario = RussiaChinaCorridor.Build();
        var report = Sensitivity.Analyse(scenario, Plan.Value, new SensitivityOptions { Tariffs = false, MaxParallelSolves = 2 });
        foreach (var r in report.Capacities) output.WriteLine(r.ToString());
        output.WriteLine($"re-solves {report.Resolves}");

        Assert.Equal(Plan.Value.Bottlenecks.Length, report.Capacities.Length);
        var model = FreightModelBuilder.Build(scenario);
        foreach (var range in report.Capacities)
        {
            Assert.InRange(range.CapacityTonnes, range.LowerTonnes, range.UpperTonnes ?? double.PositiveInfinity);
            var upper = range.UpperTonnes ?? range.CapacityTonnes * 2;
            foreach (var share in new[] { 0.0, 0.3, 0.9 })
            {
                var capacity = range.LowerTonnes + (share * (upper - range.LowerTonnes));
                var expected = Plan.Value.Objective - (range.PerTonne * (capacity - range.CapacityTonnes));
                Assert.Equal(expected, ColdOptimum(model, range, capacity), Math.Abs(expected) * 1e-7);
            }
        }
    }

    [Fact]
    public void Compare_CoalDemandTwentyPercentLower_ShowsLessCoalAndLowerCost()
    {
        var scenario = RussiaChinaCorridor.Build();
        var lower = scenario with { Demands = [.. scenario.Demands.Select(d => d.Commodity == RussiaChinaCorridor.Coal ? d with { AnnualTonnes = d.AnnualTonnes * 0.8 } : d)] };
        var planB = FreightPlanner.Optimize(lower, new SolveOptions { Appraise = AppraisalMode.Never }).GetPlanOrThrow();
        var comparison = PlanComparison.Compare(scenario, Plan.Value, lower, planB);
        foreach (var d in comparison.Costs.Concat(comparison.CrossingTonnes).Concat(comparison.MarketPrices.Take(8)).Concat(comparison.Investments)) output.WriteLine(d.ToString());

        Assert.Contains(comparison.Costs, d => d.Subject == "total" && d.Change < 0);
        Assert.All(comparison.CrossingTonnes.Where(d => d.Commodity == RussiaChinaCorridor.Coal), d => Assert.True(d.Change < 0, d.ToString()));
        Assert.True(PlanComparison.Compare(scenario, Plan.Value, scenario, Plan.Value).IsEmpty);
    }

    /// <summary>The optimum with one period's capacity changed, from a fresh model solved by GLOP (not the ranging's CLP).</summary>
    internal static double ColdOptimum(FreightModel model, CapacityRange range, double capacityTonnes)
    {
        var row = model.CapacityRows.Single(c => model.Problem.Rows[c.Row].Name == (range.Element.IsRoute
            ? ModelNames.RouteCapacity(range.Element.Route!.Value, range.Period)
            : ModelNames.LocationCapacity(range.Element.Location!.Value, range.Period)));
        var added = range.CapacityTonnes - row.BaseTonnes;
        var problem = Sensitivity.WithPlanDecisions(model, Plan.Value).WithChanges(null, new Dictionary<int, (double, double)> { [row.Row] = (double.NegativeInfinity, (capacityTonnes - added) / model.Scaling.TonneUnit) });
        var outcome = OrToolsSolver.Solve(problem, SolverEngine.Glop, new SolveOptions(), CancellationToken.None);
        Assert.Equal(SolveStatus.Optimal, outcome.Status);
        return outcome.Objective * model.Scaling.MoneyUnit;
    }
}
