namespace FreightOptimizer.Serialization;

/// <summary>
/// Limits that keep reading a scenario file, and solving it, bounded in memory and time when the file
/// comes from someone else (a service, an upload). A file that exceeds one is refused before it is
/// walked or solved, with a <see cref="ValidationCode.LimitExceeded"/> error that names the limit, its
/// value and how to raise it. The defaults are far above any real corridor (docs/scenario-format.md,
/// "Limits"); raise them for a larger model, lower them for a service that must answer quickly.
/// </summary>
public sealed record ScenarioReadOptions
{
    /// <summary>The default limits.</summary>
    public static ScenarioReadOptions Default { get; } = new();

    /// <summary>
    /// The largest file, in bytes of UTF-8 (a byte-order mark included): 64 MiB (67,108,864) by default.
    /// A stream is read no further than one byte past it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long MaxFileBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 64L * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of JSON objects and lists, the file's own object counting 1: 16 by default.
    /// A valid scenario nests 4 deep (file, list, entry, map); the parser's stack grows with depth.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1,000.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1_000);
            field = value;
        }
    } = 16;

    /// <summary>
    /// The most entries of all the file's lists together (periods, commodities, locations, routes,
    /// supplies, demands, investments): 200,000 by default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxEntities
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 200_000;

    /// <summary>The most periods: 1,000 by default (every other count of the model is multiplied by it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxPeriods
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 1_000;

    /// <summary>
    /// The most variables the model may have, estimated from the file before anything is built as
    /// periods × (route–commodity pairs + supply lines + demand lines) + investments:
    /// 5,000,000 by default, about the largest LP the bundled engines solve in minutes on one machine.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public long MaxModelVariables
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 5_000_000;
}
