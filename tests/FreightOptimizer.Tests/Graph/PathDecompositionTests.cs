using FreightOptimizer.Graph;

namespace FreightOptimizer.Tests.Graph;

public sealed class PathDecompositionTests
{
    [Fact]
    public void Decompose_HubSplitAndCycle_HandComputedPathsAndCycle()
    {
        // 0 supplies 10; 0→1 carries 10 to the hub 1, which delivers 4 and sends 6 to 2; a zero-cost
        // cycle 2→3→2 carries 2 on top.
        int[] tail = [0, 1, 2, 3];
        int[] head = [1, 2, 3, 2];
        double[] flow = [10, 6, 2, 2];
        var (paths, cycles) = PathDecomposition.Decompose(4, tail, head, flow, [10, 0, 0, 0], [0, 4, 6, 0], 1e-12, out var residual);

        var cycle = Assert.Single(cycles);
        Assert.Equal([2, 3], cycle.Arcs);
        Assert.Equal(2, cycle.Amount);
        Assert.Equal(2, paths.Count);
        Assert.Equal((0, 1, 4.0), (paths[0].Start, paths[0].End, paths[0].Amount));
        Assert.Equal([0], paths[0].Arcs);
        Assert.Equal((0, 2, 6.0), (paths[1].Start, paths[1].End, paths[1].Amount));
        Assert.Equal([0, 1], paths[1].Arcs);
        Assert.Equal(0, residual);
    }

    [Fact]
    public void Decompose_LocalSupplyAndDemand_PathWithoutArcs()
    {
        var (paths, cycles) = PathDecomposition.Decompose(1, [], [], [], [5], [3], 1e-12, out _);

        Assert.Empty(cycles);
        var path = Assert.Single(paths);
        Assert.Equal((0, 0, 3.0), (path.Start, path.End, path.Amount));
        Assert.Empty(path.Arcs);
    }
}
