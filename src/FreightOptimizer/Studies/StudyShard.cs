using System.Collections;
using System.Globalization;

namespace FreightOptimizer.Studies;

/// <summary>
/// A deterministic slice of a study's cases: case k belongs to shard <c>k mod Count</c> (round robin,
/// so that neighbouring cases, which tend to cost alike, spread over the shards). <see cref="Index"/>
/// is 0-based here; <see cref="Parse"/> reads the 1-based form people write (<c>2/3</c> is
/// <c>Index</c> 1 of 3) and <see cref="ToString"/> writes it back.
/// </summary>
public readonly record struct StudyShard
{
    /// <summary>The variable a Kubernetes Indexed Job sets to the pod's completion index (0-based).</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The variable the study's Kubernetes manifest sets to the number of completions (Kubernetes does not expose it).</summary>
    public const string ShardCountVariable = "FREIGHTOPT_SHARD_COUNT";

    /// <summary>The variable a Slurm array task gets with its task id.</summary>
    public const string SlurmTaskIdVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The variable with the smallest task id of the Slurm array.</summary>
    public const string SlurmTaskMinVariable = "SLURM_ARRAY_TASK_MIN";

    /// <summary>The variable with the step between the task ids of a Slurm array (<c>--array=1-7:2</c>).</summary>
    public const string SlurmTaskStepVariable = "SLURM_ARRAY_TASK_STEP";

    /// <summary>The variable with the number of tasks of the Slurm array.</summary>
    public const string SlurmTaskCountVariable = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>Creates shard <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
    /// <param name="index">The 0-based index, below <paramref name="count"/>.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index or count is out of range.</exception>
    public StudyShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Every case: shard 0 of 1.</summary>
    public static StudyShard All { get; } = new(0, 1);

    /// <summary>The 0-based index.</summary>
    public int Index { get; }

    /// <summary>The number of shards (1 for all; 0 only for <c>default(StudyShard)</c>, which counts as all).</summary>
    public int Count { get; }

    /// <summary>Whether this shard runs the case at <paramref name="caseIndex"/> (its position in case order).</summary>
    /// <param name="caseIndex">The case's 0-based position.</param>
    /// <returns>True when <c>caseIndex mod Count == Index</c>.</returns>
    public bool Contains(int caseIndex) => Count <= 1 || caseIndex % Count == Index;

    /// <summary>Reads <c>i/n</c> with i from 1 to n (1-based, as people count), or <c>all</c>.</summary>
    /// <param name="text">The text, such as <c>2/3</c>.</param>
    /// <returns>The shard; <c>2/3</c> has <see cref="Index"/> 1.</returns>
    /// <exception cref="FormatException">The text is not of that form, or i is not from 1 to n.</exception>
    public static StudyShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == "all") return All;
        var parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new FormatException($"The shard \"{text}\" is not of the form i/n (such as 2/3: the second of three shards, counted from 1), nor \"all\".");
        }

        if (n < 1 || i < 1 || i > n)
        {
            throw new FormatException($"The shard \"{text}\" must have n ≥ 1 and i from 1 to n (shards are counted from 1: the first of three is 1/3).");
        }

        return new StudyShard(i - 1, n);
    }

    /// <summary>
    /// The shard of an array job on an existing scheduler, for <c>--shard auto</c>: a Kubernetes
    /// Indexed Job's <c>JOB_COMPLETION_INDEX</c> (0-based) with the count from
    /// <c>FREIGHTOPT_SHARD_COUNT</c>, or a Slurm array's <c>SLURM_ARRAY_TASK_ID</c> less
    /// <c>SLURM_ARRAY_TASK_MIN</c> (0 when not set), divided by <c>SLURM_ARRAY_TASK_STEP</c> (1 when
    /// not set), with <c>SLURM_ARRAY_TASK_COUNT</c>. Kubernetes is looked at first.
    /// </summary>
    /// <param name="environment">The environment, such as <see cref="Environment.GetEnvironmentVariables()"/>.</param>
    /// <returns>The shard.</returns>
    /// <exception cref="FormatException">Neither scheduler's variables are set, or they are not whole numbers in range; the message names what is missing.</exception>
    public static StudyShard FromEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment.Contains(name) ? environment[name]?.ToString() : null;

        if (Get(KubernetesIndexVariable) is { } k8sIndex)
        {
            var index = Whole(KubernetesIndexVariable, k8sIndex);
            var countText = Get(ShardCountVariable)
                ?? throw new FormatException($"{KubernetesIndexVariable} is set ({k8sIndex}) but {ShardCountVariable} is not: set it in the Job's pod template to the Job's completions (docs/studies.md).");
            var count = Whole(ShardCountVariable, countText);
            return Checked(index, count, $"{KubernetesIndexVariable}={k8sIndex}, {ShardCountVariable}={countText}");
        }

        if (Get(SlurmTaskIdVariable) is { } slurmId)
        {
            var id = Whole(SlurmTaskIdVariable, slurmId);
            var min = Get(SlurmTaskMinVariable) is { } minText ? Whole(SlurmTaskMinVariable, minText) : 0;
            var countText = Get(SlurmTaskCountVariable)
                ?? throw new FormatException($"{SlurmTaskIdVariable} is set ({slurmId}) but {SlurmTaskCountVariable} is not: run under sbatch --array with a range (such as --array=0-2).");
            var count = Whole(SlurmTaskCountVariable, countText);
            var step = Get(SlurmTaskStepVariable) is { } stepText ? Math.Max(1, Whole(SlurmTaskStepVariable, stepText)) : 1;
            var from = $"{SlurmTaskIdVariable}={slurmId}, {SlurmTaskMinVariable}={min}, {SlurmTaskStepVariable}={step}, {SlurmTaskCountVariable}={countText}";
            if ((id - min) % step != 0) return Checked(-1, count, from);
            return Checked((id - min) / step, count, from);
        }

        throw new FormatException(
            $"--shard auto needs an array job's index: {KubernetesIndexVariable} with {ShardCountVariable} (a Kubernetes Indexed Job), "
            + $"or {SlurmTaskIdVariable} with {SlurmTaskCountVariable} (a Slurm array); none is set. Outside a scheduler give --shard i/n.");
    }

    /// <summary>The shard in the 1-based form <see cref="Parse"/> reads (<c>2/3</c>), or <c>all</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Count <= 1 ? "all" : string.Create(CultureInfo.InvariantCulture, $"{Index + 1}/{Count}");

    private static int Whole(string name, string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} is \"{text}\", not a whole number ≥ 0.");

    private static StudyShard Checked(int index, int count, string from)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new FormatException($"The array job's index is out of range ({from}): the index less the first (divided by the step) must be a whole number from 0 to the count less 1. A Slurm array must be a range (--array=0-2 or --array=1-7:2), not a list of ids.");
        }

        return new StudyShard(index, count);
    }
}
