using System.Globalization;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using MbModel = Google.OrTools.ModelBuilder.Model;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// Reads a written model file back with a reader that is not the writer and lists every way it differs
/// from the <see cref="LinearProblem"/> it was written from. Numbers must be equal as doubles (==, so
/// +0 and −0 alike): no tolerance.
/// </summary>
internal static class ModelFileChecks
{
    /// <summary>The MPS text read by OR-Tools' own MPS reader (ModelBuilder), compared with the problem.</summary>
    public static List<string> MpsAsReadByOrTools(LinearProblem problem, string mps)
    {
        var model = new MbModel();
        var helper = model.Helper;
        var differences = new List<string>();
        if (!helper.ImportFromMpsString(mps)) return ["OR-Tools could not read the MPS text"];

        var (variableNames, rowNames) = MpsWriter.Names(problem);
        var hasConstant = problem.ObjectiveConstant != 0;
        var n = problem.VariableCount;
        Check(differences, "variable count", n + (hasConstant ? 1 : 0), helper.VariablesCount());
        Check(differences, "row count", rowNames.Sum(r => r.Length), helper.ConstraintsCount());
        Check(differences, "maximise", false, helper.Maximize());
        Check(differences, "objective offset", 0.0, helper.ObjectiveOffset());
        if (differences.Count > 0) return differences;

        for (var j = 0; j < n; j++)
        {
            var name = variableNames[j];
            Check(differences, $"name of variable {j}", name, helper.VarName(j));
            Check(differences, $"lower bound of {name}", problem.VariableLower[j], helper.VarLowerBound(j));
            Check(differences, $"upper bound of {name}", problem.VariableUpper[j], helper.VarUpperBound(j));
            Check(differences, $"cost of {name}", problem.Cost[j], helper.VarObjectiveCoefficient(j));
            Check(differences, $"integrality of {name}", problem.IsInteger[j], helper.VarIsIntegral(j));
        }

        if (hasConstant)
        {
            Check(differences, "constant's variable", ModelFileText.ConstantVariable, helper.VarName(n));
            Check(differences, "constant's lower bound", 1.0, helper.VarLowerBound(n));
            Check(differences, "constant's upper bound", 1.0, helper.VarUpperBound(n));
            Check(differences, "objective constant", problem.ObjectiveConstant, helper.VarObjectiveCoefficient(n));
            Check(differences, "constant's integrality", false, helper.VarIsIntegral(n));
        }

        var read = 0;
        for (var i = 0; i < problem.Rows.Count; i++)
        {
            var row = problem.Rows[i];
            var names = rowNames[i];
            // A row the writer split states its lower bound in the first row and its upper in the second.
            var bounds = names.Length == 2 ? [(row.Lower, double.PositiveInfinity), (double.NegativeInfinity, row.Upper)] : new[] { (row.Lower, row.Upper) };
            for (var s = 0; s < names.Length; s++)
            {
                var name = names[s];
                Check(differences, $"name of row {i}", name, helper.ConstraintName(read));
                Check(differences, $"lower bound of row {name}", bounds[s].Item1, helper.ConstraintLowerBound(read));
                Check(differences, $"upper bound of row {name}", bounds[s].Item2, helper.ConstraintUpperBound(read));
                var indices = helper.ConstraintVarIndices(read);
                var coefficients = helper.ConstraintCoefficients(read);
                var actual = new Dictionary<int, double>();
                for (var k = 0; k < indices.Length; k++) actual[indices[k]] = coefficients[k];
                CheckTerms(differences, name, Terms(row), actual, j => variableNames[j]);
                read++;
            }
        }

        return differences;
    }

    /// <summary>The LP text read by <see cref="LpFileReader"/>, compared with the problem.</summary>
    public static List<string> LpAsRead(LinearProblem problem, string lp)
    {
        var file = LpFileReader.Read(lp);
        var differences = new List<string>();
        var (variableNames, rowNames) = LpWriter.Names(problem);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < variableNames.Length; j++) index[variableNames[j]] = j;
        var hasConstant = problem.ObjectiveConstant != 0;

        var unknown = file.Variables.Where(v => !index.ContainsKey(v) && !(hasConstant && v == ModelFileText.ConstantVariable)).ToList();
        if (unknown.Count > 0) differences.Add($"variables not in the problem: {string.Join(", ", unknown.Take(5))}");
        for (var j = 0; j < problem.VariableCount; j++)
        {
            var name = variableNames[j];
            if (!file.Variables.Contains(name)) differences.Add($"variable {name} is not declared");
            var (lower, upper) = file.Bounds.TryGetValue(name, out var b) ? b : (0.0, double.PositiveInfinity);
            Check(differences, $"lower bound of {name}", problem.VariableLower[j], lower);
            Check(differences, $"upper bound of {name}", problem.VariableUpper[j], upper);
            Check(differences, $"cost of {name}", problem.Cost[j], file.Objective.GetValueOrDefault(name));
            Check(differences, $"integrality of {name}", problem.IsInteger[j], file.Integers.Contains(name));
        }

        if (hasConstant)
        {
            Check(differences, "objective constant", problem.ObjectiveConstant, file.Objective.GetValueOrDefault(ModelFileText.ConstantVariable));
            Check(differences, "constant's bounds", (1.0, 1.0), file.Bounds.GetValueOrDefault(ModelFileText.ConstantVariable));
        }
        else if (file.Objective.ContainsKey(ModelFileText.ConstantVariable))
        {
            differences.Add("the objective has a constant the problem has not");
        }

        var rows = file.Rows.ToDictionary(r => r.Name, StringComparer.Ordinal);
        Check(differences, "row count", rowNames.Sum(r => r.Length), file.Rows.Count);
        for (var i = 0; i < problem.Rows.Count; i++)
        {
            var row = problem.Rows[i];
            var names = rowNames[i];
            var expectedTerms = Terms(row);
            foreach (var name in names)
            {
                if (!rows.TryGetValue(name, out var fileRow))
                {
                    differences.Add($"row {name} is missing");
                    continue;
                }

                var actual = new Dictionary<int, double>();
                foreach (var (variable, coefficient) in fileRow.Terms)
                {
                    if (index.TryGetValue(variable, out var j)) actual[j] = coefficient;
                    else if (coefficient != 0) differences.Add($"row {name} has a term in {variable}");
                }

                // A row with no terms is written with one zero term, which is no coefficient.
                foreach (var zero in actual.Where(t => t.Value == 0 && !expectedTerms.ContainsKey(t.Key)).Select(t => t.Key).ToList()) actual.Remove(zero);
                CheckTerms(differences, name, expectedTerms, actual, j => variableNames[j]);
            }

            if (names.Length == 2)
            {
                Check(differences, $"row {names[0]}", (">=", row.Lower), rows.TryGetValue(names[0], out var lo) ? (lo.Sense, lo.Rhs) : default);
                Check(differences, $"row {names[1]}", ("<=", row.Upper), rows.TryGetValue(names[1], out var hi) ? (hi.Sense, hi.Rhs) : default);
            }
            else if (names.Length == 0)
            {
                if (double.IsFinite(row.Lower) || double.IsFinite(row.Upper)) differences.Add($"row {i} is left out but has a bound");
            }
            else if (rows.TryGetValue(names[0], out var one))
            {
                var (lower, upper) = one.Sense switch
                {
                    "=" => (one.Rhs, one.Rhs),
                    ">=" => (one.Rhs, double.PositiveInfinity),
                    _ => (double.NegativeInfinity, one.Rhs),
                };
                Check(differences, $"lower bound of row {names[0]}", row.Lower, lower);
                Check(differences, $"upper bound of row {names[0]}", row.Upper, upper);
            }
        }

        return differences;
    }

    private static Dictionary<int, double> Terms(LinearProblem.Row row)
    {
        var terms = new Dictionary<int, double>();
        var variables = row.Variables;
        var coefficients = row.Coefficients;
        // A row is Σ coef·x: a variable added twice counts with the sum of its coefficients.
        for (var k = 0; k < variables.Length; k++) terms[variables[k]] = terms.GetValueOrDefault(variables[k]) + coefficients[k];
        foreach (var zero in terms.Where(t => t.Value == 0).Select(t => t.Key).ToList()) terms.Remove(zero);
        return terms;
    }

    private static void CheckTerms(List<string> differences, string row, Dictionary<int, double> expected, Dictionary<int, double> actual, Func<int, string> name)
    {
        if (expected.Count != actual.Count) differences.Add($"row {row} has {actual.Count} terms, the problem {expected.Count}");
        foreach (var (j, coefficient) in expected)
        {
            if (!actual.TryGetValue(j, out var read)) differences.Add($"row {row} lacks {name(j)}");
            else Check(differences, $"coefficient of {name(j)} in {row}", coefficient, read);
        }
    }

    private static void Check<T>(List<string> differences, string what, T expected, T actual)
    {
        if (differences.Count < 20 && !EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected {Show(expected)}, read {Show(actual)}"));
        }
    }

    private static string Show<T>(T value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
