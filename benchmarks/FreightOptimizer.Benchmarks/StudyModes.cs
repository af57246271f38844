using System.Diagnostics;
using System.Globalization;
using FreightOptimizer.Studies;

namespace FreightOptimizer.Benchmarks;

/// <summary>The study modes: run a study or a shard of it, and merge shard outputs, timing each.</summary>
internal static class StudyModes
{
    public static int Run(string studyFile, string outDir, string shardText, int? parallel)
    {
        var shard = shardText == "auto" ? StudyShard.FromEnvironment(Environment.GetEnvironmentVariables()) : StudyShard.Parse(shardText);
        var study = StudyJson.ReadFile(studyFile);
        var clock = Stopwatch.StartNew();
        var summary = StudyRunner.Run(study, outDir, shard, new StudyRunOptions { MaxDegreeOfParallelism = parallel });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"study {summary.StudyId} shard {summary.Shard}: {summary.ShardCaseCount} of {summary.CaseCount} cases, {summary.Solved} solved now, {summary.Done} done, {summary.Missing.Length} missing; {clock.Elapsed.TotalSeconds:F1} s"));
        foreach (var (status, count) in summary.Statuses) Console.WriteLine($"  {status}: {count}");
        return summary.IsComplete ? 0 : 1;
    }

    public static int Merge(string outDir, string[] shardDirs)
    {
        var summary = StudyMerge.Merge(shardDirs, outDir);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merged {shardDirs.Length} folder(s) of study {summary.StudyId}: {summary.Done} of {summary.CaseCount} cases, {summary.Missing.Length} missing"));
        return summary.IsComplete ? 0 : 1;
    }
}
