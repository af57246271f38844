using FreightOptimizer.Formulation;
using FreightOptimizer.Tests.Solving;

namespace FreightOptimizer.Tests.Formulation;

/// <summary>The units the LP and MIP engines see (<see cref="FreightModelBuilder.ChooseScaling"/>).</summary>
public sealed class ModelScalingTests
{
    [Theory]
    [InlineData(250, 5, 0.1)]          // the usual range: the largest tonnage is about 10^3 units
    [InlineData(4e7, 2e5, 1e4)]
    [InlineData(1e12, 1000, 1000)]     // the smallest tonnage sets the unit: 1,000 t stays 1 unit, not 10^−6
    [InlineData(1e9, 1, 1)]
    public void ChooseScaling_TonneUnit_KeepsTheSmallestTonnageAtOneUnitOrMore(double supply, double demand, double expected)
    {
        var scaling = FreightModelBuilder.ChooseScaling(WideRangeScenarios.OneMarket(supply, demand));

        Assert.Equal(expected, scaling.TonneUnit, expected * 1e-12);
    }
}
