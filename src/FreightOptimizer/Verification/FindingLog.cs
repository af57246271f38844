using System.Collections.Immutable;
using System.Globalization;

namespace FreightOptimizer;

/// <summary>
/// Collects findings of one side of the verification (feasibility, objective or certificate), keeping
/// at most a fixed number per check and counting the rest, so a plan wrong everywhere still gives a
/// short report in linear time.
/// </summary>
internal sealed class FindingLog(int maxPerCheck)
{
    private readonly List<VerificationFinding> _kept = [];
    private readonly Dictionary<VerificationCheck, int> _counts = [];

    /// <summary>Whether any finding was logged.</summary>
    public bool Any => _counts.Count > 0;

    /// <summary>Whether a finding of this check was logged.</summary>
    public bool Has(VerificationCheck check) => _counts.ContainsKey(check);

    public void Add(VerificationCheck check, string subject, double violation, string message)
    {
        _counts.TryGetValue(check, out var count);
        _counts[check] = count + 1;
        if (count < maxPerCheck) _kept.Add(new VerificationFinding(check, subject, violation, message));
    }

    /// <summary>The kept findings in the order found, each over-full check closed by a count of the rest.</summary>
    public IEnumerable<VerificationFinding> Findings()
    {
        foreach (var finding in _kept) yield return finding;
        foreach (var (check, count) in _counts.OrderBy(kv => kv.Key))
        {
            if (count <= maxPerCheck) continue;
            yield return new VerificationFinding(
                check, "(more)", count - maxPerCheck,
                string.Create(CultureInfo.InvariantCulture, $"{count - maxPerCheck} more {check} findings were not listed."));
        }
    }

    public static ImmutableArray<VerificationFinding> Concat(params FindingLog[] logs) =>
        [.. logs.SelectMany(l => l.Findings())];
}
