using FreightOptimizer.Analysis;

namespace FreightOptimizer.Tests.Analysis;

public sealed class PlanComparisonTests
{
    [Fact]
    public void Compare_DemandRaised_CostsAndMarketPriceLargestFirst()
    {
        var a = SensitivityTests.TwoRoutes();
        var b = a with { Demands = [.. a.Demands.Select(d => d with { AnnualTonnes = 20 })] };
        var planA = FreightPlanner.Optimize(a).GetPlanOrThrow();
        var planB = FreightPlanner.Optimize(b).GetPlanOrThrow();

        var comparison = PlanComparison.Compare(a, planA, b, planB);

        // 5 t more by the dear route: transport and total rise by 15; the market price stays 3.
        Assert.Equal([("total", 15.0), ("transport", 15.0)], comparison.Costs.Select(d => (d.Subject, Math.Round(d.Change, 9))));
        Assert.Empty(comparison.MarketPrices);
        Assert.Empty(comparison.CrossingTonnes);
        Assert.Empty(comparison.Investments);
    }
}
