using System.Globalization;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// A strict reader of the CPLEX LP subset that <c>LpWriter</c> writes, for the tests: OR-Tools has no
/// reader for the format, and GLPK (which reads it; see tests/crosscheck/export_check.sh) is not on
/// CI. It follows the format's rules (names in the alphabet CPLEX, GLPK and Clp share), not the
/// writer's code: sections by keyword at the start of a line, <c>\</c> comments, <c>label:</c> then
/// signed terms, a sense and a right-hand side; bounds as <c>lo &lt;= x &lt;= hi</c>, <c>x = v</c>,
/// <c>x free</c>, <c>x &gt;= lo</c> or <c>x &lt;= hi</c>; names in <c>General</c>. Anything else
/// throws, so a malformed file fails the test.
/// </summary>
internal sealed class LpFileReader
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "minimize", "maximize", "min", "max", "st", "bounds", "general", "binary", "end", "free", "inf", "infinity",
    };

    public Dictionary<string, double> Objective { get; } = new(StringComparer.Ordinal);

    public List<(string Name, List<(string Variable, double Coefficient)> Terms, string Sense, double Rhs)> Rows { get; } = [];

    public Dictionary<string, (double Lower, double Upper)> Bounds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Integers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every variable named anywhere in the file.</summary>
    public HashSet<string> Variables { get; } = new(StringComparer.Ordinal);

    public int LongestLine { get; private set; }

    public static LpFileReader Read(string text)
    {
        var file = new LpFileReader();
        var section = "";
        var tokens = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            file.LongestLine = Math.Max(file.LongestLine, raw.Length);
            var line = raw.Contains('\\', StringComparison.Ordinal) ? raw[..raw.IndexOf('\\', StringComparison.Ordinal)] : raw;
            var keyword = line.Trim().ToUpperInvariant();
            var next = keyword switch
            {
                "MINIMIZE" => "objective",
                "SUBJECT TO" => "rows",
                "BOUNDS" => "bounds",
                "GENERAL" => "general",
                "END" => "end",
                _ => null,
            };
            if (next is not null && !char.IsWhiteSpace(line[0]))
            {
                file.Flush(section, tokens);
                section = next;
                continue;
            }

            if (line.Trim().Length == 0) continue;
            if (section is "" or "end") throw new FormatException($"text outside a section: '{raw}'");
            if (section == "bounds") file.ReadBound(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            else tokens.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        if (section != "end") throw new FormatException("the file does not end with End");
        return file;
    }

    private void Flush(string section, List<string> tokens)
    {
        if (section == "objective") ReadObjective(tokens);
        else if (section == "rows") ReadRows(tokens);
        else if (section == "general")
        {
            foreach (var name in tokens) Integers.Add(Declare(name));
        }

        tokens.Clear();
    }

    private void ReadObjective(List<string> tokens)
    {
        if (tokens.Count == 0 || !tokens[0].EndsWith(':')) throw new FormatException("the objective has no label");
        var at = 1;
        while (at < tokens.Count)
        {
            var (name, coefficient) = Term(tokens, ref at);
            Objective[name] = Objective.GetValueOrDefault(name) + coefficient;
        }
    }

    private void ReadRows(List<string> tokens)
    {
        var at = 0;
        while (at < tokens.Count)
        {
            if (!tokens[at].EndsWith(':')) throw new FormatException($"a row without a label at '{tokens[at]}'");
            var name = Legal(tokens[at++][..^1]);
            var terms = new List<(string, double)>();
            while (tokens[at] is not (">=" or "<=" or "=")) terms.Add(Term(tokens, ref at));
            var sense = tokens[at++];
            Rows.Add((name, terms, sense, Number(tokens[at++])));
        }
    }

    private (string Name, double Coefficient) Term(List<string> tokens, ref int at)
    {
        var sign = tokens[at++] switch
        {
            "+" => 1.0,
            "-" => -1.0,
            var other => throw new FormatException($"a term without a sign at '{other}'"),
        };
        var magnitude = Number(tokens[at++]);
        return (Declare(tokens[at++]), sign * magnitude);
    }

    private void ReadBound(string[] t)
    {
        switch (t.Length)
        {
            case 2 when t[1].Equals("free", StringComparison.OrdinalIgnoreCase):
                Bounds[Declare(t[0])] = (double.NegativeInfinity, double.PositiveInfinity);
                break;
            case 3 when t[1] == "=":
                Bounds[Declare(t[0])] = (Number(t[2]), Number(t[2]));
                break;
            case 3 when t[1] == ">=":
                Bounds[Declare(t[0])] = (Number(t[2]), Bounds.GetValueOrDefault(t[0], (0, double.PositiveInfinity)).Upper);
                break;
            case 3 when t[1] == "<=":
                Bounds[Declare(t[0])] = (Bounds.GetValueOrDefault(t[0], (0, double.PositiveInfinity)).Lower, Number(t[2]));
                break;
            case 5 when t[1] == "<=" && t[3] == "<=":
                Bounds[Declare(t[2])] = (Number(t[0]), Number(t[4]));
                break;
            default:
                throw new FormatException($"a bound the reader does not know: '{string.Join(' ', t)}'");
        }
    }

    private string Declare(string name)
    {
        Variables.Add(Legal(name));
        return name;
    }

    private static string Legal(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || name[0] == '.' || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || "!#$%&(),.;?@_{}~".Contains(c, StringComparison.Ordinal))))
        {
            throw new FormatException($"'{name}' is not a legal LP name");
        }

        if ((name[0] is 'e' or 'E' && (name.Length == 1 || char.IsAsciiDigit(name[1]) || name[1] is 'e' or 'E')) || Keywords.Contains(name))
        {
            throw new FormatException($"'{name}' reads as a number or a keyword");
        }

        return name;
    }

    private static double Number(string text) => text.ToUpperInvariant() switch
    {
        "+INF" or "INF" or "+INFINITY" or "INFINITY" => double.PositiveInfinity,
        "-INF" or "-INFINITY" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
