using System.Collections.Immutable;

namespace FreightOptimizer;

/// <summary>
/// Structural equality for the immutable collections inside domain records, whose own
/// <c>Equals</c> compares references. Records use it so two scenarios with the same content are equal.
/// </summary>
internal static class Structural
{
    public static bool MapEquals<TKey, TValue>(ImmutableDictionary<TKey, TValue> a, ImmutableDictionary<TKey, TValue> b)
        where TKey : notnull
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !comparer.Equals(value, other)) return false;
        }

        return true;
    }

    public static bool SequenceEquals<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        a.IsDefault ? b.IsDefault : !b.IsDefault && a.SequenceEqual(b);

    public static bool OptionalSetEquals<T>(ImmutableArray<T>? a, ImmutableArray<T>? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return a.Value.Length == b.Value.Length && a.Value.ToHashSet().SetEquals(b.Value);
    }
}
