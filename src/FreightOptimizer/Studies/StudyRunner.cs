using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Studies;

/// <summary>How a study is run.</summary>
public sealed class StudyRunOptions
{
    /// <summary>How many cases are solved at once; null for the number of processors.</summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// The options of every case's solve; null for the defaults. Each case is verified and never
    /// appraised (the result line has no appraisal), whatever these say.
    /// </summary>
    public SolveOptions? Solve { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The parallelism is below 1.</exception>
    public void Validate()
    {
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "At least one case must be solved at a time.");
        Solve?.Validate();
    }
}

/// <summary>What a run or a merge left in its output folder.</summary>
public sealed record StudyRunSummary
{
    /// <summary>The study's id.</summary>
    public required string StudyId { get; init; }

    /// <summary>The shard run (<see cref="StudyShard.All"/> for a merge).</summary>
    public required StudyShard Shard { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The study's number of cases.</summary>
    public required int CaseCount { get; init; }

    /// <summary>The number of cases in the shard.</summary>
    public required int ShardCaseCount { get; init; }

    /// <summary>Cases of the shard with a result line, solved now or before.</summary>
    public required int Done { get; init; }

    /// <summary>Cases solved by this run (0 for a merge).</summary>
    public required int Solved { get; init; }

    /// <summary>Cases of the shard without a result line (cancelled or not yet run), in case order.</summary>
    public required ImmutableArray<string> Missing { get; init; }

    /// <summary>How many of the shard's result lines have each status.</summary>
    public required ImmutableSortedDictionary<string, int> Statuses { get; init; }

    /// <summary>How long the run took (not written to any file).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether every case of the shard has a result line.</summary>
    public bool IsComplete => Missing.IsEmpty;

    /// <inheritdoc />
    public bool Equals(StudyRunSummary? other) =>
        other is not null && StudyId == other.StudyId && Shard == other.Shard && CaseCount == other.CaseCount
        && Done == other.Done && Missing.SequenceEqual(other.Missing);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StudyId, Shard, CaseCount, Done);
}

/// <summary>
/// Runs a study's cases (or a shard of them) in parallel and writes one result line per case to
/// <c>results.jsonl</c>, plus <c>cases.json</c> and <c>summary.json</c> (docs/studies.md). Resumable: a
/// line is appended and flushed as soon as its case is solved, and a re-run skips every case that
/// already has a line.
/// </summary>
public static class StudyRunner
{
    /// <summary>Runs the cases of <paramref name="shard"/> that have no result line in <paramref name="outDir"/> yet.</summary>
    /// <param name="study">The study.</param>
    /// <param name="outDir">The output folder; created if missing. It may hold an earlier, interrupted run of the same study.</param>
    /// <param name="shard">The cases to run; <see cref="StudyShard.All"/> for every case.</param>
    /// <param name="options">How to run; null for the defaults.</param>
    /// <param name="progress">Told after each case is written; null for none.</param>
    /// <param name="cancellationToken">Stops the run: cases being solved are abandoned and not written; a re-run does them.</param>
    /// <returns>What the folder holds for the shard at the end.</returns>
    /// <exception cref="FreightValidationException">The study's cases cannot be resolved, or the folder holds another study's output or a damaged results file.</exception>
    public static StudyRunSummary Run(Study study, string outDir, StudyShard shard, StudyRunOptions? options = null, IProgress<StudyCaseResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        options ??= new StudyRunOptions();
        options.Validate();
        var clock = Stopwatch.StartNew();
        var cases = study.ResolveCases();
        var caseIds = cases.Select(c => c.Id).ToImmutableArray();

        Directory.CreateDirectory(outDir);
        var casesPath = Path.Combine(outDir, StudyResults.CasesFile);
        var casesText = StudyResults.CasesText(study.Id, caseIds);
        if (File.Exists(casesPath))
        {
            if (File.ReadAllText(casesPath) != casesText)
            {
                throw new FreightValidationException(
                    [StudyResults.Conflict(casesPath, $"{outDir} holds the output of another study, or of another version of study '{study.Id}' (its {StudyResults.CasesFile} differs); use another folder.")],
                    "study output");
            }
        }
        else
        {
            StudyResults.WriteAtomically(casesPath, casesText);
        }

        // What an earlier run left: its complete lines are kept, a torn last line is cut off and redone.
        var resultsPath = Path.Combine(outDir, StudyResults.ResultsFile);
        var existing = StudyResults.Read(resultsPath, out var completeLength);
        var done = StudyResults.Collect(existing.Select(l => (l, StudyResults.ResultsFile)), caseIds);
        if (File.Exists(resultsPath) && new FileInfo(resultsPath).Length != completeLength)
        {
            using var truncate = new FileStream(resultsPath, FileMode.Open, FileAccess.Write, FileShare.None);
            truncate.SetLength(completeLength);
        }

        var pending = cases.Where(c => shard.Contains(c.Index) && !done.ContainsKey(c.Index)).ToList();
        var solve = (options.Solve ?? new SolveOptions()).Copy();
        solve.Appraise = AppraisalMode.Never;
        solve.Verify = true;

        var solved = 0;
        var gate = new object();
        using (var results = new FileStream(resultsPath, FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
            Parallel.ForEach(pending, parallel, (studyCase, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return;
                }

                var result = SolveCase(studyCase, solve, cancellationToken);
                if (result is null) return;
                lock (gate)
                {
                    results.Write(Encoding.UTF8.GetBytes(result.Line + "\n"));
                    results.Flush(flushToDisk: true);
                    done[result.Index] = result.Line;
                    solved++;
                }

                progress?.Report(result);
            });
        }

        // The file in case order, so that equal runs give equal files whatever the order cases finished in.
        StudyResults.WriteAtomically(resultsPath, StudyResults.ResultsText(done));
        return StudyResults.WriteSummary(outDir, study.Id, caseIds, shard, done, solved, clock.Elapsed);
    }

    /// <summary>Solves one case; null when it was cancelled (it gets no line, so a re-run does it).</summary>
    private static StudyCaseResult? SolveCase(StudyCase studyCase, SolveOptions solve, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scenario = studyCase.CreateScenario();
        try
        {
            var result = FreightPlanner.Optimize(scenario, solve, cancellationToken);
            if (cancellationToken.IsCancellationRequested && result.Status is SolveStatus.Cancelled or SolveStatus.TimeLimit) return null;
            return StudyResults.FromSolve(studyCase, scenario, result, clock.Elapsed);
        }
        catch (FreightValidationException e)
        {
            return StudyResults.FromInvalid(studyCase, e, clock.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

/// <summary>Joins the output folders of a study's shards into one folder, as if the study had been run whole.</summary>
public static class StudyMerge
{
    /// <summary>
    /// Merges shard outputs: every folder must hold the same study (equal <c>cases.json</c>); their
    /// result lines are joined in case order (a torn last line of a folder is left out); a case with two
    /// different lines is refused. The summary lists the cases no folder has.
    /// </summary>
    /// <param name="shardDirs">The shards' output folders.</param>
    /// <param name="outDir">The merged folder; created if missing. It may be one of the shard folders.</param>
    /// <returns>The merged summary (shard <see cref="StudyShard.All"/>).</returns>
    /// <exception cref="FreightValidationException">The folders hold different studies, a result belongs to no case, or one case has two different results.</exception>
    /// <exception cref="ArgumentException">No folder is given.</exception>
    public static StudyRunSummary Merge(IEnumerable<string> shardDirs, string outDir)
    {
        ArgumentNullException.ThrowIfNull(shardDirs);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var dirs = shardDirs.ToList();
        if (dirs.Count == 0) throw new ArgumentException("Give at least one shard folder to merge.", nameof(shardDirs));
        var clock = Stopwatch.StartNew();

        var (studyId, caseIds) = StudyResults.ReadCases(dirs[0]);
        var casesText = StudyResults.CasesText(studyId, caseIds);
        var issues = new List<ValidationIssue>();
        foreach (var dir in dirs.Skip(1))
        {
            var (otherId, otherCases) = StudyResults.ReadCases(dir);
            if (otherId != studyId || !otherCases.SequenceEqual(caseIds))
            {
                issues.Add(StudyResults.Conflict(Path.Combine(dir, StudyResults.CasesFile), $"{dir} holds study '{otherId}' with {otherCases.Length} cases, and {dirs[0]} study '{studyId}' with {caseIds.Length}; only shards of one study merge."));
            }
        }

        if (issues.Count > 0) throw new FreightValidationException(issues, "study output");
        var lines = dirs.SelectMany(dir => StudyResults.Read(Path.Combine(dir, StudyResults.ResultsFile), out _)
            .Select(line => (line, Path.Combine(dir, StudyResults.ResultsFile))));
        var merged = StudyResults.Collect(lines, caseIds);

        Directory.CreateDirectory(outDir);
        StudyResults.WriteAtomically(Path.Combine(outDir, StudyResults.CasesFile), casesText);
        StudyResults.WriteAtomically(Path.Combine(outDir, StudyResults.ResultsFile), StudyResults.ResultsText(merged));
        return StudyResults.WriteSummary(outDir, studyId, caseIds, StudyShard.All, merged, solved: 0, clock.Elapsed);
    }
}
