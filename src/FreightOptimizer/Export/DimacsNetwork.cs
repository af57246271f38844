using System.Globalization;
using System.Runtime.CompilerServices;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>
/// A DIMACS min-cost-flow network as arrays, 0-based: what a <c>.min</c> file says, nothing more.
/// The benchmark suite reads files into this and hands the arrays to the network simplex, so that
/// reading, solving and building a plan can be timed apart.
/// </summary>
internal sealed class DimacsNetwork
{
    public required int NodeCount { get; init; }

    public required int[] Tail { get; init; }

    public required int[] Head { get; init; }

    public required long[] Lower { get; init; }

    public required long[] Capacity { get; init; }

    public required long[] Cost { get; init; }

    /// <summary>Supply (&gt; 0) or demand (&lt; 0) by node; 0 where the file has no <c>n</c> line.</summary>
    public required long[] Supply { get; init; }

    /// <summary>The line number of every arc.</summary>
    public int[] ArcLine { get; init; } = [];

    /// <summary>The line number of every node's <c>n</c> line, or of the problem line where it has none.</summary>
    public int[] NodeLine { get; init; } = [];

    /// <summary>The comment lines (<c>c …</c>), text after the <c>c</c>.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    public int ArcCount => Tail.Length;

    /// <summary>
    /// The network with lower bounds shifted out, as the integer engines take it (for OR-Tools'
    /// MinCostFlow, which has no lower bounds; our simplex takes them directly). The optimum of the
    /// result plus <paramref name="offset"/> (Σ cost × lower bound) is the optimum of this network.
    /// </summary>
    public IntegerNetwork ToIntegerNetwork(out Int128 offset)
    {
        offset = Int128.Zero;
        var supply = (long[])Supply.Clone();
        var capacity = new long[ArcCount];
        for (var a = 0; a < ArcCount; a++)
        {
            offset += (Int128)Cost[a] * Lower[a];
            supply[Tail[a]] -= Lower[a];
            supply[Head[a]] += Lower[a];
            capacity[a] = Capacity[a] - Lower[a];
        }

        return new IntegerNetwork { NodeCount = NodeCount, Tail = Tail, Head = Head, Capacity = capacity, Cost = Cost, Supply = supply };
    }

    /// <summary>Reads a DIMACS <c>.min</c> file strictly.</summary>
    /// <exception cref="FreightValidationException">Every malformed line, by line number (at most 100 are listed).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DimacsNetwork Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var issues = new List<ValidationIssue>();
        var comments = new List<string>();
        int nodeCount = -1, arcCount = -1, arcsSeen = 0, problemLine = 0;
        int[] tail = [], head = [];
        long[] lower = [], capacity = [], cost = [], supply = [];
        bool[] supplySeen = [];
        int[] arcLine = [], nodeLine = [];
        var number = 0;
        var fields = new Range[8];

        void Error(ValidationCode code, string message)
        {
            if (issues.Count < 100) issues.Add(new ValidationIssue(code, ValidationSeverity.Error, Line(number), message));
        }

        while (reader.ReadLine() is { } text)
        {
            number++;
            var line = text.AsSpan().Trim();
            if (line.IsEmpty) continue;
            if (line[0] == 'c' && (line.Length == 1 || char.IsWhiteSpace(line[1])))
            {
                comments.Add(line.Length > 1 ? line[2..].ToString() : "");
                continue;
            }

            var count = Split(line, fields);
            var kind = line[fields[0]];
            if (kind.SequenceEqual("p"))
            {
                if (nodeCount >= 0)
                {
                    Error(ValidationCode.MalformedText, $"A second problem line; the first is on line {problemLine}.");
                    continue;
                }

                if (count != 4 || !line[fields[1]].SequenceEqual("min"))
                {
                    Error(ValidationCode.MalformedText, "The problem line must read 'p min NODES ARCS'.");
                    continue;
                }

                if (!TryInt(line[fields[2]], out nodeCount) || nodeCount < 1 || !TryInt(line[fields[3]], out arcCount) || arcCount < 0)
                {
                    nodeCount = -1;
                    Error(ValidationCode.OutOfRange, "NODES must be a whole number ≥ 1 and ARCS a whole number ≥ 0, both below 2^31.");
                    problemLine = number;
                    break;
                }

                problemLine = number;
                tail = new int[arcCount];
                head = new int[arcCount];
                lower = new long[arcCount];
                capacity = new long[arcCount];
                cost = new long[arcCount];
                supply = new long[nodeCount];
                supplySeen = new bool[nodeCount];
                arcLine = new int[arcCount];
                nodeLine = new int[nodeCount];
                Array.Fill(nodeLine, number);
                continue;
            }

            if (nodeCount < 0 && (kind.SequenceEqual("n") || kind.SequenceEqual("a")))
            {
                Error(ValidationCode.MissingField, "A node or arc line before the problem line 'p min NODES ARCS'.");
                break;
            }

            if (kind.SequenceEqual("n"))
            {
                if (count != 3)
                {
                    Error(ValidationCode.MalformedText, "A node line must read 'n ID FLOW'.");
                    continue;
                }

                if (!TryNode(line[fields[1]], nodeCount, out var id, out var why))
                {
                    Error(ValidationCode.UnknownReference, why);
                    continue;
                }

                if (!TryLong(line[fields[2]], out var flow))
                {
                    Error(ValidationCode.OutOfRange, "FLOW must be a whole number within ±2^62.");
                    continue;
                }

                if (supplySeen[id])
                {
                    Error(ValidationCode.DuplicateId, $"Node {id + 1} has a second node line.");
                    continue;
                }

                supplySeen[id] = true;
                supply[id] = flow;
                nodeLine[id] = number;
            }
            else if (kind.SequenceEqual("a"))
            {
                if (count != 6)
                {
                    Error(ValidationCode.MalformedText, "An arc line must read 'a TAIL HEAD LOW CAP COST'.");
                    continue;
                }

                if (arcsSeen >= arcCount)
                {
                    Error(ValidationCode.OutOfRange, $"More arc lines than the {arcCount} the problem line announces.");
                    arcsSeen++;
                    continue;
                }

                if (!TryNode(line[fields[1]], nodeCount, out var from, out var why) || !TryNode(line[fields[2]], nodeCount, out var to, out why))
                {
                    Error(ValidationCode.UnknownReference, why);
                    continue;
                }

                if (!TryLong(line[fields[3]], out var low) || !TryLong(line[fields[4]], out var cap) || !TryLong(line[fields[5]], out var c))
                {
                    Error(ValidationCode.OutOfRange, "LOW, CAP and COST must be whole numbers within ±2^62.");
                    continue;
                }

                if (low < 0 || cap < 0)
                {
                    Error(ValidationCode.Negative, "LOW and CAP must not be negative.");
                    continue;
                }

                if (cap < low)
                {
                    Error(ValidationCode.OutOfRange, $"CAP {cap} is below LOW {low}.");
                    continue;
                }

                tail[arcsSeen] = from;
                head[arcsSeen] = to;
                lower[arcsSeen] = low;
                capacity[arcsSeen] = cap;
                cost[arcsSeen] = c;
                arcLine[arcsSeen] = number;
                arcsSeen++;
            }
            else
            {
                Error(ValidationCode.MalformedText, $"Unknown line type '{kind}'; DIMACS min-cost-flow lines start with c, p, n or a.");
            }
        }

        if (nodeCount < 0 && issues.Count == 0)
        {
            number++;
            Error(ValidationCode.MissingField, "The file has no problem line 'p min NODES ARCS'.");
        }
        else if (nodeCount >= 0 && arcsSeen < arcCount && issues.Count == 0)
        {
            number++;
            Error(ValidationCode.OutOfRange, $"The problem line on line {problemLine} announces {arcCount} arcs; the file has {arcsSeen}.");
        }

        if (issues.Count == 0)
        {
            var total = Int128.Zero;
            foreach (var b in supply) total += b;
            if (total != 0)
            {
                number = problemLine;
                Error(ValidationCode.OutOfRange, $"The node supplies sum to {total}, not 0: a DIMACS min-cost-flow problem must be balanced.");
            }
        }

        if (issues.Count > 0) throw new FreightValidationException(issues);
        return new DimacsNetwork { NodeCount = nodeCount, Tail = tail, Head = head, Lower = lower, Capacity = capacity, Cost = cost, Supply = supply, ArcLine = arcLine, NodeLine = nodeLine, Comments = comments };
    }

    /// <summary>The path of a line in validation issues.</summary>
    public static string Line(int number) => string.Create(CultureInfo.InvariantCulture, $"line {number}");

    /// <summary>Whitespace-separated fields; returns how many (at most the span's length, the rest counted).</summary>
    private static int Split(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) break;
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            if (count < fields.Length) fields[count] = new Range(start, i);
            count++;
        }

        return count;
    }

    /// <summary>A whole number within ±2^62, so that sums of a few of them cannot overflow.</summary>
    private static bool TryLong(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value is >= -(1L << 62) and <= 1L << 62;

    private static bool TryInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool TryNode(ReadOnlySpan<char> text, int nodeCount, out int index, out string why)
    {
        why = "";
        index = -1;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1 || id > nodeCount)
        {
            why = $"Node '{text}' is not a node id in 1..{nodeCount}.";
            return false;
        }

        index = id - 1;
        return true;
    }
}
