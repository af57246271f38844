using System.Text.RegularExpressions;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>Graphviz DOT of the network: every node and edge, ids quoted.</summary>
public sealed partial class DotExportTests
{
    [Fact]
    public void Write_SmallScenario_HasEveryNodeAndEveryEdge()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();

        var dot = DotExport.Write(scenario, result.Plan);

        Assert.StartsWith("digraph \"Small corridor\" {", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
        var nodes = NodeLine().Matches(dot).Select(m => m.Groups[1].Value).ToList();
        var edges = EdgeLine().Matches(dot).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(scenario.Network.Locations.Select(l => l.Id.Value), nodes);
        Assert.Equal(scenario.Network.Routes.Select(r => (r.From.Value, r.To.Value, r.Id.Value)), edges);
        Assert.Contains("style=dashed", dot.Split('\n').Single(l => l.Contains("mine-city-barge", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_IdWithQuotesBackslashesAndLineBreaks_IsOneValidDotString()
    {
        Assert.Equal("\"a \\\"b\\\" c\\\\d\\ne\"", DotExport.Quote("a \"b\" c\\d\ne"));
    }

    [GeneratedRegex("^  \"([^\"]+)\" \\[label=", RegexOptions.Multiline)]
    private static partial Regex NodeLine();

    [GeneratedRegex("^  \"([^\"]+)\" -> \"([^\"]+)\" \\[id=\"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex EdgeLine();
}
