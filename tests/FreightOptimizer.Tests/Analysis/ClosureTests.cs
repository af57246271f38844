using System.Globalization;
using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;
using Xunit.Abstractions;

namespace FreightOptimizer.Tests.Analysis;

public sealed class ClosureTests(ITestOutputHelper output)
{
    private const double Relative = 1e-6;

    /// <summary>One origin, two border crossings (one cheaper and capacitated), one market; one month may close.</summary>
    internal static Scenario TwoCrossings(bool mustServe = false)
    {
        var costs = new Dictionary<CommodityId, double> { ["coal"] = 100 };
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("MINE", LocationKind.Origin)
            .AddLocation("NORTH", LocationKind.BorderCrossing, annualCapacityTonnes: 600)
            .AddLocation("SOUTH", LocationKind.BorderCrossing)
            .AddLocation("CITY", LocationKind.Market)
            .AddRoute("mine-north", "MINE", "NORTH", TransportMode.Rail, costs)
            .AddRoute("north-city", "NORTH", "CITY", TransportMode.Rail, costs)
            .AddRoute("mine-south", "MINE", "SOUTH", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 150 }, annualCapacityTonnes: 300)
            .AddRoute("south-city", "SOUTH", "CITY", TransportMode.Rail, costs)
            .AddRoute("unused", "MINE", "CITY", TransportMode.Sea, new Dictionary<CommodityId, double> { ["coal"] = 10_000 })
            .Build();
        return new ScenarioBuilder(network)
            .AddPeriod("jan", 0.5).AddPeriod("feb", 0.5)
            .AddSupply("MINE", "coal", annualTonnes: 2_000, costPerTonne: 10)
            .AddDemand(new Demand("CITY", "coal", 800) { UnmetPenaltyPerTonne = 1_000, MustServe = mustServe })
            .Build();
    }

    [Fact]
    public void Run_DefaultOptions_ClosesEveryCrossingInNetworkOrder()
    {
        var study = Closures.Run(TwoCrossings(), new ClosureOptions { MaxParallelSolves = 1 });

        Assert.Equal(SolveStatus.Optimal, study.Base.Status);
        Assert.Equal(["NORTH", "SOUTH"], study.Results.Select(r => r.Element.Id));
        Assert.All(study.Results, r => Assert.Equal(["jan", "feb"], r.Periods.Select(p => p.Value)));
        Assert.All(study.Results, r => Assert.Equal(SolveStatus.Optimal, r.Status));
        Assert.All(study.Results, r => Assert.True(r.Plan!.Verification!.OptimalityCertified));
    }

    [Fact]
    public void Run_NorthClosed_CargoMovesSouthAndTheRestIsUnmet()
    {
        // Base: NORTH carries its 600 t (cost 200/t), SOUTH 200 t (250/t). Closed: SOUTH's route takes
        // its 300 t and 500 t go unmet at 1,000/t.
        var study = Closures.Run(TwoCrossings(), new ClosureOptions { Closures = [Closure.Of(new LocationId("NORTH"))] });

        var north = Assert.Single(study.Results);
        Assert.Equal(ElementKind.Location, north.Kind);
        Assert.Equal(SolveStatus.Optimal, north.Status);
        Assert.Equal(800 * 10 + 600 * 200 + 200 * 250, study.Base.Plan!.Objective, 6);
        Assert.Equal(300 * 10 + 300 * 250 + 500 * 1_000, north.Objective!.Value, 6);
        Assert.Equal(north.Objective!.Value - study.Base.Plan.Objective, north.CostChange!.Value, 6);
        var shortfall = Assert.Single(north.Unmet);
        Assert.Equal(("CITY", "coal", 0.0, 500.0), (shortfall.Location.Value, shortfall.Commodity.Value, shortfall.BaseTonnes, Math.Round(shortfall.Tonnes, 6)));
        Assert.Equal([("NORTH", 600.0, 0.0), ("SOUTH", 200.0, 300.0)], north.Crossings.Select(c => (c.Crossing.Value, Math.Round(c.BaseTonnes, 6), Math.Round(c.Tonnes, 6))));
        Assert.Equal("SOUTH", Assert.Single(north.Gained).Crossing.Value);
        Assert.Equal("NORTH", Assert.Single(north.Lost).Crossing.Value);
    }

    [Fact]
    public void Run_OneMonth_ClosesOnlyThatMonth()
    {
        var study = Closures.Run(TwoCrossings(), new ClosureOptions { Closures = [Closure.Of(new LocationId("NORTH"), "feb")] });

        var result = Assert.Single(study.Results);
        Assert.Equal(["feb"], result.Periods.Select(p => p.Value));
        Assert.Equal(250, Math.Round(result.Unmet.Single().Tonnes, 6)); // 400 t wanted in February, 150 t by SOUTH
        Assert.DoesNotContain(result.Plan!.Flows, f => f.Period == "feb" && f.Route.Value.Contains("north", StringComparison.Ordinal));
        Assert.Contains(result.Plan.Flows, f => f.Period == "jan" && f.Route == "mine-north");
    }

    [Fact]
    public void Run_UnusedRouteClosed_ChangesNothing()
    {
        var study = Closures.Run(TwoCrossings(), new ClosureOptions { Closures = [Closure.Of(new RouteId("unused"))] });

        var result = Assert.Single(study.Results);
        Assert.Equal(0, result.CostChange);
        Assert.All(result.Crossings, c => Assert.Equal(c.BaseTonnes, c.Tonnes, 6));
    }

    [Fact]
    public void Run_MarketWithHardDemandClosed_IsInfeasibleWithoutAPlan()
    {
        // Nothing can be served at a closed location, and a hard demand must be.
        var study = Closures.Run(TwoCrossings(mustServe: true), new ClosureOptions { Closures = [Closure.Of(new LocationId("CITY"), "jan")] });

        var result = Assert.Single(study.Results);
        Assert.Equal(SolveStatus.Infeasible, result.Status);
        Assert.Null(result.Objective);
        Assert.Null(result.Plan);
        Assert.False(result.HasPlan);
    }

    [Fact]
    public void Run_ColdAndWarm_GiveTheSameAnswers()
    {
        var warm = Closures.Run(TwoCrossings(), new ClosureOptions { MaxParallelSolves = 1 });
        var cold = Closures.Run(TwoCrossings(), new ClosureOptions { MaxParallelSolves = 2, WarmStart = false, Engine = SolverEngine.Glop });

        Assert.All(warm.Results, r => Assert.True(r.WarmStarted));
        Assert.All(cold.Results, r => Assert.False(r.WarmStarted));
        Assert.Equal(warm.Results.Select(r => Math.Round(r.Objective!.Value, 6)), cold.Results.Select(r => Math.Round(r.Objective!.Value, 6)));
    }

    [Fact]
    public void Run_UnknownElementOrPeriod_ThrowsValidationException()
    {
        var exception = Assert.Throws<FreightValidationException>(() => Closures.Run(TwoCrossings(), new ClosureOptions
        {
            Closures = [Closure.Of(new LocationId("NOWHERE")), Closure.Of(new RouteId("mine-north"), "march")],
        }));

        Assert.Equal(2, exception.Issues.Length);
        Assert.All(exception.Issues, i => Assert.Equal(ValidationCode.UnknownReference, i.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Run_BadParallelism_ThrowsArgumentException(int parallel) =>
        Assert.Throws<ArgumentException>(() => Closures.Run(TwoCrossings(), new ClosureOptions { MaxParallelSolves = parallel }));

    [Fact]
    public void Run_MipEngineForClosures_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => Closures.Run(TwoCrossings(), new ClosureOptions { Engine = SolverEngine.Scip }));

    [Fact]
    public void Run_Cancelled_ReportsCancelledWithoutPlans()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();
        var progress = new SynchronousProgress<ClosureProgress>(p =>
        {
            seen.Add(p.Completed);
            cancellation.Cancel();
        });

        var study = Closures.Run(TwoCrossings(), new ClosureOptions { MaxParallelSolves = 1 }, progress, cancellation.Token);

        // The base solve and the first closure finish; the token is cancelled when the first is reported.
        Assert.Equal(SolveStatus.Optimal, study.Results[0].Status);
        Assert.Equal(SolveStatus.Cancelled, study.Results[1].Status);
        Assert.Null(study.Results[1].Plan);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Run_Corridor_EveryCrossingInBothModes()
    {
        var scenario = RussiaChinaCorridor.Build();
        var operational = Closures.Run(scenario, new ClosureOptions { Mode = ClosureMode.Operational });
        var replan = Closures.Run(scenario, new ClosureOptions { Mode = ClosureMode.Replan });

        var crossings = scenario.Network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => l.Id).ToList();
        Assert.Equal(crossings, operational.Results.Select(r => r.Element.Location!.Value));
        Assert.Equal(crossings, replan.Results.Select(r => r.Element.Location!.Value));
        foreach (var (o, r) in operational.Results.Zip(replan.Results))
        {
            Assert.Equal(SolveStatus.Optimal, o.Status);
            Assert.Equal(SolveStatus.Optimal, r.Status);
            Assert.True(o.Plan!.Verification!.OptimalityCertified);
            Assert.True(o.CostChange >= 0, $"{o.Element}: {o.CostChange}");
            Assert.True(r.CostChange >= -Relative * operational.Base.Plan!.Objective, $"{r.Element}: {r.CostChange}");

            // Replanning may only do better than keeping the base plan's investments.
            Assert.True(r.Objective <= o.Objective + (Relative * o.Objective), $"{o.Element}: replan {r.Objective} > operational {o.Objective}");
        }

        output.WriteLine(Table(operational));
        output.WriteLine(Table(replan));
    }

    /// <summary>The closure table as the docs quote it: bn RUB, Mt.</summary>
    internal static string Table(ClosureStudy study)
    {
        var lines = new List<string> { $"{study.Mode}: base {study.Base.Plan!.Objective / 1e9:0.00} bn", "crossing                       status   cost+ bn  unmet Mt  where the cargo went (Mt)" };
        foreach (var r in study.Results)
        {
            var moves = string.Join(", ", r.Crossings.Where(c => Math.Abs(c.Change) >= 0.005e6).OrderByDescending(c => c.Change).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Crossing} {c.Change / 1e6:+0.00;-0.00}")));
            var unmet = r.Unmet.Sum(u => u.Tonnes);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{r.Element.Id,-30} {r.Status,-8} {(r.CostChange ?? double.NaN) / 1e9,8:0.00} {unmet / 1e6,9:0.00}  {moves}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
