using FreightOptimizer.Corridors;
using FreightOptimizer.Formulation;
using FsCheck;
using FsCheck.Fluent;

namespace FreightOptimizer.Tests.Export;

/// <summary>Problems for the writer tests: the formulated corridor, awkward hand-made ones and random ones.</summary>
internal static class ExportProblems
{
    public static LinearProblem Corridor(ModelScaling? scaling = null) =>
        FreightModelBuilder.Build(RussiaChinaCorridor.Scenario, scaling ?? ModelScaling.Identity).Problem;

    /// <summary>
    /// Everything the formats make hard: two-sided rows whose width rounds (0.1 to 0.3, −1e20 to 1),
    /// integers with no upper bound, below zero, fixed or free; a free and a fixed column; a negative
    /// upper bound over a zero lower one; an empty row and an unused column; numbers that need all 17
    /// digits, subnormal and huge; names with spaces, brackets, quotes, comment marks, keywords,
    /// exponents and clashes; a row bounded on neither side; a variable added twice to a row (and a
    /// pair that cancels); and an objective constant.
    /// </summary>
    public static LinearProblem Awkward()
    {
        var p = new LinearProblem { ObjectiveConstant = 1234567.8901234567 };
        var x = p.AddVariable(0, double.PositiveInfinity, 0.1, false, "x[a b,c]");
        var y = p.AddVariable(0, double.PositiveInfinity, 1.0 / 3, true, "y[int]");
        var z = p.AddVariable(double.NegativeInfinity, 5, -2.5, true, "z'quoted'");
        var w = p.AddVariable(double.NegativeInfinity, double.PositiveInfinity, 1e-300, false, "$dollar");
        var f = p.AddVariable(2, 2, 5e-324, true, "*star");
        var n = p.AddVariable(0, -1, 0, false, "e12");
        var u = p.AddVariable(-3, double.PositiveInfinity, 1.7976931348623157E+308, false, "free");
        var v = p.AddVariable(double.NegativeInfinity, double.PositiveInfinity, 0, true, "x[a b,c]");
        var unused = p.AddVariable(0, double.PositiveInfinity, 0, false, "constant");
        _ = p.AddVariable(0, 1, 0, true, "3rd");
        _ = unused;

        var r = p.AddRow(0.1, 0.30000000000000004, "range[0.1,0.3]");
        p.AddTerm(r, x, 1);
        p.AddTerm(r, y, -0.7);
        r = p.AddRow(-1e20, 1, "obj");
        p.AddTerm(r, z, 4166666.6666666665);
        p.AddTerm(r, w, -1e-7);
        r = p.AddRow(double.NegativeInfinity, -0.1, "le");
        p.AddTerm(r, u, 123456789.12345679);
        p.AddTerm(r, v, 1);
        p.AddTerm(r, f, 2);
        r = p.AddRow(7, 7, "eq");
        p.AddTerm(r, n, 1);
        p.AddTerm(r, x, 9.999999999999999e22);
        p.AddRow(1, double.PositiveInfinity, "empty");
        r = p.AddRow(-0.3, -0.1, "'MARKER'");
        p.AddTerm(r, y, 1);
        r = p.AddRow(1e-310, 2e-310, "end");
        p.AddTerm(r, w, 1);
        r = p.AddRow(double.NegativeInfinity, double.PositiveInfinity, "free row");
        p.AddTerm(r, x, 1);
        r = p.AddRow(double.NegativeInfinity, 8, "twice");
        p.AddTerm(r, x, 0.1);
        p.AddTerm(r, y, 1);
        p.AddTerm(r, x, 0.2);
        p.AddTerm(r, y, -1);
        return p;
    }

    /// <summary>A random problem of random doubles (17 significant digits, exponents −300..300) with every kind of row and bound.</summary>
    public static LinearProblem Random(int seed)
    {
        var random = new Random(seed);
        double Number() => (random.Next(2) == 0 ? -1 : 1) * random.NextDouble() * Math.Pow(10, random.Next(-300, 301));
        double Positive() => Math.Abs(Number());
        var p = new LinearProblem { ObjectiveConstant = random.Next(3) == 0 ? 0 : Number() };
        var n = random.Next(1, 30);
        for (var j = 0; j < n; j++)
        {
            var (lower, upper) = random.Next(7) switch
            {
                0 => (0.0, double.PositiveInfinity),
                1 => (double.NegativeInfinity, double.PositiveInfinity),
                2 => (double.NegativeInfinity, Number()),
                3 => (Number(), double.PositiveInfinity),
                4 => (Number(), Number()),
                5 => (0.0, -Positive()),
                _ => (Positive(), Positive()) is var (a, b) && a < b ? (a, b) : (b, a),
            };
            if (random.Next(5) == 0) upper = lower = double.IsFinite(lower) ? lower : 0;
            p.AddVariable(lower, upper, random.Next(3) == 0 ? 0 : Number(), random.Next(3) == 0, $"v[{j},{(char)random.Next(32, 127)}]");
        }

        var m = random.Next(0, 30);
        for (var i = 0; i < m; i++)
        {
            var (a, b) = (Number(), Number());
            var (lower, upper) = random.Next(4) switch
            {
                0 => (a, a),
                1 => (a, double.PositiveInfinity),
                2 => (double.NegativeInfinity, a),
                _ => a < b ? (a, b) : (b, a),
            };
            var row = p.AddRow(lower, upper, $"r[{i}]");
            for (var k = random.Next(0, Math.Min(n, 6)); k > 0; k--) p.AddTerm(row, random.Next(n), Number());
        }

        return p;
    }

    public static Arbitrary<int> Seeds { get; } = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    /// <summary>
    /// A market closed in the second half of the year: its demand there is unmet by force, a constant
    /// of 10,000 × 1,500,000 in the objective. The rest is the two-investment network.
    /// </summary>
    public static Scenario ClosedMarket()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("MINE", LocationKind.Origin)
            .AddLocation("CITY", LocationKind.Market)
            .AddRoute("rail", "MINE", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 100.1 }, annualCapacityTonnes: 2_000_000)
            .Build();
        return new ScenarioBuilder(network)
            .WithName("closed market")
            .AddPeriod("h1", 0.5)
            .AddPeriod("h2", 0.5)
            .SetAvailability(new LocationId("CITY"), "h2", 0)
            .AddSupply("MINE", "coal", 5_000_000, costPerTonne: 50.3)
            .AddDemand("CITY", "coal", 3_000_000, unmetPenaltyPerTonne: 10_000)
            .Build();
    }
}
