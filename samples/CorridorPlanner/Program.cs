// CorridorPlanner: the main job. Solves the built-in Russia–China corridor (or any scenario file of
// format v1) and prints what a corridor planner reads first. The steps are those of every sample:
// network → scenario → options → optimize → read the plan, checking the status first. The console
// tables, the options and the exit codes are the ones the freightopt tool uses (FreightOptimizer.Reporting).
using System.CommandLine;
using System.Globalization;
using FreightOptimizer;
using FreightOptimizer.Analysis;
using FreightOptimizer.CorridorPlanner;
using FreightOptimizer.Export;
using FreightOptimizer.Reporting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var scenarioOption = new Option<string?>("--scenario") { Description = "a scenario file of format v1 (default: the built-in Russia–China corridor)", HelpName = "FILE" };
var outOption = new Option<string?>("--out") { Description = "write plan.json (docs/plan-format.md) and the reports (docs/reports.md) into DIR, whatever the status", HelpName = "DIR" };
var engineOption = CommonOptions.Engine();
var timeLimitOption = CommonOptions.TimeLimit();
var appraiseOption = CommonOptions.Appraise();
var sweepOption = CommonOptions.Budgets("--budget-sweep",
    "also solve for every budget MIN, MIN+STEP, …, MAX (MAX included; in the scenario's currency, e.g. 0:90e9:5e9), print the frontier and, with --out, write frontier.csv and frontier.svg");
var mpsOption = new Option<string?>("--export-mps") { Description = "also write the formulated model as an MPS file (tonnes, scenario currency)", HelpName = "FILE" };
var lpOption = new Option<string?>("--export-lp") { Description = "also write the formulated model as a CPLEX LP file", HelpName = "FILE" };
var traceOption = new Option<string?>("--trace")
{
    Description = "trace the plan's flows through a route or location (docs/analysis.md): print the largest origin–market flows that use it and, with --out, write trace-ID.csv",
    HelpName = "ID",
};
var sensitivityOption = new Option<bool>("--sensitivity")
{
    Description = "range every bottleneck's capacity and every used tariff (docs/analysis.md), print the capacities and, with --out, write sensitivity.csv",
};
var closuresOption = CommonOptions.ClosureModeOption("--closures",
    "close every border crossing in turn for the whole horizon and re-solve (docs/analysis.md): operational (default; investments kept) or replan; prints the table and, with --out, writes closures.csv",
    valueOptional: true);

var paretoOption = new Option<int?>("--pareto")
{
    Description = "also compute the cost–CO2 frontier with N points by the ε-constraint method (docs/analysis.md): least cost, then tighter CO2 caps down to the least CO2; prints it and, with --out, writes pareto.csv and pareto.svg",
    HelpName = "N",
};
var calibrateOption = new Option<bool>("--calibrate")
{
    Description = "also calibrate the base year to the scenario's observations (docs/analysis.md): per-tonne constants from the duals of the observations, shown before and after; with --out, the calibrated scenario is written as calibrated.json and the constants go into the reports",
};
var outlookOption = new Option<string?>("--outlook")
{
    Description = "also answer the 2024–2030 outlook (docs/corridor.md §13): the year each investment should come online, and what the Northern Sea Route carries with and without a longer season and Chinese vessels; FILE defaults to data/russia-china-2030.json beside the program",
    HelpName = "FILE",
    Arity = ArgumentArity.ZeroOrOne,
};

var root = new RootCommand("CorridorPlanner: plans the built-in Russia–China corridor, or a scenario file, and prints the plan.")
{
    scenarioOption, outOption, engineOption, timeLimitOption, appraiseOption, sweepOption, mpsOption, lpOption, traceOption, sensitivityOption, closuresOption,
    calibrateOption, paretoOption, outlookOption,
};
root.SetAction(parse =>
{
    var output = Terminal.StandardOutput();
    var error = Terminal.StandardError();

    // 1–2. Network and scenario: the built-in corridor, or a file.
    if (!Inputs.TryReadScenario(parse.GetValue(scenarioOption), error, out var scenario)) return ExitCodes.InvalidInput;

    // The formulated model for other solvers, when asked (the scenario is validated on the way).
    foreach (var (path, write) in new (string?, Action<Scenario, string>)[]
    {
        (parse.GetValue(mpsOption), (s, p) => ModelExport.WriteMpsFile(s, p)),
        (parse.GetValue(lpOption), (s, p) => ModelExport.WriteLpFile(s, p)),
    })
    {
        if (path is null) continue;
        try
        {
            write(scenario, path);
            output.Line($"model written to {path}");
        }
        catch (FreightValidationException ex)
        {
            Inputs.Invalid(error, ex, "the scenario");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot write {path}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    if (parse.GetValue(paretoOption) is { } requested && requested is < 2 or > EmissionsFrontier.MaxPoints)
    {
        error.Line($"error: --pareto {requested}: give between 2 and {EmissionsFrontier.MaxPoints} points.");
        return ExitCodes.InvalidInput;
    }

    NetworkElement? traced = null;
    if (parse.GetValue(traceOption) is { } traceId && (traced = Inputs.Element(scenario, traceId)) is null)
    {
        error.Line($"error: --trace {traceId}: the scenario has no route or location with that id.");
        return ExitCodes.InvalidInput;
    }

    // 3. Options.
    var options = CommonOptions.SolveOptions(parse, engineOption, timeLimitOption, appraiseOption);

    // 4. Optimize.
    OptimizationResult result;
    try
    {
        result = FreightPlanner.Optimize(scenario, options);
    }
    catch (FreightValidationException ex)
    {
        Inputs.Invalid(error, ex, "the scenario");
        return ExitCodes.InvalidInput;
    }

    // 5. Read the plan, status first; plan.json before anything else when asked for.
    var outDir = parse.GetValue(outOption);
    var files = new ReportFiles(scenario, result);
    if (outDir is not null)
    {
        try
        {
            output.Line($"plan.json written to {files.WritePlan(outDir)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot write plan.json into {outDir}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (FreightValidationException ex)
        {
            Inputs.Invalid(error, ex, "the plan");
            return ExitCodes.NoPlan;
        }
    }

    var view = new PlanView(scenario, result, output);
    view.Write();

    // 6. The budget frontier, on request.
    if (parse.GetValue(sweepOption) is { } budgets)
    {
        files.Frontier = LongRun.Run<FrontierProgress, IReadOnlyList<FrontierPoint>>(output, "budgets", p => (p.Completed, p.Total),
            progress => FrontierRun.Solve(scenario, budgets, options, progress));
        AnalysisViews.Frontier(output, files.Frontier, view.Money);
    }

    // 7. What follows the plan, on request: flows traced through one element, sensitivity ranges, closures.
    // A plan the verifier rejected is analysed no further.
    var usable = result.Status != SolveStatus.VerificationFailed ? result.Plan : null;
    if (traced is { } element && usable is not null)
    {
        var decomposition = FlowTrace.Decompose(scenario, usable);
        files.Trace = (decomposition, element);
        AnalysisViews.Trace(output, decomposition, element);
    }

    if (parse.GetValue(sensitivityOption) && usable is not null && result.Status == SolveStatus.Optimal)
    {
        files.Sensitivity = Sensitivity.Analyse(scenario, usable);
        AnalysisViews.Sensitivity(output, files.Sensitivity, scenario.Currency);
        files.Sweeps = LongRun.Run<AnalysisProgress, IReadOnlyList<SweepResult>>(output, "sweeps", p => (p.Completed, p.Total),
            progress => Sensitivity.Sweep(scenario, AnalysisViews.TornadoTargets(scenario, usable), new SweepOptions { Solve = options }, progress));
        AnalysisViews.Sweeps(output, files.Sweeps, view.Money);
    }

    if (parse.GetValue(closuresOption) is { } mode && result.Status == SolveStatus.Optimal)
    {
        files.Closures = LongRun.Run<ClosureProgress, ClosureStudy>(output, "closures", p => (p.Completed, p.Total),
            progress => Closures.Run(scenario, new ClosureOptions { Mode = mode, Solve = options }, progress));
        AnalysisViews.Closures(output, files.Closures, view.Money);
    }

    if (parse.GetValue(calibrateOption))
    {
        files.Calibration = Calibration.Calibrate(scenario, new CalibrationOptions { Solve = options });
        AnalysisViews.Calibration(output, files.Calibration, scenario.Currency);
    }

    if (parse.GetValue(paretoOption) is { } points && result.Status == SolveStatus.Optimal)
    {
        files.EmissionsFrontier = EmissionsFrontier.Compute(scenario, points, options);
        AnalysisViews.EmissionsFrontier(output, files.EmissionsFrontier, view.Money, scenario.Currency);
    }

    if (parse.GetResult(outlookOption) is not null)
    {
        try
        {
            OutlookView.Write(output, Outlook2030.Run(parse.GetValue(outlookOption)));
        }
        catch (FreightValidationException ex)
        {
            Inputs.Invalid(error, ex, "the outlook scenario");
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot read the outlook scenario: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    // 8. The analyses' files and the reports beside plan.json (docs/reports.md), whatever the status.
    if (outDir is not null)
    {
        try
        {
            var analyses = files.WriteAnalyses(outDir);
            if (analyses.Count > 0) output.Line($"{string.Join(", ", analyses)} written to {outDir}");
            files.WriteReports(outDir);
            output.Line($"{string.Join(", ", ReportFiles.ReportNames)} written to {outDir}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.Line($"error: cannot write the reports into {outDir}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    return ExitCodes.Of(result);
});

return CommandLineApp.Run(root, args, Console.Out, Console.Error, $"FreightOptimizer {CommandLineApp.LibraryVersion}");
