using FreightOptimizer.Corridors;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// The MPS writer: what OR-Tools' own MPS reader reads from the file is the problem, every number
/// equal as a double, every bound, integrality mark and name as written.
/// </summary>
public sealed class MpsWriterTests
{
    [Fact]
    public void Corridor_ReadBackByOrTools_IsTheModelExactly()
    {
        var problem = ExportProblems.Corridor();

        var differences = ModelFileChecks.MpsAsReadByOrTools(problem, MpsWriter.ToText(problem));

        Assert.Empty(differences);
        Assert.True(problem.IntegerCount > 0, "the corridor should have integer investments");
    }

    [Fact]
    public void Corridor_InSolverUnits_ReadBackByOrTools_IsTheModelExactly()
    {
        var problem = ExportProblems.Corridor(FreightModelBuilder.ChooseScaling(RussiaChinaCorridor.Scenario));

        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(problem, MpsWriter.ToText(problem)));
    }

    [Fact]
    public void AwkwardProblem_ReadBackByOrTools_IsTheProblemExactly()
    {
        var problem = ExportProblems.Awkward();

        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(problem, MpsWriter.ToText(problem)));
    }

    [Property(MaxTest = 200)]
    public Property RandomNumbers_ReadBackByOrTools_Exactly() =>
        Prop.ForAll(ExportProblems.Seeds, seed =>
        {
            var differences = ModelFileChecks.MpsAsReadByOrTools(ExportProblems.Random(seed), MpsWriter.ToText(ExportProblems.Random(seed)));
            return (differences.Count == 0).Label($"seed {seed}: {string.Join("; ", differences)}");
        });

    [Property(MaxTest = 40)]
    public Property RandomScenario_ReadBackByOrTools_IsTheModelExactly() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Elements(false, true).ToArbitrary(), (c, solverUnits) =>
        {
            var scaling = solverUnits ? FreightModelBuilder.ChooseScaling(c.Scenario) : ModelScaling.Identity;
            var problem = FreightModelBuilder.Build(c.Scenario, scaling).Problem;
            var differences = ModelFileChecks.MpsAsReadByOrTools(problem, MpsWriter.ToText(problem));
            return (differences.Count == 0).Label(string.Join("; ", differences))
                .Classify(problem.IntegerCount > 0, "MIP")
                .Classify(problem.ObjectiveConstant != 0, "objective constant");
        });

    [Fact]
    public void ObjectiveConstant_IsAColumnFixedAtOne_SoEveryReaderAddsItAlike()
    {
        var problem = new LinearProblem { ObjectiveConstant = -42.5 };
        var x = problem.AddVariable(1, 10, 3, false, "x");
        var row = problem.AddRow(2, double.PositiveInfinity, "atLeastTwo");
        problem.AddTerm(row, x, 1);

        var mps = MpsWriter.ToText(problem);

        Assert.Contains(" constant obj -42.5\n", mps, StringComparison.Ordinal);
        Assert.Contains(" FX BND constant 1\n", mps, StringComparison.Ordinal);
        Assert.DoesNotContain(" RHS obj", mps, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"constant-{Guid.NewGuid():N}.mps");
        try
        {
            File.WriteAllText(file, mps);
            var solved = OrToolsModelFiles.SolveFile(file, SolverEngine.Glop);
            Assert.Equal(SolveStatus.Optimal, solved.Status);
            Assert.Equal((3 * 2) - 42.5, solved.Objective);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Layout_IsFreeFormat_WithFreeOnTheNameLine_AndExplicitBoundsForIntegers()
    {
        var problem = new LinearProblem();
        problem.AddVariable(0, double.PositiveInfinity, 1, true, "unbounded[int]");
        problem.AddVariable(0, 1, 1, true, "binary");
        problem.AddVariable(0, double.PositiveInfinity, 1, false, "plain");

        var mps = MpsWriter.ToText(problem);

        // Clp reads short free-format lines wrongly unless the NAME line says FREE.
        Assert.StartsWith("NAME FreightOptimizer FREE\nROWS\n N obj\n", mps, StringComparison.Ordinal);
        Assert.Contains(" LO BND unbounded[int] 0\n PL BND unbounded[int]\n", mps, StringComparison.Ordinal);
        Assert.Contains(" LO BND binary 0\n UP BND binary 1\n", mps, StringComparison.Ordinal);
        Assert.DoesNotContain("BND plain", mps, StringComparison.Ordinal);
        Assert.Contains(" MARKER1 'MARKER' 'INTORG'\n unbounded[int] obj 1\n binary obj 1\n MARKER1 'MARKER' 'INTEND'\n plain obj 1\n", mps, StringComparison.Ordinal);
        Assert.EndsWith("ENDATA\n", mps, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSidedRow_WhoseWidthRounds_IsStatedSoTheReadersSumIsTheBound()
    {
        var problem = new LinearProblem();
        var x = problem.AddVariable(0, double.PositiveInfinity, 1, false, "x");
        var row = problem.AddRow(0.1, 0.3, "band");
        problem.AddTerm(row, x, 1);

        var mps = MpsWriter.ToText(problem);

        // 0.3 − 0.1 is 0.19999999999999998, and 0.1 + that is 0.30000000000000004: the writer moves
        // the range until the reader's sum lands on 0.3 itself.
        var range = double.Parse(mps.Split('\n').Single(l => l.StartsWith(" RNG band ", StringComparison.Ordinal))[" RNG band ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(mps.Contains(" G band\n", StringComparison.Ordinal) ? 0.1 + range == 0.3 : 0.3 - range == 0.1);
        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(problem, mps));
    }

    [Fact]
    public void TwoSidedRow_ThatNoRangeStatesExactly_IsTwoRows()
    {
        // The reader's lower + R lands on a tie between two doubles whatever R is, and so does upper − R.
        var problem = new LinearProblem();
        var x = problem.AddVariable(double.NegativeInfinity, double.PositiveInfinity, 1, false, "x");
        var row = problem.AddRow(-3.2371828580448323E+258, -9.800514425058158E+257, "tie");
        problem.AddTerm(row, x, 1);
        var inverted = problem.AddRow(2, 1, "inverted");
        problem.AddTerm(inverted, x, 1);

        var mps = MpsWriter.ToText(problem);

        Assert.Equal([["tie", "tie_hi"], ["inverted", "inverted_hi"]], MpsWriter.Names(problem).Rows);
        Assert.Contains(" G tie\n L tie_hi\n", mps, StringComparison.Ordinal);
        Assert.DoesNotContain("RANGES", mps, StringComparison.Ordinal);
        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(problem, mps));
    }

    [Fact]
    public void Names_WithSpacesQuotesOrReservedWords_AreMadeLegalAndUnique()
    {
        var problem = ExportProblems.Awkward();

        var (variables, rows) = MpsWriter.Names(problem);

        Assert.Equal("x[a_b,c]", variables[0]);
        Assert.Equal("z_quoted_", variables[2]);
        Assert.Equal("_$dollar", variables[3]);
        Assert.Equal("_*star", variables[4]);
        Assert.Equal("x[a_b,c]~2", variables[7]);
        Assert.Equal("constant~2", variables[8]);
        Assert.Equal(["obj~2"], rows[1]);
        Assert.Equal(["_MARKER_"], rows[5]);
        Assert.Equal(variables.Length, variables.Distinct(StringComparer.Ordinal).Count());
        Assert.All(variables.Concat(rows.SelectMany(r => r)), name => Assert.DoesNotContain(name, c => c <= ' ' || c > '~' || c == '\''));
    }

    [Fact]
    public void Names_AreDeterministic_AndKeepAModelNameThatLooksLikeASuffixedOne()
    {
        var problem = new LinearProblem();
        problem.AddVariable(0, 1, 0, false, "a b");
        problem.AddVariable(0, 1, 0, false, "a_b");
        problem.AddVariable(0, 1, 0, false, "a_b~2");

        var (first, _) = MpsWriter.Names(problem);
        var (second, _) = MpsWriter.Names(problem);

        Assert.Equal(["a_b", "a_b~3", "a_b~2"], first);
        Assert.Equal(first, second);
    }
}
