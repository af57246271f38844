using System.CommandLine;
using System.Globalization;
using FreightOptimizer.Reporting;
using FreightOptimizer.Studies;
using Spectre.Console;

namespace FreightOptimizer.Cli.Commands;

/// <summary>
/// <c>freightopt study run STUDY.json --out DIR [--shard i/n|auto] [--parallel N]</c> and
/// <c>freightopt study merge DIR... --out DIR</c>: the cases of a study file, on this machine or as one
/// slice of an array job, and the join of the slices (docs/studies.md).
/// </summary>
internal static class StudyCommand
{
    public static Command Create(CliContext context) =>
        new("study", "Run the cases of a study file (closures, budgets, scalings, ice years, scenario files) and merge the outputs of its shards (docs/studies.md).")
        {
            Run(context),
            Merge(context),
        };

    private static Command Run(CliContext context)
    {
        var file = new Argument<string>("STUDY") { Description = "a study file (docs/studies.md)" };
        var outDir = new Option<string>("--out") { Description = "the output folder (results.jsonl, summary.json, cases.json); a folder holding an interrupted run of the same study is resumed", HelpName = "DIR", Required = true };
        var shard = new Option<string>("--shard")
        {
            Description = "run the slice i of n (1-based: case k goes to slice k mod n), or 'auto' to read it from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, FREIGHTOPT_SHARD_COUNT) or a Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT)",
            HelpName = "i/n|auto",
        };
        var parallel = new Option<int?>("--parallel") { Description = "cases solved at once (default: the processor count)", HelpName = "N" };
        var solve = new Shared.SolveSymbols();
        var command = new Command("run", "Solve every case of the study (or of one shard) in parallel, writing one result line per case as it finishes; a re-run skips the cases already done.")
        {
            file, outDir, shard, parallel,
        };
        solve.AddTo(command);
        command.SetAction(parse =>
        {
            StudyShard slice;
            try
            {
                var text = parse.GetValue(shard);
                slice = text is null ? StudyShard.All
                    : text == "auto" ? StudyShard.FromEnvironment(Environment.GetEnvironmentVariables())
                    : StudyShard.Parse(text);
            }
            catch (FormatException ex)
            {
                context.Error.Line($"error: --shard: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(parallel) is < 1)
            {
                context.Error.Line("error: --parallel must be at least 1");
                return ExitCodes.InvalidInput;
            }

            var dir = parse.GetValue(outDir)!;
            var options = new StudyRunOptions { MaxDegreeOfParallelism = parse.GetValue(parallel), Solve = solve.Read(parse) };
            return Guard(context, "the study", () =>
            {
                var study = StudyJson.ReadFile(parse.GetValue(file)!);
                var total = study.ResolveCases().Count(c => slice.Contains(c.Index));
                var completed = 0;
                var summary = LongRun.Run<StudyCaseResult, StudyRunSummary>(context.Output, "cases", _ => (Interlocked.Increment(ref completed), total),
                    progress => StudyRunner.Run(study, dir, slice, options, progress));
                Summary(context, summary, $"study {summary.StudyId}, shard {summary.Shard}: {summary.ShardCaseCount} of {summary.CaseCount} cases; {summary.Solved} solved now, {summary.Done} done in all; {Seconds(summary.Elapsed)}");
                return summary;
            }, dir);
        });
        return command;
    }

    private static Command Merge(CliContext context)
    {
        var dirs = new Argument<string[]>("DIR") { Description = "the output folders of the shards", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "the merged folder (it may be one of the shard folders)", HelpName = "DIR", Required = true };
        var command = new Command("merge", "Join the output folders of a study's shards into one, as if the study had run whole; names the cases no shard has.")
        {
            dirs, outDir,
        };
        command.SetAction(parse =>
        {
            var shards = parse.GetValue(dirs)!;
            var dir = parse.GetValue(outDir)!;
            return Guard(context, "the study output", () =>
            {
                var summary = StudyMerge.Merge(shards, dir);
                Summary(context, summary, $"merged {shards.Length} folder(s) of study {summary.StudyId}: {summary.Done} of {summary.CaseCount} cases");
                return summary;
            }, dir);
        });
        return command;
    }

    /// <summary>Runs a study step; 0 when every case of the slice has a line, 1 when some are missing, 2 on bad input.</summary>
    private static int Guard(CliContext context, string subject, Func<StudyRunSummary> work, string dir)
    {
        try
        {
            return work().IsComplete ? ExitCodes.PlanFound : ExitCodes.NoPlan;
        }
        catch (FreightValidationException ex)
        {
            Inputs.Invalid(context.Error, ex, subject);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.Line($"error: cannot read or write {dir}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (AggregateException ex)
        {
            // A case's solve failed in a way no status covers: the lines already written stay in the
            // folder, and running the same command again resumes with the cases still missing.
            foreach (var inner in ex.Flatten().InnerExceptions) context.Error.Line($"error: a case failed: {inner.GetType().Name}: {inner.Message}");
            context.Error.Line($"the results written so far are kept in {dir}; run the same command again to resume.");
            return ExitCodes.NoPlan;
        }
    }

    private static void Summary(CliContext context, StudyRunSummary summary, string headline)
    {
        context.Output.Line(headline);
        var table = Tables.Create("status", ">cases");
        foreach (var (status, count) in summary.Statuses) table.Row(status, count.ToString(CultureInfo.InvariantCulture));
        context.Output.Table(table);
        if (!summary.IsComplete)
        {
            var shown = string.Join(", ", summary.Missing.Take(10)) + (summary.Missing.Length > 10 ? ", …" : "");
            context.Output.Line($"{summary.Missing.Length} case(s) without a result: {shown}");
        }

        context.Output.Line($"results.jsonl, summary.json and cases.json are in {summary.OutputDirectory}");
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
