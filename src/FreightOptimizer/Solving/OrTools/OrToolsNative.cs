using System.Runtime.InteropServices;

namespace FreightOptimizer.Solving.OrTools;

/// <summary>
/// What the library says when OR-Tools' native library cannot be loaded on this machine: the first
/// OR-Tools call (creating a solver) runs the type initializer of OR-Tools' P/Invoke class, which
/// loads the native library; if that fails the exception is a <see cref="TypeInitializationException"/>
/// around a <see cref="DllNotFoundException"/> the first time, and the same initializer exception on
/// every later call. A planner gets <see cref="SolveStatus.SolverUnavailable"/> with what to do instead.
/// </summary>
internal static class OrToolsNative
{
    /// <summary>The native library OR-Tools' .NET assembly binds to (shipped by Google.OrTools.runtime.&lt;rid&gt;).</summary>
    public const string LibraryName = "google-ortools-native";

    /// <summary>The runtime identifiers for which Google.OrTools 9.15 ships the native library.</summary>
    public const string ShippedRuntimes = "linux-x64, linux-arm64, osx-x64, osx-arm64 and win-x64";

    /// <summary>
    /// Whether <paramref name="exception"/> means that OR-Tools' native code could not be loaded or bound:
    /// a missing or unloadable library (or one of its dependencies), a library of the wrong architecture,
    /// a missing entry point, or OR-Tools' P/Invoke type left unusable by one of those.
    /// </summary>
    public static bool IsLoadFailure(Exception exception) => exception switch
    {
        DllNotFoundException or BadImageFormatException or EntryPointNotFoundException => true,
        TypeInitializationException => true,
        _ => false,
    };

    /// <summary>The message of a <see cref="SolveStatus.SolverUnavailable"/> result for a load failure.</summary>
    /// <param name="what">The OR-Tools component that was being created ("the CLP solver", "MinCostFlow").</param>
    /// <param name="exception">The exception OR-Tools threw.</param>
    public static string Describe(string what, Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is { } next) inner = next;
        return $"OR-Tools could not create {what}: its native library {LibraryName} (or a library it needs) could not be loaded "
            + $"for the runtime {RuntimeInformation.RuntimeIdentifier} ({inner.GetType().Name}: {inner.Message.TrimEnd('.')}). "
            + $"Google.OrTools ships it for {ShippedRuntimes} in its runtime packages; on another runtime, or where the "
            + "runtime package was not restored, no OR-Tools engine can run. The network simplex (NetworkFlow) needs no native code.";
    }
}
