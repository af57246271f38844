using System.Globalization;
using System.Text;

namespace FreightOptimizer.Export;

/// <summary>
/// The network as a Graphviz DOT digraph: one node per location (shape and colour by kind, label with
/// the name and kind), one edge per route (colour by mode, label with the mode and, with a plan, its
/// tonnes over the horizon; width by tonnes; dashed when closed in some period). Every id is quoted
/// and escaped, so any id of the scenario is a valid DOT id. Render with <c>dot -Tsvg network.dot</c>.
/// </summary>
public static class DotExport
{
    /// <summary>The DOT text.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">The plan whose tonnes label the edges, or null for the network alone.</param>
    /// <returns>The digraph.</returns>
    public static string Write(Scenario scenario, AllocationPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Network;
        var tonnes = (plan?.Flows ?? []).GroupBy(f => f.Route).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        var max = tonnes.Values.DefaultIfEmpty(0).Max();
        var unit = ReportUnit.Tonnes(max);
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(scenario.Name ?? "network")).Append(" {\n");
        dot.Append("  graph [rankdir=LR, fontname=\"Helvetica\", label=").Append(Quote((scenario.Name ?? "network") + (plan is null ? "" : $" (tonnes over the horizon, {unit.Label})"))).Append("];\n");
        dot.Append("  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var location in network.Locations)
        {
            var (shape, colour) = location.Kind switch
            {
                LocationKind.Origin => ("box", "#a5d6a7"),
                LocationKind.Hub => ("ellipse", "#e0e0e0"),
                LocationKind.BorderCrossing => ("diamond", "#ffcc80"),
                LocationKind.Port => ("ellipse", "#90caf9"),
                _ => ("doublecircle", "#ce93d8"),
            };
            dot.Append("  ").Append(Quote(location.Id.Value))
                .Append(" [label=").Append(Quote($"{location.Name ?? location.Id.Value}\n{location.Kind}"))
                .Append(", shape=").Append(shape).Append(", fillcolor=").Append(Quote(colour)).Append("];\n");
        }

        foreach (var route in network.Routes)
        {
            var t = tonnes.GetValueOrDefault(route.Id);
            var label = NetworkMap.ModeName(route.Mode) + (plan is null ? "" : "\n" + unit.WithUnit(t));
            var width = max > 0 ? 1 + (5 * Math.Sqrt(t / max)) : 1;
            var seasonal = scenario.Horizon.Periods.Any(p => !scenario.IsUsable(route, p.Id));
            dot.Append("  ").Append(Quote(route.From.Value)).Append(" -> ").Append(Quote(route.To.Value))
                .Append(" [id=").Append(Quote(route.Id.Value))
                .Append(", label=").Append(Quote(label))
                .Append(", color=").Append(Quote(plan is not null && t <= 0 ? "#9aa5b1" : NetworkMap.ModeColour(route.Mode)))
                .Append(", penwidth=").Append(width.ToString("0.##", CultureInfo.InvariantCulture))
                .Append(seasonal ? ", style=dashed" : "")
                .Append("];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>Writes the DOT text to a file (UTF-8).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFile(Scenario scenario, AllocationPlan? plan, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Write(scenario, plan), new UTF8Encoding(false));
    }

    /// <summary>A DOT quoted string: backslashes and quotes escaped, line breaks as DOT's centred <c>\n</c>.</summary>
    internal static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
