using FreightOptimizer.Analysis;
using FreightOptimizer.Formulation;
using FreightOptimizer.Tests.Validation;

namespace FreightOptimizer.Tests.Formulation;

/// <summary>The model units chosen from the data keep every coefficient finite, at the smallest numbers too.</summary>
public sealed class ScalingTests
{
    [Fact]
    public void ChooseScaling_SmallestPositiveCapitalBesideTheLargestBudget_KeepsTheBudgetRowFinite()
    {
        // 10^⌊log10 5e-324⌋ is 10^−324, which is 0 in a double: the budget row would divide by it.
        var scenario = ValidationScenarios.Valid()
            .WithInvestment(0, o => o with { CapitalCost = 5e-324 })
            .WithInvestment(1, o => o with { CapitalCost = 5e-324 }) with { Budget = new Budget(1e15) };

        var scaling = FreightModelBuilder.ChooseScaling(scenario);
        var model = FreightModelBuilder.Build(scenario);

        Assert.True(scaling.CapitalUnit > 0);
        Assert.Null(model.Problem.DescribeNonFinite());
    }

    [Fact]
    public void ChooseScaling_SmallestPositiveQuantitiesAndCosts_GivesPositiveFiniteUnits()
    {
        var scenario = ValidationScenarios.Valid()
            .WithRoute(0, r => r with { AnnualCapacityTonnes = 5e-324, CostPerTonne = ValidationScenarios.Costs(("coal", 5e-324)) })
            .WithRoute(1, r => r with { AnnualCapacityTonnes = 5e-324, CostPerTonne = ValidationScenarios.Costs(("coal", 5e-324), ("oil", 5e-324)) })
            .WithLocation(1, l => l with { AnnualCapacityTonnes = 5e-324, HandlingCostPerTonne = ValidationScenarios.Costs(("coal", 5e-324)) });
        scenario = scenario with
        {
            Supplies = [scenario.Supplies[0] with { AnnualTonnes = 5e-324, CostPerTonne = 5e-324 }],
            Demands = [scenario.Demands[0] with { AnnualTonnes = 5e-324 }],
        };

        var scaling = FreightModelBuilder.ChooseScaling(scenario);

        Assert.All([scaling.TonneUnit, scaling.MoneyUnit, scaling.CapitalUnit], u => Assert.True(double.IsFinite(u) && u > 0, $"unit {u}"));
        Assert.Null(FreightModelBuilder.Build(scenario).Problem.DescribeNonFinite());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void LastResortPenalty_BoundNotFiniteOrHuge_IsTheLargestAmount(double bound) =>
        Assert.Equal(1e15, InfeasibilityExplainer.LastResortPenalty(bound));

    [Fact]
    public void CostBound_OptionWithoutCapitalOnTheSmallestCapacity_IsFinite()
    {
        var scenario = ValidationScenarios.Valid().WithInvestment(0, o => o with { CapitalCost = 0, AddedAnnualCapacityTonnes = 5e-324 });

        Assert.True(double.IsFinite(InfeasibilityExplainer.CostBound(scenario)));
    }

    [Fact]
    public void CostBound_CapitalOverTheSmallestCapacity_IsCappedByTheLastResortPenalty()
    {
        var scenario = ValidationScenarios.Valid().WithInvestment(0, o => o with { AddedAnnualCapacityTonnes = 5e-324 });

        Assert.Equal(1e15, InfeasibilityExplainer.LastResortPenalty(InfeasibilityExplainer.CostBound(scenario)));
    }
}
