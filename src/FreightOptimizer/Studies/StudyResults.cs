using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FreightOptimizer.Studies;

/// <summary>The tonnes that passed a border crossing in a case: inflow plus supply there, summed over the horizon.</summary>
/// <param name="Crossing">The border crossing (a location of kind <see cref="LocationKind.BorderCrossing"/>).</param>
/// <param name="Tonnes">Tonnes over the whole horizon.</param>
public sealed record CrossingTonnes(LocationId Crossing, double Tonnes);

/// <summary>The outcome of one case: what its line in <c>results.jsonl</c> says, and how long it took.</summary>
public sealed record StudyCaseResult
{
    /// <summary>The case's position in case order.</summary>
    public required int Index { get; init; }

    /// <summary>The case's id.</summary>
    public required string Id { get; init; }

    /// <summary>How the solve ended; <see cref="SolveStatus.InvalidModel"/> when the case's scenario is invalid (the message says why).</summary>
    public required SolveStatus Status { get; init; }

    /// <summary>The plan's objective; null without a plan.</summary>
    public double? Objective { get; init; }

    /// <summary>The objective's parts; null without a plan.</summary>
    public CostBreakdown? Costs { get; init; }

    /// <summary>Unmet demand over the horizon, in tonnes; null without a plan.</summary>
    public double? UnmetTonnes { get; init; }

    /// <summary>Capital spent on what is built (Σ capital cost × units, as the budget counts it); null without a plan.</summary>
    public double? CapitalSpent { get; init; }

    /// <summary>Units built of every option, in the scenario's order; empty without a plan.</summary>
    public ImmutableArray<InvestmentDecision> Investments { get; init; } = [];

    /// <summary>Tonnes through every border crossing, in network order; empty without a plan.</summary>
    public ImmutableArray<CrossingTonnes> Crossings { get; init; } = [];

    /// <summary>Why there is no plan, for a status other than <see cref="SolveStatus.Optimal"/>; null otherwise.</summary>
    public string? Message { get; init; }

    /// <summary>The case's line in <c>results.jsonl</c> (canonical JSON, without the line break).</summary>
    public required string Line { get; init; }

    /// <summary>How long the case took (not written to any result file, which stay free of timings).</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public bool Equals(StudyCaseResult? other) => other is not null && Index == other.Index && Line == other.Line;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Line);
}

/// <summary>Writes and reads the files of a study's output folder: <c>cases.json</c>, <c>results.jsonl</c>, <c>summary.json</c>.</summary>
internal static class StudyResults
{
    public const string CasesFile = "cases.json";
    public const string ResultsFile = "results.jsonl";
    public const string SummaryFile = "summary.json";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    /// <summary>The result of a solved case.</summary>
    public static StudyCaseResult FromSolve(StudyCase studyCase, Scenario scenario, OptimizationResult result, TimeSpan elapsed)
    {
        var status = result.Status;
        var plan = status is SolveStatus.VerificationFailed ? null : result.Plan;
        var outcome = new StudyCaseResult
        {
            Index = studyCase.Index,
            Id = studyCase.Id,
            Status = status,
            Line = "",
            Elapsed = elapsed,
            Message = status == SolveStatus.Optimal ? null : result.Message ?? $"The solve ended {status}.",
        };
        if (plan is not null)
        {
            var network = scenario.Network;
            var crossings = network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).ToDictionary(l => l.Id, _ => 0.0);
            foreach (var flow in plan.Flows)
            {
                if (network.TryGetRoute(flow.Route, out var route) && crossings.TryGetValue(route.To, out var sum)) crossings[route.To] = sum + flow.Tonnes;
            }

            foreach (var supplied in plan.Supplied)
            {
                if (crossings.TryGetValue(supplied.Location, out var sum)) crossings[supplied.Location] = sum + supplied.Tonnes;
            }

            var units = plan.Investments.ToDictionary(i => i.Id, i => i.Units);
            outcome = outcome with
            {
                Objective = plan.Objective,
                Costs = plan.Costs,
                UnmetTonnes = plan.TotalUnmetTonnes,
                CapitalSpent = scenario.Investments.Sum(o => o.CapitalCost * units.GetValueOrDefault(o.Id)),
                Investments = [.. scenario.Investments.Select(o => new InvestmentDecision(o.Id, units.GetValueOrDefault(o.Id)))],
                Crossings = [.. network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing).Select(l => new CrossingTonnes(l.Id, crossings[l.Id]))],
            };
        }

        return outcome with { Line = LineOf(outcome) };
    }

    /// <summary>The result of a case whose scenario is invalid.</summary>
    public static StudyCaseResult FromInvalid(StudyCase studyCase, FreightValidationException error, TimeSpan elapsed)
    {
        var first = error.Errors.FirstOrDefault();
        var message = first is null ? error.Message : $"The case's scenario is invalid ({error.Errors.Count()} error(s)); first: {first}";
        var outcome = new StudyCaseResult { Index = studyCase.Index, Id = studyCase.Id, Status = SolveStatus.InvalidModel, Message = message, Line = "", Elapsed = elapsed };
        return outcome with { Line = LineOf(outcome) };
    }

    /// <summary>The canonical line: fixed field order, numbers in their shortest exact form, no timings.</summary>
    public static string LineOf(StudyCaseResult r)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteNumber("case", r.Index);
            json.WriteString("id", r.Id);
            json.WriteString("status", r.Status.ToString());
            if (r.Objective is { } objective)
            {
                Number(json, "objective", objective);
                var c = r.Costs!;
                json.WriteStartObject("costs");
                Number(json, "transport", c.Transport);
                Number(json, "handling", c.Handling);
                Number(json, "supply", c.Supply);
                Number(json, "capital", c.Capital);
                Number(json, "unmetPenalty", c.UnmetPenalty);
                json.WriteEndObject();
                Number(json, "unmetTonnes", r.UnmetTonnes ?? 0);
                Number(json, "capitalSpent", r.CapitalSpent ?? 0);
                json.WriteStartObject("investments");
                foreach (var i in r.Investments) Number(json, i.Id.Value, i.Units);
                json.WriteEndObject();
                json.WriteStartObject("crossings");
                foreach (var c2 in r.Crossings) Number(json, c2.Crossing.Value, c2.Tonnes);
                json.WriteEndObject();
            }

            if (r.Message is { } message) json.WriteString("message", message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        // -0 and 0 are one number; a non-finite value (never in a verified plan) is written as null.
        if (value == 0) value = 0;
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    /// <summary>One complete line of a results file.</summary>
    public readonly record struct Line(int Index, string Id, string Text);

    /// <summary>
    /// Reads a results file. A last line without its line break, or that is not a result, is torn
    /// (a crash mid-write) and is dropped: <paramref name="completeLength"/> is where the complete lines
    /// end. Any other line that is not a result makes the file unusable.
    /// </summary>
    public static List<Line> Read(string path, out long completeLength)
    {
        var lines = new List<Line>();
        completeLength = 0;
        if (!File.Exists(path)) return lines;
        var bytes = File.ReadAllBytes(path);
        var start = 0;
        var number = 0;
        while (start < bytes.Length)
        {
            number++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var last = end < 0 || end == bytes.Length - 1;
            var text = end < 0 ? null : Decode(bytes.AsSpan(start, end - start));
            var parsed = text is null ? null : Parse(text);
            if (parsed is null)
            {
                if (last) break;
                throw new FreightValidationException(
                    [new ValidationIssue(ValidationCode.MalformedText, ValidationSeverity.Error, $"{Path.GetFileName(path)} line {number}", $"Line {number} of {path} is not a study result, and it is not the last line (a torn last line is redone); remove or repair it.")],
                    "study output");
            }

            lines.Add(parsed.Value);
            start = end + 1;
            completeLength = start;
        }

        return lines;
    }

    private static string? Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Line? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("case", out var index) && index.TryGetInt32(out var k)
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
            {
                return new Line(k, id.GetString()!, text);
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks lines against the study's cases and keeps one per case: a line for a case the study does
    /// not have, at another position, or two different lines for one case are a conflict.
    /// </summary>
    public static SortedDictionary<int, string> Collect(IEnumerable<(Line Line, string From)> lines, ImmutableArray<string> caseIds)
    {
        var byIndex = new SortedDictionary<int, string>();
        var from = new Dictionary<int, string>();
        var issues = new List<ValidationIssue>();
        foreach (var (line, source) in lines)
        {
            if (line.Index < 0 || line.Index >= caseIds.Length || caseIds[line.Index] != line.Id)
            {
                issues.Add(Conflict(source, $"{source} has a result for case {line.Index} '{line.Id}', which is not case {line.Index} of this study; it belongs to another study (or another version of this one)."));
                continue;
            }

            if (byIndex.TryGetValue(line.Index, out var existing))
            {
                if (existing != line.Text)
                {
                    issues.Add(Conflict(source, $"Case {line.Index} '{line.Id}' has two different results, in {from[line.Index]} and {source}; a case's result is deterministic, so one of them comes from another run's settings. Remove one."));
                }

                continue;
            }

            byIndex[line.Index] = line.Text;
            from[line.Index] = source;
        }

        if (issues.Count > 0) throw new FreightValidationException(issues, "study output");
        return byIndex;
    }

    public static ValidationIssue Conflict(string path, string message) => new(ValidationCode.StudyOutputConflict, ValidationSeverity.Error, path, message);

    /// <summary>The canonical <c>cases.json</c>: the study's id and every case id in case order.</summary>
    public static string CasesText(string studyId, ImmutableArray<string> caseIds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Pretty))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteString("study", studyId);
            json.WriteStartArray("cases");
            foreach (var id in caseIds) json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads <c>cases.json</c>: the study's id and its case ids.</summary>
    public static (string Study, ImmutableArray<string> Cases) ReadCases(string directory)
    {
        var path = Path.Combine(directory, CasesFile);
        if (!File.Exists(path))
        {
            throw new FreightValidationException([Conflict(path, $"{path} does not exist: the folder is not the output of a study run.")], "study output");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return (root.GetProperty("study").GetString()!, [.. root.GetProperty("cases").EnumerateArray().Select(c => c.GetString()!)]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FreightValidationException([new ValidationIssue(ValidationCode.MalformedJson, ValidationSeverity.Error, path, $"{path} is not a study's case list: {e.Message}")], "study output");
        }
    }

    /// <summary>Writes a file whole or not at all: to a temporary file beside it, then renamed over it.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The results file's text: the lines in case order.</summary>
    public static string ResultsText(SortedDictionary<int, string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Values) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <c>summary.json</c> for the cases of <paramref name="shard"/> and returns what it says.</summary>
    public static StudyRunSummary WriteSummary(string directory, string studyId, ImmutableArray<string> caseIds, StudyShard shard, SortedDictionary<int, string> lines, int solved, TimeSpan elapsed)
    {
        var inShard = Enumerable.Range(0, caseIds.Length).Where(shard.Contains).ToList();
        var missing = inShard.Where(k => !lines.ContainsKey(k)).Select(k => caseIds[k]).ToImmutableArray();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        (double Value, string Id)? min = null, max = null;
        var done = 0;
        foreach (var k in inShard)
        {
            if (!lines.TryGetValue(k, out var text)) continue;
            done++;
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var status = root.GetProperty("status").GetString()!;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (root.TryGetProperty("objective", out var o) && o.ValueKind == JsonValueKind.Number)
            {
                var value = o.GetDouble();
                if (min is null || value < min.Value.Value) min = (value, caseIds[k]);
                if (max is null || value > max.Value.Value) max = (value, caseIds[k]);
            }
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Pretty))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            json.WriteString("study", studyId);
            json.WriteString("shard", shard.ToString());
            json.WriteNumber("cases", caseIds.Length);
            json.WriteNumber("casesInShard", inShard.Count);
            json.WriteNumber("done", done);
            json.WriteStartArray("missing");
            foreach (var id in missing) json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteStartObject("statuses");
            foreach (var (status, count) in statuses) json.WriteNumber(status, count);
            json.WriteEndObject();
            if (min is { } lo && max is { } hi)
            {
                json.WriteStartObject("objective");
                json.WriteNumber("min", lo.Value);
                json.WriteString("minCase", lo.Id);
                json.WriteNumber("max", hi.Value);
                json.WriteString("maxCase", hi.Id);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        WriteAtomically(Path.Combine(directory, SummaryFile), Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n");
        return new StudyRunSummary
        {
            StudyId = studyId,
            Shard = shard,
            OutputDirectory = directory,
            CaseCount = caseIds.Length,
            ShardCaseCount = inShard.Count,
            Done = done,
            Solved = solved,
            Missing = missing,
            Statuses = statuses.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Elapsed = elapsed,
        };
    }
}
