using System.Collections.Immutable;
using FreightOptimizer.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Properties;

/// <summary>
/// Calibration over random valid scenarios (ScenarioGenerator, no investments): observations taken
/// from the optimum of a version of the scenario with every tariff multiplied by a random factor
/// from 0.5 to 2, a plan the scenario can carry, are matched by the calibrated scenario's verified
/// optimum within their tolerance, unless the constant they need would take a cost below 0 (it is
/// then clamped, and reported so) or no linear cost makes an in-band plan the solver's optimum. The
/// property checks what always holds: never fewer observations matched than before, outcomes that
/// agree with the comparison, and a calibrated scenario whose fresh verified solve agrees; the share of
/// cases not reproduced is shown as a classification (at most 1 in 200 in three runs of 200).
/// </summary>
public sealed class CalibrationProperties
{
    private static readonly GeneratorSettings Settings = new() { Investments = false, HardDemands = false };

    internal static (Scenario Scenario, string Description)? WithObservationsOfAPerturbedPlan(Scenario generated, int seed)
    {
        var random = new Random(seed);
        var network = generated.Network;
        var perturbed = generated with
        {
            Network = new FreightNetwork(network.Commodities, network.Locations,
                [.. network.Routes.Select(r => r with { CostPerTonne = r.CostPerTonne.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * Math.Pow(2, (2 * random.NextDouble()) - 1)) })]),
        };

        // One to three observations: a route, two routes together, or a location's throughput, some of one commodity.
        var observations = new List<Observation>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            NetworkElement[] elements = (network.Routes.IsEmpty ? 2 : random.Next(3)) switch
            {
                0 => [network.Routes[random.Next(network.Routes.Length)].Id],
                1 => [network.Routes[random.Next(network.Routes.Length)].Id, network.Routes[random.Next(network.Routes.Length)].Id],
                _ => [network.Locations[random.Next(network.Locations.Length)].Id],
            };
            CommodityId? commodity = random.Next(3) == 0 ? network.Commodities[random.Next(network.Commodities.Length)].Id : (CommodityId?)null;
            observations.Add(new Observation($"o{i}", [.. elements.Distinct()], 0, 0.05) { Commodity = commodity, Source = "a perturbed plan" });
        }

        var result = FreightPlanner.Optimize(perturbed with { Observations = [.. observations] }, new SolveOptions { Appraise = AppraisalMode.Never });
        if (result.Status != SolveStatus.Optimal) return null;
        var seen = ObservationReport.Compare(perturbed with { Observations = [.. observations] }, result.Plan!);
        var observed = observations.Select((o, i) => o with { AnnualTonnes = seen[i].ModelledAnnualTonnes }).ToImmutableArray();
        return (generated with { Observations = observed }, string.Join("; ", observed.Select(o => $"{o.Id} = {o.AnnualTonnes:0.###} on {string.Join("+", o.Elements.Select(e => e.Id))}{(o.Commodity is { } c ? " of " + c : "")}")));
    }

    [Property(MaxTest = 100)]
    public Property Calibrate_ObservationsOfAFeasiblePlan_NeverMatchFewer_AndTheOutcomesAgreeWithAFreshSolve() =>
        Prop.ForAll(ScenarioGenerator.Cases(Settings), Gen.Choose(0, 1_000_000).ToArbitrary(), (c, seed) =>
        {
            if (WithObservationsOfAPerturbedPlan(c.Scenario, seed) is not ({ } scenario, var description))
            {
                return true.Label("the perturbed scenario has no optimum").Classify(true, "trivial");
            }

            var result = Calibration.Calibrate(scenario);
            var clamped = result.Constants.Any(k => k.Clamped);
            var allMatched = result.Status == CalibrationStatus.Calibrated && result.After.All(r => r.WithinTolerance);
            var holds = result.Status != CalibrationStatus.Failed
                && result.After.Count(r => r.WithinTolerance) >= result.Before.Count(r => r.WithinTolerance)
                && result.Constants.All(k => (k.Outcome == ObservationCalibration.Matched) == result.After[result.Constants.IndexOf(k)].WithinTolerance)
                && (allMatched == (result.Status == CalibrationStatus.Calibrated))
                && FreightPlanner.Optimize(result.Calibrated!.WithoutInvestments(), new SolveOptions { Appraise = AppraisalMode.Never }) is { Status: SolveStatus.Optimal } check
                && ObservationReport.Compare(result.Calibrated, check.Plan!).Select(r => r.WithinTolerance).SequenceEqual(result.After.Select(r => r.WithinTolerance));
            return holds.Label($"{description}\n{result.ToText()}")
                .Classify(result.Before.Any(r => !r.WithinTolerance), "outside before")
                .Classify(result.Constants.Any(k => k.CostPerTonne != 0), "needed a constant")
                .Classify(result.Rounds > 1, "nudged")
                .Classify(clamped, "clamped")
                .Classify(!allMatched && !clamped, "NOT REPRODUCED");
        });
}
