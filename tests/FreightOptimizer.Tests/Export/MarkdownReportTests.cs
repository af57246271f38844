using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>The Markdown summary: the HTML report's tables, escaped.</summary>
public sealed class MarkdownReportTests
{
    [Fact]
    public void Write_SmallScenario_HasTheHeadlineAndTheSameTablesAsTheHtml()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var content = new ReportContent(scenario, result);

        var markdown = MarkdownReport.Write(content);
        var page = PlanReportTests.Parse(PlanReport.Write(content));

        Assert.Contains("- **Status:** Optimal", markdown, StringComparison.Ordinal);
        foreach (var table in page.Descendants("table"))
        {
            var header = "| " + string.Join(" | ", table.Descendants("th").Select(th => MarkdownReport.Escape(th.Value))) + " |";
            Assert.Contains(header, markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_ScenarioNameWithMarkup_IsEscaped()
    {
        var (scenario, result) = ReportScenarios.SmallSolved(name: "<script>x</script> | *bold* [link](http://x)");

        var markdown = MarkdownReport.Write(new ReportContent(scenario, result));

        Assert.StartsWith("# &lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* \\[link\\](http://x)\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.Ordinal);
    }
}
