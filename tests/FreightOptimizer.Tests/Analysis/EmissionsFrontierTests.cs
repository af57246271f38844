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
