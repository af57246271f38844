using System.Globalization;
using System.Text;

namespace FreightOptimizer;

/// <summary>
/// Builds the JSON paths that validation issues name (RFC 9535 normalized style): members whose
/// names are plain identifiers use dot notation (<c>$.routes[3].costPerTonne.coal</c>), any other
/// name is quoted (<c>$.routes[3].costPerTonne['coking-coal']</c>).
/// </summary>
internal static class JsonPath
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>The path of a member of an object.</summary>
    /// <param name="parent">The object's path.</param>
    /// <param name="name">The member name.</param>
    /// <returns>The member's path.</returns>
    public static string Member(string parent, string name) =>
        IsShorthand(name) ? parent + "." + name : parent + "['" + Escape(name) + "']";

    /// <summary>The path of an element of an array.</summary>
    /// <param name="parent">The array's path.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The element's path.</returns>
    public static string Element(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    /// <param name="path">The path to test.</param>
    /// <param name="ancestor">The possible ancestor.</param>
    /// <returns>True when equal or nested.</returns>
    public static bool IsWithin(string path, string ancestor) =>
        path.Length == ancestor.Length
            ? string.Equals(path, ancestor, StringComparison.Ordinal)
            : path.StartsWith(ancestor, StringComparison.Ordinal) && path[ancestor.Length] is '.' or '[';

    private static bool IsShorthand(string name)
    {
        if (name.Length == 0) return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or >= '\u0080'
                || (i > 0 && c is >= '0' and <= '9');
            if (!ok) return false;
        }

        return true;
    }

    private static string Escape(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case '\'': text.Append("\\'"); break;
                case '\\': text.Append("\\\\"); break;
                case < ' ': text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: text.Append(c); break;
            }
        }

        return text.ToString();
    }
}
