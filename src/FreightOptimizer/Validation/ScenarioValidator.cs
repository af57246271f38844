using System.Collections.Immutable;
using System.Globalization;
using FreightOptimizer.Graph;
using FreightOptimizer.Network;
using FreightOptimizer.Scenarios;

namespace FreightOptimizer.Validation;

/// <summary>
/// Checks a scenario against every rule of the scenario format (SCENARIO-FORMAT.md, "Fields" and
/// "Strictness"), whether it was built in code or read from JSON, and reports every problem at once.
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
public static class ScenarioValidator
{
    /// <summary>The largest quantity or money amount a scenario may state: 10^15.</summary>
    public const double MaxMagnitude = 1e15;

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

    private sealed class Checker(Scenario scenario)
    {
        private readonly List<ValidationIssue> _issues = [];
        private readonly FreightNetwork _network = scenario.Network;
        private readonly HashSet<CommodityId> _commodities = [.. scenario.Network.Commodities.Select(c => c.Id)];
        private readonly HashSet<PeriodId> _periods = [.. scenario.Horizon.Periods.Select(p => p.Id)];

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
            WarnMinimumFlows();
            if (!_issues.Any(i => i.Severity == ValidationSeverity.Error)) WarnReachability();
        }

        private void CheckScenario()
        {
            Range("$.discountRate", scenario.DiscountRate, r => r is >= 0 and < 1,
                "The discount rate must be at least 0 and below 1 (0.10 means 10 % a year).");
        }

        private void CheckPeriods()
        {
            var periods = scenario.Horizon.Periods;
            if (periods.IsDefaultOrEmpty)
            {
                Error(ValidationCode.OutOfRange, "$.periods",
                    "The scenario has no periods; leave the list out for one period of a whole year.");
                return;
            }

            Ids("$.periods", "period", periods.Select(p => p.Id.Value).ToList());
            for (var i = 0; i < periods.Length; i++)
            {
                var p = periods[i];
                Range(At("$.periods", i, "yearFraction"), p.YearFraction, f => f > 0,
                    $"Period '{p.Id}' must last more than 0 of a year (yearFraction > 0; 0.25 is a quarter).");
            }
        }

        private void CheckCommodities()
        {
            var commodities = _network.Commodities;
            Ids("$.commodities", "commodity", commodities.Select(c => c.Id.Value).ToList());
            for (var i = 0; i < commodities.Length; i++)
            {
                var c = commodities[i];
                Positive(At("$.commodities", i, "unmetPenaltyPerTonne"), c.UnmetPenaltyPerTonne, isAmount: true,
                    $"The penalty per unmet tonne of commodity '{c.Id}'");
            }
        }

        private void CheckLocations()
        {
            var locations = _network.Locations;
            Ids("$.locations", "location", locations.Select(l => l.Id.Value).ToList());
            var seen = new HashSet<LocationId>();
            for (var i = 0; i < locations.Length; i++)
            {
                var l = locations[i];
                var path = JsonPath.Element("$.locations", i);
                var what = $"location '{l.Id}'";
                if (!Enum.IsDefined(l.Kind))
                {
                    Error(ValidationCode.OutOfRange, JsonPath.Member(path, "kind"),
                        $"The kind of {what} must be one of {Names<LocationKind>()}.");
                }

                if (l.Latitude is { } lat)
                {
                    Range(JsonPath.Member(path, "latitude"), lat, v => v is >= -90 and <= 90,
                        $"The latitude of {what} must be between -90 and 90 degrees.");
                }

                if (l.Longitude is { } lon)
                {
                    Range(JsonPath.Member(path, "longitude"), lon, v => v is >= -180 and <= 180,
                        $"The longitude of {what} must be between -180 and 180 degrees.");
                }

                NonNegative(JsonPath.Member(path, "annualCapacityTonnes"), l.AnnualCapacityTonnes,
                    $"The annual capacity of {what}");
                CostMap(JsonPath.Member(path, "handlingCostPerTonne"), l.HandlingCostPerTonne, $"The handling cost at {what}");
                if (l.Commodities is { IsDefault: false } handled)
                {
                    for (var j = 0; j < handled.Length; j++)
                    {
                        if (!_commodities.Contains(handled[j]))
                        {
                            Error(ValidationCode.UnknownReference, JsonPath.Element(JsonPath.Member(path, "commodities"), j),
                                $"{Capital(what)} lists commodity '{handled[j]}', which is not in the commodities list.");
                        }
                    }
                }

                if (seen.Add(l.Id) && scenario.LocationAvailability.TryGetValue(l.Id, out var calendar))
                {
                    Calendar(JsonPath.Member(path, "availability"), calendar, what);
                }
            }
        }

        private void CheckRoutes()
        {
            var routes = _network.Routes;
            Ids("$.routes", "route", routes.Select(r => r.Id.Value).ToList());
            var seen = new HashSet<RouteId>();
            for (var i = 0; i < routes.Length; i++)
            {
                var r = routes[i];
                var path = JsonPath.Element("$.routes", i);
                var what = $"route '{r.Id}'";
                if (!Enum.IsDefined(r.Mode))
                {
                    Error(ValidationCode.OutOfRange, JsonPath.Member(path, "mode"),
                        $"The mode of {what} must be one of {Names<TransportMode>()}.");
                }

                LocationReference(JsonPath.Member(path, "from"), r.From, $"{Capital(what)} starts at");
                LocationReference(JsonPath.Member(path, "to"), r.To, $"{Capital(what)} ends at");
                if (r.From == r.To && !string.IsNullOrEmpty(r.From.Value))
                {
                    Error(ValidationCode.SelfLoop, path,
                        $"{Capital(what)} starts and ends at location '{r.From}'; a route must join two different locations.");
                }

                NonNegative(JsonPath.Member(path, "distanceKm"), r.DistanceKm, $"The distance of {what}");
                NonNegative(JsonPath.Member(path, "transitDays"), r.TransitDays, $"The transit time of {what}");
                NonNegative(JsonPath.Member(path, "annualCapacityTonnes"), r.AnnualCapacityTonnes, $"The annual capacity of {what}");
                NonNegative(JsonPath.Member(path, "minAnnualTonnes"), r.MinAnnualTonnes, $"The minimum annual flow of {what}");
                var costs = r.CostPerTonne ?? ImmutableDictionary<CommodityId, double>.Empty;
                if (costs.IsEmpty)
                {
                    Error(ValidationCode.EmptyCostMap, JsonPath.Member(path, "costPerTonne"),
                        $"{Capital(what)} has no cost per tonne for any commodity, so it could carry nothing; its costPerTonne keys are the commodities it may carry.");
                }

                CostMap(JsonPath.Member(path, "costPerTonne"), costs, $"The transport cost on {what}");
                if (seen.Add(r.Id) && scenario.RouteAvailability.TryGetValue(r.Id, out var calendar))
                {
                    Calendar(JsonPath.Member(path, "availability"), calendar, what);
                }
            }
        }

        private void CheckOrphanCalendars()
        {
            foreach (var id in scenario.LocationAvailability.Keys.Where(k => !_network.TryGetLocation(k, out _)).OrderBy(k => k.Value, StringComparer.Ordinal))
            {
                Error(ValidationCode.UnknownReference, JsonPath.Member("$.locationAvailability", id.Value ?? string.Empty),
                    $"Availability is given for location '{id}', which is not in the network.");
            }

            foreach (var id in scenario.RouteAvailability.Keys.Where(k => !_network.TryGetRoute(k, out _)).OrderBy(k => k.Value, StringComparer.Ordinal))
            {
                Error(ValidationCode.UnknownReference, JsonPath.Member("$.routeAvailability", id.Value ?? string.Empty),
                    $"Availability is given for route '{id}', which is not in the network.");
            }
        }

        private void CheckSupplies()
        {
            for (var i = 0; i < scenario.Supplies.Length; i++)
            {
                var s = scenario.Supplies[i];
                var path = JsonPath.Element("$.supplies", i);
                var what = $"the supply of '{s.Commodity}' at '{s.Location}'";
                Line(path, what, s.Location, s.Commodity, s.Period);
                NonNegative(JsonPath.Member(path, "annualTonnes"), s.AnnualTonnes, $"The annual tonnes of {what}");
                NonNegative(JsonPath.Member(path, "costPerTonne"), s.CostPerTonne, $"The cost per tonne of {what}");
            }
        }

        private void CheckDemands()
        {
            for (var i = 0; i < scenario.Demands.Length; i++)
            {
                var d = scenario.Demands[i];
                var path = JsonPath.Element("$.demands", i);
                var what = $"the demand for '{d.Commodity}' at '{d.Location}'";
                Line(path, what, d.Location, d.Commodity, d.Period);
                NonNegative(JsonPath.Member(path, "annualTonnes"), d.AnnualTonnes, $"The annual tonnes of {what}");
                Positive(JsonPath.Member(path, "unmetPenaltyPerTonne"), d.UnmetPenaltyPerTonne, isAmount: true,
                    $"The penalty per unmet tonne of {what}");
            }
        }

        private void Line(string path, string what, LocationId location, CommodityId commodity, PeriodId? period)
        {
            var knownLocation = LocationReference(JsonPath.Member(path, "location"), location, $"{Capital(what)} is at");
            var knownCommodity = _commodities.Contains(commodity);
            if (!knownCommodity)
            {
                Error(ValidationCode.UnknownReference, JsonPath.Member(path, "commodity"),
                    $"{Capital(what)} names commodity '{commodity}', which is not in the commodities list.");
            }

            if (period is { } p) PeriodReference(JsonPath.Member(path, "period"), p, $"{Capital(what)} applies in");
            if (knownLocation && knownCommodity && !_network.GetLocation(location).Handles(commodity))
            {
                Error(ValidationCode.CommodityNotHandled, JsonPath.Member(path, "commodity"),
                    $"Location '{location}' cannot handle '{commodity}' (it is not in the location's commodities), so {what} could never be used.");
            }
        }

        private void CheckInvestments()
        {
            var options = scenario.Investments;
            Ids("$.investments", "investment", options.Select(o => o.Id).ToList());
            var byId = new Dictionary<string, InvestmentOption>(StringComparer.Ordinal);
            foreach (var o in options) byId.TryAdd(o.Id ?? string.Empty, o);

            for (var i = 0; i < options.Length; i++)
            {
                var o = options[i];
                var path = JsonPath.Element("$.investments", i);
                var what = $"investment '{o.Id}'";
                Positive(JsonPath.Member(path, "addedAnnualCapacityTonnes"), o.AddedAnnualCapacityTonnes, isAmount: true,
                    $"The capacity added by {what}");
                NonNegative(JsonPath.Member(path, "capitalCost"), o.CapitalCost, $"The capital cost of {what}");
                Positive(JsonPath.Member(path, "lifetimeYears"), o.LifetimeYears, isAmount: false, $"The lifetime of {what}");
                CheckTarget(path, what, o);
                if (!Enum.IsDefined(o.Kind))
                {
                    Error(ValidationCode.OutOfRange, JsonPath.Member(path, "kind"),
                        $"The kind of {what} must be one of {Names<InvestmentKind>()}.");
                }
                else
                {
                    CheckMaxUnits(JsonPath.Member(path, "maxUnits"), what, o);
                }

                if (o.FirstPeriod is { } first) PeriodReference(JsonPath.Member(path, "firstPeriod"), first, $"{Capital(what)} is first available in");
                var requires = o.Requires.IsDefault ? [] : o.Requires;
                for (var j = 0; j < requires.Length; j++)
                {
                    var rPath = JsonPath.Element(JsonPath.Member(path, "requires"), j);
                    if (!byId.TryGetValue(requires[j] ?? string.Empty, out var required))
                    {
                        Error(ValidationCode.UnknownReference, rPath,
                            $"{Capital(what)} requires investment '{requires[j]}', which is not in the investments list.");
                    }
                    else if (required.Kind == InvestmentKind.Continuous)
                    {
                        Error(ValidationCode.ContinuousPrerequisite, rPath,
                            $"{Capital(what)} requires investment '{requires[j]}', which is Continuous: 'built' cannot be enforced exactly for a Continuous option. Make it Binary or Modular.");
                    }
                }
            }

            CheckExclusiveGroups(options);
            CheckPrerequisiteCycles(options);
        }

        private void CheckTarget(string path, string what, InvestmentOption o)
        {
            if (o.Location is null == o.Route is null)
            {
                Error(ValidationCode.InvestmentTarget, path, o.Location is null
                    ? $"{Capital(what)} names neither a location nor a route; it must name exactly one of them."
                    : $"{Capital(what)} names both location '{o.Location}' and route '{o.Route}'; it must name exactly one of them.");
                return;
            }

            if (o.Location is { } locationId)
            {
                var locationPath = JsonPath.Member(path, "location");
                if (LocationReference(locationPath, locationId, $"{Capital(what)} expands")
                    && _network.GetLocation(locationId).AnnualCapacityTonnes is null)
                {
                    Error(ValidationCode.InvestmentOnUnlimitedTarget, locationPath,
                        $"{Capital(what)} expands location '{locationId}', which has no capacity (unlimited); give the location an annualCapacityTonnes.");
                }
            }
            else if (o.Route is { } routeId)
            {
                var routePath = JsonPath.Member(path, "route");
                if (!_network.TryGetRoute(routeId, out var route))
                {
                    Error(ValidationCode.UnknownReference, routePath,
                        $"{Capital(what)} expands route '{routeId}', which is not in the routes list.");
                }
                else if (route.AnnualCapacityTonnes is null)
                {
                    Error(ValidationCode.InvestmentOnUnlimitedTarget, routePath,
                        $"{Capital(what)} expands route '{routeId}', which has no capacity (unlimited); give the route an annualCapacityTonnes.");
                }
            }
        }

        private void CheckMaxUnits(string path, string what, InvestmentOption o)
        {
            if (o.MaxUnits is not { } max) return;
            if (!double.IsFinite(max))
            {
                Error(ValidationCode.NotFinite, path, $"The maximum units of {what} must be a finite number.");
                return;
            }

            var fits = o.Kind switch
            {
                InvestmentKind.Binary => max == 1,
                InvestmentKind.Modular => max >= 1 && Math.Floor(max) == max,
                _ => max > 0,
            };
            if (fits) return;
            var rule = o.Kind switch
            {
                InvestmentKind.Binary => "a Binary option is built once or not at all, so maxUnits must be left out or be 1",
                InvestmentKind.Modular => "a Modular option is built in whole steps, so maxUnits must be a whole number of at least 1",
                _ => "a Continuous option needs maxUnits above 0",
            };
            Error(ValidationCode.MaxUnitsMismatch, path, $"{Capital(what)} has maxUnits {Num(max)}, but {rule}.");
        }

        private void CheckExclusiveGroups(ImmutableArray<InvestmentOption> options)
        {
            var groups = options.Select((o, i) => (o.ExclusiveGroup, Index: i))
                .Where(x => x.ExclusiveGroup is not null)
                .GroupBy(x => x.ExclusiveGroup!, StringComparer.Ordinal);
            foreach (var group in groups.Where(g => g.Count() == 1))
            {
                var i = group.Single().Index;
                Error(ValidationCode.ExclusiveGroupOfOne, At("$.investments", i, "exclusiveGroup"),
                    $"Investment '{options[i].Id}' is the only option in exclusive group '{group.Key}'; a group needs at least two options (leave exclusiveGroup out otherwise).");
            }
        }

        private void CheckPrerequisiteCycles(ImmutableArray<InvestmentOption> options)
        {
            var ids = options.Select(o => o.Id ?? string.Empty).ToList();
            var requires = options.Select(o => (IReadOnlyList<string>)(o.Requires.IsDefault ? [] : o.Requires)).ToList();
            foreach (var cycle in PrerequisiteGraph.FindCycles(ids, requires))
            {
                var first = cycle[0];
                var next = ids[cycle.Count > 1 ? cycle[1] : first];
                var j = requires[first].ToList().FindIndex(id => string.Equals(id, next, StringComparison.Ordinal));
                var names = string.Join(" → ", cycle.Append(first).Select(c => $"'{ids[c]}'"));
                Error(ValidationCode.PrerequisiteCycle, JsonPath.Element(At("$.investments", first, "requires"), j),
                    cycle.Count == 1
                        ? $"Investment '{ids[first]}' requires itself, so it could never be built."
                        : $"Investments require each other in a cycle ({names}), so none of them could ever be built.");
            }
        }

        private void CheckBudget()
        {
            if (scenario.Budget is { } budget)
            {
                NonNegative("$.budget.capitalCost", budget.CapitalCost, "The capital budget");
            }
        }

        private void WarnMinimumFlows()
        {
            var periods = scenario.Horizon.Periods.IsDefault ? [] : scenario.Horizon.Periods;
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
                    var added = scenario.Investments
                        .Where(o => o.Route == r.Id && scenario.FirstPeriodIndexOf(o) <= t
                            && double.IsFinite(o.AddedAnnualCapacityTonnes) && o.AddedAnnualCapacityTonnes > 0)
                        .Sum(o => o.AddedAnnualCapacityTonnes * (double.IsFinite(o.UnitLimit) ? Math.Max(0, o.UnitLimit) : 0));
                    if (min > capacity + added) over.Add(periods[t].Id.Value);
                }

                if (over.Count > 0)
                {
                    Warning(ValidationCode.MinimumFlowAboveCapacity, At("$.routes", i, "minAnnualTonnes"),
                        $"Route '{r.Id}' must carry at least {Num(min)} t a year but can carry at most {Num(capacity)} t a year plus what its investments add, in {Periods(over)}; the scenario will be infeasible there.");
                }
            }
        }

        private void WarnReachability()
        {
            var reach = FlowReachability.Analyse(scenario);
            var periodCount = scenario.Horizon.Periods.Length;
            var demandLocations = scenario.Demands.Where(d => d.AnnualTonnes > 0).Select(d => d.Location).ToHashSet();
            for (var i = 0; i < _network.Locations.Length; i++)
            {
                var l = _network.Locations[i];
                if (reach.UsableLocations.Contains(i) || demandLocations.Contains(l.Id)) continue;
                Warning(ValidationCode.UnusableElement, JsonPath.Element("$.locations", i),
                    $"No flow can use location '{l.Id}': it is not on any open path from a supply to a demand of a commodity it handles.");
            }

            for (var i = 0; i < _network.Routes.Length; i++)
            {
                if (reach.UsableRoutes.Contains(i)) continue;
                var r = _network.Routes[i];
                Warning(ValidationCode.UnusableElement, JsonPath.Element("$.routes", i),
                    $"No flow can use route '{r.Id}' ({r.From} → {r.To}): in no period does it lead from a supply to a demand of a commodity it carries and both its ends handle.");
            }

            foreach (var (i, periods) in reach.UnreachableDemandPeriods.OrderBy(kv => kv.Key))
            {
                var d = scenario.Demands[i];
                var when = d.Period is null && periods.Length == periodCount
                    ? "in any period"
                    : $"in {Periods(periods.Select(p => p.Value).ToList())}";
                Warning(ValidationCode.UnreachableDemand, JsonPath.Element("$.demands", i),
                    $"No supply of '{d.Commodity}' can reach the demand at '{d.Location}' {when}; it will all go unmet (penalty {Num(scenario.PenaltyOf(d))} per tonne).");
            }
        }

        private void Calendar(string path, Availability calendar, string what)
        {
            var factors = calendar.Factors
                .OrderBy(kv => scenario.Horizon.IndexOf(kv.Key) is var x && x < 0 ? int.MaxValue : x)
                .ThenBy(kv => kv.Key.Value, StringComparer.Ordinal);
            foreach (var (period, factor) in factors)
            {
                var fPath = JsonPath.Member(path, period.Value ?? string.Empty);
                PeriodReference(fPath, period, $"The availability of {what} is given for");
                Range(fPath, factor, f => f is >= 0 and <= 1,
                    $"The availability of {what} in '{period}' must be between 0 (closed) and 1 (fully open).");
            }
        }

        private void CostMap(string path, ImmutableDictionary<CommodityId, double>? map, string what)
        {
            if (map is null) return;
            foreach (var (commodity, cost) in map.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
            {
                var cPath = JsonPath.Member(path, commodity.Value ?? string.Empty);
                if (!_commodities.Contains(commodity))
                {
                    Error(ValidationCode.UnknownReference, cPath,
                        $"{what} is given for commodity '{commodity}', which is not in the commodities list.");
                }

                NonNegative(cPath, cost, $"{what} of '{commodity}'");
            }
        }

        private void Ids(string path, string kind, List<string> ids)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                var idPath = At(path, i, "id");
                if (string.IsNullOrWhiteSpace(ids[i]))
                {
                    Error(ValidationCode.EmptyId, idPath, $"The {kind} at position {i} has an empty id; every {kind} needs one.");
                }
                else if (!first.TryAdd(ids[i], i))
                {
                    Error(ValidationCode.DuplicateId, idPath,
                        $"The {kind} id '{ids[i]}' is used more than once (first at {JsonPath.Element(path, first[ids[i]])}); ids must be unique.");
                }
            }
        }

        private bool LocationReference(string path, LocationId id, string what)
        {
            if (_network.TryGetLocation(id, out _)) return true;
            Error(ValidationCode.UnknownReference, path, $"{what} location '{id}', which is not in the locations list.");
            return false;
        }

        private void PeriodReference(string path, PeriodId id, string what)
        {
            if (_periods.Contains(id)) return;
            var known = string.Join(", ", scenario.Horizon.Periods.Select(p => $"'{p.Id}'"));
            Error(ValidationCode.UnknownReference, path, $"{what} period '{id}', which is not a period of the scenario (the periods are {known}).");
        }

        private void NonNegative(string path, double? value, string what)
        {
            if (value is not { } v) return;
            if (!double.IsFinite(v)) Error(ValidationCode.NotFinite, path, $"{what} must be a finite number, not {Num(v)}.");
            else if (v < 0) Error(ValidationCode.Negative, path, $"{what} must not be negative (it is {Num(v)}).");
            else TooLarge(path, v, what);
        }

        /// <summary>
        /// Amounts above <see cref="MaxMagnitude"/> (a petatonne, or 10^15 of money) are typos or unit
        /// mistakes, and solvers lose their footing on them (GLOP reports ABNORMAL): reject them here.
        /// </summary>
        private void TooLarge(string path, double v, string what)
        {
            if (v > MaxMagnitude)
            {
                Error(ValidationCode.OutOfRange, path,
                    $"{what} is {Num(v)}, above 1e15, the largest amount the solvers handle reliably; check the number and its unit (tonnes, currency units).");
            }
        }

        private void Positive(string path, double? value, bool isAmount, string what)
        {
            if (value is not { } v) return;
            if (!double.IsFinite(v)) Error(ValidationCode.NotFinite, path, $"{what} must be a finite number, not {Num(v)}.");
            else if (v < 0 && isAmount) Error(ValidationCode.Negative, path, $"{what} must not be negative (it is {Num(v)}).");
            else if (v <= 0) Error(ValidationCode.OutOfRange, path, $"{what} must be above 0 (it is {Num(v)}).");
            else TooLarge(path, v, what);
        }

        private void Range(string path, double value, Func<double, bool> inRange, string rule)
        {
            if (!double.IsFinite(value)) Error(ValidationCode.NotFinite, path, $"{rule} It is {Num(value)}.");
            else if (!inRange(value)) Error(ValidationCode.OutOfRange, path, $"{rule} It is {Num(value)}.");
        }

        private void Error(ValidationCode code, string path, string message) =>
            _issues.Add(new ValidationIssue(code, ValidationSeverity.Error, path, message));

        private void Warning(ValidationCode code, string path, string message) =>
            _issues.Add(new ValidationIssue(code, ValidationSeverity.Warning, path, message));

        private static string At(string array, int index, string member) => JsonPath.Member(JsonPath.Element(array, index), member);

        private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        private static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

        private static string Periods(List<string> periods) =>
            (periods.Count == 1 ? "period " : "periods ") + string.Join(", ", periods.Select(p => $"'{p}'"));

        private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
