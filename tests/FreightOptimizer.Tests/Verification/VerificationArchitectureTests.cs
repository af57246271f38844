using FreightOptimizer.Verification;
using NetArchTest.Rules;

namespace FreightOptimizer.Tests.Verification;

public sealed class VerificationArchitectureTests
{
    [Fact]
    public void Verification_DoesNotDependOnFormulationOrSolving()
    {
        var result = Types.InAssembly(typeof(PlanVerifier).Assembly)
            .That().ResideInNamespace("FreightOptimizer.Verification")
            .ShouldNot().HaveDependencyOnAny("FreightOptimizer.Formulation", "FreightOptimizer.Solving", "Google.OrTools")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
