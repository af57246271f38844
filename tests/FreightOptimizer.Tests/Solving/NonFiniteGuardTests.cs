using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Tests.Validation;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// No NaN or infinity reaches a solver or a plan: the formulated problem is checked where it is handed
/// to OR-Tools, the flow network where it is scaled to integers, and a plan before it is returned.
/// </summary>
public sealed class NonFiniteGuardTests
{
    /// <summary>min x + y over x + y ≥ 1, 0 ≤ x, y ≤ 10: an ordinary problem to spoil one number at a time.</summary>
    private static LinearProblem Small(Action<LinearProblem, int, int, int>? spoil = null)
    {
        var problem = new LinearProblem();
        var x = problem.AddVariable(0, 10, 1, false, "x");
        var y = problem.AddVariable(0, 10, 1, false, "y");
        var row = problem.AddRow(1, double.PositiveInfinity, "cover");
        problem.AddTerm(row, x, 1);
        spoil?.Invoke(problem, x, y, row);
        problem.AddTerm(row, y, 1);
        return problem;
    }

    public static TheoryData<string, string> SpoiltNumbers() => new()
    {
        { "cost", "the cost of variable nan-cost is NaN" },
        { "lower", "the lower bound of variable bad-lower is Infinity" },
        { "upper", "the upper bound of variable bad-upper is -Infinity" },
        { "row", "the upper bound of row bad-row is NaN" },
        { "coefficient", "the coefficient of variable x in row cover is -Infinity" },
        { "constant", "the objective constant is NaN" },
    };

    private static LinearProblem Spoilt(string which) => Small((p, x, _, row) =>
    {
        switch (which)
        {
            case "cost": p.AddVariable(0, 1, double.NaN, false, "nan-cost"); break;
            case "lower": p.AddVariable(double.PositiveInfinity, double.PositiveInfinity, 0, false, "bad-lower"); break;
            case "upper": p.AddVariable(0, double.NegativeInfinity, 0, false, "bad-upper"); break;
            case "row": p.AddRow(0, double.NaN, "bad-row"); break;
            case "coefficient": p.AddTerm(row, x, double.NegativeInfinity); break;
            default: p.ObjectiveConstant = double.NaN; break;
        }
    });

    [Fact]
    public void DescribeNonFinite_OrdinaryProblemWithOpenBounds_IsNull()
    {
        var problem = Small();
        problem.AddRow(double.NegativeInfinity, 5, "open below");
        problem.AddVariable(0, double.PositiveInfinity, 0, false, "open above");
        Assert.Null(problem.DescribeNonFinite());
    }

    [Theory]
    [MemberData(nameof(SpoiltNumbers))]
    public void DescribeNonFinite_OneNumberNotFinite_NamesIt(string which, string expected) =>
        Assert.Equal(expected, Spoilt(which).DescribeNonFinite());

    [Theory]
    [InlineData(SolverEngine.Glop)]
    [InlineData(SolverEngine.Clp)]
    [InlineData(SolverEngine.Pdlp)]
    [InlineData(SolverEngine.Highs)]
    [InlineData(SolverEngine.Scip)]
    public void Solve_ProblemWithANaNCost_IsInvalidModelNamingTheVariableWithoutSolving(SolverEngine engine)
    {
        var outcome = OrToolsSolver.Solve(Spoilt("cost"), engine, new SolveOptions(), CancellationToken.None);

        Assert.Equal(SolveStatus.InvalidModel, outcome.Status);
        Assert.True(outcome.ModelRejected);
        Assert.Null(outcome.Values);
        Assert.Contains("the cost of variable nan-cost is NaN", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeNonFinite_FlowNetworkWithANaNCost_NamesTheArc()
    {
        var network = FlowNetworkBuilder.Build(ValidationScenarios.Valid() with { Investments = [], Budget = null });
        Assert.Null(network.DescribeNonFinite());

        network.CostPerTonne[1] = double.NaN;

        Assert.StartsWith("the cost of arc 1 (", network.DescribeNonFinite(), StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeNonFinite_PlanWithAnInfiniteCapitalCost_NamesItsJsonPath()
    {
        var plan = FreightPlanner.Optimize(ValidationScenarios.Valid()).GetPlanOrThrow();
        Assert.Null(PlanAssembler.DescribeNonFinite(plan));

        var spoilt = plan with { Costs = plan.Costs with { Capital = double.PositiveInfinity } };

        Assert.Equal("$.costs.capital is Infinity", PlanAssembler.DescribeNonFinite(spoilt));
    }

    [Fact]
    public void DescribeNonFinite_PlanWithANaNPrice_NamesItsJsonPath()
    {
        var plan = FreightPlanner.Optimize(ValidationScenarios.Valid()).GetPlanOrThrow();
        var prices = plan.Prices with { Balance = plan.Prices.Balance.SetItem(1, plan.Prices.Balance[1] with { PerTonne = double.NaN }) };

        Assert.Equal("$.prices.balance[1].perTonne is NaN", PlanAssembler.DescribeNonFinite(plan with { Prices = prices }));
    }

    [Theory]
    [InlineData(300, 5e-324, null)]
    [InlineData(300, 0, null)]
    [InlineData(50, 100, 0.5)]
    [InlineData(1e-300, 1e-300, 1.0)]
    public void CapacityUse_Utilisation_IsFiniteOrNull(double throughput, double capacity, double? expected) =>
        Assert.Equal(expected, new CapacityUse(new RouteId("a-b"), "year", throughput, capacity).Utilisation);

    [Fact]
    public void WithoutNonFinitePlan_IsInvalidModelWithoutPlanAndSaysWhat()
    {
        var result = PlanSolver.WithoutNonFinitePlan(new SolveReport { Engine = SolverEngine.Clp, EngineReason = "test" }, "$.objective is NaN");

        Assert.Equal(SolveStatus.InvalidModel, result.Status);
        Assert.False(result.HasPlan);
        Assert.Contains("$.objective is NaN", result.Message, StringComparison.Ordinal);
    }
}
