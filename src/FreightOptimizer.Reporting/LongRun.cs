using Spectre.Console;

namespace FreightOptimizer.Reporting;

/// <summary>
/// A long analysis (closures, a frontier, sweeps) with a progress bar on a terminal; on a file or a pipe
/// it runs without a live display, so that redirected output holds no control codes.
/// </summary>
public static class LongRun
{
    /// <summary>Runs <paramref name="work"/>, showing its progress on <paramref name="console"/> when that is a terminal.</summary>
    /// <typeparam name="TProgress">What the work reports.</typeparam>
    /// <typeparam name="TResult">What it returns.</typeparam>
    /// <param name="console">The console.</param>
    /// <param name="label">What the bar says.</param>
    /// <param name="read">(completed, total) from a progress report.</param>
    /// <param name="work">The work, given a progress sink.</param>
    /// <returns>What the work returned.</returns>
    public static TResult Run<TProgress, TResult>(IAnsiConsole console, string label, Func<TProgress, (int Completed, int Total)> read, Func<IProgress<TProgress>?, TResult> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive) return work(null);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, autoStart: true, maxValue: 1);
                return work(new Relay<TProgress>(p =>
                {
                    var (completed, total) = read(p);
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = completed;
                }));
            });
    }

    /// <summary>A progress sink that runs its handler on the reporting thread (Spectre's tasks are thread-safe).</summary>
    private sealed class Relay<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
