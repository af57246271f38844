using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Solving;
using static FreightOptimizer.Tests.Verification.VerificationFixtures;

namespace FreightOptimizer.Tests.Verification;

public sealed class PlanVerifierTests
{
    public static TheoryData<string> OptimalFixtures =>
        ["line", "short-market", "hub", "minimum-flow", "continuous", "continuous-budget", "binary", "seasonal", "two-supply-lines"];

    private static (Scenario Scenario, AllocationPlan Plan) Fixture(string name) => name switch
    {
        "line" => Line(),
        "short-market" => ShortMarket(),
        "hub" => Hub(),
        "minimum-flow" => MinimumFlow(),
        "continuous" => ContinuousInvestment(),
        "continuous-budget" => ContinuousInvestment(withBudget: true),
        "binary" => BinaryInvestment(),
        "seasonal" => Seasonal(),
        "two-supply-lines" => TwoSupplyLines(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Describe(VerificationReport report) =>
        string.Join(Environment.NewLine, report.Findings.Select(f => $"{f.Check} [{f.Subject}] {f.Message}"));

    private static void AssertHas(VerificationReport report, VerificationCheck check, string? subject = null) =>
        Assert.True(
            report.Findings.Any(f => f.Check == check && (subject is null || f.Subject == subject)),
            $"Expected {check}{(subject is null ? "" : $" on {subject}")}; found:{Environment.NewLine}{Describe(report)}");

    [Theory]
    [MemberData(nameof(OptimalFixtures))]
    public void Verify_HandComputedOptimalPlan_PassesAndIsCertified(string fixture)
    {
        var (scenario, plan) = Fixture(fixture);

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Findings.IsEmpty, Describe(report));
        Assert.True(report.Passed);
        Assert.True(report.OptimalityCertified);
        Assert.Equal(plan.Objective, report.RecomputedObjective, 9);
        Assert.NotNull(report.DualityGap);
        Assert.True(report.DualityGap < 1e-9, $"gap {report.DualityGap}");
        Assert.True(report.MaxViolation < 1e-9);
    }

    // ---- primal mutations ----------------------------------------------------------------------

    [Fact]
    public void Verify_OneFlowChanged_FlowBalanceNamesBothEnds()
    {
        var (scenario, plan) = Line();
        plan = plan with { Flows = [Flow("a-b", 50), Flow("a-b-slow", 30), Flow("b-c", 70)] };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.FlowBalance, "location 'B', coal, year");
        AssertHas(report, VerificationCheck.FlowBalance, "location 'C', coal, year");
        Assert.Equal(10, report.Findings.First(f => f.Subject == "location 'C', coal, year").Violation, 9);
    }

    [Fact]
    public void Verify_FlowAboveRouteCapacity_RouteCapacityNamesRoute()
    {
        var (scenario, plan) = Line();
        plan = plan with
        {
            Flows = [Flow("a-b", 60), Flow("a-b-slow", 20), Flow("b-c", 80)],
            Costs = new CostBreakdown(560, 0, 80, 0, 0),
            Objective = 640,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.RouteCapacity, "route 'a-b', year");
        Assert.DoesNotContain(report.Findings, f => f.Check == VerificationCheck.FlowBalance);
        Assert.Equal(10.0 / 60, report.MaxViolation, 9);
    }

    [Fact]
    public void Verify_ThroughputAboveLocationCapacity_LocationCapacityNamesHub()
    {
        var (scenario, plan) = Hub();
        plan = plan with
        {
            Flows = [Flow("a-h", 45), Flow("h-c", 45), Flow("a-c", 15)],
            Costs = new CostBreakdown(390, 22.5, 0, 0, 0),
            Objective = 412.5,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.LocationCapacity, "location 'H', year");
        Assert.DoesNotContain(report.Findings, f => f.Check == VerificationCheck.Objective);
    }

    [Fact]
    public void Verify_FlowBelowMinimum_MinimumFlowNamesRoute()
    {
        var (scenario, plan) = MinimumFlow();
        plan = plan with
        {
            Flows = [Flow("cheap", 45), Flow("contract", 5)],
            Costs = new CostBreakdown(70, 0, 0, 0, 0),
            Objective = 70,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.MinimumFlow, "route 'contract', year");
    }

    [Fact]
    public void Verify_FlowOnClosedRoute_ForbiddenFlow()
    {
        var (scenario, plan) = Seasonal();
        plan = plan with
        {
            Flows = plan.Flows.Add(Flow("a-c-road", 5, "winter")),
            Unmet = [Unmet("C", 30, "winter")],
            Costs = new CostBreakdown(295, 0, 0, 0, 1500),
            Objective = 1795,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.ForbiddenFlow, "route 'a-c-road', coal, winter");
        Assert.Contains("closed in winter", report.Findings.First(f => f.Check == VerificationCheck.ForbiddenFlow).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CommodityTheRouteDoesNotCarry_ForbiddenFlow()
    {
        var (scenario, plan) = Line();
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal").AddCommodity("oil")
            .AddLocation("A", LocationKind.Origin).AddLocation("B", LocationKind.BorderCrossing).AddLocation("C", LocationKind.Market)
            .AddRoute("a-b", "A", "B", TransportMode.Rail, Coal(2), 50)
            .AddRoute("a-b-slow", "A", "B", TransportMode.Road, Coal(10))
            .AddRoute("b-c", "B", "C", TransportMode.Rail, Coal(3))
            .Build();
        scenario = scenario with { Network = network };
        plan = plan with { Flows = plan.Flows.Add(new RouteFlow("b-c", "oil", "year", 1)) };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.ForbiddenFlow, "route 'b-c', oil, year");
        Assert.Contains("does not carry oil", report.Findings.First(f => f.Check == VerificationCheck.ForbiddenFlow).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SupplyAboveItsLines_SupplyLimit()
    {
        var (scenario, plan) = ShortMarket();
        plan = plan with
        {
            Flows = [Flow("a-c", 60)],
            Supplied = [Supplied("A", 60)],
            Unmet = [Unmet("C", 20)],
            Costs = new CostBreakdown(600, 0, 0, 0, 2000),
            Objective = 2600,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.SupplyLimit, "location 'A', coal, year");
    }

    [Fact]
    public void Verify_HardDemandUnserved_Demand()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin).AddLocation("C", LocationKind.Market)
            .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(10))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddSupply("A", "coal", 50)
            .AddDemand(new Demand("C", "coal", 80) { MustServe = true })
            .Build();
        var plan = new AllocationPlan
        {
            Objective = 500,
            Costs = new CostBreakdown(500, 0, 0, 0, 0),
            Flows = [Flow("a-c", 50)],
            Supplied = [Supplied("A", 50)],
            Unmet = [Unmet("C", 30)],
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.Demand, "location 'C', coal, year");
        Assert.Contains("hard demand", report.Findings.First(f => f.Check == VerificationCheck.Demand).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnmetDemandLeftOut_FlowBalanceShortfall()
    {
        var (scenario, plan) = ShortMarket();
        plan = plan with { Unmet = [] };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.FlowBalance, "location 'C', coal, year");
        AssertHas(report, VerificationCheck.Objective, "unmet-demand penalty");
    }

    [Fact]
    public void Verify_ClosedMarket_WholeDemandUnmetAndPenalised()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin).AddLocation("C", LocationKind.Market)
            .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(10))
            .Build();
        var scenario = new ScenarioBuilder(network)
            .AddPeriod("summer", 0.5).AddPeriod("winter", 0.5)
            .SetAvailability(new LocationId("C"), "winter", 0)
            .AddSupply("A", "coal", 100)
            .AddDemand("C", "coal", 80, 100)
            .Build();

        // Summer: 40 t at cost 10, π_A = 0 (supply 40 of 50), π_C = 10. Winter: C is closed, its
        // 40 t are unmet at 100 (a constant of the model); A's balance row is touched only by its
        // idle supply, priced 0. Objective 400 + 4000.
        var plan = new AllocationPlan
        {
            Objective = 4400,
            Costs = new CostBreakdown(400, 0, 0, 0, 4000),
            Flows = [Flow("a-c", 40, "summer")],
            Supplied = [Supplied("A", 40, "summer")],
            Unmet = [Unmet("C", 40, "winter")],
            Prices = new PlanPrices([Pi("A", 0, "summer"), Pi("C", 10, "summer"), Pi("A", 0, "winter")], [], [], null),
        };

        var report = PlanVerifier.Verify(scenario, plan);
        Assert.True(report.OptimalityCertified, Describe(report));

        var omitted = PlanVerifier.Verify(scenario, plan with { Unmet = [] });
        AssertHas(omitted, VerificationCheck.Demand, "location 'C', coal, winter");
    }

    [Fact]
    public void Verify_UnknownRoute_UnknownEntity()
    {
        var (scenario, plan) = Line();
        plan = plan with { Flows = plan.Flows.Add(Flow("nowhere", 1)) };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.UnknownEntity, "route 'nowhere', coal, year");
        Assert.False(report.Passed);
    }

    [Fact]
    public void Verify_NegativeFlow_NegativeOrNotFinite()
    {
        var (scenario, plan) = Line();
        plan = plan with { Flows = plan.Flows.Add(new RouteFlow("a-b-slow", "coal", "year", double.NaN)) };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.NegativeOrNotFinite, "route 'a-b-slow', coal, year");
    }

    [Fact]
    public void Verify_CostPartMisreported_ObjectiveNamesPart()
    {
        var (scenario, plan) = Line();
        plan = plan with { Costs = new CostBreakdown(600, 0, 120, 0, 0) };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.Objective, "transport cost");
        AssertHas(report, VerificationCheck.Objective, "supply cost");
        Assert.DoesNotContain(report.Findings, f => f.Subject == "objective");
    }

    // ---- investments ---------------------------------------------------------------------------

    [Fact]
    public void Verify_ContinuousUnitsLowered_RouteCapacityAndObjective()
    {
        var (scenario, plan) = ContinuousInvestment();
        plan = plan with { Investments = [new InvestmentDecision("rail-upgrade", 1)] };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.RouteCapacity, "route 'a-c-rail', year");
        AssertHas(report, VerificationCheck.Objective, "capital cost");
    }

    [Fact]
    public void Verify_UnitsAboveMaximum_InvestmentUnits()
    {
        var (scenario, plan) = ContinuousInvestment();
        plan = plan with { Investments = [new InvestmentDecision("rail-upgrade", 6)], Costs = new CostBreakdown(50, 0, 0, 240, 0), Objective = 290 };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.InvestmentUnits, "investment 'rail-upgrade'");
    }

    [Fact]
    public void Verify_FractionalBinaryUnits_InvestmentUnits()
    {
        var (scenario, plan) = BinaryInvestment();
        plan = plan with { Investments = [new InvestmentDecision("rail-upgrade", 0.5)] };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.InvestmentUnits, "investment 'rail-upgrade'");
        AssertHas(report, VerificationCheck.RouteCapacity, "route 'a-c-rail', year");
    }

    [Fact]
    public void Verify_BinaryNotBuilt_RouteCapacityAndObjective()
    {
        var (scenario, plan) = BinaryInvestment();
        plan = plan with { Investments = [new InvestmentDecision("rail-upgrade", 0)] };

        var report = PlanVerifier.Verify(scenario, plan);

        AssertHas(report, VerificationCheck.RouteCapacity, "route 'a-c-rail', year");
        AssertHas(report, VerificationCheck.Objective, "capital cost");
    }

    [Fact]
    public void Verify_OverBudget_Budget()
    {
        var (scenario, plan) = ContinuousInvestment(withBudget: true);
        plan = plan with
        {
            Flows = [Flow("a-c-rail", 50)],
            Investments = [new InvestmentDecision("rail-upgrade", 2)],
            Costs = new CostBreakdown(50, 0, 0, 80, 0),
            Objective = 130,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        AssertHas(report, VerificationCheck.Budget, "budget");
        Assert.Equal(40, report.Findings.First(f => f.Check == VerificationCheck.Budget).Violation, 9);
    }

    private static Scenario OptionsScenario(params InvestmentOption[] options)
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("A", LocationKind.Origin).AddLocation("C", LocationKind.Market, 10)
            .AddRoute("a-c", "A", "C", TransportMode.Rail, Coal(1), 10)
            .Build();
        var builder = new ScenarioBuilder(network).AddSupply("A", "coal", 10).AddDemand("C", "coal", 10, 1000);
        foreach (var option in options) builder.AddInvestment(option);
        return builder.Build();
    }

    private static AllocationPlan OptionsPlan(Scenario scenario, params (string Id, double Units)[] decisions)
    {
        var capital = decisions.Sum(d => Economics.ObjectiveCostPerUnit(scenario, scenario.Investments.Single(o => o.Id == d.Id)) * d.Units);
        return new AllocationPlan
        {
            Objective = 10 + capital,
            Costs = new CostBreakdown(10, 0, 0, capital, 0),
            Flows = [Flow("a-c", 10)],
            Supplied = [Supplied("A", 10)],
            Investments = [.. decisions.Select(d => new InvestmentDecision(d.Id, d.Units))],
        };
    }

    [Fact]
    public void Verify_TwoOptionsOfExclusiveGroupBuilt_ExclusiveGroup()
    {
        var scenario = OptionsScenario(
            new InvestmentOption("bridge", 5, 100, 20) { Target = new RouteId("a-c"), ExclusiveGroup = "crossing" },
            new InvestmentOption("tunnel", 8, 150, 20) { Target = new RouteId("a-c"), ExclusiveGroup = "crossing" });

        var both = PlanVerifier.Verify(scenario, OptionsPlan(scenario, ("bridge", 1), ("tunnel", 1)));
        var one = PlanVerifier.Verify(scenario, OptionsPlan(scenario, ("bridge", 1), ("tunnel", 0)));

        AssertHas(both, VerificationCheck.ExclusiveGroup, "exclusive group 'crossing'");
        Assert.False(both.Passed);
        Assert.True(one.Passed, Describe(one));
    }

    [Fact]
    public void Verify_OptionBuiltWithoutPrerequisite_Prerequisite()
    {
        var scenario = OptionsScenario(
            new InvestmentOption("terminal", 5, 100, 20) { Target = new LocationId("C") },
            new InvestmentOption("second-track", 5, 100, 20) { Target = new RouteId("a-c"), Requires = ["terminal"] });

        var report = PlanVerifier.Verify(scenario, OptionsPlan(scenario, ("terminal", 0), ("second-track", 1)));
        var fine = PlanVerifier.Verify(scenario, OptionsPlan(scenario, ("terminal", 1), ("second-track", 1)));

        AssertHas(report, VerificationCheck.Prerequisite, "investment 'second-track'");
        Assert.Contains("'terminal'", report.Findings.First(f => f.Check == VerificationCheck.Prerequisite).Message, StringComparison.Ordinal);
        Assert.True(fine.Passed, Describe(fine));
    }

    [Fact]
    public void Verify_UnknownOption_UnknownEntity()
    {
        var scenario = OptionsScenario(new InvestmentOption("terminal", 5, 100, 20) { Target = new LocationId("C") });

        var report = PlanVerifier.Verify(scenario, OptionsPlan(scenario) with { Investments = [new InvestmentDecision("ghost", 1)] });

        AssertHas(report, VerificationCheck.UnknownEntity, "investment 'ghost'");
    }

    // ---- price mutations -----------------------------------------------------------------------

    [Fact]
    public void Verify_CapacityPriceChanged_NotCertifiedButPassed()
    {
        var (scenario, plan) = Line();
        plan = plan with { Prices = plan.Prices with { Capacity = [RouteRho("a-b", 7)] } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed, Describe(report));
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.ComplementarySlackness, "route 'a-b', coal, year");
        AssertHas(report, VerificationCheck.DualityGap, "objective");
        Assert.Equal(50.0 / 720, report.DualityGap!.Value, 9);
    }

    [Fact]
    public void Verify_BalancePriceChanged_NotCertified()
    {
        var (scenario, plan) = Line();
        plan = plan with { Prices = plan.Prices with { Balance = [Pi("A", 1), Pi("B", 11), Pi("C", 15)] } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.ComplementarySlackness, "route 'b-c', coal, year");
    }

    [Fact]
    public void Verify_PriceMakesUnusedRouteAttractive_DualFeasibility()
    {
        var (scenario, plan) = Seasonal();

        // A summer market price of 60, above the penalty of 50, makes leaving demand unmet look
        // cheaper than serving it: the unused unmet variable gets d = 50 − 60 < 0.
        plan = plan with
        {
            Prices = plan.Prices with
            {
                Balance = [Pi("A", 0, "summer"), Pi("C", 60, "summer"), Pi("A", 0, "winter"), Pi("C", 50, "winter")],
            },
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.DualFeasibility, "location 'C', coal, summer");
    }

    [Fact]
    public void Verify_NegativeCapacityPrice_DualFeasibility()
    {
        var (scenario, plan) = Hub();
        plan = plan with { Prices = plan.Prices with { Capacity = [LocationRho("H", -1)] } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.DualFeasibility, "location 'H', year");
    }

    [Fact]
    public void Verify_PriceOnSlackCapacity_ComplementarySlackness()
    {
        var (scenario, plan) = Hub();
        plan = plan with
        {
            Flows = [Flow("a-h", 30), Flow("h-c", 30), Flow("a-c", 30)],
            Costs = new CostBreakdown(660, 15, 0, 0, 0),
            Objective = 675,
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed, Describe(report));
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.ComplementarySlackness, "location 'H', year");
    }

    [Fact]
    public void Verify_MinimumFlowPriceDropped_NotCertified()
    {
        var (scenario, plan) = MinimumFlow();
        plan = plan with { Prices = plan.Prices with { MinimumFlow = [] } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.ComplementarySlackness, "route 'contract', coal, year");
        AssertHas(report, VerificationCheck.DualityGap);
    }

    [Fact]
    public void Verify_BudgetPriceChanged_NotCertified()
    {
        var (scenario, plan) = ContinuousInvestment(withBudget: true);
        plan = plan with { Prices = plan.Prices with { Budget = 1 } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.ComplementarySlackness, "investment 'rail-upgrade'");
    }

    [Fact]
    public void Verify_NoPrices_MissingPricesButPassed()
    {
        var (scenario, plan) = Line();
        plan = plan with { Prices = PlanPrices.None };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
        Assert.Null(report.DualityGap);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(VerificationCheck.MissingPrices, finding.Check);
    }

    [Fact]
    public void Verify_OneBalancePriceMissing_MissingPricesNamesRow()
    {
        var (scenario, plan) = Line();
        plan = plan with { Prices = plan.Prices with { Balance = [Pi("A", 1), Pi("C", 14)] } };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed);
        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.MissingPrices, "location 'B', coal, year");
    }

    [Fact]
    public void Verify_ZeroPricesWhereNothingCanUseTheRow_AreCertifiedAndOnlyZeroIs()
    {
        // The closure scenario's plan prices o-h's capacity in p1, where its end H is closed, and
        // o-x's, which can never carry anything, at 0; a positive price there means nothing and is
        // rejected.
        var scenario = ScenarioJson.Read(ClosureScenarios.TwoCommodities);
        var plan = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.Clp }).GetPlanOrThrow();
        Assert.Contains(plan.Prices.Capacity, p => p == new CapacityPrice(new RouteId("o-h"), "p1", 0));
        Assert.Contains(plan.Prices.Capacity, p => p == new CapacityPrice(new RouteId("o-x"), "p0", 0));
        Assert.True(PlanVerifier.Verify(scenario, plan).OptimalityCertified);

        var closedEnd = plan with { Prices = plan.Prices with { Capacity = [.. plan.Prices.Capacity.Select(p => p.Element.Route == "o-h" && p.Period == "p1" ? p with { PerTonne = 5 } : p)] } };
        var report = PlanVerifier.Verify(scenario, closedEnd);

        Assert.False(report.OptimalityCertified);
        AssertHas(report, VerificationCheck.DualFeasibility, "route 'o-h', p1");
    }

    [Fact]
    public void Verify_BalancePriceNothingReaches_AnyValueIsCertified()
    {
        // X handles coal, but no route brings or takes coal there and no line applies: its balance is
        // 0 = 0, and no optimality condition depends on its price (the plan reports 0).
        var scenario = ScenarioJson.Read(ClosureScenarios.TwoCommodities);
        var plan = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = SolverEngine.Clp }).GetPlanOrThrow();
        Assert.Contains(plan.Prices.Balance, p => p == new BalancePrice("X", "coal", "p0", 0));

        var changed = plan with { Prices = plan.Prices with { Balance = [.. plan.Prices.Balance.Select(p => p.Location == "X" ? p with { PerTonne = 1234 } : p)] } };

        Assert.True(PlanVerifier.Verify(scenario, changed).OptimalityCertified);
    }

    public static TheoryData<double, double, double, double> SuboptimalPrices => new()
    {
        // π_A, π_B, π_C, ρ: prices that fit some of the suboptimal plan's variables, never all.
        { 1, 11, 14, 0 },
        { 1, 3, 6, 0 },
        { 1, 11, 14, 8 },
        { 1, 10, 13, 7 },
        { 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(SuboptimalPrices))]
    public void Verify_FeasibleSuboptimalPlan_IsNeverCertified(double piA, double piB, double piC, double rho)
    {
        // 40 t on the cheap a-b and 40 on the slow road: feasible, but 80 more expensive than optimal.
        var (scenario, plan) = Line();
        plan = plan with
        {
            Flows = [Flow("a-b", 40), Flow("a-b-slow", 40), Flow("b-c", 80)],
            Costs = new CostBreakdown(720, 0, 80, 0, 0),
            Objective = 800,
            Prices = new PlanPrices([Pi("A", piA), Pi("B", piB), Pi("C", piC)], [RouteRho("a-b", rho)], [], null),
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed, Describe(report));
        Assert.False(report.OptimalityCertified);
    }

    [Fact]
    public void Verify_Findings_FeasibilityFirst()
    {
        var (scenario, plan) = Line();
        plan = plan with
        {
            Flows = [Flow("a-b", 50), Flow("a-b-slow", 30), Flow("b-c", 70)],
            Prices = plan.Prices with { Capacity = [RouteRho("a-b", -3)] },
        };

        var report = PlanVerifier.Verify(scenario, plan);

        var checks = report.Findings.Select(f => f.Check).ToList();
        var lastPrimal = checks.FindLastIndex(c => c is VerificationCheck.FlowBalance or VerificationCheck.Objective);
        var firstDual = checks.FindIndex(c => c is VerificationCheck.DualFeasibility or VerificationCheck.ComplementarySlackness or VerificationCheck.DualityGap);
        Assert.True(lastPrimal >= 0 && firstDual > lastPrimal, Describe(report));
    }

    // ---- options and scale ---------------------------------------------------------------------

    [Fact]
    public void Verify_InvalidOptions_ThrowsWithEveryProblem()
    {
        var (scenario, plan) = Line();
        var options = new VerifierOptions { FeasibilityTolerance = -1, GapTolerance = double.NaN, MaxFindingsPerCheck = 0 };

        var error = Assert.Throws<ArgumentException>(() => PlanVerifier.Verify(scenario, plan, options));

        Assert.Contains(nameof(VerifierOptions.FeasibilityTolerance), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(VerifierOptions.GapTolerance), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(VerifierOptions.MaxFindingsPerCheck), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ToleranceLoosened_SmallViolationAccepted()
    {
        var (scenario, plan) = Line();
        plan = plan with { Flows = [Flow("a-b", 50.001), Flow("a-b-slow", 29.999), Flow("b-c", 80)] };

        var strict = PlanVerifier.Verify(scenario, plan);
        var loose = PlanVerifier.Verify(scenario, plan, new VerifierOptions { FeasibilityTolerance = 1e-4, ObjectiveTolerance = 1e-4 });

        AssertHas(strict, VerificationCheck.RouteCapacity, "route 'a-b', year");
        Assert.True(loose.Passed, Describe(loose));
    }

    [Fact]
    public void Verify_ManyFindings_CappedPerCheck()
    {
        var (scenario, plan) = Line();
        plan = plan with { Flows = [.. Enumerable.Range(0, 200).Select(i => Flow($"ghost-{i}", 1))] };

        var report = PlanVerifier.Verify(scenario, plan, new VerifierOptions { MaxFindingsPerCheck = 10 });

        var unknown = report.Findings.Where(f => f.Check == VerificationCheck.UnknownEntity).ToList();
        Assert.Equal(11, unknown.Count);
        Assert.Equal(190, unknown[^1].Violation);
    }

    [Fact]
    public void Verify_LargeSyntheticPlan_IsCertified() => LargeSynthetic(3000);

    private static void LargeSynthetic(int pairs)
    {
        // Independent origin → market pairs, 3 commodities, 12 months: every demand is met from its
        // own origin; the supply sits at its bound, π_origin = 0 and π_market = the route cost.
        string[] commodities = ["coal", "oil", "chemicals"];
        var network = new FreightNetworkBuilder();
        foreach (var c in commodities) network.AddCommodity(c);
        var routes = new List<(string Route, string From, string To, double Cost)>();
        for (var i = 0; i < pairs; i++)
        {
            network.AddLocation($"O{i}", LocationKind.Origin).AddLocation($"M{i}", LocationKind.Market);
            var cost = 1 + (i % 17);
            network.AddRoute($"r{i}", $"O{i}", $"M{i}", TransportMode.Rail, commodities.ToDictionary(c => new CommodityId(c), _ => (double)cost));
            routes.Add(($"r{i}", $"O{i}", $"M{i}", cost));
        }

        var builder = new ScenarioBuilder(network.Build());
        var months = Enumerable.Range(1, 12).Select(m => $"m{m:00}").ToArray();
        foreach (var m in months) builder.AddPeriod(m, 1.0 / 12);
        foreach (var (_, from, to, _) in routes)
        {
            foreach (var c in commodities)
            {
                builder.AddSupply(from, c, 1200);
                builder.AddDemand(to, c, 1200, 1000);
            }
        }

        var scenario = builder.Build();
        var flows = new List<RouteFlow>();
        var supplied = new List<SupplyUse>();
        var prices = new List<BalancePrice>();
        var transport = 0.0;
        foreach (var (route, from, to, cost) in routes)
        {
            foreach (var c in commodities)
            {
                foreach (var m in months)
                {
                    flows.Add(new RouteFlow(route, c, m, 100));
                    supplied.Add(new SupplyUse(from, c, m, 100));
                    prices.Add(new BalancePrice(from, c, m, 0));
                    prices.Add(new BalancePrice(to, c, m, cost));
                    transport += cost * 100;
                }
            }
        }

        var plan = new AllocationPlan
        {
            Objective = transport,
            Costs = new CostBreakdown(transport, 0, 0, 0, 0),
            Flows = [.. flows],
            Supplied = [.. supplied],
            Prices = new PlanPrices([.. prices], [], [], null),
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed, Describe(report));
        Assert.True(report.OptimalityCertified, Describe(report));
    }

    // ---- tolerances relative to each row, not to the largest number --------------------------

    /// <summary>
    /// The plan a lossy integer scaling once returned: nothing moved, nothing reported unmet, beside
    /// 10^12 t of supply. The shortfall is judged against the demand row's own magnitude, so a demand
    /// left entirely unserved fails whatever the largest number of the scenario is.
    /// </summary>
    [Theory]
    [InlineData(1e12, 1000)]
    [InlineData(1e9, 1)]
    [InlineData(1e15, 1e-3)]
    public void Verify_SmallDemandUnservedBesideAHugeSupply_FailsOnThatDemandsRow(double supply, double demand)
    {
        var scenario = FreightOptimizer.Tests.Solving.WideRangeScenarios.OneMarket(supply, demand);
        var plan = new AllocationPlan { Objective = 0, Costs = new CostBreakdown(0, 0, 0, 0, 0) };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.False(report.Passed);
        Assert.False(report.OptimalityCertified);
        var finding = Assert.Single(report.Findings, f => f.Check == VerificationCheck.FlowBalance);
        Assert.Equal("location 'CITY', coal, year", finding.Subject);
        Assert.Equal(demand, finding.Violation, demand * 1e-12);
        Assert.Equal(demand / Math.Max(1, demand), report.MaxViolation, 1e-12);
    }

    [Fact]
    public void Verify_SmallDemandServedBesideAHugeSupply_PassesAndIsCertified()
    {
        var scenario = FreightOptimizer.Tests.Solving.WideRangeScenarios.OneMarket(1e12, 1000);
        var plan = new AllocationPlan
        {
            Objective = 1000,
            Costs = new CostBreakdown(1000, 0, 0, 0, 0),
            Flows = [new RouteFlow("rail", "coal", "year", 1000)],
            Supplied = [new SupplyUse("MINE", "coal", "year", 1000)],
            Prices = new PlanPrices([new BalancePrice("MINE", "coal", "year", 0), new BalancePrice("CITY", "coal", "year", 1)], [], [], null),
        };

        var report = PlanVerifier.Verify(scenario, plan);

        Assert.True(report.Passed, Describe(report));
        Assert.True(report.OptimalityCertified, Describe(report));
    }
}
