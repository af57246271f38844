using FreightOptimizer.Corridors;
using System.Runtime.InteropServices;

namespace FreightOptimizer.Tests.Solving;

/// <summary>
/// A machine where OR-Tools' native library does not load (an unsupported runtime, a runtime package
/// that was not restored): every OR-Tools engine answers <see cref="SolveStatus.SolverUnavailable"/>,
/// naming the runtime identifier and the library, and no loader exception reaches the caller. The
/// failure is made through the seam SolveOptions.OnOrToolsCreate (called where OR-Tools is first touched), not by deleting files, so that the test is the
/// same on every machine.
/// </summary>
public sealed class NativeLoadFailureTests
{
    /// <summary>What .NET throws on the first call into a P/Invoke class whose library is missing.</summary>
    private static TypeInitializationException FirstCallFailure() => new TypeInitializationException(
        "Google.OrTools.LinearSolver.operations_research_linear_solverPINVOKE",
        new DllNotFoundException("Unable to load shared library 'google-ortools-native' or one of its dependencies."));

    /// <summary>What later calls throw once the initializer has failed (and what a direct load failure throws).</summary>
    private static DllNotFoundException LaterCallFailure() => new DllNotFoundException("Unable to load shared library 'google-ortools-native' or one of its dependencies.");

    public static TheoryData<SolverEngine, bool> LinearEngines => new()
    {
        { SolverEngine.Clp, true }, { SolverEngine.Glop, false }, { SolverEngine.Pdlp, true }, { SolverEngine.Highs, false }, { SolverEngine.Scip, true },
    };

    [Theory]
    [MemberData(nameof(LinearEngines))]
    public void Optimize_NativeLibraryFailsToLoad_ReturnsSolverUnavailableNamingRuntimeAndLibrary(SolverEngine engine, bool firstCall)
    {
        var options = new SolveOptions
        {
            Engine = engine,
            OnOrToolsCreate = _ => throw (firstCall ? FirstCallFailure() : (Exception)LaterCallFailure()),
        };

        var result = FreightPlanner.Optimize(Small(), options);

        AssertUnavailable(result);
    }

    [Fact]
    public void Optimize_AutoWithNativeLibraryMissing_ReturnsSolverUnavailable()
    {
        // Auto's LP engine is CLP: it is the first native call of an LP scenario with shared capacities.
        var options = new SolveOptions { OnOrToolsCreate = _ => throw FirstCallFailure() };

        var result = FreightPlanner.Optimize(RussiaChinaCorridor.Build(), options);

        AssertUnavailable(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Optimize_OrToolsMinCostFlowNativeLibraryMissing_ReturnsSolverUnavailable(bool firstCall)
    {
        var options = new SolveOptions
        {
            Engine = SolverEngine.OrToolsMinCostFlow,
            OnOrToolsCreate = _ => throw (firstCall ? FirstCallFailure() : (Exception)LaterCallFailure()),
        };

        var result = FreightPlanner.Optimize(Small(), options);

        AssertUnavailable(result);
    }

    [Fact]
    public void Optimize_OtherExceptionWhereOrToolsIsCreated_IsNotTakenForALoadFailure()
    {
        var options = new SolveOptions { Engine = SolverEngine.Clp, OnOrToolsCreate = _ => throw new InvalidOperationException("not a loader failure") };

        Assert.Throws<InvalidOperationException>(() => FreightPlanner.Optimize(Small(), options));
    }

    /// <summary>A one-commodity scenario (the verifier's line fixture), so every engine, min-cost flow too, takes it.</summary>
    internal static Scenario Small() => Verification.VerificationFixtures.Line().Scenario;

    private static void AssertUnavailable(OptimizationResult result)
    {
        Assert.Equal(SolveStatus.SolverUnavailable, result.Status);
        Assert.Null(result.Plan);
        Assert.Contains(RuntimeInformation.RuntimeIdentifier, result.Message!, StringComparison.Ordinal);
        Assert.Contains("google-ortools-native", result.Message!, StringComparison.Ordinal);
        Assert.Contains("DllNotFoundException", result.Message!, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_SeamThatDoesNotThrow_SolvesAsUsualAndNamesWhatIsCreated()
    {
        var created = new List<string>();
        var options = new SolveOptions { Engine = SolverEngine.Clp, OnOrToolsCreate = created.Add };
        var flow = new SolveOptions { Engine = SolverEngine.OrToolsMinCostFlow, OnOrToolsCreate = created.Add };

        Assert.Equal(SolveStatus.Optimal, FreightPlanner.Optimize(Small(), options).Status);
        Assert.Equal(SolveStatus.Optimal, FreightPlanner.Optimize(Small(), flow).Status);
        Assert.Equal(["CLP", "MinCostFlow"], created);
    }
}
