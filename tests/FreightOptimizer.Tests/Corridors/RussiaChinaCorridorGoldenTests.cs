using System.Text.Json;
using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Corridors;

/// <summary>
/// The corridor's answer, checked in (Golden/russia-china-2023.golden.json) and compared with a
/// relative tolerance of 1e-6, so that a change in the answer shows in review. Two engines must
/// agree on each: SCIP and HiGHS on the investment MIP, GLOP and CLP on the LP without investments.
/// </summary>
public sealed class RussiaChinaCorridorGoldenTests
{
    private const double Tolerance = 1e-6;

    private static JsonElement Golden { get; } =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "russia-china-2023.golden.json"))).RootElement;

    [Theory]
    [InlineData(SolverEngine.Scip)]
    [InlineData(SolverEngine.Highs)]
    public void WithInvestments_MatchesGolden(SolverEngine engine)
    {
        var golden = Golden.GetProperty("withInvestments");

        var result = FreightPlanner.Optimize(RussiaChinaCorridor.Build(), new SolveOptions { Engine = engine, RelativeMipGap = 0 });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        var plan = result.GetPlanOrThrow();
        AssertClose(golden.GetProperty("objective").GetDouble(), plan.Objective);
        foreach (var unit in golden.GetProperty("units").EnumerateObject())
        {
            Assert.Equal(unit.Value.GetDouble(), plan.Investments.Single(i => i.Id == unit.Name).Units);
        }

        Assert.Equal(golden.GetProperty("unmetTonnes").GetDouble(), plan.TotalUnmetTonnes, 1e-3);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, $"verification: {plan.Verification}");
    }

    [Theory]
    [InlineData(SolverEngine.Glop)]
    [InlineData(SolverEngine.Clp)]
    public void WithoutInvestments_MatchesGolden(SolverEngine engine)
    {
        var golden = Golden.GetProperty("withoutInvestments");
        var scenario = RussiaChinaCorridor.Build() with { Investments = [], Budget = null };

        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        var plan = result.GetPlanOrThrow();
        AssertClose(golden.GetProperty("objective").GetDouble(), plan.Objective);
        Assert.Equal(golden.GetProperty("unmetTonnes").GetDouble(), plan.TotalUnmetTonnes, 1e-3);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, $"verification: {plan.Verification}");
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Abs(expected),
            $"objective {actual:R} differs from the golden {expected:R} by {Math.Abs(expected - actual) / Math.Abs(expected):E2} relative; if the change is intended, update Golden/russia-china-2023.golden.json.");
}
