using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Serialization;

public sealed class NetworkDesignDowTests
{
    private const string Small = """
         MULTIGEN.DAT:
              3       3       2
              1       2      10      50     100       1       1
              2       3       4      80     200       1       2
              1       3      30      40       7       1       3
              1       3      25
              2       3      60

        """;

    [Fact]
    public void Read_R011_HasEveryNodeArcOptionAndOdPair()
    {
        var scenario = NetworkDesignDow.ReadFile(NetworkDesignInstances.PathOf("r01.1"));

        Assert.Equal("r01.1", scenario.Name);
        Assert.Equal(10, scenario.Network.Locations.Length);
        Assert.Equal(35, scenario.Network.Routes.Length);
        Assert.Equal(35, scenario.Investments.Length);
        Assert.Equal(10, scenario.Network.Commodities.Length);
        Assert.Equal(10, scenario.Supplies.Length);
        Assert.All(scenario.Demands, d => Assert.True(d.MustServe));
        Assert.All(scenario.Network.Routes, r => Assert.Equal(0, r.AnnualCapacityTonnes));
        Assert.All(scenario.Network.Routes, r => Assert.Equal(10, r.CostPerTonne.Count));

        // The first arc line: 1 2 100 613 595.
        var first = scenario.Network.Routes[0];
        Assert.Equal(("n1", "n2", 100.0), (first.From.Value, first.To.Value, first.CostPerTonne["k1"]));
        var option = scenario.Investments[0];
        Assert.Equal(("build-a1", "a1", 613.0, 595.0), (option.Id, option.Target.Route?.Value, option.AddedAnnualCapacityTonnes, option.CapitalCost));
    }

    [Fact]
    public void Parse_EveryOption_CostsExactlyItsFixedCostInTheObjective()
    {
        var scenario = NetworkDesignDow.Read(Small);

        Assert.Equal([100.0, 200.0, 7.0], scenario.Investments.Select(o => Economics.ObjectiveCostPerUnit(scenario, o)));
        Assert.Equal(1.0, scenario.Horizon.Years);
        Assert.All(scenario.Investments, o => Assert.Equal(InvestmentKind.Binary, o.Kind));
    }

    [Fact]
    public void Parse_OdPairs_BecomeOneCommodityEachWithSupplyAtOriginAndHardDemandAtDestination()
    {
        var scenario = NetworkDesignDow.Read(Small);

        Assert.Equal(["k1", "k2"], scenario.Network.Commodities.Select(c => c.Id.Value));
        Assert.Equal([("n1", "k1", 25.0), ("n2", "k2", 60.0)], scenario.Supplies.Select(s => (s.Location.Value, s.Commodity.Value, s.AnnualTonnes)));
        Assert.Equal([("n3", "k1", 25.0, true), ("n3", "k2", 60.0, true)], scenario.Demands.Select(d => (d.Location.Value, d.Commodity.Value, d.AnnualTonnes, d.MustServe)));
    }

    [Fact]
    public void Parse_ArcOfCapacityZero_IsARouteWithoutOption()
    {
        var scenario = NetworkDesignDow.Read(Small.Replace("1       3      30      40", "1       3      30       0", StringComparison.Ordinal));

        Assert.Equal(3, scenario.Network.Routes.Length);
        Assert.Equal(["build-a1", "build-a2"], scenario.Investments.Select(o => o.Id));
    }

    [Theory]
    [InlineData("MULTIGEN.DAT:", "NETGEN:", 1, ValidationCode.MalformedText)]
    [InlineData("3       3       2", "3       3", 2, ValidationCode.MalformedText)]
    [InlineData("2       3       4      80     200       1       2", "2       3       4      80     200       1", 4, ValidationCode.MalformedText)]
    [InlineData("2       3       4      80", "2       3       4      eighty", 4, ValidationCode.MalformedText)]
    [InlineData("1       3      30      40", "1       9      30      40", 5, ValidationCode.UnknownReference)]
    [InlineData("1       3      30      40", "1       1      30      40", 5, ValidationCode.SelfLoop)]
    [InlineData("2       3      60", "2       3     -60", 7, ValidationCode.Negative)]
    [InlineData("2       3      60", "2       3      NaN", 7, ValidationCode.NotFinite)]
    public void Parse_BadLine_NamesItsLineNumber(string good, string bad, int line, ValidationCode code)
    {
        var text = Small.Replace(good, bad, StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<FreightValidationException>(() => NetworkDesignDow.Read(text)).Errors);

        Assert.Equal(code, error.Code);
        Assert.Equal($"line {line}", error.Path);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadLines_ReportsThemAllTogether()
    {
        var text = Small.Replace("1       2      10", "1       0      10", StringComparison.Ordinal)
            .Replace("1       3      25", "1       3      -25", StringComparison.Ordinal);

        var errors = Assert.Throws<FreightValidationException>(() => NetworkDesignDow.Read(text)).Errors.ToList();

        Assert.Equal(["line 3", "line 6"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_MissingCommodityLine_SaysWhatWasExpected()
    {
        var text = Small.Replace("2       3      60", "", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<FreightValidationException>(() => NetworkDesignDow.Read(text)).Errors);

        Assert.Equal(ValidationCode.MalformedText, error.Code);
        Assert.Contains("commodity 2 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContentAfterTheLastCommodity_IsAnError()
    {
        var error = Assert.Single(Assert.Throws<FreightValidationException>(() => NetworkDesignDow.Read(Small + "4 5 6\n")).Errors);

        Assert.Equal("line 8", error.Path);
        Assert.Contains("unexpected content", error.Message, StringComparison.Ordinal);
    }
}
