using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>
/// The corridor as it was in 2023 (no investment option built, <see cref="RussiaChinaCorridor.BaseYear"/>)
/// against its observations (docs/corridor.md §12.7): one test per calibration target, each reading the
/// observed number from the file, so a change of data that breaks the calibration fails here.
/// </summary>
public sealed class RussiaChinaCorridorBaseYearTests
{
    private static readonly Lazy<OptimizationResult> Solved = new(() => ObservationReport.CompareAsObserved(RussiaChinaCorridor.Scenario));

    private static AllocationPlan Plan => Solved.Value.GetPlanOrThrow();

    private static ObservationComparison Row(string id) => Plan.Observations.Single(o => o.Id == id);

    private static Observation Observed(string id) => RussiaChinaCorridor.Scenario.Observations.Single(o => o.Id == id);

    private static double Flow(string route, string? period = null) =>
        Plan.Flows.Where(f => f.Route.Value == route && (period is null || f.Period.Value == period)).Sum(f => f.Tonnes);

    /// <summary>Modelled within ±25 % of the observation, and the file's observation says 25 % too.</summary>
    private static void AssertWithin25Percent(string id)
    {
        var row = Row(id);
        Assert.Equal(Observed(id).AnnualTonnes, row.ObservedAnnualTonnes);
        Assert.True(Math.Abs(row.ModelledAnnualTonnes - row.ObservedAnnualTonnes) <= 0.25 * row.ObservedAnnualTonnes,
            $"{id}: modelled {row.ModelledAnnualTonnes / 1e6:0.00} Mt against {row.ObservedAnnualTonnes / 1e6:0.00} Mt observed ({row.RelativeDifference:+0%;-0%})");
        Assert.True(row.WithinTolerance);
    }

    [Fact]
    public void BaseYear_SolvesWithNothingBuilt_ToAVerifiedOptimumServingAllDemand()
    {
        Assert.Empty(RussiaChinaCorridor.BaseYear.Investments);
        Assert.Null(RussiaChinaCorridor.BaseYear.Budget);
        Assert.Equal(SolveStatus.Optimal, Solved.Value.Status);
        Assert.True(Plan.Verification is { Passed: true, OptimalityCertified: true });
        Assert.True(Plan.TotalUnmetTonnes < 1, $"unmet {Plan.TotalUnmetTonnes} t");
        Assert.Equal(RussiaChinaCorridor.Scenario.Observations.Length, Plan.Observations.Length);
    }

    [Fact]
    public void Observations_EveryRussiaToChinaCrossingOfAtLeast2Mt_IsObserved()
    {
        var crossings = new[] { "zabaikalsk-2023", "grodekovo-2023", "nizhneleninskoye-2023", "makhalino-2023", "naushki-2023", "dzhalinda-2023" };
        Assert.All(crossings, id => Assert.True(Observed(id).AnnualTonnes >= 2e6, id));
        Assert.All(crossings, id => Assert.False(string.IsNullOrWhiteSpace(Observed(id).Source), id));
    }

    [Fact]
    public void Zabaikalsk_2023_IsWithin25Percent() => AssertWithin25Percent("zabaikalsk-2023");

    [Fact]
    public void Grodekovo_2023_IsWithin25Percent() => AssertWithin25Percent("grodekovo-2023");

    [Fact]
    public void NizhneleninskoyeBridge_2023_IsWithin25Percent() => AssertWithin25Percent("nizhneleninskoye-2023");

    [Fact]
    public void Makhalino_2023_IsWithin25Percent() => AssertWithin25Percent("makhalino-2023");

    [Fact]
    public void NaushkiTransit_2023_IsWithin25Percent() => AssertWithin25Percent("naushki-2023");

    [Fact]
    public void DzhalindaPipeline_2023_IsWithin25Percent() => AssertWithin25Percent("dzhalinda-2023");

    [Fact]
    public void CoalByLand_2023_IsWithin25Percent() => AssertWithin25Percent("coal-by-land-2023");

    [Fact]
    public void CoalBySea_2023_IsWithin25Percent() => AssertWithin25Percent("coal-by-sea-2023");

    [Fact]
    public void NorthernSeaRoute_IsUsedOnlyInItsSeason()
    {
        foreach (var month in new[] { "jan", "feb", "mar", "apr", "may", "jun", "dec" })
            Assert.Equal(0, Flow(RussiaChinaCorridor.NorthernSeaRouteId, month));
        Assert.True(Flow(RussiaChinaCorridor.NorthernSeaRouteId, "aug") > 0);
        AssertWithin25Percent("nsr-crude-2023");
    }

    [Fact]
    public void CostCrossCheck_OverlandIsCheaperForNortheastChina_SeaServesTheCoast()
    {
        double Price(string location, string month) =>
            Plan.Prices.Balance.Single(p => p.Location.Value == location && p.Commodity.Value == "coal" && p.Period.Value == month).PerTonne;
        foreach (var month in RussiaChinaCorridor.MonthIds)
        {
            foreach (var coast in new[] { "CN_DALIAN", "CN_TIANJIN", "CN_QINGDAO" })
                Assert.True(Price("CN_HARBIN", month) < Price(coast, month), $"{month}: Harbin against {coast}");
        }

        var network = RussiaChinaCorridor.Scenario.Network;
        Assert.Equal(0, Plan.Flows.Where(f => f.Commodity.Value == "coal" && network.GetRoute(f.Route).Mode == TransportMode.Sea
            && f.Route.Value.Contains("harbin", StringComparison.Ordinal)).Sum(f => f.Tonnes));
        Assert.True(Plan.Flows.Where(f => f.Commodity.Value == "coal" && network.GetRoute(f.Route) is { Mode: TransportMode.Sea, To.Value: "CN_QINGDAO" }).Sum(f => f.Tonnes) > 10e6);
    }

    [Fact]
    public void Blagoveshchensk_BelowTwoMt_IsOutsideItsAssumedRange_AsDocumented()
    {
        // docs/corridor.md §12.7: the road carries its full 1.4 Mt and the barges and ice road the rest;
        // the observation is itself an assumption (0.5–1.4 Mt), so this is a known miss, not a target.
        var row = Row("blagoveshchensk-2023");
        Assert.False(row.WithinTolerance);
        Assert.InRange(row.ModelledAnnualTonnes, 1.4e6, 1.7e6);
    }
}
