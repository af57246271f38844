using FreightOptimizer.Analysis;
using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Analysis;

public sealed class BudgetFrontierTests
{
    [Theory]
    [InlineData(0, 90e9, 5e9, 19)]
    [InlineData(0, 10, 3, 5)] // 0, 3, 6, 9 and the maximum 10
    [InlineData(5, 5, 1, 1)]
    [InlineData(0, 1, 0.1, 11)] // 0.1 steps that do not add up exactly still end on the maximum
    public void Steps_IncludeTheMaximum(double min, double max, double step, int count)
    {
        var budgets = BudgetFrontier.Steps(min, max, step);

        Assert.Equal(count, budgets.Length);
        Assert.Equal(min, budgets[0]);
        Assert.Equal(max, budgets[^1]);
        Assert.True(budgets.Zip(budgets.Skip(1)).All(p => p.First < p.Second));
    }

    [Theory]
    [InlineData(-1, 10, 1)]
    [InlineData(10, 5, 1)]
    [InlineData(0, 10, 0)]
    [InlineData(0, 1e12, 1)]
    public void Steps_BadRange_Throws(double min, double max, double step) =>
        Assert.Throws<ArgumentException>(() => BudgetFrontier.Steps(min, max, step));

    [Fact]
    public void Solve_SmallScenario_BuysTheExpansionOnceItFits()
    {
        var points = BudgetFrontier.Solve(InvestmentAppraisalTests.TwoYears(), [0, 199, 200, 10_000], new SolveOptions { MaxParallelSolves = 2 });

        Assert.Equal([0, 199, 200, 10_000], points.Select(p => p.Budget));
        Assert.All(points, p => Assert.Equal(SolveStatus.Optimal, p.Status));
        Assert.Equal([1260, 1260, 1000, 1000], points.Select(p => Math.Round(p.Objective!.Value, 6)));
        Assert.Equal([0, 0, 200, 200], points.Select(p => p.CapitalSpent!.Value));
        Assert.Empty(points[1].Chosen);
        Assert.Equal("ab-expansion", Assert.Single(points[2].Chosen).Id);
        Assert.All(points, p => Assert.Equal(0, p.UnmetTonnes!.Value, 1e-9));
    }

    [Fact]
    public void Solve_Corridor_FromZeroToEveryProject_IsMonotone()
    {
        var scenario = RussiaChinaCorridor.Scenario;
        var all = scenario.Investments.Sum(o => o.CapitalCost * o.UnitLimit);
        Assert.Equal(90e9, all);

        var points = BudgetFrontier.Solve(scenario, BudgetFrontier.Steps(0, all, 10e9));

        Assert.All(points, p => Assert.Equal(SolveStatus.Optimal, p.Status));
        foreach (var (lower, higher) in points.Zip(points.Skip(1)))
        {
            Assert.True(higher.Objective <= lower.Objective * (1 + 1e-9), $"{higher.Budget}: {higher.Objective} > {lower.Budget}: {lower.Objective}");
            Assert.True(higher.CapitalSpent <= higher.Budget);
        }

        Assert.Empty(points[0].Chosen);
        Assert.True(points[^1].Objective < points[0].Objective);
    }
}
