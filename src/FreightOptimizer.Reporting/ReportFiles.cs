using System.Globalization;
using FreightOptimizer.Analysis;
using FreightOptimizer.Export;
using FreightOptimizer.Serialization;
using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>
/// The files of a solve in one folder (docs/reports.md): plan.json, report.html, report.md, flows.geojson,
/// flows.csv, unmet.csv, prices.csv, network.dot, and the analyses that were run (frontier.csv and
/// frontier.svg, trace-ID.csv, sensitivity.csv, closures.csv). Every CSV is written by <see cref="CsvExport"/>.
/// </summary>
/// <param name="scenario">The scenario solved.</param>
/// <param name="result">Its result.</param>
public sealed class ReportFiles(Scenario scenario, OptimizationResult result)
{
    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; } = scenario ?? throw new ArgumentNullException(nameof(scenario));

    /// <summary>The result.</summary>
    public OptimizationResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    /// <summary>A budget frontier, if one was solved.</summary>
    public IReadOnlyList<FrontierPoint>? Frontier { get; set; }

    /// <summary>A closure study, if one was run.</summary>
    public ClosureStudy? Closures { get; set; }

    /// <summary>The base-year calibration, when it was run (in the reports; its calibrated scenario written as calibrated.json).</summary>
    public CalibrationResult? Calibration { get; set; }

    /// <summary>The cost–CO2 frontier, when it was computed (written as pareto.csv and pareto.svg).</summary>
    public IReadOnlyList<EmissionsFrontierPoint>? EmissionsFrontier { get; set; }

    /// <summary>A flow decomposition and the element traced through it, if one was traced.</summary>
    public (FlowDecomposition Decomposition, NetworkElement Element)? Trace { get; set; }

    /// <summary>Sensitivity ranges, if they were computed.</summary>
    public SensitivityReport? Sensitivity { get; set; }

    /// <summary>Parameter sweeps, if they were run.</summary>
    public IReadOnlyList<SweepResult>? Sweeps { get; set; }

    /// <summary>Writes plan.json into a folder (created if missing).</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The file written.</returns>
    /// <exception cref="IOException">The folder or the file cannot be written.</exception>
    /// <exception cref="FreightValidationException">The plan holds a number JSON cannot (a bug; said, not thrown past the tool).</exception>
    public string WritePlan(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "plan.json");
        File.WriteAllText(path, PlanJson.Write(Result, Scenario.Name));
        return path;
    }

    /// <summary>Writes the analyses that were run (CSV, and the frontier chart) into a folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The names of the files written.</returns>
    public IReadOnlyList<string> WriteAnalyses(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        if (Frontier is { Count: > 0 } frontier) written.AddRange(WriteFrontier(Scenario, frontier, directory));

        if (Calibration?.Calibrated is { } calibrated)
        {
            ScenarioJson.WriteFile(calibrated, Path.Combine(directory, "calibrated.json"));
            written.Add("calibrated.json");
        }

        if (EmissionsFrontier is { Count: > 0 } pareto) written.AddRange(WriteEmissionsFrontier(Scenario, pareto, directory));

        if (Trace is { } trace)
        {
            var name = $"trace-{trace.Element.Id}.csv";
            CsvExport.WriteTraceFile(trace.Decomposition, trace.Element, Path.Combine(directory, name));
            written.Add(name);
        }

        if (Sensitivity is not null)
        {
            CsvExport.WriteSensitivityFile(Sensitivity, Path.Combine(directory, "sensitivity.csv"));
            written.Add("sensitivity.csv");
        }

        if (Closures is not null)
        {
            CsvExport.WriteClosuresFile(Closures, Path.Combine(directory, "closures.csv"));
            written.Add("closures.csv");
        }

        return written;
    }

    /// <summary>Writes a budget frontier as frontier.csv and frontier.svg into a folder (created if missing).</summary>
    /// <param name="scenario">The scenario it was computed for.</param>
    /// <param name="points">The frontier.</param>
    /// <param name="directory">The folder.</param>
    /// <returns>The names of the files written.</returns>
    public static IReadOnlyList<string> WriteFrontier(Scenario scenario, IReadOnlyList<FrontierPoint> points, string directory)
    {
        Directory.CreateDirectory(directory);
        CsvExport.WriteFrontierFile(points, Path.Combine(directory, "frontier.csv"));
        File.WriteAllText(Path.Combine(directory, "frontier.svg"), FrontierChart.Svg(scenario, points));
        return ["frontier.csv", "frontier.svg"];
    }

    /// <summary>Writes a cost–CO2 frontier as pareto.csv and pareto.svg into a folder (created if missing).</summary>
    /// <param name="scenario">The scenario it was computed for (its currency labels the chart).</param>
    /// <param name="points">The frontier.</param>
    /// <param name="directory">The folder.</param>
    /// <returns>The names of the files written.</returns>
    public static IReadOnlyList<string> WriteEmissionsFrontier(Scenario scenario, IReadOnlyList<EmissionsFrontierPoint> points, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Directory.CreateDirectory(directory);
        FrontierExport.WriteEmissionsCsvFile(points, Path.Combine(directory, "pareto.csv"));
        FrontierExport.WriteEmissionsSvgFile(points, Path.Combine(directory, "pareto.svg"), scenario.Currency);
        return ["pareto.csv", "pareto.svg"];
    }

    /// <summary>The report content: the plan and every analysis that was run.</summary>
    /// <returns>The content for <see cref="PlanReport"/> and <see cref="MarkdownReport"/>.</returns>
    public ReportContent Content() => new(Scenario, Result)
    {
        Frontier = Frontier,
        Closures = Closures is null ? null
            : [.. Closures.Results.Select(r => new ClosureRow(r.Element, r.CostChange,
                r.HasPlan ? r.Unmet.Sum(u => u.Tonnes) - (Result.Plan?.TotalUnmetTonnes ?? 0) : null,
                r.HasPlan ? null : r.Message))],
        Tracing = Trace is { } t
            ? [.. t.Decomposition.ThroughOverHorizon(t.Element).OrderByDescending(f => f.Tonnes).Select(f => new TraceRow(f.Commodity, f.Origin, f.Market, f.Routes, f.Tonnes))]
            : null,
        Sweeps = Sweeps,
        Calibration = Calibration,
        Sensitivity = Sensitivity is null ? null
            : [.. Sensitivity.Capacities.Select(c => new SensitivityRow(
                $"capacity of {c.Element} in {c.Period.Value}",
                string.Create(CultureInfo.InvariantCulture, $"price {c.PerTonne:N0}/t holds from {c.LowerTonnes / 1e6:0.000} to {(c.UpperTonnes is { } u ? (u / 1e6).ToString("0.000", CultureInfo.InvariantCulture) : "no end")} Mt (now {c.CapacityTonnes / 1e6:0.000})"),
                null))],
    };

    /// <summary>The reports' file names, in the order <see cref="WriteReports"/> writes them.</summary>
    public static IReadOnlyList<string> ReportNames { get; } = ["report.html", "report.md", "flows.geojson", "flows.csv", "unmet.csv", "prices.csv", "network.dot"];

    /// <summary>Writes the reports (HTML, Markdown, GeoJSON, CSV, DOT) into a folder, whatever the status.</summary>
    /// <param name="directory">The folder.</param>
    public void WriteReports(string directory)
    {
        Directory.CreateDirectory(directory);
        var content = Content();
        var plan = Result.Plan;
        PlanReport.WriteFile(content, Path.Combine(directory, "report.html"));
        MarkdownReport.WriteFile(content, Path.Combine(directory, "report.md"));
        GeoJsonExport.WriteFile(Scenario, plan, Path.Combine(directory, "flows.geojson"));
        CsvExport.WriteFlowsFile(Scenario, plan, Path.Combine(directory, "flows.csv"));
        CsvExport.WriteUnmetFile(plan, Path.Combine(directory, "unmet.csv"));
        CsvExport.WritePricesFile(plan, Path.Combine(directory, "prices.csv"));
        DotExport.WriteFile(Scenario, plan, Path.Combine(directory, "network.dot"));
    }

    /// <summary>
    /// Writes plan.json, the analyses and the reports, saying each on <paramref name="output"/> and any
    /// failure on <paramref name="error"/>.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="output">Where to say what was written.</param>
    /// <param name="error">Where to say what failed.</param>
    /// <returns>0 when everything was written, else the exit code to end with (2, or 1 for a plan JSON cannot hold).</returns>
    public int WriteAll(string directory, IAnsiConsole output, IAnsiConsole error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var step = "plan.json";
        try
        {
            output.Line($"plan.json written to {WritePlan(directory)}");
            step = "the analyses";
            var analyses = WriteAnalyses(directory);
            if (analyses.Count > 0) output.Line($"{string.Join(", ", analyses)} written to {directory}");
            step = "the reports";
            WriteReports(directory);
            output.Line($"{string.Join(", ", ReportNames)} written to {directory}");
            return ExitCodes.PlanFound;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot write {step} into {directory}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (FreightValidationException ex)
        {
            // A number JSON cannot hold (NaN or infinite): the library returns no such plan, so this is
            // a bug to report, but it is said as an error rather than a crash.
            Inputs.Invalid(error, ex, $"the plan to write into {directory}");
            return ExitCodes.NoPlan;
        }
    }
}
