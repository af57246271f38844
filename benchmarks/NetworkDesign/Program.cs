using System.Diagnostics;
using System.Globalization;
using System.Text;
using FreightOptimizer;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using FreightOptimizer.Serialization;
using HighsDirect = Google.OrTools.ModelBuilder;

// Network design: the library at gap 0 on every Canad .dow instance, with SCIP and HiGHS,
// with and without linking inequalities, against OR-Tools' bundled HiGHS solving the strong
// formulation (the library's model with linking inequalities, exported as MPS) directly.
//
//   dotnet run -c Release --project benchmarks/NetworkDesign -- [--repeat N] [--only NAME] [--out DIR]
//
// Each cell: wall-clock seconds of the whole FreightPlanner.Optimize call (formulate, solve, price
// with GLOP, verify), then in brackets the CPU seconds the process spent on it: the median run of
// --repeat (default 1), by wall clock. On a shared machine CPU time is the steadier measure; the
// ratio column divides CPU times. HiGHS direct is the MPS import plus the solve, nothing of the
// library in between.
var repeat = 1;
string? only = null;
var outDir = Path.Combine(Path.GetTempPath(), "freight-network-design");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--only": only = args[++i]; break;
        case "--out": outDir = args[++i]; break;
        default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --repeat N, --only NAME, --out DIR.");
    }
}

Directory.CreateDirectory(outDir);
var dataDir = FindDataDirectory();
var known = new Dictionary<string, double?>(StringComparer.Ordinal)
{
    ["r01.1"] = 74079, ["r01.5"] = 113036, ["r01.9"] = null, ["r04.1"] = 31730,
    ["c25_100_10_V_L_5"] = 14712, ["c25_100_10_F_L_5"] = 14941,
};

// Warm up: the first solve pays for JIT compilation and loading the native library.
FreightPlanner.Optimize(NetworkDesignDow.ReadFile(Path.Combine(dataDir, "r01.1.dow")));

var table = new StringBuilder();
table.AppendLine("| instance | optimum found | SCIP plain | SCIP linking | HiGHS plain | HiGHS linking | HiGHS direct (strong MPS) | default (again) | default ÷ direct (CPU) |");
table.AppendLine("|---|---|---|---|---|---|---|---|---|");
foreach (var (name, optimum) in known)
{
    if (only is not null && name != only) continue;
    var scenario = NetworkDesignDow.ReadFile(Path.Combine(dataDir, name + ".dow"));
    var mps = Path.Combine(outDir, name + ".strong.mps");
    var strong = FreightModelBuilder.Build(scenario, linkingInequalities: true);
    File.WriteAllText(mps, MpsWriter.ToText(strong.Problem));

    var cells = new List<string>();
    string? found = null;
    foreach (var engine in new[] { SolverEngine.Scip, SolverEngine.Highs })
    {
        foreach (var linking in new[] { LinkingInequalities.Off, LinkingInequalities.On })
        {
            var (seconds, cpu, result) = Median(repeat, () => Library(scenario, engine, linking));
            var objective = result.Plan?.Objective;
            found ??= objective is { } o ? o.ToString("0.###", CultureInfo.InvariantCulture) : result.Status.ToString();
            var check = Matches(result, optimum) ? "" : $" ✗ {result.Status} {objective}";
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} ({cpu:0.00}){check}"));
            Console.Error.WriteLine($"{name} {engine} {linking}: {result.Status} {objective} in {seconds:0.00} s, cpu {cpu:0.00} s");
        }
    }

    var (direct, directCpu, directResult) = MedianDirect(repeat, () => Direct(mps, strong.Scaling.MoneyUnit));
    Console.Error.WriteLine($"{name} HiGHS direct: {directResult} in {direct:0.00} s, cpu {directCpu:0.00} s");
    var (library, libraryCpu) = DefaultSeconds(scenario, repeat);
    Console.Error.WriteLine($"{name} default: {library:0.00} s, cpu {libraryCpu:0.00} s");
    cells.Add(string.Create(CultureInfo.InvariantCulture, $"{direct:0.00} ({directCpu:0.00})"));
    cells.Add(string.Create(CultureInfo.InvariantCulture, $"{library:0.00} ({libraryCpu:0.00})"));
    cells.Add(string.Create(CultureInfo.InvariantCulture, $"{libraryCpu / directCpu:0.00}"));
    table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {found} | {string.Join(" | ", cells)} |");
}

Console.WriteLine(table.ToString());
return 0;

static (double Seconds, double Cpu, OptimizationResult Result) Library(Scenario scenario, SolverEngine engine, LinkingInequalities linking)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, LinkingInequalities = linking, RelativeMipGap = 0 });
    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, result);
}

static (double Seconds, double Cpu) DefaultSeconds(Scenario scenario, int repeat)
{
    var runs = new List<(double, double)>();
    for (var i = 0; i < repeat; i++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        FreightPlanner.Optimize(scenario, new SolveOptions { RelativeMipGap = 0 });
        runs.Add((clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
    }

    return runs.OrderBy(r => r.Item1).ElementAt(runs.Count / 2);
}

static (double Seconds, double Cpu, string Result) Direct(string mps, double moneyUnit)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var model = new HighsDirect.Model();
    model.Helper.ImportFromMpsFile(mps);
    var solver = new HighsDirect.Solver("highs");
    solver.SetSolverSpecificParameters("mip_rel_gap=0");
    var status = solver.Solve(model);
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var result = solver.HasSolution() ? (solver.ObjectiveValue * moneyUnit).ToString("0.###", CultureInfo.InvariantCulture) : status.ToString();
    return (seconds, cpuSeconds, result);
}

static (double, double, OptimizationResult) Median(int repeat, Func<(double, double, OptimizationResult)> run)
{
    var runs = Enumerable.Range(0, repeat).Select(_ => run()).OrderBy(r => r.Item1).ToList();
    return runs[runs.Count / 2];
}

static (double, double, string) MedianDirect(int repeat, Func<(double, double, string)> run)
{
    var runs = Enumerable.Range(0, repeat).Select(_ => run()).OrderBy(r => r.Item1).ToList();
    return runs[runs.Count / 2];
}

static bool Matches(OptimizationResult result, double? optimum) => optimum is { } o
    ? result.Status == SolveStatus.Optimal && result.Plan is { } plan && Math.Abs(plan.Objective - o) <= 1e-6 * o
    : result.Status == SolveStatus.Infeasible;

static string FindDataDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FreightOptimizer.sln")))
        {
            return Path.Combine(dir.FullName, "benchmarks", "instances", "network-design");
        }
    }

    throw new DirectoryNotFoundException("FreightOptimizer.sln not found above " + AppContext.BaseDirectory);
}
