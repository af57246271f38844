using System.Diagnostics;
using System.Xml.Linq;
using FreightOptimizer.Analysis;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// A <see cref="FactAttribute"/> that skips, saying why, when no Chromium binary is on the PATH; under
/// CI (<c>CI=true</c>) it never skips, since <c>.ci/run</c> installs Chromium and a missing browser is
/// then a failure to see.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null && !Chromium.UnderCi)
        {
            Skip = "No chromium binary on the PATH (looked for chromium, chromium-browser, google-chrome); `apt-get install chromium` to run the browser test. .ci/run installs it.";
        }
    }
}

/// <summary>Finds and runs headless Chromium.</summary>
internal static class Chromium
{
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    public static string? Find() =>
        Names
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs Chromium headless on a page with the given extra arguments; returns its stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string page, params string[] arguments)
    {
        var binary = Find() ?? throw new InvalidOperationException("No chromium binary on the PATH: .ci/run should have installed it (apt-get install chromium).");
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars", $"--user-data-dir={profile}" }.Concat(arguments)) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 2 minutes");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

/// <summary>
/// The corridor's report opened in headless Chromium as a planner opens it: the browser must lay out
/// the map, the heat map and the tables, log no error from the page, and leave a screenshot to look at
/// (bin/…/artifacts/report.png; docs/reports.md has the command that makes it by hand).
/// </summary>
public sealed class PlanReportBrowserTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [ChromiumFact]
    [Trait("Category", "Slow")]
    public void CorridorReport_InChromium_RendersTheMapHeatMapAndTablesWithoutErrors()
    {
        var (scenario, result) = ReportScenarios.Corridor;
        var frontier = BudgetFrontier.Solve(scenario, [0, 10e9, 20e9, 30e9]);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var page = Path.Combine(artifacts, "report.html");
        PlanReport.WriteFile(new ReportContent(scenario, result) { Frontier = frontier }, page);
        var screenshot = Path.Combine(artifacts, "report.png");
        File.Delete(screenshot);

        var shot = Chromium.Run(page, $"--screenshot={screenshot}", "--window-size=1400,2400");
        var dump = Chromium.Run(page, "--dump-dom", "--enable-logging=stderr", "--v=0");

        Assert.True(shot.ExitCode == 0 && File.Exists(screenshot) && new FileInfo(screenshot).Length > 50_000, $"no screenshot: {shot.Error}");
        Assert.Equal(0, dump.ExitCode);
        // The page has no script; the console must still be clean (a broken SVG or CSS would log here).
        var consoleLines = dump.Error.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();
        Assert.Empty(consoleLines);
        // The DOM as the browser built it: parse it back as XML (Chromium writes HTML; the SVG parts are XML).
        var dom = dump.Output;
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        var map = XElement.Parse(Between(dom, "<svg id=\"network-map\"", "</svg>"));
        var routes = map.Descendants(Svg + "path").Count(p => ((string?)p.Attribute("class") ?? "").Split(' ').Contains("route"));
        Assert.Equal(scenario.Network.Routes.Length, routes);
        Assert.Contains(map.Descendants(Svg + "text"), t => t.Value.Contains("Zabaikalsk", StringComparison.Ordinal));
        var heat = XElement.Parse(Between(dom, "<svg id=\"heat-map\"", "</svg>"));
        var crossings = scenario.Network.Locations.Count(l => l.Kind == LocationKind.BorderCrossing);
        Assert.Equal(crossings * scenario.Horizon.Periods.Length, heat.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "cell"));
        foreach (var table in new[] { "table-costs", "table-bottlenecks", "table-crossings", "table-investments", "table-frontier", "table-verification", "table-solve" })
        {
            Assert.Contains($"<table id=\"{table}\">", dom, StringComparison.Ordinal);
        }

        Assert.Contains("Optimal: verification PASSED, optimality certified", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"cost-chart\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"frontier-chart\"", dom, StringComparison.Ordinal);
    }

    /// <summary>The first element that starts with <paramref name="start"/>, up to its first <paramref name="end"/> (the SVGs hold no nested svg).</summary>
    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} is not in the page");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        var element = text[from..(to + end.Length)];
        // Chromium serialises inline SVG without the namespace declaration; put it back to parse as XML.
        return element.Contains("xmlns=", StringComparison.Ordinal) ? element : element.Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", StringComparison.Ordinal);
    }
}
