using System.Globalization;
using System.Text.RegularExpressions;
using FreightOptimizer.Export;
using FreightOptimizer.Solving.NetworkFlow;
using FreightOptimizer.Tests.Readme;
using FreightOptimizer.Tests.Solving;

namespace FreightOptimizer.Tests.Export;

/// <summary>DIMACS files in and out, and the public instances' optima through the library.</summary>
public sealed partial class DimacsMinCostFlowTests
{
    /// <summary>The files of benchmarks/instances/dimacs and their optima (from its README).</summary>
    public static TheoryData<string, long> Instances() => new()
    {
        { "netgen_8_08a", 142274536 },
        { "netgen_8_09a", 282304901 },
        { "netgen_8_10a", 369269289 },
        { "netgen_lo_8_08a", 1017702 },
        { "netgen_lo_8_09a", 1681906 },
        { "goto_8_08a", 560870539 },
        { "goto_8_09a", 1382831708 },
        { "road_flow_01_DC_a", 96472800 },
    };

    internal static string InstancePath(string name) =>
        Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "benchmarks", "instances", "dimacs", name + ".min");

    [Fact]
    public void Instances_ListEveryFileOfTheInstanceFolder()
    {
        var folder = Path.GetDirectoryName(InstancePath("x"))!;
        var files = Directory.GetFiles(folder, "*.min").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var listed = Instances().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(listed, files);
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Optimize_NetworkFlow_ReachesTheListedOptimumExactly_AndIsCertified(string name, long optimum) =>
        AssertOptimum(name, optimum, SolverEngine.NetworkFlow);

    [Theory]
    [MemberData(nameof(Instances))]
    public void Optimize_OrToolsMinCostFlow_ReachesTheListedOptimumExactly_AndIsCertified(string name, long optimum) =>
        AssertOptimum(name, optimum, SolverEngine.OrToolsMinCostFlow);

    [Theory]
    [MemberData(nameof(Instances))]
    public void NetworkSimplex_OnTheRawArrays_ReachesTheListedOptimum(string name, long optimum)
    {
        using var reader = File.OpenText(InstancePath(name));
        var network = DimacsNetwork.Read(reader);

        var solution = NetworkSimplex.Solve(network.NodeCount, network.Tail, network.Head, network.Lower, network.Capacity, network.Cost, network.Supply);

        Assert.Equal(NetworkFlowStatus.Optimal, solution.Status);
        Assert.Equal((Int128)optimum, solution.Objective);
    }

    private static void AssertOptimum(string name, long optimum, SolverEngine engine)
    {
        var dimacs = DimacsMinCostFlow.ReadFile(InstancePath(name));

        var result = FreightPlanner.Optimize(dimacs.Scenario, new SolveOptions { Engine = engine });

        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(0, result.Report.RoundingErrorBound);
        var plan = result.GetPlanOrThrow();
        Assert.Equal(optimum, plan.Objective + dimacs.ObjectiveOffset);
        Assert.True(plan.Verification is { Passed: true, OptimalityCertified: true }, string.Join("; ", plan.Verification?.Findings.Select(f => f.ToString()) ?? []));
    }

    [Fact]
    public void Read_LowerBounds_AreShiftedOutAndTheOffsetRestoresTheOptimum()
    {
        // 1 → 2 → 4 costs 1 + 1 but 1 → 2 must carry at least 3; 1 → 3 → 4 costs 2 + 2. Supply 5 at 1.
        // By hand: cheapest is all 5 on 1 → 2 → 4 (capacity 6): 5·2 = 10. With LOW = 3 on 1 → 3 as well,
        // 3 must go 1 → 3 → 4: 3·4 + 2·2 = 16.
        const string text = """
            c lower bounds
            p min 4 4
            n 1 5
            n 4 -5
            a 1 2 0 6 1
            a 2 4 0 6 1
            a 1 3 3 6 2
            a 3 4 0 6 2
            """;

        var dimacs = DimacsMinCostFlow.Read(text, "lower");
        var result = FreightPlanner.Optimize(dimacs.Scenario, new SolveOptions { Engine = SolverEngine.NetworkFlow });

        Assert.Equal(6, dimacs.ObjectiveOffset);
        Assert.Equal(16, result.GetPlanOrThrow().Objective + dimacs.ObjectiveOffset, 9);
        Assert.Equal(3, dimacs.Scenario.Network.GetRoute("a3").AnnualCapacityTonnes);
    }

    [Theory]
    [InlineData("a 1 2 0 5 1\n", "line 1", ValidationCode.MissingField)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 3 0 5 1\n", "line 4", ValidationCode.UnknownReference)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 2 4 3 1\n", "line 4", ValidationCode.OutOfRange)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 -3 1\n", "line 4", ValidationCode.Negative)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 99999999999999999999 1\n", "line 4", ValidationCode.OutOfRange)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\nx 1 2\na 1 2 0 5 1\n", "line 4", ValidationCode.MalformedText)]
    [InlineData("p min 2 1\nn 1 5\nn 1 -5\na 1 2 0 5 1\n", "line 3", ValidationCode.DuplicateId)]
    [InlineData("p min 2 2\nn 1 5\nn 2 -5\na 1 2 0 5 1\n", "line 5", ValidationCode.OutOfRange)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -4\na 1 2 0 5 1\n", "line 1", ValidationCode.OutOfRange)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 5\n", "line 4", ValidationCode.MalformedText)]
    [InlineData("p max 2 1\n", "line 1", ValidationCode.MalformedText)]
    [InlineData("p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 5 -1\n", "line 4", ValidationCode.Negative)]
    public void Read_MalformedInput_ThrowsNamingTheLine(string text, string path, ValidationCode code)
    {
        var error = Assert.Throws<FreightValidationException>(() => DimacsMinCostFlow.Read(text));

        Assert.Contains(error.Issues, i => i.Path == path && i.Code == code);
    }

    [Fact]
    public void Read_SeveralBadLines_ReportsThemAllTogether()
    {
        var error = Assert.Throws<FreightValidationException>(() => DimacsMinCostFlow.Read("p min 2 2\nn 1 5\nn 2 -5\na 1 9 0 5 1\na 0 2 0 5 1\n"));

        Assert.Equal(["line 4", "line 5"], error.Issues.Select(i => i.Path));
    }

    [Fact]
    public void WriteThenRead_ADimacsInstance_GivesBackTheSameNetwork()
    {
        using var reader = File.OpenText(InstancePath("netgen_8_08a"));
        var original = DimacsNetwork.Read(reader);
        var scenario = DimacsMinCostFlow.ToScenario(original, "netgen").Scenario;

        var text = new StringWriter();
        DimacsMinCostFlow.Write(scenario, text);
        var again = DimacsNetwork.Read(new StringReader(text.ToString()));

        Assert.Equal(original.NodeCount, again.NodeCount);
        Assert.Equal(original.Tail, again.Tail);
        Assert.Equal(original.Head, again.Head);
        Assert.Equal(original.Capacity, again.Capacity);
        Assert.Equal(original.Cost, again.Cost);
        Assert.Equal(original.Supply, again.Supply);
    }

    [Fact]
    public void Write_AScenarioWithCostsCapacitiesAndPenalties_WritesTheEngineNetworkWithTheSameOptimum()
    {
        var scenario = FreightPlannerTests.BottleneckLine();
        var text = new StringWriter();
        DimacsMinCostFlow.Write(scenario, text);

        var dimacs = DimacsMinCostFlow.Read(text.ToString());
        var optimum = FreightPlanner.Optimize(dimacs.Scenario, new SolveOptions { Engine = SolverEngine.NetworkFlow }).GetPlanOrThrow().Objective + dimacs.ObjectiveOffset;
        var conversion = ObjectiveLine().Match(text.ToString());

        Assert.True(conversion.Success, text.ToString());
        var scale = Math.Pow(10, int.Parse(conversion.Groups[1].Value, CultureInfo.InvariantCulture));
        var constant = double.Parse(conversion.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.Equal(630, (optimum * scale) + constant, 9);
    }

    [Fact]
    public void Write_AScenarioWithAnInvestment_IsRefused()
    {
        var scenario = FreightPlannerTests.BottleneckLine() with
        {
            Investments = [new FreightOptimizer.InvestmentOption("widen", 20, 100, 20) { Target = new FreightOptimizer.RouteId("a-b") }],
        };

        var error = Assert.Throws<ArgumentException>(() => DimacsMinCostFlow.Write(scenario, new StringWriter()));
        Assert.Contains("investment", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"scenario objective = DIMACS objective × 1e(-?\d+) \+ (\S+)")]
    private static partial Regex ObjectiveLine();
}
