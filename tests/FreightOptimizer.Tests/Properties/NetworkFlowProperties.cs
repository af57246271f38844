using FreightOptimizer.Formulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>The network-flow engines against the LP on random single-commodity scenarios.</summary>
public sealed class NetworkFlowProperties
{
    [Property(MaxTest = 80)]
    public Property NetworkFlowOptimum_EqualsLpOptimum_AndIsCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlow), c =>
        {
            var lp = Solve(c.Scenario, SolverEngine.Glop);
            var flow = Solve(c.Scenario, SolverEngine.NetworkFlow);
            if (lp.Status != SolveStatus.Optimal) return (flow.Status == lp.Status).Label($"LP {lp.Status}, network flow {flow.Status}: {flow.Message}");
            var bound = flow.Report.RoundingErrorBound ?? double.NaN;
            var plan = flow.Plan;
            var verification = plan?.Verification;
            return (flow.Status == SolveStatus.Optimal
                    && Math.Abs(plan!.Objective - lp.Plan!.Objective) <= bound + (Relative * Math.Max(1, Math.Abs(lp.Plan.Objective)))
                    && verification is { Passed: true, OptimalityCertified: true })
                .Label($"LP {lp.Plan!.Objective}, network flow {flow.Status} {plan?.Objective} (bound {bound}); verifier: "
                       + string.Join("; ", verification?.Findings.Select(f => f.ToString()) ?? []))
                .Classify(bound == 0, "scaled exactly")
                .Classify(lp.Plan.TotalUnmetTonnes > 0, "some demand unmet")
                .Classify(lp.Plan.Bottlenecks.Length > 0, "capacities bind");
        });

    [Property(MaxTest = 40)]
    public Property OrToolsMinCostFlow_MatchesNetworkSimplex_AndIsCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlow), c =>
        {
            var ours = Solve(c.Scenario, SolverEngine.NetworkFlow);
            var theirs = Solve(c.Scenario, SolverEngine.OrToolsMinCostFlow);
            if (ours.Status != SolveStatus.Optimal) return (theirs.Status == ours.Status).Label($"ours {ours.Status}, OR-Tools {theirs.Status}");
            var verification = theirs.Plan?.Verification;
            return (theirs.Status == SolveStatus.Optimal
                    && Close(theirs.Plan!.Objective, ours.Plan!.Objective)
                    && verification is { Passed: true, OptimalityCertified: true })
                .Label($"ours {ours.Plan!.Objective}, OR-Tools {theirs.Status} {theirs.Plan?.Objective}; verifier: "
                       + string.Join("; ", verification?.Findings.Select(f => f.ToString()) ?? []));
        });

    [Property(MaxTest = 40)]
    public Property NetworkFlow_WithNumbersThatDoNotScaleExactly_StaysWithinItsBound_AndIsCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlow), c =>
        {
            // Sevenths and √2 have no finite decimal expansion: the policy must round and say by how much.
            var scenario = WithCostsScaled(WithCapacityScaled(c.Scenario, 1.0 / 7), Math.Sqrt(2));
            var lp = Solve(scenario, SolverEngine.Glop);
            var flow = Solve(scenario, SolverEngine.NetworkFlow);
            if (lp.Status != SolveStatus.Optimal) return (flow.Status == lp.Status).Label($"LP {lp.Status}, network flow {flow.Status}: {flow.Message}");
            var bound = flow.Report.RoundingErrorBound ?? double.NaN;
            var verification = flow.Plan?.Verification;
            return (flow.Status == SolveStatus.Optimal
                    && bound >= 0
                    && Math.Abs(flow.Plan!.Objective - lp.Plan!.Objective) <= bound + (Relative * Math.Max(1, Math.Abs(lp.Plan.Objective)))
                    && verification is { Passed: true, OptimalityCertified: true })
                .Label($"LP {lp.Plan!.Objective}, network flow {flow.Status} {flow.Plan?.Objective} (bound {bound}); verifier: "
                       + string.Join("; ", verification?.Findings.Select(f => f.ToString()) ?? []))
                .Classify(bound > 0, "rounded");
        });

    [Property(MaxTest = 60)]
    public Property Auto_PicksNetworkFlowWhereExact_ElseClp_ElseScip() =>
        Prop.ForAll(ScenarioGenerator.Cases(), Gen.Elements(true, false).ToArbitrary(), (c, single) =>
        {
            var scenario = single ? ScenarioGenerator.Generate(c.Seed, GeneratorSettings.NetworkFlow) : c.Scenario;
            var qualifies = FlowNetworkBuilder.Qualifies(scenario, out _);
            var expected = qualifies ? SolverEngine.NetworkFlow : scenario.HasIntegerDecisions ? SolverEngine.Scip : SolverEngine.Clp;
            var result = Solve(scenario);
            var holds = result.Report.Engine == expected
                && (!single || qualifies)
                && (scenario.Investments.IsEmpty || !qualifies)
                && (qualifies || result.Report.EngineReason.Contains("Network flow is not exact here", StringComparison.Ordinal));
            return holds.Label($"{result.Report.Engine}: {result.Report.EngineReason} (expected {expected})")
                .Classify(expected == SolverEngine.NetworkFlow, "network flow")
                .Classify(expected == SolverEngine.Clp, "CLP")
                .Classify(expected == SolverEngine.Scip, "SCIP");
        });

    /// <summary>
    /// Qualifies against a plain reading of "no capacity shared by two commodities in a period", checked
    /// route by route and location by location over <see cref="FreightOptimizer.Scenario.CanFlow"/>, on
    /// multi-commodity scenarios without investments or minimum flows.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Qualifies_IffNoCapacityIsSharedByTwoCommodities() =>
        Prop.ForAll(ScenarioGenerator.Cases(new GeneratorSettings { Investments = false, MinimumFlows = false }), c =>
        {
            var s = c.Scenario;
            var network = s.Network;
            var shared = false;
            foreach (var period in s.Horizon.Periods.Select(p => p.Id))
            {
                foreach (var route in network.Routes.Where(r => r.AnnualCapacityTonnes is not null))
                {
                    shared |= network.Commodities.Count(k => s.CanFlow(route, k.Id, period)) > 1;
                }

                foreach (var location in network.Locations.Where(l => l.AnnualCapacityTonnes is not null && s.IsOpen(l.Id, period)))
                {
                    var entering = network.Routes.Where(r => r.To == location.Id)
                        .SelectMany(r => network.Commodities.Where(k => s.CanFlow(r, k.Id, period)).Select(k => k.Id))
                        .Concat(s.Supplies.Where(x => x.Location == location.Id && FreightOptimizer.Scenario.AppliesIn(x.Period, period)).Select(x => x.Commodity));
                    shared |= entering.Distinct().Count() > 1;
                }
            }

            var qualifies = FlowNetworkBuilder.Qualifies(s, out var why);
            return (qualifies == !shared && (qualifies || why.Contains("shared by", StringComparison.Ordinal)))
                .Label($"Qualifies {qualifies} ({why}), shared {shared}")
                .Classify(qualifies, "qualifies");
        });
}
