using FreightOptimizer.Formulation;
using FreightOptimizer.Tests.Solving;

namespace FreightOptimizer.Tests.Formulation;

/// <summary>The integer scaling policy of the network-flow engines on numbers that span many orders of magnitude.</summary>
public sealed class IntegerScalingTests
{
    private static (IntegerScaling? Scaling, IntegerNetwork? Integers, string Reason, bool Scaled) Scale(Scenario scenario)
    {
        var scaled = IntegerScaling.TryScale(FlowNetworkBuilder.Build(scenario), out var scaling, out var integers, out var reason);
        return (scaling, integers, reason, scaled);
    }

    [Fact]
    public void MaxRelativeRounding_IsTheVerifiersDefaultTolerance()
    {
        var defaults = new VerifierOptions();

        Assert.Equal(IntegerScaling.MaxRelativeRounding, defaults.FeasibilityTolerance);
        Assert.Equal(IntegerScaling.MaxRelativeRounding, defaults.DualTolerance);
    }

    [Theory]
    [InlineData(1e12, 1000, 3)]
    [InlineData(1e9, 1, 0)]
    [InlineData(1e12, 0.5, -1)]
    public void TryScale_SmallDemandBesideAHugeSupply_IsExactAndKeepsTheDemand(double supply, double demand, int tonneExponent)
    {
        var (scaling, integers, _, scaled) = Scale(WideRangeScenarios.OneMarket(supply, demand));

        Assert.True(scaled);
        Assert.True(scaling!.IsExact);
        Assert.Equal(tonneExponent, scaling.TonneExponent);
        Assert.Equal(0, scaling.RoundingErrorBound);

        // The demand node asks for exactly the demand, in whole units; nothing rounded it to 0.
        var units = -integers!.Supply.Where(s => s < 0).Sum();
        Assert.Equal(demand, units * scaling.TonneQuantum, demand * 1e-15);
    }

    [Fact]
    public void TryScale_CostOf1e9PerTonneBesideAPenaltyOf1000_KeepsTheCostExact()
    {
        var (scaling, integers, _, scaled) = Scale(WideRangeScenarios.OneMarket(1000, 1000, costPerTonne: 1e-9, penaltyPerTonne: 1000));

        Assert.True(scaled);
        Assert.True(scaling!.IsExact);
        Assert.Equal(-9, scaling.CostExponent);
        // Rail at 1 unit of 10^−9, the penalty at 10^12 units, the free supply at 0.
        Assert.Equal([0L, 1L, 1_000_000_000_000L], integers!.Cost.Order());
    }

    [Fact]
    public void TryScale_NumbersThatNeedAFinerQuantumThanTheBudgetsAllow_RoundsEachByLessThanTheTolerance()
    {
        var (scaling, integers, _, scaled) = Scale(WideRangeScenarios.RoundedPastItsCertificate());

        Assert.True(scaled);
        Assert.False(scaling!.IsExact);
        Assert.Equal(-4, scaling.TonneExponent);
        Assert.True(scaling.RoundingErrorBound > 0);
        var demand = -integers!.Supply.Where(s => s < 0).Sum() * scaling.TonneQuantum;
        Assert.True(Math.Abs(demand - WideRangeScenarios.OddDemand) <= 5e-8 * WideRangeScenarios.OddDemand, $"demand {demand}");
    }

    [Fact]
    public void TryScale_TonnagesNoAllowedQuantumFits_RefusesAndSaysWhyInTermsOfTheTolerance()
    {
        // π t beside 9.9·10^11 t: no power of ten makes π whole, and the safe quantum for π (10^−7 t)
        // makes the supply 9.9·10^18 units, above the 2^61 budget.
        var (scaling, _, reason, scaled) = Scale(WideRangeScenarios.OneMarket(987_654_321_987, Math.PI));

        Assert.False(scaled);
        Assert.Null(scaling);
        Assert.Contains("verifier's tolerance", reason, StringComparison.Ordinal);
        Assert.Contains("2^61", reason, StringComparison.Ordinal);
    }
}
