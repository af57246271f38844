using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using FreightOptimizer.Graph;

namespace FreightOptimizer;

/// <summary>
/// Checks a scenario against every rule of the scenario format (docs/scenario-format.md, the field
/// tables and "Strictness"), whether it was built in code or read from JSON, and reports every
/// problem at once.
/// </summary>
/// <remarks>
/// Paths are JSON paths by array index (<c>$.routes[3].costPerTonne.coal</c>). A scenario keeps its
/// entities in the order of its file, so the same path is right for a file and for a scenario built
/// in code; messages name the entity by id as well. Availability, which a scenario keeps in
/// <see cref="Scenario.LocationAvailability"/> and <see cref="Scenario.RouteAvailability"/>, is reported
/// where the file keeps it: inside the location or route (<c>$.locations[2].availability.jan</c>).
/// The warnings that need the network as a whole (unreachable demands, unusable locations and routes)
/// are only looked for when there are no errors, because a broken reference would make them noise.
/// </remarks>
public static partial class ScenarioValidator
{
    /// <summary>
    /// The largest quantity or money amount a scenario may state: 10^15. Amounts the model derives
    /// from several fields (what an investment adds and costs at its <c>maxUnits</c>, and its capital
    /// charge over the horizon) are held to it as well.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>
    /// The shortest lifetime an investment may have: 0.001 years (about nine hours). It bounds the
    /// capital recovery factor, which grows as 1/lifetime, to about 1,443 (at a discount rate near 1).
    /// </summary>
    public const double MinLifetimeYears = 1e-3;

    /// <summary>
    /// The longest planning horizon, the sum of the periods' year fractions: 1,000 years. With every
    /// amount at most <see cref="MaxMagnitude"/> a year, no quantity of one period exceeds 10^18.
    /// </summary>
    public const double MaxHorizonYears = 1e3;

    /// <summary>Finds every error and warning in a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The issues, errors first, each group in the order of the scenario.</returns>
    public static ImmutableArray<ValidationIssue> Validate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Checked.GetValue(scenario, static s =>
        {
            var check = new Checker(s);
            check.Run();
            return new Box(check.Issues);
        }).Issues;
    }

    /// <summary>
    /// Issues already found, by scenario instance. A scenario is immutable, so a file read (which
    /// validates) and the solve that follows (which validates again) share one pass; on large
    /// networks validation is the dearest step after the solve itself. <c>with</c> makes a new
    /// instance and is validated anew.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scenario, Box> Checked = new();

    private sealed class Box(ImmutableArray<ValidationIssue> issues)
    {
        public ImmutableArray<ValidationIssue> Issues { get; } = issues;
    }

    /// <summary>Throws when a scenario has any error; warnings alone do not throw.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <exception cref="FreightValidationException">The scenario has errors; it carries every issue found.</exception>
    public static void ThrowIfInvalid(Scenario scenario)
    {
        var issues = Validate(scenario);
        if (issues.Any(i => i.Severity == ValidationSeverity.Error)) throw new FreightValidationException(issues);
    }

    /// <remarks>
    /// The checks that loop over every location, route and line are compiled fully optimised at their
    /// first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): validation runs once per
    /// scenario, so under tiered compilation a process that plans once would run it as unoptimised
    /// first-tier code (a 10,000-route corridor validated in 94 ms instead of 28 ms).
    /// </remarks>
    private sealed partial class Checker(Scenario scenario)
    {
        private readonly List<ValidationIssue> _issues = [];
        private readonly FreightNetwork _network = scenario.Network;
        private readonly HashSet<CommodityId> _commodities = [.. scenario.Network.Commodities.Select(c => c.Id)];
        private readonly HashSet<PeriodId> _periods = [.. scenario.Horizon.Periods.Select(p => p.Id)];

        /// <summary>Whether every year fraction, and so the horizon, is in range (set by <see cref="CheckPeriods"/>).</summary>
        private bool _horizonValid;

        public ImmutableArray<ValidationIssue> Issues =>
        [
            .. _issues.Where(i => i.Severity == ValidationSeverity.Error),
            .. _issues.Where(i => i.Severity == ValidationSeverity.Warning),
        ];

        public void Run()
        {
            CheckScenario();
            CheckPeriods();
            CheckCommodities();
            CheckLocations();
            CheckRoutes();
            CheckOrphanCalendars();
            CheckSupplies();
            CheckDemands();
            CheckInvestments();
            CheckBudget();
            CheckObservations();
            CheckGeneralisedCost();
            CheckMultiYear();
            CheckCostAdjustments();
            WarnMinimumFlows();
            if (!_issues.Any(i => i.Severity == ValidationSeverity.Error)) WarnReachability();
        }

        private void CheckScenario()
        {
            Range(new Site("$.discountRate"), scenario.DiscountRate, r => r is >= 0 and < 1,
                new Text("The discount rate must be at least 0 and below 1 (0.10 means 10 % a year)."));
        }

        private void CheckPeriods()
        {
            var periods = scenario.Horizon.Periods;
            if (periods.IsDefaultOrEmpty)
            {
                Error(ValidationCode.OutOfRange, new Site("$.periods"),
                    "The scenario has no periods; leave the list out for one period of a whole year.");
                return;
            }

            Ids("$.periods", "period", periods.Length, i => periods[i].Id.Value);
            var fine = true;
            for (var i = 0; i < periods.Length; i++)
            {
                var p = periods[i];
                fine &= Range(new Site("$.periods", i, "yearFraction"), p.YearFraction, f => f is > 0 and <= MaxHorizonYears,
                    new Text("Period", new Subject("'{0}'", p.Id.Value), " must last more than 0 of a year and at most 1,000 years (yearFraction > 0; 0.25 is a quarter)."));
            }

            if (!fine) return;
            var years = scenario.Horizon.Years;
            if (!(years <= MaxHorizonYears))
            {
                Error(ValidationCode.DerivedValueOutOfRange, new Site("$.periods"),
                    $"The periods add up to {Num(years)} years (the sum of their yearFraction), above 1,000 years, the longest horizon the model computes with; check the year fractions (0.25 is a quarter).");
                return;
            }

            _horizonValid = true;
        }

        private void CheckCommodities()
        {
            var commodities = _network.Commodities;
            Ids("$.commodities", "commodity", commodities.Length, i => commodities[i].Id.Value);
            for (var i = 0; i < commodities.Length; i++)
            {
                var c = commodities[i];
                Positive(new Site("$.commodities", i, "unmetPenaltyPerTonne"), c.UnmetPenaltyPerTonne, isAmount: true,
                    new Text("The penalty per unmet tonne of", new Subject("commodity '{0}'", c.Id.Value)));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckLocations()
        {
            var locations = _network.Locations;
            Ids("$.locations", "location", locations.Length, i => locations[i].Id.Value);
            var seen = new HashSet<LocationId>();
            for (var i = 0; i < locations.Length; i++)
            {
                var l = locations[i];
                var at = new Site("$.locations", i);
                var what = new Subject("location '{0}'", l.Id.Value);
                if (!Enum.IsDefined(l.Kind))
                {
                    Error(ValidationCode.OutOfRange, at.Member("kind"),
                        $"The kind of {what} must be one of {Names<LocationKind>()}.");
                }

                if (l.Latitude is { } lat)
                {
                    Range(at.Member("latitude"), lat, v => v is >= -90 and <= 90,
                        new Text("The latitude of", what, " must be between -90 and 90 degrees."));
                }

                if (l.Longitude is { } lon)
                {
                    Range(at.Member("longitude"), lon, v => v is >= -180 and <= 180,
                        new Text("The longitude of", what, " must be between -180 and 180 degrees."));
                }

                NonNegative(at.Member("annualCapacityTonnes"), l.AnnualCapacityTonnes, new Text("The annual capacity of", what));
                CostMap(at.Member("handlingCostPerTonne"), l.HandlingCostPerTonne, new Text("The handling cost at", what));
                if (l.Commodities is { IsDefault: false } handled)
                {
                    for (var j = 0; j < handled.Length; j++)
                    {
                        if (!_commodities.Contains(handled[j]))
                        {
                            Error(ValidationCode.UnknownReference, at.Member("commodities").Item(j),
                                $"{new Text(string.Empty, what)} lists commodity '{handled[j]}', which is not in the commodities list.");
                        }
                    }
                }

                if (!scenario.LocationAvailability.IsEmpty && seen.Add(l.Id) && scenario.LocationAvailability.TryGetValue(l.Id, out var calendar))
                {
                    Calendar(at.Member("availability"), calendar, what);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckRoutes()
        {
            var routes = _network.Routes;
            Ids("$.routes", "route", routes.Length, i => routes[i].Id.Value);
            var seen = new HashSet<RouteId>();
            for (var i = 0; i < routes.Length; i++)
            {
                var r = routes[i];
                var at = new Site("$.routes", i);
                var what = new Subject("route '{0}'", r.Id.Value);
                if (!Enum.IsDefined(r.Mode))
                {
                    Error(ValidationCode.OutOfRange, at.Member("mode"),
                        $"The mode of {what} must be one of {Names<TransportMode>()}.");
                }

                LocationReference(at.Member("from"), r.From, new Text(string.Empty, what, " starts at"));
                LocationReference(at.Member("to"), r.To, new Text(string.Empty, what, " ends at"));
                if (r.From == r.To && !string.IsNullOrEmpty(r.From.Value))
                {
                    Error(ValidationCode.SelfLoop, at,
                        $"{new Text(string.Empty, what)} starts and ends at location '{r.From}'; a route must join two different locations.");
                }

                NonNegative(at.Member("distanceKm"), r.DistanceKm, new Text("The distance of", what));
                NonNegative(at.Member("transitDays"), r.TransitDays, new Text("The transit time of", what));
                NonNegative(at.Member("annualCapacityTonnes"), r.AnnualCapacityTonnes, new Text("The annual capacity of", what));
                NonNegative(at.Member("minAnnualTonnes"), r.MinAnnualTonnes, new Text("The minimum annual flow of", what));
                var costs = r.CostPerTonne ?? ImmutableDictionary<CommodityId, double>.Empty;
                if (costs.IsEmpty)
                {
                    Error(ValidationCode.EmptyCostMap, at.Member("costPerTonne"),
                        $"{new Text(string.Empty, what)} has no cost per tonne for any commodity, so it could carry nothing; its costPerTonne keys are the commodities it may carry.");
                }

                CostMap(at.Member("costPerTonne"), costs, new Text("The transport cost on", what));
                if (!scenario.RouteAvailability.IsEmpty && seen.Add(r.Id) && scenario.RouteAvailability.TryGetValue(r.Id, out var calendar))
                {
                    Calendar(at.Member("availability"), calendar, what);
                }
            }
        }

        private void CheckOrphanCalendars()
        {
            foreach (var id in scenario.LocationAvailability.Keys.Where(k => !_network.TryGetLocation(k, out _)).OrderBy(k => k.Value, StringComparer.Ordinal))
            {
                Error(ValidationCode.UnknownReference, new Site("$.locationAvailability").Member(id.Value ?? string.Empty),
                    $"Availability is given for location '{id}', which is not in the network.");
            }

            foreach (var id in scenario.RouteAvailability.Keys.Where(k => !_network.TryGetRoute(k, out _)).OrderBy(k => k.Value, StringComparer.Ordinal))
            {
                Error(ValidationCode.UnknownReference, new Site("$.routeAvailability").Member(id.Value ?? string.Empty),
                    $"Availability is given for route '{id}', which is not in the network.");
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckSupplies()
        {
            for (var i = 0; i < scenario.Supplies.Length; i++)
            {
                var s = scenario.Supplies[i];
                var at = new Site("$.supplies", i);
                var what = new Subject("the supply of '{0}' at '{1}'", s.Commodity.Value, s.Location.Value);
                Line(at, what, s.Location, s.Commodity, s.Period);
                NonNegative(at.Member("annualTonnes"), s.AnnualTonnes, new Text("The annual tonnes of", what));
                NonNegative(at.Member("costPerTonne"), s.CostPerTonne, new Text("The cost per tonne of", what));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void CheckDemands()
        {
            for (var i = 0; i < scenario.Demands.Length; i++)
            {
                var d = scenario.Demands[i];
                var at = new Site("$.demands", i);
                var what = new Subject("the demand for '{0}' at '{1}'", d.Commodity.Value, d.Location.Value);
                Line(at, what, d.Location, d.Commodity, d.Period);
                NonNegative(at.Member("annualTonnes"), d.AnnualTonnes, new Text("The annual tonnes of", what));
                Positive(at.Member("unmetPenaltyPerTonne"), d.UnmetPenaltyPerTonne, isAmount: true,
                    new Text("The penalty per unmet tonne of", what));
            }
        }

        private void Line(Site at, Subject what, LocationId location, CommodityId commodity, PeriodId? period)
        {
            var knownLocation = LocationReference(at.Member("location"), location, new Text(string.Empty, what, " is at"));
            var knownCommodity = _commodities.Contains(commodity);
            if (!knownCommodity)
            {
                Error(ValidationCode.UnknownReference, at.Member("commodity"),
                    $"{new Text(string.Empty, what)} names commodity '{commodity}', which is not in the commodities list.");
            }

            if (period is { } p) PeriodReference(at.Member("period"), p, new Text(string.Empty, what, " applies in"));
            if (knownLocation && knownCommodity && !_network.GetLocation(location).Handles(commodity))
            {
                Error(ValidationCode.CommodityNotHandled, at.Member("commodity"),
                    $"Location '{location}' cannot handle '{commodity}' (it is not in the location's commodities), so {what} could never be used.");
            }
        }

        private void CheckInvestments()
        {
            var options = scenario.Investments;
            Ids("$.investments", "investment", options.Length, i => options[i].Id.Value);
            var byId = new Dictionary<string, InvestmentOption>(StringComparer.Ordinal);
            foreach (var o in options) byId.TryAdd(o.Id.Value ?? string.Empty, o);

            for (var i = 0; i < options.Length; i++)
            {
                var o = options[i];
                var at = new Site("$.investments", i);
                var what = new Subject("investment '{0}'", o.Id.Value);
                Positive(at.Member("addedAnnualCapacityTonnes"), o.AddedAnnualCapacityTonnes, isAmount: true,
                    new Text("The capacity added by", what));
                NonNegative(at.Member("capitalCost"), o.CapitalCost, new Text("The capital cost of", what));
                var lifetimeFine = Range(at.Member("lifetimeYears"), o.LifetimeYears, n => n is >= MinLifetimeYears and <= MaxMagnitude,
                    new Text("The lifetime of", what, " must be at least 0.001 and at most 1e15 years (the capital recovery factor spreads its capital over it)."));
                CheckTarget(at, what, o);
                if (!Enum.IsDefined(o.Kind))
                {
                    Error(ValidationCode.OutOfRange, at.Member("kind"),
                        $"The kind of {what} must be one of {Names<InvestmentKind>()}.");
                }
                else if (CheckMaxUnits(at.Member("maxUnits"), what, o) && lifetimeFine)
                {
                    CheckDerivedAmounts(at, what, o);
                }

                if (o.FirstPeriod is { } first) PeriodReference(at.Member("firstPeriod"), first, new Text(string.Empty, what, " is first available in"));
                var requires = o.Requires.IsDefault ? [] : o.Requires;
                for (var j = 0; j < requires.Length; j++)
                {
                    var requirement = at.Member("requires").Item(j);
                    if (!byId.TryGetValue(requires[j].Value ?? string.Empty, out var required))
                    {
                        Error(ValidationCode.UnknownReference, requirement,
                            $"{new Text(string.Empty, what)} requires investment '{requires[j]}', which is not in the investments list.");
                    }
                    else if (required.Kind == InvestmentKind.Continuous)
                    {
                        Error(ValidationCode.ContinuousPrerequisite, requirement,
                            $"{new Text(string.Empty, what)} requires investment '{requires[j]}', which is Continuous: 'built' cannot be enforced exactly for a Continuous option. Make it Binary or Modular.");
                    }
                }
            }

            CheckExclusiveGroups(options);
            CheckPrerequisiteCycles(options);
        }

        private void CheckTarget(Site at, Subject what, InvestmentOption o)
        {
            var sentence = new Text(string.Empty, what);
            if (o.Target.Kind == default)
            {
                Error(ValidationCode.InvestmentTarget, at, $"{sentence} names neither a location nor a route; it must name exactly one of them.");
                return;
            }

            if (o.Target.Location is { } locationId)
            {
                var locationSite = at.Member("location");
                if (LocationReference(locationSite, locationId, new Text(string.Empty, what, " expands"))
                    && _network.GetLocation(locationId).AnnualCapacityTonnes is null)
                {
                    Error(ValidationCode.InvestmentOnUnlimitedTarget, locationSite,
                        $"{sentence} expands location '{locationId}', which has no capacity (unlimited); give the location an annualCapacityTonnes.");
                }
            }
            else if (o.Target.Route is { } routeId)
            {
                var routeSite = at.Member("route");
                if (!_network.TryGetRoute(routeId, out var route))
                {
                    Error(ValidationCode.UnknownReference, routeSite,
                        $"{sentence} expands route '{routeId}', which is not in the routes list.");
                }
                else if (route.AnnualCapacityTonnes is null)
                {
                    Error(ValidationCode.InvestmentOnUnlimitedTarget, routeSite,
                        $"{sentence} expands route '{routeId}', which has no capacity (unlimited); give the route an annualCapacityTonnes.");
                }
            }
        }

        /// <summary>Checks maxUnits against the kind and <see cref="MaxMagnitude"/>; true when it is fine (or absent).</summary>
        private bool CheckMaxUnits(Site at, Subject what, InvestmentOption o)
        {
            if (o.MaxUnits is not { } max) return true;
            if (!double.IsFinite(max))
            {
                Error(ValidationCode.NotFinite, at, $"The maximum units of {what} must be a finite number.");
                return false;
            }

            if (max > MaxMagnitude)
            {
                Error(ValidationCode.OutOfRange, at,
                    $"{new Text(string.Empty, what)} has maxUnits {Num(max)}, above 1e15, the largest number of units the model computes with; check the number.");
                return false;
            }

            var fits = o.Kind switch
            {
                InvestmentKind.Binary => max == 1,
                InvestmentKind.Modular => max >= 1 && Math.Floor(max) == max,
                _ => max > 0,
            };
            if (fits) return true;
            var rule = o.Kind switch
            {
                InvestmentKind.Binary => "a Binary option is built once or not at all, so maxUnits must be left out or be 1",
                InvestmentKind.Modular => "a Modular option is built in whole steps, so maxUnits must be a whole number of at least 1",
                _ => "a Continuous option needs maxUnits above 0",
            };
            Error(ValidationCode.MaxUnitsMismatch, at, $"{new Text(string.Empty, what)} has maxUnits {Num(max)}, but {rule}.");
            return false;
        }

        /// <summary>
        /// What an option adds and costs at its most units, and its capital charge in the objective,
        /// must be amounts like any other (at most <see cref="MaxMagnitude"/>): each is a product of
        /// fields that are fine on their own, and the charge, capitalCost × maxUnits × CRF × horizon
        /// years, grows without bound as the lifetime shrinks or the horizon grows. Checked only when
        /// every field involved is fine, so that one mistake is reported once.
        /// </summary>
        private void CheckDerivedAmounts(Site at, Subject what, InvestmentOption o)
        {
            if (!IsNonNegativeAmount(o.CapitalCost) || !(o.AddedAnnualCapacityTonnes > 0) || !IsNonNegativeAmount(o.AddedAnnualCapacityTonnes)) return;
            var units = o.UnitLimit;
            if (!(o.AddedAnnualCapacityTonnes * units <= MaxMagnitude))
            {
                Error(ValidationCode.DerivedValueOutOfRange, at.Member("maxUnits"),
                    $"{new Text(string.Empty, what)} can add addedAnnualCapacityTonnes × maxUnits = {Num(o.AddedAnnualCapacityTonnes)} × {Num(units)} = {Num(o.AddedAnnualCapacityTonnes * units)} t a year, above 1e15; lower maxUnits or the capacity per unit.");
            }

            if (!(o.CapitalCost * units <= MaxMagnitude))
            {
                Error(ValidationCode.DerivedValueOutOfRange, at.Member("maxUnits"),
                    $"{new Text(string.Empty, what)} can cost capitalCost × maxUnits = {Num(o.CapitalCost)} × {Num(units)} = {Num(o.CapitalCost * units)}, above 1e15; lower maxUnits or the capital cost per unit.");
                return;
            }

            if (!_horizonValid || !(scenario.DiscountRate is >= 0 and < 1)) return;
            var factor = Economics.CapitalRecoveryFactor(scenario.DiscountRate, o.LifetimeYears);
            var charge = o.CapitalCost * units * factor * scenario.Horizon.Years;
            if (!(charge <= MaxMagnitude))
            {
                Error(ValidationCode.DerivedValueOutOfRange, at,
                    $"The capital charge of {what} over the horizon, capitalCost × maxUnits × capital recovery factor × horizon years = {Num(o.CapitalCost)} × {Num(units)} × {Num(factor)} × {Num(scenario.Horizon.Years)} = {Num(charge)}, is above 1e15; check capitalCost, lifetimeYears (a short lifetime makes the factor large) and the periods' yearFraction.");
            }
        }

        private void CheckExclusiveGroups(ImmutableArray<InvestmentOption> options)
        {
            var groups = options.Select((o, i) => (o.ExclusiveGroup, Index: i))
                .Where(x => x.ExclusiveGroup is not null)
                .GroupBy(x => x.ExclusiveGroup!, StringComparer.Ordinal);
            foreach (var group in groups.Where(g => g.Count() == 1))
            {
                var i = group.Single().Index;
                Error(ValidationCode.ExclusiveGroupOfOne, new Site("$.investments", i, "exclusiveGroup"),
                    $"Investment '{options[i].Id}' is the only option in exclusive group '{group.Key}'; a group needs at least two options (leave exclusiveGroup out otherwise).");
            }
        }

        private void CheckPrerequisiteCycles(ImmutableArray<InvestmentOption> options)
        {
            var ids = options.Select(o => o.Id.Value ?? string.Empty).ToList();
            var requires = options.Select(o => (IReadOnlyList<string>)(o.Requires.IsDefault ? [] : [.. o.Requires.Select(r => r.Value ?? string.Empty)])).ToList();
            foreach (var cycle in PrerequisiteGraph.FindCycles(ids, requires))
            {
                var first = cycle[0];
                var next = ids[cycle.Count > 1 ? cycle[1] : first];
                var j = requires[first].ToList().FindIndex(id => string.Equals(id, next, StringComparison.Ordinal));
                var names = string.Join(" → ", cycle.Append(first).Select(c => $"'{ids[c]}'"));
                Error(ValidationCode.PrerequisiteCycle, new Site("$.investments", first, "requires").Item(j),
                    cycle.Count == 1
                        ? $"Investment '{ids[first]}' requires itself, so it could never be built."
                        : $"Investments require each other in a cycle ({names}), so none of them could ever be built.");
            }
        }

        private void CheckBudget()
        {
            if (scenario.Budget is { } budget)
            {
                NonNegative(new Site("$.budget.capitalCost"), budget.CapitalCost, new Text("The capital budget"));
            }
        }

        private void CheckObservations()
        {
            var observations = scenario.Observations.IsDefault ? [] : scenario.Observations;
            Ids("$.observations", "observation", observations.Length, i => observations[i].Id);
            for (var i = 0; i < observations.Length; i++)
            {
                var o = observations[i];
                var at = new Site("$.observations", i);
                var what = new Subject("observation '{0}'", o.Id);
                var elements = o.Elements.IsDefault ? [] : o.Elements;
                if (elements.IsEmpty)
                {
                    Error(ValidationCode.ObservationElements, at.Member("elements"),
                        $"{new Text(string.Empty, what)} names no route or location; list at least one in its elements.");
                }

                for (var j = 0; j < elements.Length; j++)
                {
                    var element = elements[j];
                    var site = at.Member("elements").Item(j);
                    if (element.Location is { } location)
                    {
                        LocationReference(site.ItemField("location"), location, new Text(string.Empty, what, " counts the tonnes through"));
                    }
                    else if (element.Route is { } route)
                    {
                        if (!_network.TryGetRoute(route, out _))
                        {
                            Error(ValidationCode.UnknownReference, site.ItemField("route"),
                                $"{new Text(string.Empty, what)} counts the tonnes on route '{route}', which is not in the routes list.");
                        }
                    }
                    else
                    {
                        Error(ValidationCode.ObservationElements, site,
                            $"Element {j} of {what} names neither a location nor a route; it must name exactly one of them.");
                    }
                }

                if (o.Commodity is { } commodity && !_commodities.Contains(commodity))
                {
                    Error(ValidationCode.UnknownReference, at.Member("commodity"),
                        $"{new Text(string.Empty, what)} is of commodity '{commodity}', which is not in the commodities list; name one of them, or leave commodity out for every commodity together.");
                }

                if (o.Period is { } period) PeriodReference(at.Member("period"), period, new Text(string.Empty, what, " was made in"));
                NonNegative(at.Member("annualTonnes"), o.AnnualTonnes, new Text("The observed annual tonnes of", what));
                Range(at.Member("tolerance"), o.Tolerance, t => t is >= 0 and <= 1,
                    new Text("The tolerance of", what, " must be a relative difference from 0 to 1 (0.25 accepts ±25 %)."));
                if (string.IsNullOrWhiteSpace(o.Source))
                {
                    Error(ValidationCode.MissingField, at.Member("source"),
                        $"{new Text(string.Empty, what)} has no source; say where the observed number comes from.");
                }
            }
        }

        /// <summary>
        /// Cost adjustments: one known element, a commodity it carries or handles, a finite amount, an
        /// observation that exists, and every adjusted cost at or above 0 (beyond rounding), so that no
        /// cycle can have a negative cost.
        /// </summary>
        private void CheckCostAdjustments()
        {
            var adjustments = scenario.CostAdjustments.IsDefault ? [] : scenario.CostAdjustments;
            if (adjustments.IsEmpty) return;
            var observationIds = (scenario.Observations.IsDefault ? [] : scenario.Observations).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var targets = new List<(int Index, Route? Route, Location? Location)>(adjustments.Length);
            for (var i = 0; i < adjustments.Length; i++)
            {
                var a = adjustments[i];
                var at = new Site("$.costAdjustments", i);
                Route? route = null;
                Location? location = null;
                if (a.Element.Route is { } r)
                {
                    if (!_network.TryGetRoute(r, out route))
                    {
                        Error(ValidationCode.UnknownReference, at.Member("route"), $"Cost adjustment {i} adjusts route '{r}', which is not in the routes list.");
                    }
                }
                else if (a.Element.Location is { } l)
                {
                    if (!_network.TryGetLocation(l, out location))
                    {
                        Error(ValidationCode.UnknownReference, at.Member("location"), $"Cost adjustment {i} adjusts location '{l}', which is not in the locations list.");
                    }
                }
                else
                {
                    Error(ValidationCode.CostAdjustmentTarget, at, $"Cost adjustment {i} names neither a location nor a route; it must name exactly one of them.");
                }

                if (a.Commodity is { } commodity)
                {
                    if (!_commodities.Contains(commodity))
                    {
                        Error(ValidationCode.UnknownReference, at.Member("commodity"),
                            $"Cost adjustment {i} is for commodity '{commodity}', which is not in the commodities list.");
                    }
                    else if ((route is not null && !route.Carries(commodity)) || (location is not null && !location.Handles(commodity)))
                    {
                        Error(ValidationCode.CostAdjustmentTarget, at.Member("commodity"),
                            $"Cost adjustment {i} is for commodity '{commodity}', which {(route is not null ? $"route '{route.Id}' does not carry" : $"location '{location!.Id}' does not handle")}.");
                    }
                }

                if (!double.IsFinite(a.CostPerTonne))
                {
                    Error(ValidationCode.NotFinite, at.Member("costPerTonne"), $"The cost per tonne of cost adjustment {i} must be a finite number, not {Num(a.CostPerTonne)}.");
                }
                else if (Math.Abs(a.CostPerTonne) > MaxMagnitude)
                {
                    TooLarge(at.Member("costPerTonne"), Math.Abs(a.CostPerTonne), new Text($"The cost per tonne of cost adjustment {i}"));
                }
                else
                {
                    targets.Add((i, route, location));
                }

                if (a.Observation is { } observation && !observationIds.Contains(observation))
                {
                    Error(ValidationCode.UnknownReference, at.Member("observation"),
                        $"Cost adjustment {i} names observation '{observation}', which is not in the observations list.");
                }
            }

            // The adjusted cost of each element and commodity, reported once, at the first adjustment of it.
            var reported = new HashSet<(NetworkElement, CommodityId)>();
            foreach (var (i, route, location) in targets)
            {
                var a = adjustments[i];
                var commodities = route is not null ? route.CostPerTonne.Keys.Where(a.AppliesTo)
                    : location is not null ? scenario.Network.Commodities.Select(c => c.Id).Where(k => location.Handles(k) && a.AppliesTo(k))
                    : [];
                foreach (var k in commodities.OrderBy(k => k.Value, StringComparer.Ordinal))
                {
                    var baseCost = route is not null ? route.CostPerTonne[k] : location!.HandlingCostOf(k);
                    if (!double.IsFinite(baseCost) || !reported.Add((a.Element, k))) continue;
                    var adjusted = baseCost + adjustments.Where(b => b.Element == a.Element && b.AppliesTo(k) && double.IsFinite(b.CostPerTonne)).Sum(b => b.CostPerTonne);
                    if (adjusted < -1e-9 * Math.Max(1.0, Math.Abs(baseCost)))
                    {
                        Error(ValidationCode.AdjustedCostNegative, new Site("$.costAdjustments", i).Member("costPerTonne"),
                            $"The cost adjustments of {(route is not null ? $"route '{route.Id}'" : $"location '{location!.Id}'")} bring the cost per tonne of '{k}' to {Num(adjusted)} ({Num(baseCost)} before adjustment); an adjusted cost must not be below 0, since a cycle of negative costs would make the model unbounded.");
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WarnMinimumFlows()
        {
            var periods = scenario.Horizon.Periods.IsDefault ? [] : scenario.Horizon.Periods;

            // Options by route, looked up once: a scan of every option for every route and period
            // grew with their product.
            var byRoute = (scenario.Investments.IsDefault ? [] : scenario.Investments)
                .Where(o => o.Target.Route is not null)
                .ToLookup(o => o.Target.Route!.Value);
            for (var i = 0; i < _network.Routes.Length; i++)
            {
                var r = _network.Routes[i];
                if (r.MinAnnualTonnes is not { } min || !(min > 0) || !double.IsFinite(min)) continue;
                if (r.AnnualCapacityTonnes is not { } capacity || !double.IsFinite(capacity)) continue;
                var over = new List<string>();
                for (var t = 0; t < periods.Length; t++)
                {
                    // The minimum is waived where the route or an end is closed; elsewhere the factor
                    // scales both sides alike, so only annual rates need comparing.
                    if (!scenario.IsUsable(r, periods[t].Id)) continue;
                    var added = byRoute[r.Id]
                        .Where(o => scenario.FirstPeriodIndexOf(o) <= t
                            && double.IsFinite(o.AddedAnnualCapacityTonnes) && o.AddedAnnualCapacityTonnes > 0)
                        .Sum(o => o.AddedAnnualCapacityTonnes * (double.IsFinite(o.UnitLimit) ? Math.Max(0, o.UnitLimit) : 0));
                    if (min > capacity + added) over.Add(periods[t].Id.Value);
                }

                if (over.Count > 0)
                {
                    Warning(ValidationCode.MinimumFlowAboveCapacity, new Site("$.routes", i, "minAnnualTonnes"),
                        $"Route '{r.Id}' must carry at least {Num(min)} t a year but can carry at most {Num(capacity)} t a year plus what its investments add, in {Periods(over)}; the scenario will be infeasible there.");
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WarnReachability()
        {
            var reach = FlowReachability.Analyse(scenario);
            var periodCount = scenario.Horizon.Periods.Length;
            var demandLocations = scenario.Demands.Where(d => d.AnnualTonnes > 0).Select(d => d.Location).ToHashSet();
            for (var i = 0; i < _network.Locations.Length; i++)
            {
                var l = _network.Locations[i];
                if (reach.IsUsableLocation(i) || demandLocations.Contains(l.Id)) continue;
                Warning(ValidationCode.UnusableElement, new Site("$.locations", i),
                    $"No flow can use location '{l.Id}': it is not on any open path from a supply to a demand of a commodity it handles.");
            }

            for (var i = 0; i < _network.Routes.Length; i++)
            {
                if (reach.IsUsableRoute(i)) continue;
                var r = _network.Routes[i];
                Warning(ValidationCode.UnusableElement, new Site("$.routes", i),
                    $"No flow can use route '{r.Id}' ({r.From} → {r.To}): in no period does it lead from a supply to a demand of a commodity it carries and both its ends handle.");
            }

            foreach (var (i, periods) in reach.UnreachableDemandPeriods.OrderBy(kv => kv.Key))
            {
                var d = scenario.Demands[i];
                var when = d.Period is null && periods.Length == periodCount
                    ? "in any period"
                    : $"in {Periods(periods.Select(p => p.Value).ToList())}";
                Warning(ValidationCode.UnreachableDemand, new Site("$.demands", i),
                    $"No supply of '{d.Commodity}' can reach the demand at '{d.Location}' {when}; it will all go unmet (penalty {Num(scenario.PenaltyOf(d))} per tonne).");
            }
        }

        private void Calendar(Site at, Availability calendar, Subject what)
        {
            var factors = calendar.Factors
                .OrderBy(kv => scenario.Horizon.IndexOf(kv.Key) is var x && x < 0 ? int.MaxValue : x)
                .ThenBy(kv => kv.Key.Value, StringComparer.Ordinal);
            foreach (var (period, factor) in factors)
            {
                var factorSite = at.Key(period.Value ?? string.Empty);
                PeriodReference(factorSite, period, new Text("The availability of", what, " is given for"));
                Range(factorSite, factor, f => f is >= 0 and <= 1,
                    new Text("The availability of", what, $" in '{period}' must be between 0 (closed) and 1 (fully open)."));
            }
        }

        private void CostMap(Site at, ImmutableDictionary<CommodityId, double>? map, Text what)
        {
            if (map is null) return;

            // Most maps are fine: look before sorting and writing anything.
            var fine = true;
            foreach (var (commodity, cost) in map) fine &= _commodities.Contains(commodity) && IsNonNegativeAmount(cost);
            if (fine) return;
            foreach (var (commodity, cost) in map.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
            {
                var costSite = at.Key(commodity.Value ?? string.Empty);
                if (!_commodities.Contains(commodity))
                {
                    Error(ValidationCode.UnknownReference, costSite,
                        $"{what} is given for commodity '{commodity}', which is not in the commodities list.");
                }

                NonNegative(costSite, cost, what.Then($" of '{commodity}'"));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Ids(string array, string kind, int count, Func<int, string?> idAt)
        {
            var first = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var id = idAt(i);
                if (string.IsNullOrWhiteSpace(id))
                {
                    Error(ValidationCode.EmptyId, new Site(array, i, "id"), $"The {kind} at position {i} has an empty id; every {kind} needs one.");
                }
                else if (!first.TryAdd(id, i))
                {
                    Error(ValidationCode.DuplicateId, new Site(array, i, "id"),
                        $"The {kind} id '{id}' is used more than once (first at {new Site(array, first[id])}); ids must be unique.");
                }
                else if (id.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') is var c && (c >= 0 || (c = id.AsSpan().IndexOfAnyInRange('\u007f', '\u009f')) >= 0))
                {
                    // Ids are written into reports, CSV files, paths and messages, where a control
                    // character (a tab, a line break, an escape) breaks the line it is on or hides.
                    Error(ValidationCode.OutOfRange, new Site(array, i, "id"), string.Create(CultureInfo.InvariantCulture,
                        $"The {kind} id at position {i} contains the control character U+{(int)id[c]:X4} at character {c + 1}; write the id without it."));
                }
            }
        }

        private bool LocationReference(Site at, LocationId id, Text what)
        {
            if (_network.TryGetLocation(id, out _)) return true;
            Error(ValidationCode.UnknownReference, at, $"{what} location '{id}', which is not in the locations list.");
            return false;
        }

        private void PeriodReference(Site at, PeriodId id, Text what)
        {
            if (_periods.Contains(id)) return;
            var known = string.Join(", ", scenario.Horizon.Periods.Select(p => $"'{p.Id}'"));
            Error(ValidationCode.UnknownReference, at, $"{what} period '{id}', which is not a period of the scenario (the periods are {known}).");
        }

        private static bool IsNonNegativeAmount(double v) => double.IsFinite(v) && v >= 0 && v <= MaxMagnitude;

        private void NonNegative(Site at, double? value, Text what)
        {
            if (value is not { } v || IsNonNegativeAmount(v)) return;
            if (!double.IsFinite(v)) Error(ValidationCode.NotFinite, at, $"{what} must be a finite number, not {Num(v)}.");
            else if (v < 0) Error(ValidationCode.Negative, at, $"{what} must not be negative (it is {Num(v)}).");
            else TooLarge(at, v, what);
        }

        /// <summary>
        /// Amounts above <see cref="MaxMagnitude"/> (a petatonne, or 10^15 of money) are typos or unit
        /// mistakes, and solvers lose their footing on them (GLOP reports ABNORMAL): reject them here.
        /// </summary>
        private void TooLarge(Site at, double v, Text what)
        {
            if (v > MaxMagnitude)
            {
                Error(ValidationCode.OutOfRange, at,
                    $"{what} is {Num(v)}, above 1e15, the largest amount the solvers handle reliably; check the number and its unit (tonnes, currency units).");
            }
        }

        private void Positive(Site at, double? value, bool isAmount, Text what)
        {
            if (value is not { } v || (IsNonNegativeAmount(v) && v > 0)) return;
            if (!double.IsFinite(v)) Error(ValidationCode.NotFinite, at, $"{what} must be a finite number, not {Num(v)}.");
            else if (v < 0 && isAmount) Error(ValidationCode.Negative, at, $"{what} must not be negative (it is {Num(v)}).");
            else if (v <= 0) Error(ValidationCode.OutOfRange, at, $"{what} must be above 0 (it is {Num(v)}).");
            else TooLarge(at, v, what);
        }

        /// <summary>Reports a value outside its range; true when it is in range.</summary>
        private bool Range(Site at, double value, Func<double, bool> inRange, Text rule)
        {
            if (double.IsFinite(value) && inRange(value)) return true;
            if (!double.IsFinite(value)) Error(ValidationCode.NotFinite, at, $"{rule} It is {Num(value)}.");
            else Error(ValidationCode.OutOfRange, at, $"{rule} It is {Num(value)}.");
            return false;
        }

        private void Error(ValidationCode code, Site at, string message) =>
            _issues.Add(new ValidationIssue(code, ValidationSeverity.Error, at.ToString(), message));

        private void Warning(ValidationCode code, Site at, string message) =>
            _issues.Add(new ValidationIssue(code, ValidationSeverity.Warning, at.ToString(), message));

        private static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

        private static string Periods(List<string> periods) =>
            (periods.Count == 1 ? "period " : "periods ") + string.Join(", ", periods.Select(p => $"'{p}'"));

        private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Where an issue would be: a path, or an element of an array, then optionally a member, a key of
    /// that member and an item of a list. Written as a JSON path (<see cref="JsonPath"/>) only when an
    /// issue is raised, so checking a valid scenario builds no strings.
    /// </summary>
    private readonly record struct Site(string Parent, int Index = -1, string? MemberName = null, string? KeyName = null, int ItemIndex = -1, string? ItemMember = null)
    {
        /// <summary>A member of the item (<c>$.observations[0].elements[1].route</c>).</summary>
        public Site ItemField(string name) => this with { ItemMember = name };

        public Site Member(string name) => this with { MemberName = name };

        public Site Key(string name) => this with { KeyName = name };

        public Site Item(int index) => this with { ItemIndex = index };

        public override string ToString()
        {
            var path = Index >= 0 ? JsonPath.Element(Parent, Index) : Parent;
            if (MemberName is not null) path = JsonPath.Member(path, MemberName);
            if (KeyName is not null) path = JsonPath.Member(path, KeyName);
            if (ItemIndex >= 0) path = JsonPath.Element(path, ItemIndex);
            if (ItemMember is not null) path = JsonPath.Member(path, ItemMember);
            return path;
        }
    }

    /// <summary>What an issue is about (<c>route 'x'</c>, <c>the supply of 'coal' at 'MINE'</c>): a format and its ids, written only when needed.</summary>
    private readonly record struct Subject(string Format, string? First, string? Second = null)
    {
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, Format, First, Second);
    }

    /// <summary>
    /// The start of a message, written only when an issue is raised: a lead, then a subject, then a tail,
    /// with its first letter capitalised (<c>The annual capacity of route 'x'</c>, <c>Route 'x' starts at</c>).
    /// </summary>
    private readonly record struct Text(string Lead, Subject? About = null, string? Tail = null)
    {
        public Text Then(string more) => this with { Tail = Tail + more };

        public override string ToString()
        {
            var text = About is { } about ? (Lead.Length == 0 ? about.ToString() : Lead + " " + about) + Tail : Lead + Tail;
            return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
        }
    }
}
