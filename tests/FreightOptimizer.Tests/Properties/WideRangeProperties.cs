using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>
/// Scenarios whose tonnages span 1 to 1e12 t and whose costs span 1e-3 to 1e7 per tonne: whatever
/// engine Auto ends on, a plan it calls optimal is one the verifier passed and certified, at the LP
/// optimum; anything else carries a status that says it is not.
/// </summary>
public sealed class WideRangeProperties
{
    /// <summary>Relative tolerance between two certified optima: each is within the verifier's gap tolerance (1e-6) of the LP optimum.</summary>
    private const double BetweenCertifiedOptima = 1e-5;

    [Property(MaxTest = 200)]
    public Property Auto_WideRanges_EndsInACertifiedPlanAtTheLpOptimum_OrInAStatusThatSaysItIsNot() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Elements(true, false).ToArbitrary(), (c, single) =>
        {
            // Half single-commodity scenarios, which Auto gives to the network simplex when they scale,
            // half multi-commodity ones with minimum flows, which go to the LP engines.
            var scenario = ScenarioGenerator.Generate(c.Seed, single ? GeneratorSettings.NetworkFlowWide : GeneratorSettings.LinearWide);
            var auto = Solve(scenario);
            var verification = auto.Plan?.Verification;
            var said = $"Auto: {auto.Status} by {auto.Report.Engine} ({auto.Report.EngineReason}) {auto.Message}; "
                + $"verifier: {Describe(verification)}; notes: {string.Join(" | ", auto.Report.Notes)}";

            Property holds;
            if (auto.Status is SolveStatus.Optimal or SolveStatus.Feasible)
            {
                var reference = CertifiedLpOptimum(scenario);
                var certified = verification is { Passed: true, OptimalityCertified: true };
                var agrees = reference is not { } optimum || Close(auto.Plan!.Objective, optimum, BetweenCertifiedOptima);
                holds = (certified && agrees).Label($"{said}; certified LP optimum {reference?.ToString() ?? "none"}")
                    .Classify(reference is null, "no LP engine certified its own plan");
            }
            else
            {
                // A rejected plan is kept with the verifier's findings, and it is rejected for a reason.
                var rejectedHonestly = auto.Status != SolveStatus.VerificationFailed
                    || (verification is { } v && (!v.Passed || !v.OptimalityCertified) && !v.Findings.IsEmpty && !auto.IsOptimal);
                holds = rejectedHonestly.Label(said);
            }

            return holds
                .Classify(auto.Report.Engine is SolverEngine.NetworkFlow, "network simplex")
                .Classify(auto.Report.Engine is SolverEngine.Clp, "CLP")
                .Classify(auto.Report.Engine is SolverEngine.Glop, "GLOP")
                .Classify(auto.Report.RoundingErrorBound > 0, "rounded to integers")
                .Classify(auto.Report.Notes.Any(n => n.Contains("did not pass the verifier", StringComparison.Ordinal)), "a plan was rejected and re-solved")
                .Classify(auto.Status == SolveStatus.VerificationFailed, "every engine rejected")
                .Classify(auto.Status == SolveStatus.Infeasible, "infeasible");
        });

    /// <summary>
    /// The integer scaling of single-commodity wide-range scenarios: whenever it scales, no demand,
    /// capacity or unit cost moves by more than the verifier's tolerance of itself, none becomes 0,
    /// and an exact scaling moves nothing beyond floating-point noise.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property IntegerScaling_NeverMovesANumberByMoreThanTheVerifiersTolerance() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlowWide), c =>
        {
            var network = FreightOptimizer.Formulation.FlowNetworkBuilder.Build(c.Scenario);
            if (!FreightOptimizer.Formulation.IntegerScaling.TryScale(network, out var scaling, out var integers, out var reason))
            {
                return (reason.Length > 0).Label("refused without a reason").Classify(true, "refused");
            }

            var allowed = scaling!.IsExact ? 1e-12 : FreightOptimizer.Formulation.IntegerScaling.MaxRelativeRounding;
            var worst = 0.0;
            var what = "";
            void Check(string name, double value, long units, double quantum)
            {
                if (value <= 0 || double.IsPositiveInfinity(value)) return;
                var moved = units <= 0 ? double.PositiveInfinity : Math.Abs(value - (units * quantum)) / value;
                if (moved > worst) (worst, what) = (moved, $"{name} {value} → {units} × {quantum}");
            }

            for (var v = 0; v < network.NodeCount; v++)
            {
                if (network.NodeTonnes[v] < 0) Check("demand", -network.NodeTonnes[v], -integers!.Supply[v], scaling.TonneQuantum);
            }

            for (var a = 0; a < network.ArcCount; a++)
            {
                Check("capacity", network.CapacityTonnes[a], integers!.Capacity[a], scaling.TonneQuantum);
                Check("cost", network.CostPerTonne[a], integers.Cost[a], scaling.CostQuantum);
            }

            return (worst <= allowed).Label($"{scaling.Describe()} moved {what} by {worst} of itself (allowed {allowed})")
                .Classify(scaling.IsExact, "exact")
                .Classify(!scaling.IsExact, "rounded");
        });

    /// <summary>The optimum of CLP, else GLOP, asked for explicitly, when that engine's plan is certified; else null.</summary>
    private static double? CertifiedLpOptimum(Scenario scenario)
    {
        foreach (var engine in (SolverEngine[])[SolverEngine.Clp, SolverEngine.Glop])
        {
            var result = Solve(scenario, engine);
            if (result.Status == SolveStatus.Optimal && result.Plan!.Verification is { Passed: true, OptimalityCertified: true }) return result.Plan.Objective;
        }

        return null;
    }

    private static string Describe(VerificationReport? report) =>
        report is null ? "none" : $"passed {report.Passed}, certified {report.OptimalityCertified}; " + string.Join(" | ", report.Findings.Take(3).Select(f => $"{f.Check}: {f.Message}"));
}
