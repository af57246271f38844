using FreightOptimizer.Analysis;
using FreightOptimizer.Tests.Scenarios;

namespace FreightOptimizer.Tests.Analysis;

public sealed class EmissionsFrontierTests
{
    [Fact]
    public void Compute_RailOrRoad_RunsFromAllRoadToRailAtCapacity()
    {
        // Min cost (holding only): all 1,000 t by road, 72.24 t CO2e. Least CO2: rail at its 600 t and
        // 400 t by road: 600·0.0113 + 400·0.07224 = 35.676 t. Three points: caps 53.958 and 35.676.
        var points = EmissionsFrontier.Compute(GeneralisedCostScenarios.RailOrRoad(0.1), 3, new SolveOptions { MaxParallelSolves = 2 });

        Assert.Equal(3, points.Length);
        Assert.All(points, p => Assert.True(p.Plan?.Verification is { Passed: true, OptimalityCertified: true }, $"{p.Status}"));
        Assert.Null(points[0].Co2CapTonnes);
        Assert.Equal(72.24, points[0].Co2Tonnes!.Value, 6);
        Assert.Equal((72.24 + 35.676) / 2, points[1].Co2CapTonnes!.Value, 6);
        Assert.Equal((72.24 + 35.676) / 2, points[1].Co2Tonnes!.Value, 6);
        Assert.Equal(35.676, points[2].Co2Tonnes!.Value, 6);
        Assert.Equal(0, points[2].UnmetTonnes!.Value, 6);
        Assert.Equal(600, points[2].Plan!.Flows.Where(f => f.Route == "rail").Sum(f => f.Tonnes), 5); // the last cap is E_min + 10^−9
        var price = ((50_000 * 8 / 365.0 * 0.1) - 100) / (0.07224 - 0.0113);
        Assert.Equal(price, points[1].Co2PricePerTonne!.Value, 4);
        Assert.True(points[0].Cost < points[1].Cost && points[1].Cost < points[2].Cost);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(EmissionsFrontier.MaxPoints + 1)]
    public void Compute_BadPointCount_Throws(int points) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EmissionsFrontier.Compute(GeneralisedCostScenarios.RailOrRoad(), points));

    [Fact]
    public void Compute_ScenarioWithoutGeneralisedCost_StillMeasuresCo2()
    {
        var points = EmissionsFrontier.Compute(GeneralisedCostScenarios.RailOrRoad() with { GeneralisedCost = null }, 2);

        // Tariffs alone put rail at capacity: the min-cost plan is already the least-CO2 plan.
        Assert.Equal(35.676, points[0].Co2Tonnes!.Value, 6);
        Assert.Equal(35.676, points[1].Co2Tonnes!.Value, 6);
        Assert.Equal(points[0].Cost!.Value, points[1].Cost!.Value, 6);
    }
}

public sealed class EmissionsFrontierCorridorTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Compute_CorridorWithHoldingRate_MatchesDocsAndIsMonotone()
    {
        // docs/analysis.md, "Generalised cost and the cost–CO2 frontier": the figures quoted there.
        var corridor = FreightOptimizer.Corridors.RussiaChinaCorridor.Build();
        var scenario = corridor with { GeneralisedCost = corridor.GeneralisedCost! with { HoldingRatePerYear = 0.12 } };

        var points = EmissionsFrontier.Compute(scenario, 6, new SolveOptions { RelativeMipGap = 0 });

        Assert.All(points, p => Assert.True(p.Plan?.Verification is { Passed: true, OptimalityCertified: true }, $"{p.Co2CapTonnes}: {p.Status}"));
        Assert.Equal(767.70e9, points[0].Cost!.Value, 0.005e9);
        Assert.Equal(8.426e6, points[0].Co2Tonnes!.Value, 0.0005e6);
        Assert.Equal(805.62e9, points[^1].Cost!.Value, 0.005e9);
        Assert.Equal(7.224e6, points[^1].Co2Tonnes!.Value, 0.0005e6);
        Assert.Equal(0.79e6, points[^1].UnmetTonnes!.Value, 0.005e6);
        foreach (var (a, b) in points.Zip(points.Skip(1)))
        {
            Assert.True(b.Cost >= a.Cost * (1 - 1e-9), $"{b.Cost} < {a.Cost}");
            Assert.True(b.Co2Tonnes <= a.Co2Tonnes * (1 + 1e-9), $"{b.Co2Tonnes} > {a.Co2Tonnes}");
        }
    }
}
