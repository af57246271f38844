using FreightOptimizer.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;
using static FreightOptimizer.Tests.Properties.SolveHelpers;

namespace FreightOptimizer.Tests.Properties;

/// <summary>Plans of random scenarios are feasible and certified; scenarios survive JSON.</summary>
public sealed class PlanProperties(ITestOutputHelper output)
{
    [Property(MaxTest = 80)]
    public Property EveryPlan_PassesTheVerifierAndIsCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var result = Solve(c.Scenario);
            var features = Features.Of(c.Scenario, result);
            var holds = result.Status switch
            {
                SolveStatus.Optimal => result.Plan!.Verification is { Passed: true, OptimalityCertified: true },
                SolveStatus.Infeasible => features.HardDemands || features.MinimumFlows,
                _ => false,
            };
            var property = holds.Label($"{result.Status}: {Describe(result.Plan?.Verification)}");
            return features.Classify(property);
        });

    [Property(MaxTest = 100)]
    public Property Json_RoundTripsToAnEqualScenario() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var text = ScenarioJson.Write(c.Scenario);
            var back = ScenarioJson.Read(text);
            return (back == c.Scenario && ScenarioJson.Write(back) == text).Label(text);
        });

    [Fact]
    [Trait("Category", "Slow")]
    public void Generator_ReachesEveryFeature()
    {
        // The coverage of the generator, printed so a reader sees what the properties exercise,
        // and asserted so a generator change that loses a feature fails here.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        const int Samples = 300;
        for (var seed = 0; seed < Samples; seed++)
        {
            var scenario = ScenarioGenerator.Generate(seed);
            var features = Features.Of(scenario, Solve(scenario));
            foreach (var (name, present) in features.All) counts[name] = counts.GetValueOrDefault(name) + (present ? 1 : 0);
        }

        foreach (var (name, count) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)) output.WriteLine($"{count,4} of {Samples}  {name}");
        Assert.All(counts, kv => Assert.True(kv.Value > 0, $"the generator never produced: {kv.Key}"));
    }

    private static string Describe(VerificationReport? report) =>
        report is null ? "no verification" : $"passed {report.Passed}, certified {report.OptimalityCertified}, gap {report.DualityGap}; " + string.Join(" | ", report.Findings.Take(5).Select(f => f.Message));
}

/// <summary>Which features of the model a scenario and its solve exercise.</summary>
internal sealed record Features(
    bool BindingCapacity, bool ClosedPeriod, bool DeratedPeriod, bool Binary, bool Modular, bool Continuous, bool Built, bool Group,
    bool Prerequisite, bool LeadTime, bool Budget, bool HardDemandsFeasible, bool HardDemandsInfeasible, bool MinimumFlows, bool Unmet,
    bool RestrictedLocation, bool PeriodLines, bool MultiPeriod)
{
    public bool HardDemands => HardDemandsFeasible || HardDemandsInfeasible;

    public IEnumerable<(string Name, bool Present)> All =>
    [
        ("binding capacity", BindingCapacity), ("closed period", ClosedPeriod), ("derated period", DeratedPeriod),
        ("binary option", Binary), ("modular option", Modular), ("continuous option", Continuous), ("option built", Built),
        ("exclusive group", Group), ("prerequisite", Prerequisite), ("lead time", LeadTime), ("budget", Budget),
        ("hard demand, feasible", HardDemandsFeasible), ("hard demand, infeasible", HardDemandsInfeasible),
        ("minimum flow", MinimumFlows), ("unmet demand", Unmet), ("location restricted to some commodities", RestrictedLocation),
        ("period-specific supply or demand", PeriodLines), ("several periods", MultiPeriod),
    ];

    public static Features Of(Scenario s, OptimizationResult result)
    {
        var factors = s.RouteAvailability.Values.Concat(s.LocationAvailability.Values).SelectMany(a => a.Factors.Values).ToList();
        var hard = s.Demands.Any(d => d.MustServe);
        return new Features(
            BindingCapacity: result.Plan?.Bottlenecks.Length > 0,
            ClosedPeriod: factors.Any(f => f == 0),
            DeratedPeriod: factors.Any(f => f is > 0 and < 1),
            Binary: s.Investments.Any(i => i.Kind == InvestmentKind.Binary),
            Modular: s.Investments.Any(i => i.Kind == InvestmentKind.Modular),
            Continuous: s.Investments.Any(i => i.Kind == InvestmentKind.Continuous),
            Built: result.Plan?.Investments.Any(i => i.Units > 0) == true,
            Group: s.Investments.Any(i => i.ExclusiveGroup is not null),
            Prerequisite: s.Investments.Any(i => !i.Requires.IsDefaultOrEmpty),
            LeadTime: s.Investments.Any(i => i.FirstPeriod is not null),
            Budget: s.Budget is not null,
            HardDemandsFeasible: hard && result.Status == SolveStatus.Optimal,
            HardDemandsInfeasible: hard && result.Status == SolveStatus.Infeasible,
            MinimumFlows: s.Network.Routes.Any(r => r.MinAnnualTonnes > 0),
            Unmet: result.Plan?.Unmet.Length > 0,
            RestrictedLocation: s.Network.Locations.Any(l => l.Commodities is not null),
            PeriodLines: s.Supplies.Any(x => x.Period is not null) || s.Demands.Any(x => x.Period is not null),
            MultiPeriod: s.Horizon.Periods.Length > 1);
    }

    public Property Classify(Property property)
    {
        foreach (var (name, present) in All) property = property.Classify(present, name);
        return property;
    }
}
