using System.Globalization;
using System.Text;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>
/// Writes a <see cref="LinearProblem"/> in the CPLEX LP format, carrying every number exactly, in the
/// subset that CPLEX, GLPK (<c>glpsol --lp</c>), HiGHS and SCIP all read alike.
/// </summary>
/// <remarks>
/// <para>
/// Sections: <c>Minimize</c> (the objective <c>obj</c>), <c>Subject To</c>, <c>Bounds</c>,
/// <c>General</c> (integer variables), <c>End</c>. Names follow <see cref="ModelFileText.LpNames"/>:
/// <c>x[route,commodity,period]</c> is written <c>x(route,commodity,period)</c>, since brackets are
/// not allowed in the format (GLPK rejects them). Terms are written as a sign and a magnitude
/// (<c>+ 3 x</c>, <c>- 0.5 y</c>), and lines are wrapped well below the 510 characters CPLEX reads of
/// a line; a row's sense and right-hand side stay on one line.
/// </para>
/// <para>
/// A row bounded on both sides is written as two rows, <c>name_lo: … &gt;= lower</c> and
/// <c>name_hi: … &lt;= upper</c> (names kept unique): the format has no range that every reader
/// takes (GLPK refuses <c>lower &lt;= … &lt;= upper</c>). The formulations make no such rows today.
/// A row with no terms gets a zero term so that it stays a row.
/// </para>
/// <para>
/// Bounds: the default is [0, +∞). A bound line is written for every variable whose bounds differ and
/// for every integer variable (General keeps bounds, but they are stated all the same). Infinite
/// bounds are <c>-inf</c> / <c>+inf</c>, a variable free on both sides <c>free</c>. A variable in
/// no row is declared by a term in the objective, zero if it costs nothing.
/// </para>
/// <para>
/// The objective's constant is the cost of a variable <see cref="ModelFileText.ConstantVariable"/>
/// fixed at 1: GLPK's LP reader refuses a constant term in the objective.
/// </para>
/// </remarks>
internal static class LpWriter
{
    /// <summary>The name of the objective.</summary>
    public const string ObjectiveName = "obj";

    /// <summary>Lines are broken before they grow past this many characters.</summary>
    private const int LineLength = 250;

    /// <summary>
    /// The names the file gives the problem's variables and rows, in their order; a two-sided row
    /// has two names (its <c>_lo</c> and <c>_hi</c> rows), a row bounded on neither side none (it is
    /// left out), every other row one.
    /// </summary>
    public static (string[] Variables, string[][] Rows) Names(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var variables = ModelFileText.LpNames(problem.VariableNames, "x", ModelFileText.ConstantVariable);
        var wanted = new List<string>();
        foreach (var row in problem.Rows)
        {
            if (IsTwoSided(row))
            {
                wanted.Add(row.Name + "_lo");
                wanted.Add(row.Name + "_hi");
            }
            else if (!IsFree(row))
            {
                wanted.Add(row.Name);
            }
        }

        var flat = ModelFileText.LpNames(wanted, "c", ObjectiveName);
        var rows = new string[problem.RowCount][];
        var at = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = problem.Rows[i];
            rows[i] = IsTwoSided(row) ? [flat[at++], flat[at++]] : IsFree(row) ? [] : [flat[at++]];
        }

        return (variables, rows);
    }

    /// <summary>The problem as LP text.</summary>
    public static string ToText(LinearProblem problem) => ModelFileText.Render(writer => Write(problem, writer));

    /// <summary>Writes the problem as LP to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">A number is NaN, or a bound is infinite on the wrong side.</exception>
    public static void Write(LinearProblem problem, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(writer);
        var (names, rowNames) = Names(problem);
        var hasConstant = problem.ObjectiveConstant != 0;
        var terms = new RowTerms(problem.VariableCount);
        var inRow = new bool[problem.VariableCount];
        foreach (var row in problem.Rows)
        {
            foreach (var j in terms.Of(row).Variables) inRow[j] = true;
        }

        if (hasConstant)
        {
            writer.WriteLine($"\\ Objective constant {ModelFileText.Number(problem.ObjectiveConstant)}: the cost of variable '{ModelFileText.ConstantVariable}', fixed at 1.");
        }

        writer.WriteLine("Minimize");
        var line = new Line(writer, $" {ObjectiveName}:");
        for (var j = 0; j < problem.VariableCount; j++)
        {
            // A variable in no row is declared by a zero objective term: a variable named only in
            // Bounds is an error to Clp's LP reader.
            if (problem.Cost[j] != 0 || !inRow[j]) line.Add(Term(problem.Cost[j], names[j]));
        }

        if (hasConstant) line.Add(Term(problem.ObjectiveConstant, ModelFileText.ConstantVariable));
        if (line.Terms == 0 && problem.VariableCount > 0) line.Add(Term(0, names[0]));
        line.End("");

        writer.WriteLine("Subject To");
        for (var i = 0; i < problem.RowCount; i++)
        {
            var row = problem.Rows[i];
            var senses = Senses(row);
            terms.Of(row);
            for (var s = 0; s < senses.Length; s++)
            {
                line = new Line(writer, $" {rowNames[i][s]}:");
                for (var k = 0; k < terms.Variables.Count; k++) line.Add(Term(terms.Coefficients[k], names[terms.Variables[k]]));

                if (line.Terms == 0)
                {
                    // A row must have a term: a zero one in the first variable, or in the constant's
                    // variable in a problem without variables.
                    line.Add(Term(0, problem.VariableCount > 0 ? names[0] : ModelFileText.ConstantVariable));
                    if (problem.VariableCount == 0) hasConstant = true;
                }

                line.End(senses[s]);
            }
        }

        writer.WriteLine("Bounds");
        for (var j = 0; j < problem.VariableCount; j++)
        {
            var bound = Bound(names[j], problem.VariableLower[j], problem.VariableUpper[j], problem.IsInteger[j]);
            if (bound is not null) writer.WriteLine(" " + bound);
        }

        if (hasConstant) writer.WriteLine($" {ModelFileText.ConstantVariable} = 1");

        if (problem.IntegerCount > 0)
        {
            writer.WriteLine("General");
            line = new Line(writer, "");
            for (var j = 0; j < problem.VariableCount; j++)
            {
                if (problem.IsInteger[j]) line.Add(" " + names[j]);
            }

            line.End("");
        }

        writer.WriteLine("End");
    }

    private static bool IsTwoSided(LinearProblem.Row row) => double.IsFinite(row.Lower) && double.IsFinite(row.Upper) && row.Lower != row.Upper;

    private static bool IsFree(LinearProblem.Row row) => row.Lower == double.NegativeInfinity && row.Upper == double.PositiveInfinity;

    /// <summary>
    /// What follows a row's terms: one sense and right-hand side, two for a two-sided row, none for a
    /// row bounded on neither side, which constrains nothing and is left out (GLPK refuses an
    /// infinite right-hand side).
    /// </summary>
    private static string[] Senses(LinearProblem.Row row)
    {
        var (lower, upper) = (row.Lower, row.Upper);
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row '{row.Name}' has bounds [{lower}, {upper}], which no model file can state."), nameof(row));
        }

        if (lower == upper) return [" = " + ModelFileText.Number(lower)];
        if (IsTwoSided(row)) return [" >= " + ModelFileText.Number(lower), " <= " + ModelFileText.Number(upper)];
        if (double.IsFinite(lower)) return [" >= " + ModelFileText.Number(lower)];
        return double.IsFinite(upper) ? [" <= " + ModelFileText.Number(upper)] : [];
    }

    private static string Term(double coefficient, string name) =>
        (double.IsNegative(coefficient) ? " - " : " + ") + ModelFileText.Number(Math.Abs(coefficient)) + " " + name;

    /// <summary>The bound line of a variable, or null where the default [0, +∞) holds and need not be said.</summary>
    private static string? Bound(string name, double lower, double upper, bool integer)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Variable '{name}' has bounds [{lower}, {upper}], which no model file can state."), nameof(lower));
        }

        if (lower == upper) return $"{name} = {ModelFileText.Number(lower)}";
        if (lower == double.NegativeInfinity && upper == double.PositiveInfinity) return $"{name} free";
        if (lower == 0 && upper == double.PositiveInfinity && !integer) return null;
        var low = lower == double.NegativeInfinity ? "-inf" : ModelFileText.Number(lower);
        var high = upper == double.PositiveInfinity ? "+inf" : ModelFileText.Number(upper);
        return $"{low} <= {name} <= {high}";
    }

    /// <summary>Writes tokens on a line and breaks it before it grows too long.</summary>
    private sealed class Line(TextWriter writer, string start)
    {
        private readonly StringBuilder _text = new(start);

        public int Terms { get; private set; }

        public void Add(string token)
        {
            if (_text.Length > 0 && _text.Length + token.Length > LineLength)
            {
                writer.WriteLine(_text.ToString());
                _text.Clear();
            }

            _text.Append(token);
            Terms++;
        }

        public void End(string last)
        {
            if (_text.Length > 0 && _text.Length + last.Length > LineLength)
            {
                writer.WriteLine(_text.ToString());
                _text.Clear();
            }

            _text.Append(last);
            if (_text.Length > 0) writer.WriteLine(_text.ToString());
        }
    }
}
