using FreightOptimizer.Corridors;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using FreightOptimizer.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// The LP writer: a strict reader of the CPLEX LP format (<see cref="LpFileReader"/>; OR-Tools has no
/// reader for it) reads back the problem, every number equal as a double; names are legal LP names.
/// GLPK's reading is checked outside the unit tests (tests/crosscheck/export_check.sh).
/// </summary>
public sealed class LpWriterTests
{
    [Fact]
    public void Corridor_ReadBack_IsTheModelExactly()
    {
        var problem = ExportProblems.Corridor();

        Assert.Empty(ModelFileChecks.LpAsRead(problem, LpWriter.ToText(problem)));
    }

    [Fact]
    public void Corridor_InSolverUnits_ReadBack_IsTheModelExactly()
    {
        var problem = ExportProblems.Corridor(FreightModelBuilder.ChooseScaling(RussiaChinaCorridor.Scenario));

        Assert.Empty(ModelFileChecks.LpAsRead(problem, LpWriter.ToText(problem)));
    }

    [Fact]
    public void AwkwardProblem_ReadBack_IsTheProblemExactly()
    {
        var problem = ExportProblems.Awkward();

        Assert.Empty(ModelFileChecks.LpAsRead(problem, LpWriter.ToText(problem)));
    }

    [Property(MaxTest = 200)]
    public Property RandomNumbers_ReadBack_Exactly() =>
        Prop.ForAll(ExportProblems.Seeds, seed =>
        {
            var problem = ExportProblems.Random(seed);
            var differences = ModelFileChecks.LpAsRead(problem, LpWriter.ToText(problem));
            return (differences.Count == 0).Label($"seed {seed}: {string.Join("; ", differences)}");
        });

    [Property(MaxTest = 40)]
    public Property RandomScenario_ReadBack_IsTheModelExactly() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var problem = FreightModelBuilder.Build(c.Scenario, ModelScaling.Identity).Problem;
            var differences = ModelFileChecks.LpAsRead(problem, LpWriter.ToText(problem));
            return (differences.Count == 0).Label(string.Join("; ", differences));
        });

    [Fact]
    public void Lines_StayFarBelowTheFormatsLimit()
    {
        // CPLEX reads 510 characters of a line; the corridor's objective has over a thousand terms.
        var problem = ExportProblems.Corridor();

        Assert.InRange(LpFileReader.Read(LpWriter.ToText(problem)).LongestLine, 1, 300);
    }

    [Fact]
    public void TwoSidedRow_IsTwoRows_AndConstantIsAFixedVariable()
    {
        var problem = new LinearProblem { ObjectiveConstant = 10 };
        var x = problem.AddVariable(0, 3, 2, false, "x");
        var row = problem.AddRow(1, 4, "band");
        problem.AddTerm(row, x, 1);

        var lp = LpWriter.ToText(problem);

        Assert.Equal(
            """
            \ Objective constant 10: the cost of variable 'constant', fixed at 1.
            Minimize
             obj: + 2 x + 10 constant
            Subject To
             band_lo: + 1 x >= 1
             band_hi: + 1 x <= 4
            Bounds
             0 <= x <= 3
             constant = 1
            End

            """.ReplaceLineEndings("\n"),
            lp);
    }

    [Fact]
    public void Integers_AreGeneral_WithTheirBoundsStated()
    {
        var problem = new LinearProblem();
        var y = problem.AddVariable(0, double.PositiveInfinity, 1, true, "y[bridge]");
        var b = problem.AddVariable(0, 1, 1, true, "z[bridge]");
        var row = problem.AddRow(double.NegativeInfinity, 5, "cap");
        problem.AddTerm(row, y, 1);
        problem.AddTerm(row, b, -1.5);

        var lp = LpWriter.ToText(problem);

        Assert.Contains(" cap: + 1 y(bridge) - 1.5 z(bridge) <= 5\n", lp, StringComparison.Ordinal);
        Assert.Contains("Bounds\n 0 <= y(bridge) <= +inf\n 0 <= z(bridge) <= 1\nGeneral\n y(bridge) z(bridge)\nEnd\n", lp, StringComparison.Ordinal);
        Assert.DoesNotContain("Binar", lp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x[route,coal,jan]", "x(route,coal,jan)")]
    [InlineData("a b:c+d-e*f^g<h>i=j\\k", "a_b_c_d_e_f_g_h_i_j_k")]
    [InlineData("1st", "_1st")]
    [InlineData(".5", "_.5")]
    [InlineData("e1", "_e1")]
    [InlineData("E", "_E")]
    [InlineData("eels", "_eels")]
    [InlineData("east", "east")]
    [InlineData("free", "_free")]
    [InlineData("END", "_END")]
    [InlineData("Москва", "______")]
    [InlineData("ok!#$%&,.;?@_{}~", "ok!#$%&,.;?@_{}~")]
    [InlineData("a/b|c\"d'e`f", "a_b_c_d_e_f")]
    public void LpName_MapsToTheFormatsAlphabet(string name, string written)
    {
        var problem = new LinearProblem();
        problem.AddVariable(0, 1, 0, false, name);

        Assert.Equal(written, LpWriter.Names(problem).Variables[0]);
    }

    [Fact]
    public void LpNames_ThatClashAfterMapping_AreMadeUnique()
    {
        var problem = new LinearProblem();
        problem.AddVariable(0, 1, 0, false, "x[a]");
        problem.AddVariable(0, 1, 0, false, "x(a)");
        problem.AddVariable(0, 1, 0, false, "constant");
        var row = problem.AddRow(0, 1, "obj");
        problem.AddTerm(row, 0, 1);

        var (variables, rows) = LpWriter.Names(problem);

        Assert.Equal(["x(a)", "x(a)~2", "constant~2"], variables);
        Assert.Equal(["obj_lo", "obj_hi"], rows[0]);
    }
}
