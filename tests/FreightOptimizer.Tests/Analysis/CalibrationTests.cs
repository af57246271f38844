using System.Collections.Immutable;
using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Analysis;

/// <summary>
/// Calibration on cases small enough to solve by hand: 10 t/yr wanted at T (1,000 a tonne unmet), 10
/// t/yr at S for nothing, two parallel routes S → T of 8 t/yr each, A at 10 a tonne and B at 15. The
/// optimum sends 8 t on A and 2 t on B; the feasible vertices of the split are A = 8 and A = 2.
/// </summary>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private static Scenario TwoRoutes(params Observation[] observations)
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("S", LocationKind.Origin)
            .AddLocation("T", LocationKind.Market)
            .AddRoute(new Route("A", "S", "T", TransportMode.Rail) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(10) })
            .AddRoute(new Route("B", "S", "T", TransportMode.Road) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(15) })
            .Build();
        var builder = new ScenarioBuilder(network).AddSupply("S", "coal", 10).AddDemand("T", "coal", 10, 1_000);
        foreach (var o in observations) builder.AddObservation(o);
        return builder.Build();
    }

    private static ImmutableDictionary<CommodityId, double> Cost(double c) => new Dictionary<CommodityId, double> { ["coal"] = c }.ToImmutableDictionary();

    private static Observation Seen(string id, double tonnes, double tolerance, params NetworkElement[] elements) =>
        new(id, [.. elements], tonnes, tolerance) { Source = "by hand" };

    [Fact]
    public void Calibrate_ObservedSplitAtTheOtherVertex_ConstantIsTheCostDifference()
    {
        // Observed: A carries 2 t (±10 %). The band is [1.9, 2.1]; A takes its top, 2.1, and the row's dual
        // is what a tonne more on A saves: 15 − 10 = 5. With +5 on A the two routes tie; the nudge makes
        // A a little dearer, so the optimum is the vertex A = 2.
        var result = Calibration.Calibrate(TwoRoutes(Seen("a", 2, 0.1, new RouteId("A"))));

        Assert.Equal(CalibrationStatus.Calibrated, result.Status);
        var constant = Assert.Single(result.Constants);
        Assert.Equal(5, constant.DualPerTonne, 6);
        Assert.InRange(constant.CostPerTonne, 5, 5.01);
        Assert.Equal(ObservationCalibration.Matched, constant.Outcome);
        Assert.Equal(8, result.Before[0].ModelledAnnualTonnes, 6);
        Assert.Equal(2, result.After[0].ModelledAnnualTonnes, 6);
        var adjustment = Assert.Single(result.Calibrated!.CostAdjustments);
        Assert.Equal((NetworkElement)new RouteId("A"), adjustment.Element);
        Assert.Equal(Calibration.Source, adjustment.Source);
        Assert.Equal("a", adjustment.Observation);
        Assert.Equal(constant.CostPerTonne, result.Calibrated.RouteCostPerTonne(result.Calibrated.Network.GetRoute("A"), "coal") - 10, 9);

        // The calibrated scenario solved on its own, without the observation rows, is verified and certified.
        var plan = FreightPlanner.Optimize(result.Calibrated).GetPlanOrThrow();
        Assert.True(plan.Verification!.OptimalityCertified);
        Assert.Equal(2, plan.Flows.Where(f => f.Route == "A").Sum(f => f.Tonnes), 6);
    }

    [Fact]
    public void Calibrate_DearerRouteObservedFull_ConstantIsMinusTheCostDifference()
    {
        var result = Calibration.Calibrate(TwoRoutes(Seen("b", 8, 0.1, new RouteId("B"))));

        Assert.Equal(CalibrationStatus.Calibrated, result.Status);
        Assert.Equal(-5, result.Constants[0].DualPerTonne, 6);
        Assert.InRange(result.Constants[0].CostPerTonne, -5.01, -5);
        Assert.Equal(8, result.After[0].ModelledAnnualTonnes, 6);
    }

    [Fact]
    public void Calibrate_SplitStrictlyInsideAFace_IsReportedNotReproduced()
    {
        // 5 t on A (±10 %): no vertex of the split is within [4.5, 5.5], and no linear cost makes an
        // interior point the only optimum.
        var result = Calibration.Calibrate(TwoRoutes(Seen("a", 5, 0.1, new RouteId("A"))));

        Assert.Equal(CalibrationStatus.Partial, result.Status);
        Assert.Equal(ObservationCalibration.NotReproduced, result.Constants[0].Outcome);
        Assert.False(result.After[0].WithinTolerance);
    }

    [Fact]
    public void Calibrate_MoreThanTheCapacityObserved_IsUnattainableAndGetsNoConstant()
    {
        var result = Calibration.Calibrate(TwoRoutes(Seen("a", 9.5, 0.02, new RouteId("A")), Seen("b", 2, 0.1, new RouteId("B"))));

        Assert.Equal(CalibrationStatus.Partial, result.Status);
        Assert.Equal(ObservationCalibration.Unattainable, result.Constants[0].Outcome);
        Assert.Equal(0, result.Constants[0].CostPerTonne);
        Assert.Equal(ObservationCalibration.Matched, result.Constants[1].Outcome);
        Assert.DoesNotContain(result.Calibrated!.CostAdjustments, a => a.Observation == "a");
    }

    [Fact]
    public void Calibrate_NegativeConstantBelowAZeroHandlingCost_IsClamped()
    {
        // Two paths through hubs H1 (route cost 10) and H2 (15), no handling: observing 8 t through H2
        // asks for −5 on H2's handling, which is 0; it is held at 0 and the observation is not reproduced.
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("S", LocationKind.Origin)
            .AddLocation("H1", LocationKind.Hub)
            .AddLocation("H2", LocationKind.Hub)
            .AddLocation("T", LocationKind.Market)
            .AddRoute(new Route("s-h1", "S", "H1", TransportMode.Rail) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(10) })
            .AddRoute(new Route("s-h2", "S", "H2", TransportMode.Rail) { AnnualCapacityTonnes = 8, CostPerTonne = Cost(15) })
            .AddRoute("h1-t", "H1", "T", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 0 })
            .AddRoute("h2-t", "H2", "T", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 0 })
            .Build();
        var scenario = new ScenarioBuilder(network).AddSupply("S", "coal", 10).AddDemand("T", "coal", 10, 1_000)
            .AddObservation(Seen("h2", 8, 0.1, new LocationId("H2"))).Build();

        var result = Calibration.Calibrate(scenario);

        Assert.Equal(-5, result.Constants[0].DualPerTonne, 6);
        Assert.True(result.Constants[0].Clamped);
        Assert.Equal(0, result.Constants[0].CostPerTonne);
        Assert.Equal(ObservationCalibration.NotReproduced, result.Constants[0].Outcome);
        Assert.Empty(ScenarioValidator.Validate(result.Calibrated!).Where(i => i.Severity == ValidationSeverity.Error));
    }

    [Fact]
    public void Calibrate_CalibratedScenarioAgain_StartsAfresh()
    {
        var once = Calibration.Calibrate(TwoRoutes(Seen("a", 2, 0.1, new RouteId("A"))));
        var twice = Calibration.Calibrate(once.Calibrated!);

        Assert.Equal(once.Constants[0].DualPerTonne, twice.Constants[0].DualPerTonne, 6);
        Assert.Single(twice.Calibrated!.CostAdjustments);
    }

    [Fact]
    public void Calibrate_EngineWithoutDuals_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Calibrate(TwoRoutes(), new CalibrationOptions { Engine = SolverEngine.Scip }));

    [Fact]
    public void Calibrate_Corridor_MatchesEveryObservation()
    {
        var result = Calibration.Calibrate(RussiaChinaCorridor.Scenario);
        output.WriteLine(result.ToText());

        // docs/corridor.md §12.8: Blagoveshchensk is outside its tolerance before (1.60 Mt against 0.95 ± 50 %) and inside after.
        Assert.Equal(CalibrationStatus.Calibrated, result.Status);
        Assert.Equal(10, result.Before.Count(r => r.WithinTolerance));
        Assert.All(result.After, r => Assert.True(r.WithinTolerance, r.Id));
        var blagoveshchensk = result.Constants.Single(c => c.Observation == "blagoveshchensk-2023");
        Assert.InRange(blagoveshchensk.CostPerTonne, 2189, 2200);
        Assert.Equal(1.15e6, result.After[result.Constants.IndexOf(blagoveshchensk)].ModelledAnnualTonnes, 1e-3);
        Assert.Empty(ScenarioValidator.Validate(result.Calibrated!).Where(i => i.Severity == ValidationSeverity.Error));
    }

    [Fact]
    public void ToText_TwoRoutes_ListsBeforeAfterAndTheConstant()
    {
        var text = Calibration.Calibrate(TwoRoutes(Seen("a", 2, 0.1, new RouteId("A")))).ToText();

        Assert.StartsWith("Calibrated: 1 of 1 observation(s) within tolerance", text, StringComparison.Ordinal);
        Assert.Matches(@"\na +8\.00 +2\.00 +2\.00 +10 % +\+5\.0\d +Matched\n", text);
    }
}
