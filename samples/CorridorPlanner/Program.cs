// CorridorPlanner: the main job. Solves the built-in Russia–China corridor (or any scenario file of
// format v1) and prints what a corridor planner reads first. The steps are those of every sample:
// network → scenario → options → optimize → read the plan, checking the status first.
using System.Globalization;
using FreightOptimizer;
using FreightOptimizer.Analysis;
using FreightOptimizer.CorridorPlanner;
using FreightOptimizer.Corridors;
using FreightOptimizer.Export;
using FreightOptimizer.Serialization;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return ExitCodes.InvalidInput;
}

if (command.ShowVersion)
{
    // The library's informational version: VersionPrefix of Directory.Build.props (the one source of the
    // version) and the commit it was built from.
    var version = typeof(FreightPlanner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
    Console.WriteLine($"FreightOptimizer {version}");
    return ExitCodes.PlanFound;
}

if (command.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return ExitCodes.PlanFound;
}

// 1–2. Network and scenario: the built-in corridor, or a file.
Scenario scenario;
try
{
    scenario = command.ScenarioFile is { } file ? ScenarioJson.ReadFile(file) : RussiaChinaCorridor.Build();
}
catch (FreightValidationException ex)
{
    Console.Error.WriteLine($"error: the scenario {command.ScenarioFile} is invalid ({ex.Errors.Count()} error(s)):");
    foreach (var issue in ex.Issues) Console.Error.WriteLine($"  {issue}");
    return ExitCodes.InvalidInput;
}
catch (IOException ex)
{
    Console.Error.WriteLine($"error: cannot read the scenario file: {ex.Message}");
    return ExitCodes.InvalidInput;
}
catch (UnauthorizedAccessException ex)
{
    Console.Error.WriteLine($"error: cannot read the scenario file: {ex.Message}");
    return ExitCodes.InvalidInput;
}

// The formulated model for other solvers, when asked (the scenario is validated on the way).
foreach (var (path, write) in new (string?, Action<Scenario, string>)[]
{
    (command.ExportMpsFile, (s, p) => ModelExport.WriteMpsFile(s, p)),
    (command.ExportLpFile, (s, p) => ModelExport.WriteLpFile(s, p)),
})
{
    if (path is null) continue;
    try
    {
        write(scenario, path);
        Console.WriteLine($"model written to {path}");
    }
    catch (FreightValidationException ex)
    {
        Console.Error.WriteLine($"error: the scenario is invalid ({ex.Errors.Count()} error(s)):");
        foreach (var issue in ex.Issues) Console.Error.WriteLine($"  {issue}");
        return ExitCodes.InvalidInput;
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: cannot write {path}: {ex.Message}");
        return ExitCodes.InvalidInput;
    }
}

// 3. Options.
var options = new SolveOptions { Engine = command.Engine, TimeLimit = command.TimeLimit };
if (command.Appraise) options.Appraise = AppraisalMode.Always;

// 4. Optimize.
OptimizationResult result;
try
{
    result = FreightPlanner.Optimize(scenario, options);
}
catch (FreightValidationException ex)
{
    Console.Error.WriteLine($"error: the scenario is invalid ({ex.Errors.Count()} error(s)):");
    foreach (var issue in ex.Issues) Console.Error.WriteLine($"  {issue}");
    return ExitCodes.InvalidInput;
}

// 5. Read the plan, status first.
if (command.OutputDirectory is { } outDir)
{
    var planPath = Path.Combine(outDir, "plan.json");
    try
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(planPath, PlanJson.Write(result, scenario.Name));
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: cannot write {planPath}: {ex.Message}");
        return ExitCodes.InvalidInput;
    }
    catch (FreightValidationException ex)
    {
        // A number JSON cannot hold (NaN or infinite): the library returns no such plan, so this
        // is a bug to report, but it is said as an error rather than a crash.
        Console.Error.WriteLine($"error: the plan cannot be written to {planPath}:");
        foreach (var issue in ex.Issues) Console.Error.WriteLine($"  {issue}");
        return ExitCodes.NoPlan;
    }

    Console.WriteLine($"plan.json written to {planPath}");
}

new PlanSummary(scenario, result, Console.Out).Print();

// 6. The budget frontier, on request.
IReadOnlyList<FrontierPoint>? frontierPoints = null;
if (command.BudgetSweep is { } sweep)
{
    var budgets = BudgetFrontier.Steps(sweep.Min, sweep.Max, sweep.Step);
    frontierPoints = BudgetFrontier.Solve(scenario, budgets, options);
    var frontier = new Frontier(scenario, frontierPoints);
    frontier.Print(Console.Out);
    if (command.OutputDirectory is { } frontierDir)
    {
        try
        {
            Directory.CreateDirectory(frontierDir);
            File.WriteAllText(Path.Combine(frontierDir, "frontier.csv"), frontier.Csv());
            File.WriteAllText(Path.Combine(frontierDir, "frontier.svg"), frontier.Svg());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the frontier into {frontierDir}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine($"frontier.csv and frontier.svg written to {frontierDir}");
    }
}

// 7. What follows the plan, on request: flows traced through one element, sensitivity ranges.
NetworkElement? traced = null;
if (command.TraceId is { } traceId)
{
    traced = scenario.Network.TryGetLocation(traceId, out _) ? NetworkElement.Of(new LocationId(traceId))
        : scenario.Network.TryGetRoute(traceId, out _) ? NetworkElement.Of(new RouteId(traceId))
        : null;
    if (traced is null)
    {
        Console.Error.WriteLine($"error: --trace {traceId}: the scenario has no route or location with that id.");
        return ExitCodes.InvalidInput;
    }
}

FlowDecomposition? decomposition = null;
if (traced is { } element && result.Plan is { } tracePlan && result.Status != SolveStatus.VerificationFailed)
{
    decomposition = FlowTrace.Decompose(scenario, tracePlan);
    var largest = decomposition.ThroughOverHorizon(element).OrderByDescending(f => f.Tonnes).ToList();
    Console.WriteLine();
    Console.WriteLine($"Flows through {element} (Mt over the horizon, largest first; {largest.Count} origin–market flow(s)):");
    foreach (var flow in largest.Take(10))
    {
        Console.WriteLine($"  {flow.Origin.Value} → {flow.Market.Value}, {flow.Commodity.Value}: {flow.Tonnes / 1e6:0.00} Mt in {flow.Periods} period(s), via {string.Join(" > ", flow.Routes.Select(r => r.Value))}");
    }
}

SensitivityReport? sensitivity = null;
IReadOnlyList<SweepResult>? sweeps = null;
if (command.Sensitivity && result.Plan is { } sensitivityPlan && result.Status == SolveStatus.Optimal)
{
    sensitivity = Sensitivity.Analyse(scenario, sensitivityPlan);
    Console.WriteLine();
    Console.WriteLine($"Sensitivity of the binding capacities ({sensitivity.Resolves} re-solves; the price holds while the capacity stays in the range, Mt in the period):");
    foreach (var c in sensitivity.Capacities)
    {
        var upper = c.UpperTonnes is { } u ? $"{u / 1e6:0.000}" : "no end";
        Console.WriteLine($"  {c.Element,-40} {c.Period.Value,-6} {c.PerTonne,10:N0}/t at {c.CapacityTonnes / 1e6:0.000}: holds from {c.LowerTonnes / 1e6:0.000} to {upper}");
    }

    Console.WriteLine($"  and {sensitivity.Tariffs.Length} tariff range(s) (sensitivity.csv with --out).");

    // A tornado: the six tariffs that carry the most tonnes and the four largest demands, each ±20 % in
    // four steps, with everything else held.
    var tariffs = sensitivityPlan.Flows
        .GroupBy(f => (f.Route, f.Commodity))
        .OrderByDescending(g => g.Sum(f => f.Tonnes)).ThenBy(g => g.Key.Route.Value, StringComparer.Ordinal)
        .Take(6)
        .Select(g => SweepTarget.Tariff(g.Key.Route, g.Key.Commodity));
    var demands = scenario.Demands
        .GroupBy(d => (d.Location, d.Commodity))
        .OrderByDescending(g => g.Sum(d => d.AnnualTonnes)).ThenBy(g => g.Key.Location.Value, StringComparer.Ordinal)
        .Take(4)
        .Select(g => SweepTarget.Demand(g.Key.Location, g.Key.Commodity));
    sweeps = Sensitivity.Sweep(scenario, tariffs.Concat(demands), new SweepOptions { Solve = options },
        new Progress<AnalysisProgress>(p => Console.Error.Write($"\r  sweeps: {p.Completed} of {p.Total}")));
    Console.Error.WriteLine();
    Console.WriteLine("What moves the optimum (each input ±20 %, bn over the horizon: lowest … highest change):");
    foreach (var swept in sweeps.OrderByDescending(w => w.Swing))
    {
        var changes = swept.Points.Where(p => p.Objective is not null).Select(p => p.Objective!.Value - (swept.BaseObjective ?? 0)).DefaultIfEmpty(0).ToList();
        Console.WriteLine($"  {swept.Target.Kind} {swept.Target.Commodity.Value} at {swept.Target.Element,-40} {changes.Min() / 1e9,8:+0.00;-0.00;0.00} … {changes.Max() / 1e9,8:+0.00;-0.00;0.00}");
    }
}

ClosureStudy? closures = null;
if (command.Closures is { } mode && result.Status == SolveStatus.Optimal)
{
    var closureOptions = new ClosureOptions { Mode = mode, Solve = options };
    closures = Closures.Run(scenario, closureOptions, new Progress<ClosureProgress>(p => Console.Error.Write($"\r  closures: {p.Completed} of {p.Total}")));
    Console.Error.WriteLine();
    Console.WriteLine();
    Console.WriteLine($"Closures ({mode}: {(mode == ClosureMode.Operational ? "investments kept" : "investments re-optimised")}; each element closed for the whole horizon; bn and Mt over the horizon):");
    Console.WriteLine($"  {"element",-40} {"status",-18} {"cost change",12} {"unmet",8}  where the cargo went");
    foreach (var r in closures.Results)
    {
        var cost = r.CostChange is { } c ? (c / 1e9).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-";
        var unmet = r.HasPlan ? (r.Unmet.Sum(u => u.Tonnes) / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "-";
        var gained = string.Join(", ", r.Gained.Where(g => g.Change >= 5_000).Take(4).Select(g => $"{g.Crossing.Value} {g.Change / 1e6:+0.00}"));
        Console.WriteLine($"  {r.Element.ToString(),-40} {r.Status,-18} {cost,12} {unmet,8}  {(gained.Length == 0 ? "-" : gained)}");
    }
}

if (command.OutputDirectory is { } analysisDir)
{
    try
    {
        Directory.CreateDirectory(analysisDir);
        if (decomposition is not null && traced is { } e) CsvExport.WriteTraceFile(decomposition, e, Path.Combine(analysisDir, $"trace-{e.Id}.csv"));
        if (sensitivity is not null) CsvExport.WriteSensitivityFile(sensitivity, Path.Combine(analysisDir, "sensitivity.csv"));
        if (closures is not null) CsvExport.WriteClosuresFile(closures, Path.Combine(analysisDir, "closures.csv"));
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: cannot write the analyses into {analysisDir}: {ex.Message}");
        return ExitCodes.InvalidInput;
    }
}

// 8. The reports beside plan.json: a page for a planner, a Markdown summary, and files for map tools,
// spreadsheets and Graphviz (docs/reports.md), written for every solve, whatever its status.
if (command.OutputDirectory is { } reportDir)
{
    var content = new ReportContent(scenario, result)
    {
        Frontier = frontierPoints,
        Closures = closures is null ? null
            : [.. closures.Results.Select(r => new ClosureRow(r.Element, r.CostChange,
                r.HasPlan ? r.Unmet.Sum(u => u.Tonnes) - (result.Plan?.TotalUnmetTonnes ?? 0) : null,
                r.HasPlan ? null : r.Message))],
        Tracing = decomposition is not null && traced is { } t
            ? [.. decomposition.ThroughOverHorizon(t).OrderByDescending(f => f.Tonnes).Select(f => new TraceRow(f.Commodity, f.Origin, f.Market, f.Routes, f.Tonnes))]
            : null,
        Sweeps = sweeps,
        Sensitivity = sensitivity is null ? null
            : [.. sensitivity.Capacities.Select(c => new SensitivityRow(
                $"capacity of {c.Element} in {c.Period.Value}",
                string.Create(CultureInfo.InvariantCulture, $"price {c.PerTonne:N0}/t holds from {c.LowerTonnes / 1e6:0.000} to {(c.UpperTonnes is { } u ? (u / 1e6).ToString("0.000", CultureInfo.InvariantCulture) : "no end")} Mt (now {c.CapacityTonnes / 1e6:0.000})"),
                null))],
    };
    var plan = result.Plan;
    try
    {
        PlanReport.WriteFile(content, Path.Combine(reportDir, "report.html"));
        MarkdownReport.WriteFile(content, Path.Combine(reportDir, "report.md"));
        GeoJsonExport.WriteFile(scenario, plan, Path.Combine(reportDir, "flows.geojson"));
        CsvExport.WriteFlowsFile(scenario, plan, Path.Combine(reportDir, "flows.csv"));
        CsvExport.WriteUnmetFile(plan, Path.Combine(reportDir, "unmet.csv"));
        CsvExport.WritePricesFile(plan, Path.Combine(reportDir, "prices.csv"));
        DotExport.WriteFile(scenario, plan, Path.Combine(reportDir, "network.dot"));
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"error: cannot write the reports into {reportDir}: {ex.Message}");
        return ExitCodes.InvalidInput;
    }

    Console.WriteLine($"report.html, report.md, flows.geojson, flows.csv, unmet.csv, prices.csv and network.dot written to {reportDir}");
}

return result.Status == SolveStatus.VerificationFailed ? ExitCodes.VerificationFailed
    : result.HasPlan ? ExitCodes.PlanFound
    : ExitCodes.NoPlan;
