using Microsoft.Extensions.Logging;

namespace FreightOptimizer.Analysis;

/// <summary>The analyses' log messages, generated once so that a disabled level costs nothing.</summary>
internal static partial class AnalysisLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sensitivity range {Completed}/{Total}: {Range}")]
    public static partial void RangeFound(ILogger logger, int completed, int total, object range);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Ranged {Capacities} capacities and {Tariffs} tariffs with {Resolves} LP re-solves.")]
    public static partial void Ranged(ILogger logger, int capacities, int tariffs, int resolves);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Sweep {Item}: {Status}, optimum {Objective}")]
    public static partial void SweepPoint(ILogger logger, string item, SolveStatus status, double? objective);
}
