using System.Globalization;
using System.Text;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>
/// What the MPS and LP writers share: numbers written exactly, and the model's names made legal and
/// unique for a format. The model's names (<c>x[route,commodity,period]</c>, …) are kept wherever the
/// format allows them, so that a reader of the file sees the model; a name is changed only where the
/// format forbids a character or the name would clash.
/// </summary>
internal static class ModelFileText
{
    /// <summary>
    /// The name of the variable that carries the objective's constant: fixed at 1, its cost is the
    /// constant. Readers disagree on how to read a constant written any other way: an MPS RHS on the
    /// objective row is −constant to CPLEX, Clp, HiGHS and OR-Tools but +constant to GLPK, and GLPK's
    /// LP reader refuses a constant term in the objective.
    /// </summary>
    public const string ConstantVariable = "constant";

    /// <summary>A file's whole text, written by <paramref name="write"/> with "\n" line ends and invariant numbers.</summary>
    /// <param name="write">Writes the file.</param>
    /// <returns>The text.</returns>
    public static string Render(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(text);
        return text.ToString();
    }

    /// <summary>Readers cut longer names (CPLEX, GLPK: 255 characters).</summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// A double as the shortest text that reads back to the same double (.NET's round-trip format,
    /// for example <c>0.1</c>, <c>4166666.6666666665</c>, <c>1E-05</c>, <c>1E+20</c>). Every reader
    /// parses it with strtod-like correct rounding, so the file carries the model bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The value is infinite or NaN: the writers state infinities in words.</exception>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"A model file cannot state {value} as a number.", nameof(value));
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Names for free-format MPS: no whitespace (it separates the fields), no control or non-ASCII
    /// characters (byte-oriented readers reject or mangle them), no apostrophe (the integer markers are
    /// quoted words), and not starting with <c>$</c> or <c>*</c> (comment marks in some readers).
    /// Brackets and commas are kept, so the model's names survive as they are.
    /// </summary>
    public static string[] MpsNames(IReadOnlyList<string> names, string fallbackPrefix, params string[] reserved) =>
        Unique(names, MpsName, fallbackPrefix, reserved);

    /// <summary>
    /// Names for the CPLEX LP format, written with letters, digits and
    /// <c>! # $ % &amp; ( ) , . ; ? @ _ { } ~</c>: what CPLEX, GLPK and Clp all accept (CPLEX also
    /// allows quotes, <c>/</c> and <c>|</c>, which Clp's reader refuses). Brackets become parentheses
    /// (<c>x[r,c,p]</c> is written <c>x(r,c,p)</c>), every other character outside the set becomes
    /// <c>_</c>. A name must not start with a digit or a period, nor read as an exponent
    /// (<c>e</c>/<c>E</c> alone or before a digit or another <c>e</c>), nor be a keyword of the format
    /// (<c>free</c>, <c>inf</c>, <c>end</c>, <c>st</c>, …): such names get a leading <c>_</c>.
    /// </summary>
    public static string[] LpNames(IReadOnlyList<string> names, string fallbackPrefix, params string[] reserved) =>
        Unique(names, LpName, fallbackPrefix, reserved);

    private static readonly HashSet<string> LpKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "minimize", "maximize", "minimum", "maximum", "min", "max", "subject", "such", "st", "s.t.", "st.",
        "bound", "bounds", "general", "generals", "gen", "integer", "integers", "binary", "binaries", "bin",
        "semi", "semis", "semi-continuous", "sos", "end", "free", "inf", "infinity",
    };

    private static string MpsName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name) text.Append(c is > ' ' and <= '~' and not '\'' ? c : '_');
        if (text.Length > 0 && text[0] is '$' or '*') text.Insert(0, '_');
        return text.ToString();
    }

    private static string LpName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c switch
            {
                '[' => '(',
                ']' => ')',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                '!' or '#' or '$' or '%' or '&' or '(' or ')' or ',' or '.' or ';' or '?' or '@' or '_' or '{' or '}' or '~' => c,
                _ => '_',
            });
        }

        var result = text.ToString();
        var readsAsNumber = result.Length > 0 && (char.IsAsciiDigit(result[0]) || result[0] == '.');
        var readsAsExponent = result.Length > 0 && result[0] is 'e' or 'E' && (result.Length == 1 || char.IsAsciiDigit(result[1]) || result[1] is 'e' or 'E');
        return readsAsNumber || readsAsExponent || LpKeywords.Contains(result) ? "_" + result : result;
    }

    /// <summary>
    /// Applies <paramref name="legal"/> to every name and resolves clashes deterministically: a name
    /// that is legal and unique stays as it is; of equal names the first keeps the name and the later
    /// ones get <c>~2</c>, <c>~3</c>, … (the first suffix free of every other name). Empty names become
    /// the prefix and the index. Reserved names (the objective row, the constant's variable) are never
    /// given to the model's rows or variables.
    /// </summary>
    private static string[] Unique(IReadOnlyList<string> names, Func<string, string> legal, string fallbackPrefix, string[] reserved)
    {
        var candidates = new string[names.Count];
        for (var i = 0; i < candidates.Length; i++)
        {
            var name = legal(names[i] ?? "");
            if (name.Length == 0) name = fallbackPrefix + i.ToString(CultureInfo.InvariantCulture);
            candidates[i] = name.Length > MaxNameLength ? name[..MaxNameLength] : name;
        }

        // Every candidate is taken first, so a suffixed name never steals a later model name.
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        var wanted = new HashSet<string>(candidates, StringComparer.Ordinal);
        var result = new string[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var name = candidates[i];
            if (!taken.Add(name))
            {
                for (var k = 2; ; k++)
                {
                    var suffix = "~" + k.ToString(CultureInfo.InvariantCulture);
                    var stem = name.Length + suffix.Length > MaxNameLength ? name[..(MaxNameLength - suffix.Length)] : name;
                    var next = stem + suffix;
                    if (!wanted.Contains(next) && taken.Add(next))
                    {
                        name = next;
                        break;
                    }
                }
            }

            result[i] = name;
        }

        return result;
    }
}

/// <summary>
/// A row's terms with each variable once: a problem's row is Σ coef·x, so a variable added twice has
/// the sum of its coefficients, while a reader given a variable twice in a row keeps only one of them.
/// A sum of exactly zero is dropped, as <see cref="LinearProblem.AddTerm"/> drops zero coefficients.
/// </summary>
internal sealed class RowTerms(int variableCount)
{
    private readonly int[] _slot = Enumerable.Repeat(-1, variableCount).ToArray();
    private readonly List<int> _variables = [];
    private readonly List<double> _coefficients = [];

    public IReadOnlyList<int> Variables => _variables;

    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>Loads a row's terms, in the order of their first appearance.</summary>
    public RowTerms Of(LinearProblem.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _variables.Clear();
        _coefficients.Clear();
        var variables = row.Variables;
        var coefficients = row.Coefficients;
        var repeated = false;
        for (var k = 0; k < variables.Length; k++)
        {
            var j = variables[k];
            if (_slot[j] >= 0)
            {
                _coefficients[_slot[j]] += coefficients[k];
                repeated = true;
                continue;
            }

            _slot[j] = _variables.Count;
            _variables.Add(j);
            _coefficients.Add(coefficients[k]);
        }

        foreach (var j in _variables) _slot[j] = -1;
        if (repeated)
        {
            for (var k = _variables.Count - 1; k >= 0; k--)
            {
                if (_coefficients[k] != 0) continue;
                _variables.RemoveAt(k);
                _coefficients.RemoveAt(k);
            }
        }

        return this;
    }
}
