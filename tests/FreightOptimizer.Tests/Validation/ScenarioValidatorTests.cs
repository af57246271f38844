using System.Collections.Immutable;
using static FreightOptimizer.Tests.Validation.ValidationScenarios;

namespace FreightOptimizer.Tests.Validation;

public sealed class ScenarioValidatorTests
{
    private static ValidationIssue Only(Scenario s, ValidationCode code, string path) =>
        AssertOnly(ScenarioValidator.Validate(s), code, path);

    private static ValidationSeverity Error => ValidationSeverity.Error;

    [Fact]
    public void Validate_ValidScenario_ReportsNothing()
    {
        Assert.Empty(ScenarioValidator.Validate(Valid()));
        ScenarioValidator.ThrowIfInvalid(Valid());
    }

    // Duplicate and empty ids

    [Fact]
    public void Validate_DuplicateCommodityId_ReportsDuplicateIdAtSecond() =>
        Only(Valid().WithNetwork(commodities: cs => cs.Add(new Commodity("coal"))), ValidationCode.DuplicateId, "$.commodities[2].id");

    [Fact]
    public void Validate_DuplicateLocationId_ReportsDuplicateIdAtSecond() =>
        Only(Valid().WithNetwork(locations: ls => ls.Add(new Location("HUB", LocationKind.Hub) { AnnualCapacityTonnes = 5 })),
            ValidationCode.DuplicateId, "$.locations[3].id");

    [Fact]
    public void Validate_DuplicateRouteId_ReportsDuplicateIdAtSecond() =>
        Only(Valid().WithNetwork(routes: rs => rs.Add(rs[1] with { Mode = TransportMode.Road })), ValidationCode.DuplicateId, "$.routes[2].id");

    [Fact]
    public void Validate_DuplicatePeriodId_ReportsDuplicateIdAtSecond() =>
        Only(Valid() with { Horizon = new PlanningHorizon([new Period("summer", 0.5), new Period("winter", 0.25), new Period("winter", 0.25)]) },
            ValidationCode.DuplicateId, "$.periods[2].id");

    [Fact]
    public void Validate_DuplicateInvestmentId_ReportsDuplicateIdAtSecond()
    {
        var s = Valid();
        Only(s with { Investments = s.Investments.Add(s.Investments[0]) }, ValidationCode.DuplicateId, "$.investments[2].id");
    }

    [Fact]
    public void Validate_EmptyCommodityId_ReportsEmptyId() =>
        Only(Valid().WithNetwork(commodities: cs => cs.Add(new Commodity("  "))), ValidationCode.EmptyId, "$.commodities[2].id");

    // References

    [Fact]
    public void Validate_RouteFromUnknownLocation_ReportsUnknownReferenceAtFrom() =>
        Only(Valid().WithRoute(0, r => r with { From = "MINES" }), ValidationCode.UnknownReference, "$.routes[0].from");

    [Fact]
    public void Validate_RouteToUnknownLocation_ReportsUnknownReferenceAtTo() =>
        Only(Valid().WithRoute(1, r => r with { To = "HARBIN" }), ValidationCode.UnknownReference, "$.routes[1].to");

    [Fact]
    public void Validate_CostPerTonneForUnknownCommodity_ReportsUnknownReferenceAtKey() =>
        Only(Valid().WithRoute(1, r => r with { CostPerTonne = r.CostPerTonne.Add("gas", 3) }),
            ValidationCode.UnknownReference, "$.routes[1].costPerTonne.gas");

    [Fact]
    public void Validate_HandlingCostForUnknownCommodity_ReportsUnknownReferenceAtKey() =>
        Only(Valid().WithLocation(1, l => l with { HandlingCostPerTonne = l.HandlingCostPerTonne.Add("coking-coal", 3) }),
            ValidationCode.UnknownReference, "$.locations[1].handlingCostPerTonne['coking-coal']");

    [Fact]
    public void Validate_LocationHandlesUnknownCommodity_ReportsUnknownReferenceAtEntry() =>
        Only(Valid().WithLocation(0, l => l with { Commodities = ["coal", "lignite"] }),
            ValidationCode.UnknownReference, "$.locations[0].commodities[1]");

    [Fact]
    public void Validate_SupplyAtUnknownLocation_ReportsUnknownReferenceAtLocation()
    {
        var s = Valid();
        Only(s with { Supplies = [s.Supplies[0] with { Location = "KUZBASS" }] }, ValidationCode.UnknownReference, "$.supplies[0].location");
    }

    [Fact]
    public void Validate_SupplyOfUnknownCommodity_ReportsUnknownReferenceAtCommodity()
    {
        var s = Valid();
        Only(s with { Supplies = [s.Supplies[0] with { Commodity = "gas" }] }, ValidationCode.UnknownReference, "$.supplies[0].commodity");
    }

    [Fact]
    public void Validate_SupplyInUnknownPeriod_ReportsUnknownReferenceAtPeriod()
    {
        var s = Valid();
        Only(s with { Supplies = [s.Supplies[0] with { Period = "spring" }] }, ValidationCode.UnknownReference, "$.supplies[0].period");
    }

    [Fact]
    public void Validate_DemandAtUnknownLocation_ReportsUnknownReferenceAtLocation()
    {
        var s = Valid();
        Only(s with { Demands = [s.Demands[0] with { Location = "HARBIN" }] }, ValidationCode.UnknownReference, "$.demands[0].location");
    }

    [Fact]
    public void Validate_DemandOfUnknownCommodity_ReportsUnknownReferenceAtCommodity()
    {
        var s = Valid();
        Only(s with { Demands = [s.Demands[0] with { Commodity = "gas" }] }, ValidationCode.UnknownReference, "$.demands[0].commodity");
    }

    [Fact]
    public void Validate_DemandInUnknownPeriod_ReportsUnknownReferenceAtPeriod()
    {
        var s = Valid();
        Only(s with { Demands = [s.Demands[0] with { Period = "jan" }] }, ValidationCode.UnknownReference, "$.demands[0].period");
    }

    [Fact]
    public void Validate_LocationAvailabilityForUnknownPeriod_ReportsUnknownReferenceInsideLocation()
    {
        var s = Valid();
        var s2 = s with { LocationAvailability = s.LocationAvailability.Add("MARKET", Availability.ClosedIn("jan")) };
        Only(s2, ValidationCode.UnknownReference, "$.locations[2].availability.jan");
    }

    [Fact]
    public void Validate_RouteAvailabilityForUnknownPeriod_ReportsUnknownReferenceInsideRoute()
    {
        var s = Valid();
        var s2 = s with { RouteAvailability = s.RouteAvailability.SetItem("mine-hub", new Availability(new Dictionary<PeriodId, double> { ["winter"] = 0.8, ["autumn"] = 0.5 })) };
        Only(s2, ValidationCode.UnknownReference, "$.routes[0].availability.autumn");
    }

    [Fact]
    public void Validate_AvailabilityForUnknownLocation_ReportsUnknownReferenceNamingIt()
    {
        var s = Valid();
        var issue = Only(s with { LocationAvailability = s.LocationAvailability.Add("NSR-PORT", Availability.ClosedIn("winter")) },
            ValidationCode.UnknownReference, "$.locationAvailability['NSR-PORT']");
        Assert.Contains("'NSR-PORT'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvestmentOnUnknownLocation_ReportsUnknownReferenceAtLocation() =>
        Only(Valid().WithInvestment(0, o => o with { Target = new LocationId("HUB2") }), ValidationCode.UnknownReference, "$.investments[0].location");

    [Fact]
    public void Validate_InvestmentOnUnknownRoute_ReportsUnknownReferenceAtRoute() =>
        Only(Valid().WithInvestment(1, o => o with { Target = new RouteId("hub-market-2") }), ValidationCode.UnknownReference, "$.investments[1].route");

    [Fact]
    public void Validate_InvestmentFirstPeriodUnknown_ReportsUnknownReferenceAtFirstPeriod() =>
        Only(Valid().WithInvestment(1, o => o with { FirstPeriod = "2030" }), ValidationCode.UnknownReference, "$.investments[1].firstPeriod");

    [Fact]
    public void Validate_InvestmentRequiresUnknownOption_ReportsUnknownReferenceAtEntry() =>
        Only(Valid().WithInvestment(1, o => o with { Requires = ["hub-expansion", "bridge"] }), ValidationCode.UnknownReference, "$.investments[1].requires[1]");

    // Numbers

    [Fact]
    public void Validate_NaNCost_ReportsNotFiniteAtKey() =>
        Only(Valid().WithRoute(0, r => r with { CostPerTonne = Costs(("coal", double.NaN)) }), ValidationCode.NotFinite, "$.routes[0].costPerTonne.coal");

    [Fact]
    public void Validate_InfiniteCapacity_ReportsNotFinite() =>
        Only(Valid().WithLocation(1, l => l with { AnnualCapacityTonnes = double.PositiveInfinity }), ValidationCode.NotFinite, "$.locations[1].annualCapacityTonnes");

    [Fact]
    public void Validate_NegativeLocationCapacity_ReportsNegative() =>
        Only(Valid().WithLocation(1, l => l with { AnnualCapacityTonnes = -1 }), ValidationCode.Negative, "$.locations[1].annualCapacityTonnes");

    [Fact]
    public void Validate_NegativeRouteCapacity_ReportsNegative() =>
        Only(Valid().WithRoute(1, r => r with { AnnualCapacityTonnes = -800 }), ValidationCode.Negative, "$.routes[1].annualCapacityTonnes");

    [Fact]
    public void Validate_NegativeTransportCost_ReportsNegative() =>
        Only(Valid().WithRoute(1, r => r with { CostPerTonne = Costs(("coal", 5), ("oil", -7)) }), ValidationCode.Negative, "$.routes[1].costPerTonne.oil");

    [Fact]
    public void Validate_NegativeHandlingCost_ReportsNegative() =>
        Only(Valid().WithLocation(1, l => l with { HandlingCostPerTonne = Costs(("coal", -2)) }), ValidationCode.Negative, "$.locations[1].handlingCostPerTonne.coal");

    [Fact]
    public void Validate_NegativeDistance_ReportsNegative() =>
        Only(Valid().WithRoute(0, r => r with { DistanceKm = -3200 }), ValidationCode.Negative, "$.routes[0].distanceKm");

    [Fact]
    public void Validate_NegativeTransitDays_ReportsNegative() =>
        Only(Valid().WithRoute(0, r => r with { TransitDays = -1 }), ValidationCode.Negative, "$.routes[0].transitDays");

    [Fact]
    public void Validate_NegativeMinimumFlow_ReportsNegative() =>
        Only(Valid().WithRoute(0, r => r with { MinAnnualTonnes = -5 }), ValidationCode.Negative, "$.routes[0].minAnnualTonnes");

    [Fact]
    public void Validate_NegativeSupplyTonnes_ReportsNegative()
    {
        var s = Valid();
        Only(s with { Supplies = [s.Supplies[0] with { AnnualTonnes = -400 }] }, ValidationCode.Negative, "$.supplies[0].annualTonnes");
    }

    [Fact]
    public void Validate_NegativeSupplyCost_ReportsNegative()
    {
        var s = Valid();
        Only(s with { Supplies = [s.Supplies[0] with { CostPerTonne = -1 }] }, ValidationCode.Negative, "$.supplies[0].costPerTonne");
    }

    [Fact]
    public void Validate_NegativeDemandTonnes_ReportsNegative()
    {
        var s = Valid();
        Only(s with { Demands = [s.Demands[0] with { AnnualTonnes = -300 }] }, ValidationCode.Negative, "$.demands[0].annualTonnes");
    }

    [Fact]
    public void Validate_NegativeCapitalCost_ReportsNegative() =>
        Only(Valid().WithInvestment(0, o => o with { CapitalCost = -1000 }), ValidationCode.Negative, "$.investments[0].capitalCost");

    [Fact]
    public void Validate_NegativeBudget_ReportsNegative() =>
        Only(Valid() with { Budget = new Budget(-1) }, ValidationCode.Negative, "$.budget.capitalCost");

    // Ranges

    [Fact]
    public void Validate_ZeroYearFraction_ReportsOutOfRange() =>
        Only(Valid() with { Horizon = new PlanningHorizon([new Period("summer", 0.5), new Period("winter", 0)]) }, ValidationCode.OutOfRange, "$.periods[1].yearFraction");

    [Fact]
    public void Validate_NoPeriods_ReportsOutOfRange() =>
        AssertOnly([.. ScenarioValidator.Validate(Valid() with { Horizon = new PlanningHorizon([]) }).Where(i => i.Path == "$.periods")],
            ValidationCode.OutOfRange, "$.periods");

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.01)]
    public void Validate_DiscountRateOutsideZeroToOne_ReportsOutOfRange(double rate) =>
        Only(Valid() with { DiscountRate = rate }, ValidationCode.OutOfRange, "$.discountRate");

    [Fact]
    public void Validate_LatitudeAbove90_ReportsOutOfRange() =>
        Only(Valid().WithLocation(2, l => l with { Latitude = 91 }), ValidationCode.OutOfRange, "$.locations[2].latitude");

    [Fact]
    public void Validate_LongitudeBelowMinus180_ReportsOutOfRange() =>
        Only(Valid().WithLocation(2, l => l with { Longitude = -180.5 }), ValidationCode.OutOfRange, "$.locations[2].longitude");

    [Fact]
    public void Validate_AvailabilityFactorAboveOne_ReportsOutOfRange()
    {
        var s = Valid();
        Only(s with { RouteAvailability = s.RouteAvailability.SetItem("mine-hub", new Availability(new Dictionary<PeriodId, double> { ["winter"] = 1.5 })) },
            ValidationCode.OutOfRange, "$.routes[0].availability.winter");
    }

    [Fact]
    public void Validate_ZeroCommodityPenalty_ReportsOutOfRange() =>
        Only(Valid().WithNetwork(commodities: cs => cs.SetItem(0, cs[0] with { UnmetPenaltyPerTonne = 0 })), ValidationCode.OutOfRange, "$.commodities[0].unmetPenaltyPerTonne");

    [Fact]
    public void Validate_ZeroDemandPenalty_ReportsOutOfRange()
    {
        var s = Valid();
        Only(s with { Demands = [s.Demands[0] with { UnmetPenaltyPerTonne = 0 }] }, ValidationCode.OutOfRange, "$.demands[0].unmetPenaltyPerTonne");
    }

    [Fact]
    public void Validate_ZeroAddedCapacity_ReportsOutOfRange() =>
        Only(Valid().WithInvestment(0, o => o with { AddedAnnualCapacityTonnes = 0 }), ValidationCode.OutOfRange, "$.investments[0].addedAnnualCapacityTonnes");

    [Fact]
    public void Validate_ZeroLifetime_ReportsOutOfRange() =>
        Only(Valid().WithInvestment(0, o => o with { LifetimeYears = 0 }), ValidationCode.OutOfRange, "$.investments[0].lifetimeYears");

    [Theory]
    [InlineData(9.99e-4)]
    [InlineData(5e-324)]
    [InlineData(1.0000000000000002e15)]
    [InlineData(1e300)]
    public void Validate_LifetimeOutsideAThousandthToTenToTheFifteen_ReportsOutOfRange(double years)
    {
        var issue = Only(Valid().WithInvestment(0, o => o with { LifetimeYears = years }), ValidationCode.OutOfRange, "$.investments[0].lifetimeYears");
        Assert.Contains("at least 0.001 and at most 1e15 years", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(15_000_000)]
    [InlineData(1e15)]
    public void Validate_LifetimeAtTheBoundsOrLong_IsValid(double years) =>
        Assert.Empty(ScenarioValidator.Validate(Valid().WithInvestment(0, o => o with { LifetimeYears = years })));

    [Fact]
    public void Validate_YearFractionAboveAThousand_ReportsOutOfRange() =>
        Only(Valid() with { Horizon = new PlanningHorizon([new Period("summer", 0.5), new Period("winter", 1000.0000001)]) }, ValidationCode.OutOfRange, "$.periods[1].yearFraction");

    [Fact]
    public void Validate_PeriodsAddingUpToMoreThanAThousandYears_ReportsDerivedValueOutOfRange()
    {
        var issue = Only(Valid() with { Horizon = new PlanningHorizon([new Period("summer", 600), new Period("winter", 600)]) },
            ValidationCode.DerivedValueOutOfRange, "$.periods");
        Assert.Contains("1200 years", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HorizonOfExactlyAThousandYears_IsValid() =>
        Assert.Empty(ScenarioValidator.Validate(Valid() with { Horizon = new PlanningHorizon([new Period("summer", 500), new Period("winter", 500)]) }));

    [Fact]
    public void Validate_MaxUnitsAboveTenToTheFifteen_ReportsOutOfRange() =>
        Only(Valid().WithInvestment(1, o => o with { MaxUnits = 2e15 }), ValidationCode.OutOfRange, "$.investments[1].maxUnits");

    [Fact]
    public void Validate_CapacityOfAllUnitsAboveTenToTheFifteen_ReportsDerivedValueOutOfRangeAtMaxUnits()
    {
        var issue = Only(Valid().WithInvestment(1, o => o with { AddedAnnualCapacityTonnes = 1e12, CapitalCost = 0, MaxUnits = 2000 }),
            ValidationCode.DerivedValueOutOfRange, "$.investments[1].maxUnits");
        Assert.Contains("addedAnnualCapacityTonnes × maxUnits", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CapitalOfAllUnitsAboveTenToTheFifteen_ReportsDerivedValueOutOfRangeAtMaxUnits()
    {
        var issue = Only(Valid().WithInvestment(1, o => o with { CapitalCost = 1e13, MaxUnits = 1000 }) with { Budget = null },
            ValidationCode.DerivedValueOutOfRange, "$.investments[1].maxUnits");
        Assert.Contains("capitalCost × maxUnits", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CapitalChargeOverTheHorizonAboveTenToTheFifteen_ReportsDerivedValueOutOfRangeAtTheOption()
    {
        // 1e15 of capital over a thousandth of a year: a recovery factor of about 1,000 a year.
        var issue = Only(Valid().WithInvestment(0, o => o with { CapitalCost = 1e15, LifetimeYears = 1e-3 }),
            ValidationCode.DerivedValueOutOfRange, "$.investments[0]");
        Assert.Contains("capital recovery factor", issue.Message, StringComparison.Ordinal);
        Assert.Contains("lifetimeYears", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LargestCapitalOverALongLifetime_IsValid() =>
        Assert.Empty(ScenarioValidator.Validate(Valid().WithInvestment(0, o => o with { CapitalCost = 1e15, LifetimeYears = 1e15 })));

    [Fact]
    public void Validate_UndefinedTransportMode_ReportsOutOfRange() =>
        Only(Valid().WithRoute(0, r => r with { Mode = (TransportMode)42 }), ValidationCode.OutOfRange, "$.routes[0].mode");

    // Network shape

    [Fact]
    public void Validate_RouteToItself_ReportsSelfLoop() =>
        Only(Valid().WithNetwork(routes: rs => rs.Add(new Route("hub-loop", "HUB", "HUB", TransportMode.Road) { CostPerTonne = Costs(("coal", 1)) })),
            ValidationCode.SelfLoop, "$.routes[2]");

    [Fact]
    public void Validate_EmptyCostPerTonne_ReportsEmptyCostMap() =>
        Only(Valid().WithRoute(0, r => r with { CostPerTonne = ImmutableDictionary<CommodityId, double>.Empty }), ValidationCode.EmptyCostMap, "$.routes[0].costPerTonne");

    [Fact]
    public void Validate_SupplyOfCommodityLocationCannotHandle_ReportsCommodityNotHandled()
    {
        var s = Valid();
        Only(s with { Supplies = s.Supplies.Add(new Supply("MINE", "oil", 10)) }, ValidationCode.CommodityNotHandled, "$.supplies[1].commodity");
    }

    [Fact]
    public void Validate_DemandOfCommodityLocationCannotHandle_ReportsCommodityNotHandled() =>
        Only(Valid().WithLocation(2, l => l with { Commodities = ["oil"] }), ValidationCode.CommodityNotHandled, "$.demands[0].commodity");

    // Investments

    [Fact]
    public void Validate_InvestmentWithNoTarget_ReportsInvestmentTarget() =>
        Only(Valid().WithInvestment(1, o => o with { Target = default }), ValidationCode.InvestmentTarget, "$.investments[1]");

    [Fact]
    public void Validate_InvestmentOnUnlimitedLocation_ReportsInvestmentOnUnlimitedTarget() =>
        Only(Valid().WithLocation(1, l => l with { AnnualCapacityTonnes = null }), ValidationCode.InvestmentOnUnlimitedTarget, "$.investments[0].location");

    [Fact]
    public void Validate_InvestmentOnUnlimitedRoute_ReportsInvestmentOnUnlimitedTarget() =>
        Only(Valid().WithRoute(1, r => r with { AnnualCapacityTonnes = null }), ValidationCode.InvestmentOnUnlimitedTarget, "$.investments[1].route");

    [Fact]
    public void Validate_BinaryWithMaxUnitsTwo_ReportsMaxUnitsMismatch() =>
        Only(Valid().WithInvestment(0, o => o with { MaxUnits = 2 }), ValidationCode.MaxUnitsMismatch, "$.investments[0].maxUnits");

    [Fact]
    public void Validate_ModularWithFractionalMaxUnits_ReportsMaxUnitsMismatch() =>
        Only(Valid().WithInvestment(1, o => o with { MaxUnits = 1.5 }), ValidationCode.MaxUnitsMismatch, "$.investments[1].maxUnits");

    [Fact]
    public void Validate_ContinuousWithZeroMaxUnits_ReportsMaxUnitsMismatch() =>
        Only(Valid().WithInvestment(1, o => o with { Kind = InvestmentKind.Continuous, MaxUnits = 0 }), ValidationCode.MaxUnitsMismatch, "$.investments[1].maxUnits");

    [Fact]
    public void Validate_PrerequisitesInCycle_ReportsPrerequisiteCycleOnceAtFirstOption()
    {
        var s = Valid().WithInvestment(0, o => o with { Requires = ["line-doubling"] }).WithInvestment(1, o => o with { Requires = ["hub-expansion"] });
        var issue = Only(s, ValidationCode.PrerequisiteCycle, "$.investments[0].requires[0]");
        Assert.Contains("'hub-expansion' → 'line-doubling' → 'hub-expansion'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptionRequiringItself_ReportsPrerequisiteCycle() =>
        Only(Valid().WithInvestment(1, o => o with { Requires = ["hub-expansion", "line-doubling"] }), ValidationCode.PrerequisiteCycle, "$.investments[1].requires[1]");

    [Fact]
    public void Validate_RequiresContinuousOption_ReportsContinuousPrerequisite()
    {
        var s = Valid().WithInvestment(0, o => o with { Kind = InvestmentKind.Continuous }).WithInvestment(1, o => o with { Requires = ["hub-expansion"] });
        Only(s, ValidationCode.ContinuousPrerequisite, "$.investments[1].requires[0]");
    }

    [Fact]
    public void Validate_ExclusiveGroupOfOne_ReportsExclusiveGroupOfOne() =>
        Only(Valid().WithInvestment(1, o => o with { ExclusiveGroup = "amur-crossing" }), ValidationCode.ExclusiveGroupOfOne, "$.investments[1].exclusiveGroup");

    [Fact]
    public void Validate_ExclusiveGroupOfTwo_IsFine() =>
        Assert.Empty(ScenarioValidator.Validate(Valid()
            .WithInvestment(0, o => o with { ExclusiveGroup = "g" }).WithInvestment(1, o => o with { ExclusiveGroup = "g" })));

    // Warnings

    [Fact]
    public void Validate_DemandNoSupplyCanReach_WarnsUnreachableDemand()
    {
        var s = Valid().WithNetwork(locations: ls => ls.Add(new Location("ISLAND", LocationKind.Market)));
        var issue = Only(s with { Demands = s.Demands.Add(new Demand("ISLAND", "coal", 50)) }, ValidationCode.UnreachableDemand, "$.demands[1]");
        Assert.Equal(ValidationSeverity.Warning, issue.Severity);
        Assert.Contains("in any period", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DemandReachableOnlyInSummer_WarnsNamingWinter()
    {
        var s = Valid();
        var issue = Only(s with { RouteAvailability = s.RouteAvailability.SetItem("hub-market", Availability.ClosedIn("winter")) },
            ValidationCode.UnreachableDemand, "$.demands[0]");
        Assert.Contains("'winter'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MinimumFlowAboveCapacity_WarnsAtMinAnnualTonnes()
    {
        var issue = Only(Valid().WithRoute(0, r => r with { MinAnnualTonnes = 600 }), ValidationCode.MinimumFlowAboveCapacity, "$.routes[0].minAnnualTonnes");
        Assert.Equal(ValidationSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_MinimumFlowCoveredByInvestment_DoesNotWarn() =>
        Assert.Empty(ScenarioValidator.Validate(Valid().WithRoute(1, r => r with { MinAnnualTonnes = 1000 })));

    [Fact]
    public void Validate_IsolatedLocation_WarnsUnusableElement()
    {
        var issue = Only(Valid().WithNetwork(locations: ls => ls.Add(new Location("DEPOT", LocationKind.Hub))), ValidationCode.UnusableElement, "$.locations[3]");
        Assert.Equal(ValidationSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_RouteForCommodityNobodyShips_WarnsUnusableElement() =>
        Only(Valid().WithNetwork(routes: rs => rs.Add(new Route("hub-market-pipe", "HUB", "MARKET", TransportMode.Pipeline) { CostPerTonne = Costs(("oil", 1)) })),
            ValidationCode.UnusableElement, "$.routes[2]");

    [Fact]
    public void Validate_RouteClosedInEveryPeriod_WarnsUnusableElement()
    {
        var s = Valid().WithNetwork(routes: rs => rs.Add(rs[1] with { Id = "ice-road", Mode = TransportMode.InlandWaterway }));
        Only(s with { RouteAvailability = s.RouteAvailability.Add("ice-road", Availability.ClosedIn("summer", "winter")) },
            ValidationCode.UnusableElement, "$.routes[2]");
    }

    // Reporting

    [Fact]
    public void Validate_SeveralErrors_ReportsThemAllErrorsFirst()
    {
        var s = Valid().WithRoute(0, r => r with { From = "NOWHERE", CostPerTonne = Costs(("coal", -1)) }).WithInvestment(0, o => o with { MaxUnits = 3 });
        s = s with { DiscountRate = 2, Demands = s.Demands.Add(new Demand("MARKET", "oil", 10)) };
        var issues = ScenarioValidator.Validate(s);
        Assert.Equal(
            ["$.discountRate", "$.routes[0].from", "$.routes[0].costPerTonne.coal", "$.investments[0].maxUnits"],
            issues.Select(i => i.Path));
        Assert.All(issues, i => Assert.Equal(Error, i.Severity));
    }

    [Fact]
    public void ThrowIfInvalid_CodeBuiltScenario_NamesIdsInMessages()
    {
        var s = Valid().WithRoute(1, r => r with { To = "CN_HARBIN" }).WithInvestment(1, o => o with { Requires = ["bridge"] });
        var e = Assert.Throws<FreightValidationException>(() => ScenarioValidator.ThrowIfInvalid(s));
        Assert.Equal(2, e.Issues.Length);
        Assert.Contains("route 'hub-market'", e.Issues[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'CN_HARBIN'", e.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("investment 'line-doubling'", e.Issues[1].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'bridge'", e.Issues[1].Message, StringComparison.Ordinal);
        Assert.Contains("$.routes[1].to", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_WarningsOnly_DoesNotThrow()
    {
        var s = Valid().WithRoute(0, r => r with { MinAnnualTonnes = 600 });
        Assert.NotEmpty(ScenarioValidator.Validate(s));
        ScenarioValidator.ThrowIfInvalid(s);
    }

    [Fact]
    public void Validate_BrokenScenario_SkipsNetworkWideWarnings()
    {
        // A dangling reference would make every demand behind it look unreachable.
        var issues = ScenarioValidator.Validate(Valid().WithRoute(0, r => r with { From = "MINES" }));
        Assert.DoesNotContain(issues, i => i.Code is ValidationCode.UnreachableDemand or ValidationCode.UnusableElement);
    }
}
