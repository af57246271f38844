using System.Collections.Immutable;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Tests.Formulation;

public sealed class LinkingInequalityTests
{
    /// <summary>
    /// O → M on a route of no base capacity that one binary option opens with 100 t/yr; 30 t of coal
    /// and 20 t of oil are wanted at M. The classic rows: x_coal ≤ min(30, 100)·y, x_oil ≤ min(20, 100)·y.
    /// </summary>
    private static Scenario FixedChargeArc(double? minAnnualTonnes = null) => new ScenarioBuilder(
            new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddCommodity("oil")
                .AddLocation("O", LocationKind.Origin)
                .AddLocation("M", LocationKind.Market)
                .AddRoute(new Route("o-m", "O", "M", TransportMode.Rail)
                {
                    CostPerTonne = new Dictionary<CommodityId, double> { ["coal"] = 1, ["oil"] = 2 }.ToImmutableDictionary(),
                    AnnualCapacityTonnes = 0,
                    MinAnnualTonnes = minAnnualTonnes,
                })
                .Build())
        .AddSupply("O", "coal", 50)
        .AddSupply("O", "oil", 20)
        .AddDemand(new Demand("M", "coal", 30) { MustServe = true })
        .AddDemand(new Demand("M", "oil", 20) { MustServe = true })
        .AddInvestment(new InvestmentOption("open", 100, 500, 1) { Target = new RouteId("o-m") })
        .Build();

    [Fact]
    public void Build_FixedChargeArc_AddsTheClassicRowPerCommodity()
    {
        var model = FreightModelBuilder.Build(FixedChargeArc(), ModelScaling.Identity, linkingInequalities: true);

        Assert.Equal(2, model.LinkingRowCount);
        var rows = model.Problem.Rows.Skip(model.PlainRowCount).ToList();
        var y = model.Investments[0].Units;
        Assert.Equal([-30.0, -20.0], rows.Select(r => r.Coefficients[r.Variables.IndexOf(y)]));
        Assert.All(rows, r => Assert.Equal(0, r.Upper));
        Assert.Equal("linking[o-m,coal,year]", rows[0].Name);
    }

    [Fact]
    public void Build_WithoutTheSwitch_HasOnlyThePlainRows()
    {
        var model = FreightModelBuilder.Build(FixedChargeArc(), ModelScaling.Identity);

        Assert.Equal(0, model.LinkingRowCount);
        Assert.Equal(model.Problem.RowCount, model.PlainRowCount);
    }

    [Fact]
    public void Reach_IsTheLesserOfSupplyAndDemandInThePeriod()
    {
        var bounds = LinkingBounds.From(FixedChargeArc());

        Assert.Equal(30, bounds.Reach(0, 0));
        Assert.Equal(20, bounds.Reach(1, 0));
    }

    [Fact]
    public void Reach_IsUnboundedWhereAMinimumFlowCouldForceACycle()
    {
        var bounds = LinkingBounds.From(FixedChargeArc(minAnnualTonnes: 5));

        Assert.Equal(double.PositiveInfinity, bounds.Reach(0, 0));
        Assert.Equal(0, FreightModelBuilder.Build(FixedChargeArc(minAnnualTonnes: 5), linkingInequalities: true).LinkingRowCount);
    }

    [Theory]
    [InlineData(InvestmentKind.Binary, 1.0, true, 40.0)]    // min(40, 100·1) on y
    [InlineData(InvestmentKind.Modular, 3.0, true, 40.0)]   // min(40, 100·3) on the indicator
    [InlineData(InvestmentKind.Modular, 3.0, false, 40.0)]  // min(40, 100) on the units
    [InlineData(InvestmentKind.Continuous, 3.0, false, 100.0)] // nothing tighter than the capacity
    public void OptionTerm_FollowsTheKindOfOption(InvestmentKind kind, double maxUnits, bool onIndicator, double expected)
    {
        var option = new InvestmentOption("i", 100, 1, 1) { Target = new RouteId("r"), Kind = kind, MaxUnits = kind == InvestmentKind.Binary ? null : maxUnits };

        Assert.Equal(expected, LinkingBounds.OptionTerm(40, 100, option, onIndicator));
    }

    [Fact]
    public void OptionTerm_ModularOnUnits_NeverCutsOffAWholeNumberOfUnits()
    {
        // min(r, a·y) ≤ min(r, a)·y for every whole y: the row stays valid for every integer decision.
        foreach (var reach in new[] { 0.0, 30.0, 100.0, 250.0, 1000.0 })
        {
            for (var units = 0; units <= 4; units++)
            {
                var term = LinkingBounds.OptionTerm(reach, 100, new InvestmentOption("i", 100, 1, 1) { Target = new RouteId("r"), Kind = InvestmentKind.Modular, MaxUnits = 4 }, onIndicator: false);
                Assert.True(Math.Min(reach, 100.0 * units) <= (term * units) + 1e-9, $"reach {reach}, units {units}");
            }
        }
    }
}
