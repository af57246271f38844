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
if (command.BudgetSweep is { } sweep)
{
    var budgets = BudgetFrontier.Steps(sweep.Min, sweep.Max, sweep.Step);
    var frontier = new Frontier(scenario, BudgetFrontier.Solve(scenario, budgets, options));
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

return result.Status == SolveStatus.VerificationFailed ? ExitCodes.VerificationFailed
    : result.HasPlan ? ExitCodes.PlanFound
    : ExitCodes.NoPlan;
