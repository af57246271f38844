using System.Globalization;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>
/// Writes a <see cref="LinearProblem"/> as free-format MPS that carries every number exactly, in the
/// dialect that OR-Tools, GLPK (<c>glpsol --freemps</c>), Clp, HiGHS, SCIP and CPLEX all read alike.
/// </summary>
/// <remarks>
/// <para>
/// Sections: NAME (with the word FREE, which tells Clp the file is free format: without it Clp guesses
/// from the columns and misreads short lines), ROWS (the objective <c>obj</c> as the N row, then every
/// row as E, G or L), COLUMNS (a column's entries together, one a line; runs of integer columns
/// between <c>MARKER 'MARKER' 'INTORG'</c> and <c>'INTEND'</c>), RHS, RANGES (only two-sided rows),
/// BOUNDS, ENDATA. Fields are separated by one space and every data line is indented.
/// </para>
/// <para>
/// Exactness: numbers are written by <see cref="ModelFileText.Number"/>. A two-sided row is a G row
/// with its lower bound as RHS and a range R, which readers turn into the upper bound as RHS + R; R is
/// chosen so that this sum is the upper bound exactly (or the row is written as L with RHS − R exactly
/// the lower bound), never plainly upper − lower, whose rounding could move the bound. For a few
/// bounds of full precision no R does (the reader's sum falls on a tie and rounds away); such a row,
/// and one whose lower bound exceeds its upper one, is written as two rows, <c>name</c> (G, lower)
/// and <c>name_hi</c> (L, upper), which state both bounds exactly. The formulations make no two-sided
/// rows today.
/// </para>
/// <para>
/// Bounds: a column without bound lines is [0, +∞). Some readers give an integer column in a
/// marker section [0, 1] unless told otherwise, so every integer column gets both bounds written. The
/// lower bound is written first (Clp refuses PL after MI), so a negative UP meets a lower bound that
/// is already set: the old rule "UP &lt; 0 on a column at lower 0 means lower −∞", which Clp still
/// applies, can then only fire on a column whose bounds are [0, negative], and that one gets an
/// explicit LO 0 (GLPK and OR-Tools keep it; Clp refuses bounds with lower &gt; upper).
/// </para>
/// <para>
/// The objective's constant is the cost of a column <see cref="ModelFileText.ConstantVariable"/> fixed
/// at 1 (and stated in a comment): readers disagree on the sign of an RHS on the objective row.
/// A variable that appears twice in a row is written once with the sum of its coefficients.
/// </para>
/// </remarks>
internal static class MpsWriter
{
    /// <summary>The name of the objective row.</summary>
    public const string ObjectiveRow = "obj";

    private const string RhsSet = "RHS";
    private const string RangeSet = "RNG";
    private const string BoundSet = "BND";

    /// <summary>
    /// The names the file gives the problem's variables and rows, in their order; a row written as
    /// two rows (see the remarks) has two names, every other row one.
    /// </summary>
    public static (string[] Variables, string[][] Rows) Names(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Names(problem, Forms(problem));
    }

    /// <summary>The problem as MPS text.</summary>
    public static string ToText(LinearProblem problem) => ModelFileText.Render(writer => Write(problem, writer));

    /// <summary>Writes the problem as MPS to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">A number is NaN, or a bound is infinite on the wrong side.</exception>
    public static void Write(LinearProblem problem, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(writer);
        var forms = Forms(problem);
        var (columnNames, rowNames) = Names(problem, forms);
        var hasConstant = problem.ObjectiveConstant != 0;
        if (hasConstant)
        {
            writer.WriteLine($"* Objective constant {ModelFileText.Number(problem.ObjectiveConstant)}: the cost of column '{ModelFileText.ConstantVariable}', fixed at 1.");
        }

        writer.WriteLine("NAME FreightOptimizer FREE");
        writer.WriteLine("ROWS");
        writer.WriteLine($" N {ObjectiveRow}");
        for (var i = 0; i < forms.Length; i++)
        {
            for (var s = 0; s < forms[i].Length; s++) writer.WriteLine($" {forms[i][s].Type} {rowNames[i][s]}");
        }

        WriteColumns(problem, writer, columnNames, rowNames, hasConstant);

        writer.WriteLine("RHS");
        for (var i = 0; i < forms.Length; i++)
        {
            for (var s = 0; s < forms[i].Length; s++)
            {
                if (forms[i][s].Rhs != 0) writer.WriteLine($" {RhsSet} {rowNames[i][s]} {ModelFileText.Number(forms[i][s].Rhs)}");
            }
        }

        if (forms.Any(f => f[0].Range is not null))
        {
            writer.WriteLine("RANGES");
            for (var i = 0; i < forms.Length; i++)
            {
                if (forms[i][0].Range is { } range) writer.WriteLine($" {RangeSet} {rowNames[i][0]} {ModelFileText.Number(range)}");
            }
        }

        writer.WriteLine("BOUNDS");
        for (var j = 0; j < problem.VariableCount; j++) WriteBounds(writer, columnNames[j], problem.VariableLower[j], problem.VariableUpper[j], problem.IsInteger[j]);
        if (hasConstant) writer.WriteLine($" FX {BoundSet} {ModelFileText.ConstantVariable} 1");
        writer.WriteLine("ENDATA");
    }

    private static (string[] Variables, string[][] Rows) Names(LinearProblem problem, RowForm[][] forms)
    {
        var wanted = new List<string>();
        for (var i = 0; i < forms.Length; i++)
        {
            wanted.Add(problem.Rows[i].Name);
            if (forms[i].Length == 2) wanted.Add(problem.Rows[i].Name + "_hi");
        }

        var flat = ModelFileText.MpsNames(wanted, "R", ObjectiveRow);
        var rows = new string[forms.Length][];
        var at = 0;
        for (var i = 0; i < rows.Length; i++) rows[i] = forms[i].Length == 2 ? [flat[at++], flat[at++]] : [flat[at++]];
        return (ModelFileText.MpsNames(problem.VariableNames, "C", ModelFileText.ConstantVariable), rows);
    }

    private static void WriteColumns(LinearProblem problem, TextWriter writer, string[] columnNames, string[][] rowNames, bool hasConstant)
    {
        // MPS lists the matrix by column; the problem holds it by row.
        var terms = new RowTerms(problem.VariableCount);
        var count = new int[problem.VariableCount + 1];
        foreach (var row in problem.Rows)
        {
            foreach (var j in terms.Of(row).Variables) count[j + 1]++;
        }

        for (var j = 0; j < problem.VariableCount; j++) count[j + 1] += count[j];
        var start = (int[])count.Clone();
        var entryRow = new int[count[^1]];
        var entryValue = new double[count[^1]];
        for (var i = 0; i < problem.Rows.Count; i++)
        {
            terms.Of(problem.Rows[i]);
            for (var k = 0; k < terms.Variables.Count; k++)
            {
                var at = start[terms.Variables[k]]++;
                entryRow[at] = i;
                entryValue[at] = terms.Coefficients[k];
            }
        }

        writer.WriteLine("COLUMNS");
        var inIntegers = false;
        var markers = 0;
        for (var j = 0; j < problem.VariableCount; j++)
        {
            if (problem.IsInteger[j] != inIntegers)
            {
                inIntegers = problem.IsInteger[j];
                if (inIntegers) markers++;
                writer.WriteLine($" MARKER{markers.ToString(CultureInfo.InvariantCulture)} 'MARKER' {(inIntegers ? "'INTORG'" : "'INTEND'")}");
            }

            var name = columnNames[j];
            var cost = problem.Cost[j];
            // A column with no entry at all is still declared, by a zero objective entry.
            if (cost != 0 || count[j] == count[j + 1]) writer.WriteLine($" {name} {ObjectiveRow} {ModelFileText.Number(cost)}");
            for (var k = count[j]; k < count[j + 1]; k++)
            {
                foreach (var row in rowNames[entryRow[k]]) writer.WriteLine($" {name} {row} {ModelFileText.Number(entryValue[k])}");
            }
        }

        if (inIntegers) writer.WriteLine($" MARKER{markers.ToString(CultureInfo.InvariantCulture)} 'MARKER' 'INTEND'");
        if (hasConstant) writer.WriteLine($" {ModelFileText.ConstantVariable} {ObjectiveRow} {ModelFileText.Number(problem.ObjectiveConstant)}");
    }

    /// <summary>How one row of the file states (part of) a problem's row.</summary>
    private readonly record struct RowForm(string Type, double Rhs, double? Range = null);

    private static RowForm[][] Forms(LinearProblem problem)
    {
        var forms = new RowForm[problem.RowCount][];
        for (var i = 0; i < forms.Length; i++) forms[i] = Form(problem.Rows[i]);
        return forms;
    }

    /// <summary>
    /// How a row is stated: one row of type E, G or L, with a range if it is two-sided, or two rows
    /// where no range states both bounds exactly. A row bounded on neither side constrains nothing
    /// and is an extra N row, which OR-Tools keeps as a free row and GLPK drops.
    /// </summary>
    private static RowForm[] Form(LinearProblem.Row row)
    {
        var (lower, upper) = (row.Lower, row.Upper);
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row '{row.Name}' has bounds [{lower}, {upper}], which no model file can state."), nameof(row));
        }

        if (lower == upper) return [new("E", lower)];
        if (double.IsFinite(lower) && double.IsFinite(upper))
        {
            return Range(lower, upper) switch
            {
                (var width, false) => [new("G", lower, width)],
                (var width, true) => [new("L", upper, width)],
                null => [new("G", lower), new("L", upper)],
            };
        }

        if (double.IsFinite(lower)) return [new("G", lower)];
        return double.IsFinite(upper) ? [new("L", upper)] : [new("N", 0)];
    }

    /// <summary>
    /// The range R of a two-sided row and the form that states both bounds exactly: G with RHS lower
    /// when lower + R is upper in double arithmetic, else L with RHS upper when upper − R is lower.
    /// R starts at upper − lower and moves by a few units in the last place if the rounding of the
    /// reader's sum needs it; null when no R within them works.
    /// </summary>
    private static (double Width, bool AsLess)? Range(double lower, double upper)
    {
        if (lower > upper) return null;
        var width = upper - lower;
        var (up, down) = (width, width);
        for (var step = 0; step <= 8; step++)
        {
            foreach (var candidate in step == 0 ? [width] : new[] { up = Math.BitIncrement(up), down = Math.BitDecrement(down) })
            {
                if (!double.IsFinite(candidate) || candidate <= 0) continue;
                if (lower + candidate == upper) return (candidate, false);
                if (upper - candidate == lower) return (candidate, true);
            }
        }

        return null;
    }

    private static void WriteBounds(TextWriter writer, string name, double lower, double upper, bool integer)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Variable '{name}' has bounds [{lower}, {upper}], which no model file can state."), nameof(lower));
        }

        if (lower == upper)
        {
            writer.WriteLine($" FX {BoundSet} {name} {ModelFileText.Number(lower)}");
            return;
        }

        if (lower == double.NegativeInfinity && upper == double.PositiveInfinity && !integer)
        {
            writer.WriteLine($" FR {BoundSet} {name}");
            return;
        }

        if (lower == double.NegativeInfinity) writer.WriteLine($" MI {BoundSet} {name}");
        else if (lower != 0 || integer || upper < 0) writer.WriteLine($" LO {BoundSet} {name} {ModelFileText.Number(lower)}");

        if (double.IsFinite(upper)) writer.WriteLine($" UP {BoundSet} {name} {ModelFileText.Number(upper)}");
        else if (integer) writer.WriteLine($" PL {BoundSet} {name}");
    }
}
