using FreightOptimizer.Tests.Architecture;
using FreightOptimizer.Tests.Readme;

namespace FreightOptimizer.Tests.Verification;

/// <summary>The verifier must not trust the code it checks: nothing in Verification/ uses the formulation or a solver.</summary>
public sealed class VerificationArchitectureTests
{
    [Fact]
    public void Verification_DoesNotDependOnFormulationOrSolving()
    {
        var uses = FolderDependencies.Scan(
            Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer"), typeof(PlanVerifier).Assembly.Location).Uses["Verification"];

        Assert.DoesNotContain("Formulation", uses);
        Assert.DoesNotContain("Solving", uses);
        Assert.DoesNotContain("assembly:Google.OrTools", uses);
        Assert.Contains("Results", uses); // the scan sees what Verification does use
    }
}
