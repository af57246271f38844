using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.NetworkFlow;
using FreightOptimizer.Solving.OrTools;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Solving;

/// <summary>The raw network simplex on random small networks: optimality conditions and OR-Tools agree.</summary>
public sealed class NetworkSimplexTests
{
    /// <summary>A random network; costs may be negative on capacitated arcs (never on unlimited ones).</summary>
    private static IntegerNetwork RandomNetwork(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 12);
        var m = random.Next(0, 40);
        var tail = new int[m];
        var head = new int[m];
        var capacity = new long[m];
        var cost = new long[m];
        for (var a = 0; a < m; a++)
        {
            tail[a] = random.Next(n);
            head[a] = random.Next(n);
            var unlimited = random.NextDouble() < 0.2;
            capacity[a] = unlimited ? NetworkSimplex.Unlimited : random.Next(0, 25);
            cost[a] = unlimited ? random.Next(0, 20) : random.Next(-5, 20);
        }

        var supply = new long[n];
        for (var i = 0; i < n; i++)
        {
            var amount = random.Next(0, 15);
            supply[random.Next(n)] += amount;
            supply[random.Next(n)] -= amount;
        }

        return new IntegerNetwork { NodeCount = n, Tail = tail, Head = head, Capacity = capacity, Cost = cost, Supply = supply };
    }

    [Property(MaxTest = 300)]
    public Property Solve_RandomNetwork_IsOptimalByItsPotentials_AndMatchesOrTools() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var network = RandomNetwork(seed);
            var ours = NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, [], network.Capacity, network.Cost, network.Supply);
            var theirs = OrToolsMinCostFlow.Solve(network);
            if (ours.Status != NetworkFlowStatus.Optimal)
            {
                return (ours.Status == NetworkFlowStatus.Infeasible && theirs.Status == SolveStatus.Infeasible).Label($"ours {ours.Status}, OR-Tools {theirs.Status}");
            }

            var theirObjective = Int128.Zero;
            for (var a = 0; a < network.Tail.Length; a++) theirObjective += (Int128)theirs.Flows![a] * network.Cost[a];
            return (Certifies(network, ours) && theirs.Status == SolveStatus.Optimal && theirObjective == ours.Objective)
                .Label($"seed {seed}: ours {ours.Objective}, OR-Tools {theirs.Status} {theirObjective}");
        });

    [Property(MaxTest = 200)]
    public Property Solve_RandomLowerBounds_EqualTheShiftedNetworkWithout() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var network = RandomNetwork(seed);
            var random = new Random(seed ^ 0x5bd1e995);
            var m = network.Tail.Length;
            var lower = new long[m];
            var shiftedSupply = (long[])network.Supply.Clone();
            var shiftedCapacity = (long[])network.Capacity.Clone();
            var offset = Int128.Zero;
            for (var a = 0; a < m; a++)
            {
                if (random.NextDouble() < 0.5) continue;
                lower[a] = network.Capacity[a] == NetworkSimplex.Unlimited ? random.Next(0, 10) : random.Next(0, (int)network.Capacity[a] + 1);
                shiftedSupply[network.Tail[a]] -= lower[a];
                shiftedSupply[network.Head[a]] += lower[a];
                if (shiftedCapacity[a] != NetworkSimplex.Unlimited) shiftedCapacity[a] -= lower[a];
                offset += (Int128)lower[a] * network.Cost[a];
            }

            var withLower = NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, lower, network.Capacity, network.Cost, network.Supply);
            var shifted = NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, [], shiftedCapacity, network.Cost, shiftedSupply);
            if (withLower.Status != NetworkFlowStatus.Optimal || shifted.Status != NetworkFlowStatus.Optimal)
            {
                return (withLower.Status == shifted.Status).Label($"seed {seed}: with lower bounds {withLower.Status}, shifted {shifted.Status}");
            }

            var balance = (long[])network.Supply.Clone();
            var within = true;
            for (var a = 0; a < m; a++)
            {
                var x = withLower.Flows[a];
                within &= x >= lower[a] && x <= network.Capacity[a];
                balance[network.Tail[a]] -= x;
                balance[network.Head[a]] += x;
            }

            return (within && balance.All(b => b == 0) && withLower.Objective == shifted.Objective + offset)
                .Label($"seed {seed}: objective {withLower.Objective} against {shifted.Objective} + {offset}, bounds kept {within}");
        });

    [Fact]
    public void Solve_LowerBounds_AreHonouredAndCounted()
    {
        // 0 → 1 must carry at least 4 at cost 3, though 0 → 2 → 1 costs 1 + 1. Supply 6 at 0, demand 6 at 1.
        var solution = NetworkSimplex.Solve(3, [0, 0, 2], [1, 2, 1], [4, 0, 0], [10, 10, 10], [3, 1, 1], [6, -6, 0]);

        Assert.Equal(NetworkFlowStatus.Optimal, solution.Status);
        Assert.Equal([4L, 2, 2], solution.Flows);
        Assert.Equal(16, solution.Objective);
    }

    [Fact]
    public void Solve_UnlimitedNegativeCycle_IsUnbounded()
    {
        var solution = NetworkSimplex.Solve(2, [0, 1], [1, 0], [], [NetworkSimplex.Unlimited, NetworkSimplex.Unlimited], [-1, 0], [0, 0]);

        Assert.Equal(NetworkFlowStatus.Unbounded, solution.Status);
    }

    [Fact]
    public void Solve_UnbalancedSupplies_IsInfeasible()
    {
        Assert.Equal(NetworkFlowStatus.Infeasible, NetworkSimplex.Solve(2, [0], [1], [], [5], [1], [3, -2]).Status);
    }

    [Fact]
    public void Solve_CostsTooLargeToPriceSafely_AreRefusedBeforeSolving()
    {
        Assert.Throws<ArgumentException>(() => NetworkSimplex.Solve(2, [0], [1], [], [5], [1L << 60], [0, 0]));
    }

    /// <summary>Conservation, bounds, and reduced costs with the right sign for every arc.</summary>
    private static bool Certifies(IntegerNetwork network, NetworkFlowSolution solution)
    {
        var balance = (long[])network.Supply.Clone();
        var objective = Int128.Zero;
        for (var a = 0; a < network.Tail.Length; a++)
        {
            var x = solution.Flows[a];
            if (x < 0 || x > network.Capacity[a]) return false;
            balance[network.Tail[a]] -= x;
            balance[network.Head[a]] += x;
            objective += (Int128)x * network.Cost[a];
            var reduced = network.Cost[a] + solution.Potentials[network.Tail[a]] - solution.Potentials[network.Head[a]];
            if (x < network.Capacity[a] && reduced < 0) return false;
            if (x > 0 && reduced > 0) return false;
        }

        return balance.All(b => b == 0) && objective == solution.Objective;
    }
}
