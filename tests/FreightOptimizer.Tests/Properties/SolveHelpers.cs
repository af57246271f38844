using System.Collections.Immutable;

namespace FreightOptimizer.Tests.Properties;

internal static class SolveHelpers
{
    /// <summary>Relative tolerance for comparing optima of different solves.</summary>
    public const double Relative = 1e-6;

    /// <summary>Solves at MIP gap 0; appraisal (one re-solve per option) only when a property asks for it.</summary>
    public static OptimizationResult Solve(Scenario scenario, SolverEngine engine = SolverEngine.Auto, AppraisalMode appraise = AppraisalMode.Never) =>
        FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0, Appraise = appraise });

    public static bool Close(double a, double b, double relative = Relative) =>
        Math.Abs(a - b) <= relative * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Every capacity of routes and locations multiplied by a factor (unlimited stays unlimited).</summary>
    public static Scenario WithCapacityScaled(Scenario scenario, double factor)
    {
        var network = new FreightOptimizer.FreightNetwork(
            scenario.Network.Commodities,
            scenario.Network.Locations.Select(l => l with { AnnualCapacityTonnes = l.AnnualCapacityTonnes * factor }),
            scenario.Network.Routes.Select(r => r with { AnnualCapacityTonnes = r.AnnualCapacityTonnes * factor }));
        return scenario with { Network = network };
    }

    /// <summary>Every cost, penalty, capital cost and the budget multiplied by a factor.</summary>
    public static Scenario WithCostsScaled(Scenario scenario, double factor)
    {
        var network = new FreightOptimizer.FreightNetwork(
            scenario.Network.Commodities.Select(c => c with { UnmetPenaltyPerTonne = c.UnmetPenaltyPerTonne * factor }),
            scenario.Network.Locations.Select(l => l with { HandlingCostPerTonne = l.HandlingCostPerTonne.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * factor) }),
            scenario.Network.Routes.Select(r => r with { CostPerTonne = r.CostPerTonne.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * factor) }));
        return scenario with
        {
            Network = network,
            Supplies = [.. scenario.Supplies.Select(s => s with { CostPerTonne = s.CostPerTonne * factor })],
            Demands = [.. scenario.Demands.Select(d => d with { UnmetPenaltyPerTonne = scenario.PenaltyOf(d) * factor })],
            Investments = [.. scenario.Investments.Select(i => i with { CapitalCost = i.CapitalCost * factor })],
            Budget = scenario.Budget is { } b ? b with { CapitalCost = b.CapitalCost * factor } : null,
        };
    }
}
