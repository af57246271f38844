using System.Globalization;
using System.Text.Json;

// An independent reading of the scenario and plan formats (the model of the format's text and its
// price definitions), that certifies a plan file against its scenario file from the two files
// alone. It must not use any type of the library it checks (a test enforces it): it reads both
// files as raw JSON and has its own model, arithmetic and tolerances.
namespace FreightOptimizer.Tests.Serialization.Certification;

/// <summary>What a finding of the certifier is about: the reason a plan file is rejected.</summary>
internal enum CertificateCheck
{
    /// <summary>A file is not JSON of the expected shape, or the plan file holds no plan.</summary>
    MalformedFile,

    /// <summary>An entry names a route, location, commodity, period or option the scenario does not have, or a price the format does not define.</summary>
    UnknownEntity,

    /// <summary>An entry is listed twice.</summary>
    DuplicateEntry,

    /// <summary>An amount is negative or not a number.</summary>
    NegativeAmount,

    /// <summary>Flow on a closed route, through a closed end, or of a commodity an end does not handle or the route does not carry.</summary>
    ForbiddenFlow,

    /// <summary>More supply used than the lines give, or supply used at a closed location.</summary>
    SupplyLimit,

    /// <summary>Unmet beyond the soft demand, a hard demand not served, or demand at a closed location not all unmet.</summary>
    Demand,

    /// <summary>inflow + supply − outflow + unmet ≠ demand.</summary>
    FlowBalance,

    /// <summary>A route carries more than its capacity in the period.</summary>
    RouteCapacity,

    /// <summary>A location's throughput (inflow + supply used) exceeds its capacity in the period.</summary>
    LocationCapacity,

    /// <summary>A route carries less than its minimum in a period where it is open.</summary>
    MinimumFlow,

    /// <summary>Units outside 0..maxUnits, or not whole for a Binary or Modular option.</summary>
    InvestmentUnits,

    /// <summary>Two options of an exclusive group built.</summary>
    ExclusiveGroup,

    /// <summary>An option built without one it requires.</summary>
    Prerequisite,

    /// <summary>Capital spent beyond the budget.</summary>
    Budget,

    /// <summary>The flows emit more CO2e than the scenario's cap.</summary>
    Co2Cap,

    /// <summary>A cost component or the objective differs from the one recomputed from the files.</summary>
    Objective,

    /// <summary>A price the format promises is not in the file.</summary>
    MissingPrice,

    /// <summary>A capacity, minimum-flow or budget price is negative.</summary>
    PriceSign,

    /// <summary>A price is not 0 where its meaning makes it 0 (a capacity or minimum nothing can use in the period, a budget nothing can spend).</summary>
    PriceWithoutConstraint,

    /// <summary>An unused variable has a negative reduced cost: using it would lower the cost.</summary>
    DualFeasibility,

    /// <summary>A used variable has a non-zero reduced cost, or a positive price sits on a constraint with slack.</summary>
    ComplementarySlackness,

    /// <summary>The dual objective of the prices differs from the plan's cost.</summary>
    DualityGap,
}

/// <summary>One reason to reject a plan file.</summary>
/// <param name="Check">The kind of reason.</param>
/// <param name="Subject">What it is about, in the files' ids.</param>
/// <param name="Message">A sentence with the numbers.</param>
internal sealed record CertificateFinding(CertificateCheck Check, string Subject, string Message)
{
    public override string ToString() => $"{Check} at {Subject}: {Message}";
}

/// <summary>The certifier's answer.</summary>
/// <param name="Findings">Every reason to reject the plan; none when it is certified.</param>
/// <param name="RecomputedObjective">The objective recomputed from the scenario and the plan's amounts, when there was a plan.</param>
/// <param name="DualObjective">The dual objective of the plan's prices, when they were complete.</param>
internal sealed record Certificate(IReadOnlyList<CertificateFinding> Findings, double? RecomputedObjective, double? DualObjective)
{
    /// <summary>Feasible, costed as the scenario says, and proven optimal by its prices.</summary>
    public bool Certified => Findings.Count == 0;

    public bool Has(CertificateCheck check) => Findings.Any(f => f.Check == check);

    public override string ToString() =>
        Certified ? $"certified (objective {RecomputedObjective:R}, dual {DualObjective:R})" : string.Join(Environment.NewLine, Findings.Take(12));
}

/// <summary>
/// The certifier's tolerances. Each is relative to the magnitudes involved: a constraint's violation
/// to max(1, its largest term); a cost to max(1, |recomputed|, |reported|); a reduced cost to max(1, Σ |its
/// terms|); the duality gap, and a positive price times the slack of its constraint, to max(1, |objective|).
/// </summary>
internal sealed record CertifierTolerances
{
    public double Feasibility { get; init; } = 1e-6;

    public double Objective { get; init; } = 1e-6;

    public double Dual { get; init; } = 1e-6;

    public double Gap { get; init; } = 1e-6;

    public double Integrality { get; init; } = 1e-6;

    public static CertifierTolerances Default { get; } = new();
}

/// <summary>
/// Certifies a plan file against its scenario file from the files alone (format version 1): primal
/// feasibility, the objective recomputed from its components, and optimality through the prices —
/// dual feasibility, complementary slackness and a zero duality gap — for the LP, or for plans with
/// integer investment decisions the LP with those decisions fixed at the plan's units.
/// </summary>
/// <remarks>
/// <para>The model, read from the format's text. Variables ≥ 0: flow x[a,k,t] only where route a
/// carries k (a key of its costPerTonne), the route and both ends are open in t (availability factor
/// above 0) and both ends handle k; supply used per supply line and period (≤ annual × yearFraction);
/// unmet per soft demand line and period (≤ annual × yearFraction); units per option.</para>
/// <code>
/// balance  inflow + supply − outflow + unmet = demand            every open location n, handled k, t
/// route    Σ_k x[a,k,t] ≤ f_t·α[a,t]·(cap_a + Σ_{i→a, t ≥ first_i} add_i·units_i)
/// location Σ_k (inflow + supply)[n,k,t] ≤ f_t·α[n,t]·(cap_n + Σ_{i→n, t ≥ first_i} add_i·units_i)
/// minimum  Σ_k x[a,k,t] ≥ f_t·α[a,t]·min_a                      where the route and both ends are open
/// budget   Σ capitalCost_i·units_i ≤ B
/// CO2 cap  Σ e[a]·x[a,k,t] ≤ E, e[a] = factor·distanceKm/10^6 (factor: the route's, else the scenario's for its mode, else the format's default)
/// cost     Σ (c[a,k] + value_k·transitDays_a/365·holdingRate + e[a]·carbonPrice)·x + Σ h[to,k]·x + Σ h[n,k]·s + Σ p·s + Σ penalty·unmet + Σ capitalCost·units·CRF·years
/// </code>
/// <para>At a closed location nothing is supplied or served: its whole demand is unmet and pays its
/// penalty (a constant). Penalties: the line's, else the commodity's, else 1,000,000. CRF =
/// r(1+r)^n/((1+r)^n − 1), or 1/n at r = 0; years = Σ yearFraction.</para>
/// <para>Prices by their meaning: π (balance, free), ρ ≥ 0 (capacity: saving per extra tonne), μ ≥ 0
/// (minimum: cost per extra tonne), β ≥ 0 (budget). Reduced costs:</para>
/// <code>
/// x[a,k,t] from → to   d = c[a,k] + h[to,k] − π[to,k,t] + π[from,k,t] + ρ[a,t] + ρ[to,t] − μ[a,t] + γ·e[a]   (c with the surcharges, γ ≥ 0 the cap's price)
/// supply line at n     d = p + h[n,k] − π[n,k,t] + ρ[n,t]
/// unmet of a soft line d = penalty − π[n,k,t]
/// continuous option    d = capitalCost·CRF·years + β·capitalCost − Σ_{t ≥ first} ρ[target,t]·f_t·α·add
/// </code>
/// <para>Optimality: an unused variable has d ≥ 0, a variable at its upper bound d ≤ 0, one strictly
/// between d = 0; a positive price sits on a tight constraint; and the dual objective
/// Σ π·demand − Σ ρ·capacity(fixed) + Σ μ·minimum − β·(B − fixed spend) + Σ ub·min(d, 0) + fixed capital
/// + closed penalties equals the plan's cost (weak duality then proves it optimal). Options are fixed
/// (integer decisions) when Binary or Modular, in an exclusive group, requiring another or required.</para>
/// <para>A supply or unmet amount is one number per location, commodity and period; it is split over
/// the lines as any optimum splits it, cheapest supply and lowest penalty first.</para>
/// </remarks>
internal static class PlanFileCertifier
{
    public static Certificate CertifyFiles(string scenarioPath, string planPath, CertifierTolerances? tolerances = null) =>
        Certify(File.ReadAllText(scenarioPath), File.ReadAllText(planPath), tolerances);

    public static Certificate Certify(string scenarioJson, string planJson, CertifierTolerances? tolerances = null)
    {
        ScenarioFile scenario;
        PlanFile plan;
        try
        {
            using var scenarioDocument = JsonDocument.Parse(scenarioJson);
            scenario = ScenarioFile.Read(scenarioDocument.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return Malformed("scenario file", e.Message);
        }

        try
        {
            using var planDocument = JsonDocument.Parse(planJson);
            if (!planDocument.RootElement.TryGetProperty("flows", out _))
            {
                return Malformed("plan file", "The plan file holds no plan (no flows): there is nothing to certify.");
            }

            plan = PlanFile.Read(planDocument.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return Malformed("plan file", e.Message);
        }

        return new CertificationRun(scenario, plan, tolerances ?? CertifierTolerances.Default).Run();
    }

    private static Certificate Malformed(string subject, string message) =>
        new([new CertificateFinding(CertificateCheck.MalformedFile, subject, message)], null, null);
}

/// <summary>The scenario file as the model needs it, with every default of the format applied.</summary>
internal sealed class ScenarioFile
{
    public const double DefaultPenalty = 1_000_000;

    public required string[] Periods { get; init; }

    public required double[] Fraction { get; init; }

    public required string[] Commodities { get; init; }

    public required LocationData[] Locations { get; init; }

    public required RouteData[] Routes { get; init; }

    public required SupplyLine[] Supplies { get; init; }

    public required DemandLine[] Demands { get; init; }

    public required OptionData[] Options { get; init; }

    public required double? Budget { get; init; }

    /// <summary>The CO2 cap in tonnes, or null.</summary>
    public double? Co2Cap { get; init; }

    public required double DiscountRate { get; init; }

    public Dictionary<string, int> PeriodIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> CommodityIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> LocationIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> RouteIndex { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> OptionIndex { get; } = new(StringComparer.Ordinal);

    public double HorizonYears => Fraction.Sum();

    public bool IsOpen(int n, int t) => Locations[n].Availability[t] > 0;

    /// <summary>The route and both of its ends are open.</summary>
    public bool IsUsable(int a, int t) => Routes[a].Availability[t] > 0 && IsOpen(Routes[a].From, t) && IsOpen(Routes[a].To, t);

    public bool CanFlow(int a, int k, int t) =>
        !double.IsNaN(Routes[a].Cost[k]) && IsUsable(a, t) && Locations[Routes[a].From].Handles[k] && Locations[Routes[a].To].Handles[k];

    /// <summary>Why no flow of k can be on route a in t, or null when it can.</summary>
    public string? WhyNoFlow(int a, int k, int t)
    {
        var route = Routes[a];
        if (double.IsNaN(route.Cost[k])) return $"the route does not carry {Commodities[k]}";
        if (route.Availability[t] <= 0) return $"the route is closed in {Periods[t]}";
        foreach (var n in new[] { route.From, route.To })
        {
            if (!IsOpen(n, t)) return $"{Locations[n].Id} is closed in {Periods[t]}";
            if (!Locations[n].Handles[k]) return $"{Locations[n].Id} does not handle {Commodities[k]}";
        }

        return null;
    }

    /// <summary>The capital recovery factor of the format: r(1+r)^n/((1+r)^n − 1), or 1/n at r = 0.</summary>
    public double CapitalRecoveryFactor(double lifetimeYears)
    {
        var r = DiscountRate;
        if (r == 0) return 1 / lifetimeYears;
        var growth = Math.Pow(1 + r, lifetimeYears);
        return r * growth / (growth - 1);
    }

    /// <summary>What one unit of an option costs in the objective.</summary>
    public double ObjectivePerUnit(OptionData option) => option.CapitalCost * CapitalRecoveryFactor(option.LifetimeYears) * HorizonYears;

    public static ScenarioFile Read(JsonElement root)
    {
        var periods = new List<(string Id, double Fraction)>();
        if (Optional(root, "periods") is { } periodArray)
        {
            foreach (var p in periodArray.EnumerateArray()) periods.Add((Text(p, "id"), Number(p, "yearFraction")));
        }
        else
        {
            periods.Add(("year", 1));
        }

        var periodIndex = Index(periods.Select(p => p.Id));
        var commodities = new List<(string Id, double? Penalty, double? Value)>();
        foreach (var c in Required(root, "commodities").EnumerateArray()) commodities.Add((Text(c, "id"), OptionalNumber(c, "unmetPenaltyPerTonne"), OptionalNumber(c, "valuePerTonne")));

        // The generalised cost (docs/scenario-format.md, "Generalised cost"), read from the format's text.
        var general = Optional(root, "generalisedCost");
        var holding = general is { } g1 ? OptionalNumber(g1, "holdingRatePerYear") ?? 0 : 0;
        var carbonPrice = general is { } g2 ? OptionalNumber(g2, "carbonPricePerTonneCo2") ?? 0 : 0;
        var factors = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["Rail"] = 11.3, ["Road"] = 90.3, ["InlandWaterway"] = 38.6, ["Sea"] = 8, ["Pipeline"] = 5, ["Conveyor"] = 5,
        };
        if (general is { } g3 && Optional(g3, "emissionFactors") is { } given)
        {
            foreach (var entry in given.EnumerateObject()) factors[entry.Name] = entry.Value.GetDouble();
        }
        var commodityIndex = Index(commodities.Select(c => c.Id));
        int T = periods.Count, K = commodities.Count;

        double[] Availability(JsonElement e)
        {
            var factors = Enumerable.Repeat(1.0, T).ToArray();
            if (Optional(e, "availability") is { } map)
            {
                foreach (var entry in map.EnumerateObject()) factors[periodIndex[entry.Name]] = entry.Value.GetDouble();
            }

            return factors;
        }

        var locations = new List<LocationData>();
        foreach (var l in Required(root, "locations").EnumerateArray())
        {
            var handles = Enumerable.Repeat(true, K).ToArray();
            if (Optional(l, "commodities") is { } list)
            {
                handles = new bool[K];
                foreach (var c in list.EnumerateArray()) handles[commodityIndex[c.GetString()!]] = true;
            }

            var handling = new double[K];
            if (Optional(l, "handlingCostPerTonne") is { } costs)
            {
                foreach (var entry in costs.EnumerateObject()) handling[commodityIndex[entry.Name]] = entry.Value.GetDouble();
            }

            locations.Add(new LocationData(Text(l, "id"), OptionalNumber(l, "annualCapacityTonnes"), handling, handles, Availability(l)));
        }

        var locationIndex = Index(locations.Select(l => l.Id));
        var routes = new List<RouteData>();
        foreach (var r in Required(root, "routes").EnumerateArray())
        {
            var cost = Enumerable.Repeat(double.NaN, K).ToArray();
            foreach (var entry in Required(r, "costPerTonne").EnumerateObject()) cost[commodityIndex[entry.Name]] = entry.Value.GetDouble();
            var km = OptionalNumber(r, "distanceKm");
            var days = OptionalNumber(r, "transitDays");
            var co2 = km is { } d ? (OptionalNumber(r, "co2GramsPerTonneKm") ?? factors.GetValueOrDefault(Text(r, "mode"))) * d / 1e6 : 0;
            var time = commodities.Select(c => days is { } dd && c.Value is { } v ? v * dd / 365 * holding : 0).ToArray();
            routes.Add(new RouteData(Text(r, "id"), locationIndex[Text(r, "from")], locationIndex[Text(r, "to")],
                OptionalNumber(r, "annualCapacityTonnes"), cost, OptionalNumber(r, "minAnnualTonnes"), Availability(r))
            {
                TransitCost = time,
                Co2PerTonne = co2,
                CarbonCost = co2 * carbonPrice,
            });
        }

        int PeriodOf(JsonElement e) => OptionalText(e, "period") is { } p ? periodIndex[p] : -1;
        var supplies = new List<SupplyLine>();
        if (Optional(root, "supplies") is { } supplyArray)
        {
            foreach (var s in supplyArray.EnumerateArray())
            {
                supplies.Add(new SupplyLine(locationIndex[Text(s, "location")], commodityIndex[Text(s, "commodity")], Number(s, "annualTonnes"),
                    OptionalNumber(s, "costPerTonne") ?? 0, PeriodOf(s)));
            }
        }

        var demands = new List<DemandLine>();
        if (Optional(root, "demands") is { } demandArray)
        {
            foreach (var d in demandArray.EnumerateArray())
            {
                var k = commodityIndex[Text(d, "commodity")];
                var penalty = OptionalNumber(d, "unmetPenaltyPerTonne") ?? commodities[k].Penalty ?? DefaultPenalty;
                var mustServe = Optional(d, "mustServe") is { } flag && flag.GetBoolean();
                demands.Add(new DemandLine(locationIndex[Text(d, "location")], k, Number(d, "annualTonnes"), penalty, mustServe, PeriodOf(d)));
            }
        }

        var options = new List<OptionData>();
        if (Optional(root, "investments") is { } optionArray)
        {
            foreach (var o in optionArray.EnumerateArray())
            {
                var kind = OptionalText(o, "kind") ?? "Binary";
                var maxUnits = kind == "Binary" ? 1 : OptionalNumber(o, "maxUnits") ?? 1;
                var requires = Optional(o, "requires") is { } req ? req.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
                var target = OptionalText(o, "route") is { } route ? routes.FindIndex(x => x.Id == route) : -1;
                var at = OptionalText(o, "location") is { } location ? locationIndex[location] : -1;
                if ((target < 0) == (at < 0)) throw new FormatException($"Investment '{Text(o, "id")}' must name exactly one route or location of the scenario.");
                options.Add(new OptionData(Text(o, "id"), target, at,
                    Number(o, "addedAnnualCapacityTonnes"), Number(o, "capitalCost"), Number(o, "lifetimeYears"), kind, maxUnits,
                    OptionalText(o, "firstPeriod") is { } first ? periodIndex[first] : 0, OptionalText(o, "exclusiveGroup"), requires));
            }
        }

        var required = options.SelectMany(o => o.Requires).ToHashSet(StringComparer.Ordinal);
        options = [.. options.Select(o => o with { Fixed = o.Kind is "Binary" or "Modular" || o.Group is not null || o.Requires.Length > 0 || required.Contains(o.Id) })];
        double? budget = Optional(root, "budget") is { } b ? Number(b, "capitalCost") : null;
        var file = new ScenarioFile
        {
            Periods = [.. periods.Select(p => p.Id)],
            Fraction = [.. periods.Select(p => p.Fraction)],
            Commodities = [.. commodities.Select(c => c.Id)],
            Locations = [.. locations],
            Routes = [.. routes],
            Supplies = [.. supplies],
            Demands = [.. demands],
            Options = [.. options],
            Budget = budget,
            Co2Cap = OptionalNumber(root, "co2CapTonnes"),
            DiscountRate = OptionalNumber(root, "discountRate") ?? 0,
        };
        foreach (var (id, i) in periodIndex) file.PeriodIndex[id] = i;
        foreach (var (id, i) in commodityIndex) file.CommodityIndex[id] = i;
        foreach (var (id, i) in locationIndex) file.LocationIndex[id] = i;
        for (var a = 0; a < routes.Count; a++) file.RouteIndex.TryAdd(routes[a].Id, a);
        for (var i = 0; i < options.Count; i++) file.OptionIndex.TryAdd(options[i].Id, i);
        return file;
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids) index.TryAdd(id, index.Count);
        return index;
    }

    internal static JsonElement? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static JsonElement Required(JsonElement e, string name) =>
        Optional(e, name) ?? throw new FormatException($"'{name}' is missing.");

    internal static string Text(JsonElement e, string name) => Required(e, name).GetString() ?? throw new FormatException($"'{name}' is not text.");

    internal static string? OptionalText(JsonElement e, string name) => Optional(e, name)?.GetString();

    internal static double Number(JsonElement e, string name) => Required(e, name).GetDouble();

    internal static double? OptionalNumber(JsonElement e, string name) => Optional(e, name)?.GetDouble();
}

internal sealed record LocationData(string Id, double? Capacity, double[] Handling, bool[] Handles, double[] Availability);

/// <summary>A route; <see cref="Cost"/> is NaN for a commodity the route does not carry.</summary>
internal sealed record RouteData(string Id, int From, int To, double? Capacity, double[] Cost, double? Minimum, double[] Availability)
{
    /// <summary>The holding cost per tonne of each commodity in transit (0 without a holding rate).</summary>
    public double[] TransitCost { get; init; } = [];

    /// <summary>Tonnes of CO2e per tonne moved.</summary>
    public double Co2PerTonne { get; init; }

    /// <summary>The carbon cost per tonne moved (0 without a carbon price).</summary>
    public double CarbonCost { get; init; }

    /// <summary>The cost per tonne of k in the objective: tariff, holding and carbon.</summary>
    public double FullCost(int k) => Cost[k] + (TransitCost.Length > k ? TransitCost[k] : 0) + CarbonCost;
}

/// <summary>A supply line; <see cref="Period"/> −1 for every period.</summary>
internal sealed record SupplyLine(int Location, int Commodity, double AnnualTonnes, double CostPerTonne, int Period)
{
    public bool AppliesIn(int t) => Period < 0 || Period == t;
}

/// <summary>A demand line with its penalty resolved; <see cref="Period"/> −1 for every period.</summary>
internal sealed record DemandLine(int Location, int Commodity, double AnnualTonnes, double Penalty, bool MustServe, int Period)
{
    public bool AppliesIn(int t) => Period < 0 || Period == t;
}

/// <summary>An investment option; <see cref="Route"/> or <see cref="Location"/> is its target (−1 for the other).</summary>
internal sealed record OptionData(
    string Id, int Route, int Location, double Added, double CapitalCost, double LifetimeYears, string Kind, double MaxUnits, int FirstPeriod,
    string? Group, string[] Requires)
{
    /// <summary>An integer decision: fixed at the plan's units in the LP that the prices certify.</summary>
    public bool Fixed { get; init; }
}

/// <summary>The plan file's entries, as written.</summary>
internal sealed class PlanFile
{
    public required double? Objective { get; init; }

    public required Dictionary<string, double> Costs { get; init; }

    public required List<(string Route, string Commodity, string Period, double Tonnes)> Flows { get; init; }

    public required List<(string Location, string Commodity, string Period, double Tonnes)> Supplied { get; init; }

    public required List<(string Location, string Commodity, string Period, double Tonnes)> Unmet { get; init; }

    public required List<(string Id, double Units)> Investments { get; init; }

    public required List<(string Location, string Commodity, string Period, double PerTonne)> Balance { get; init; }

    public required List<(string? Route, string? Location, string Period, double PerTonne)> Capacity { get; init; }

    public required List<(string Route, string Period, double PerTonne)> Minimum { get; init; }

    public required JsonValueKind BudgetKind { get; init; }

    public required double? Budget { get; init; }

    /// <summary>The CO2 cap's price, or null.</summary>
    public double? Co2Cap { get; init; }

    public static PlanFile Read(JsonElement root)
    {
        static List<T> List<T>(JsonElement? array, Func<JsonElement, T> item) => array is { } a ? [.. a.EnumerateArray().Select(item)] : [];
        static string T(JsonElement e, string name) => ScenarioFile.Text(e, name);
        static double N(JsonElement e, string name) => ScenarioFile.Number(e, name);
        var prices = ScenarioFile.Optional(root, "prices");
        var costs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (ScenarioFile.Optional(root, "costs") is { } c)
        {
            foreach (var entry in c.EnumerateObject()) costs[entry.Name] = entry.Value.GetDouble();
        }

        var budgetKind = JsonValueKind.Null;
        if (prices is { } p && p.TryGetProperty("budget", out var budget)) budgetKind = budget.ValueKind;
        return new PlanFile
        {
            Objective = ScenarioFile.OptionalNumber(root, "objective"),
            Costs = costs,
            Flows = List(ScenarioFile.Optional(root, "flows"), e => (T(e, "route"), T(e, "commodity"), T(e, "period"), N(e, "tonnes"))),
            Supplied = List(ScenarioFile.Optional(root, "supplied"), e => (T(e, "location"), T(e, "commodity"), T(e, "period"), N(e, "tonnes"))),
            Unmet = List(ScenarioFile.Optional(root, "unmet"), e => (T(e, "location"), T(e, "commodity"), T(e, "period"), N(e, "tonnes"))),
            Investments = List(ScenarioFile.Optional(root, "investments"), e => (T(e, "id"), N(e, "units"))),
            Balance = List(prices is { } b ? ScenarioFile.Optional(b, "balance") : null, e => (T(e, "location"), T(e, "commodity"), T(e, "period"), N(e, "perTonne"))),
            Capacity = List(prices is { } q ? ScenarioFile.Optional(q, "capacity") : null,
                e => (ScenarioFile.OptionalText(e, "route"), ScenarioFile.OptionalText(e, "location"), T(e, "period"), N(e, "perTonne"))),
            Minimum = List(prices is { } m ? ScenarioFile.Optional(m, "minimumFlow") : null, e => (T(e, "route"), T(e, "period"), N(e, "perTonne"))),
            BudgetKind = budgetKind,
            Budget = budgetKind == JsonValueKind.Number ? prices!.Value.GetProperty("budget").GetDouble() : null,
            Co2Cap = prices is { } co2 ? ScenarioFile.OptionalNumber(co2, "co2Cap") : null,
        };
    }
}

/// <summary>One certification: the plan's amounts onto the scenario's model, then every check.</summary>
internal sealed class CertificationRun
{
    private readonly ScenarioFile _s;
    private readonly PlanFile _plan;
    private readonly CertifierTolerances _tol;
    private readonly List<CertificateFinding> _findings = [];
    private readonly int _t;
    private readonly int _k;

    private readonly Dictionary<(int A, int K, int T), double> _x = [];
    private readonly Dictionary<(int N, int K, int T), double> _supplied = [];
    private readonly Dictionary<(int N, int K, int T), double> _unmet = [];
    private readonly double[] _units;

    /// <summary>Per balance (n, k, t): inflow, outflow, demand, soft demand, supply available.</summary>
    private readonly Dictionary<(int N, int K, int T), Row> _rows = [];

    /// <summary>Σ_k x by route and period, throughput by location and period.</summary>
    private readonly double[,] _routeTotal;
    private readonly double[,] _throughput;

    /// <summary>Capacities with every option at the plan's units, and with only the fixed options.</summary>
    private readonly double[,] _routeCapacity;
    private readonly double[,] _routeCapacityFixed;
    private readonly double[,] _locationCapacity;
    private readonly double[,] _locationCapacityFixed;

    private readonly Dictionary<(int N, int K, int T), double> _pi = [];
    private readonly double?[,] _routeRho;
    private readonly double?[,] _locationRho;
    private readonly double?[,] _mu;

    /// <summary>The largest tonnage in the files: a variable counts as used above feasibility × this.</summary>
    private double _tonnage = 1;

    /// <summary>The largest price in magnitude: a price counts as positive above dual × this.</summary>
    private double _priceScale = 1;

    /// <summary>Tonnes of CO2e the plan's flows emit (set by RecomputeObjective).</summary>
    private double _co2;

    public CertificationRun(ScenarioFile scenario, PlanFile plan, CertifierTolerances tolerances)
    {
        _s = scenario;
        _plan = plan;
        _tol = tolerances;
        _t = scenario.Periods.Length;
        _k = scenario.Commodities.Length;
        _units = new double[scenario.Options.Length];
        _routeTotal = new double[scenario.Routes.Length, _t];
        _throughput = new double[scenario.Locations.Length, _t];
        _routeCapacity = new double[scenario.Routes.Length, _t];
        _routeCapacityFixed = new double[scenario.Routes.Length, _t];
        _locationCapacity = new double[scenario.Locations.Length, _t];
        _locationCapacityFixed = new double[scenario.Locations.Length, _t];
        _routeRho = new double?[scenario.Routes.Length, _t];
        _locationRho = new double?[scenario.Locations.Length, _t];
        _mu = new double?[scenario.Routes.Length, _t];
    }

    private sealed class Row
    {
        public double Inflow;
        public double Outflow;
        public double Demand;
        public double SoftDemand;
        public double SupplyAvailable;
        public readonly List<SupplyLine> Supplies = [];
        public readonly List<DemandLine> SoftLines = [];
    }

    public Certificate Run()
    {
        ReadAmounts();
        CheckInvestments();
        CheckFlows();
        ComputeCapacities();
        CheckCapacities();
        CheckBalances();
        var primal = RecomputeObjective();
        var dual = ReadPrices() ? CheckOptimality(primal) : (double?)null;
        return new Certificate(_findings, primal, dual);
    }

    // ---- the plan's amounts -----------------------------------------------------------------------

    private void ReadAmounts()
    {
        foreach (var (route, commodity, period, tonnes) in _plan.Flows)
        {
            if (!Resolve(_s.RouteIndex, route, commodity, period, "flow", out var a, out var k, out var t)) continue;
            Amount(_x, (a, k, t), tonnes, $"flow of {commodity} on {route} in {period}");
        }

        foreach (var (location, commodity, period, tonnes) in _plan.Supplied)
        {
            if (!Resolve(_s.LocationIndex, location, commodity, period, "supply", out var n, out var k, out var t)) continue;
            Amount(_supplied, (n, k, t), tonnes, $"supply of {commodity} at {location} in {period}");
        }

        foreach (var (location, commodity, period, tonnes) in _plan.Unmet)
        {
            if (!Resolve(_s.LocationIndex, location, commodity, period, "unmet demand", out var n, out var k, out var t)) continue;
            Amount(_unmet, (n, k, t), tonnes, $"unmet {commodity} at {location} in {period}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, units) in _plan.Investments)
        {
            if (!_s.OptionIndex.TryGetValue(id, out var i))
            {
                Add(CertificateCheck.UnknownEntity, $"investment {id}", "The plan builds an option the scenario does not have.");
            }
            else if (!seen.Add(id))
            {
                Add(CertificateCheck.DuplicateEntry, $"investment {id}", "The plan lists this option twice.");
            }
            else if (!double.IsFinite(units))
            {
                Add(CertificateCheck.NegativeAmount, $"investment {id}", $"{F(units)} units is not a number.");
            }
            else
            {
                _units[i] = units;
            }
        }

        foreach (var line in _s.Supplies)
        {
            for (var t = 0; t < _t; t++) if (line.AppliesIn(t)) Scale(line.AnnualTonnes * _s.Fraction[t]);
        }

        foreach (var line in _s.Demands)
        {
            for (var t = 0; t < _t; t++) if (line.AppliesIn(t)) Scale(line.AnnualTonnes * _s.Fraction[t]);
        }
    }

    private bool Resolve(Dictionary<string, int> index, string id, string commodity, string period, string what, out int entity, out int k, out int t)
    {
        var known = index.TryGetValue(id, out entity) & _s.CommodityIndex.TryGetValue(commodity, out k) & _s.PeriodIndex.TryGetValue(period, out t);
        if (!known) Add(CertificateCheck.UnknownEntity, $"{id}, {commodity}, {period}", $"The plan has {what} where the scenario has no such route, location, commodity or period.");
        return known;
    }

    private void Amount<TKey>(Dictionary<TKey, double> amounts, TKey key, double tonnes, string subject)
        where TKey : notnull
    {
        if (!double.IsFinite(tonnes) || tonnes < 0)
        {
            Add(CertificateCheck.NegativeAmount, subject, $"{F(tonnes)} t: an amount must be a number ≥ 0.");
            if (!double.IsFinite(tonnes)) return;
        }

        if (!amounts.TryAdd(key, tonnes))
        {
            Add(CertificateCheck.DuplicateEntry, subject, "The plan lists this amount twice.");
            amounts[key] += tonnes;
        }

        Scale(tonnes);
    }

    private void Scale(double tonnes)
    {
        if (double.IsFinite(tonnes)) _tonnage = Math.Max(_tonnage, Math.Abs(tonnes));
    }

    // ---- primal feasibility ----------------------------------------------------------------------

    private void CheckInvestments()
    {
        var spend = 0.0;
        var built = new bool[_units.Length];
        for (var i = 0; i < _units.Length; i++)
        {
            var option = _s.Options[i];
            var units = _units[i];
            var excess = Math.Max(-units, units - option.MaxUnits);
            if (excess > _tol.Integrality * Math.Max(1, option.MaxUnits))
            {
                Add(CertificateCheck.InvestmentUnits, $"investment {option.Id}", $"{F(units)} units; the option allows 0 to {F(option.MaxUnits)}.");
            }

            if (option.Kind is "Binary" or "Modular" && Math.Abs(units - Math.Round(units)) > _tol.Integrality)
            {
                Add(CertificateCheck.InvestmentUnits, $"investment {option.Id}", $"{F(units)} units of a {option.Kind} option, which must be whole.");
            }

            built[i] = units > _tol.Integrality;
            spend += option.CapitalCost * units;
        }

        foreach (var group in Enumerable.Range(0, _units.Length).Where(i => built[i] && _s.Options[i].Group is not null).GroupBy(i => _s.Options[i].Group!))
        {
            if (group.Count() > 1)
            {
                Add(CertificateCheck.ExclusiveGroup, $"group {group.Key}", $"{group.Count()} options of the group are built ({string.Join(", ", group.Select(i => _s.Options[i].Id))}).");
            }
        }

        for (var i = 0; i < _units.Length; i++)
        {
            if (!built[i]) continue;
            foreach (var required in _s.Options[i].Requires)
            {
                if (_s.OptionIndex.TryGetValue(required, out var j) && !built[j])
                {
                    Add(CertificateCheck.Prerequisite, $"investment {_s.Options[i].Id}", $"Built without {required}, which it requires.");
                }
            }
        }

        if (_s.Budget is { } budget && spend - budget > _tol.Feasibility * Math.Max(1, Math.Max(budget, spend)))
        {
            Add(CertificateCheck.Budget, "budget", $"The plan spends {F(spend)} on capital; the budget is {F(budget)}.");
        }
    }

    /// <summary>Flows onto routes and balances; a flow where none can exist is forbidden.</summary>
    private void CheckFlows()
    {
        foreach (var ((a, k, t), tonnes) in _x)
        {
            var route = _s.Routes[a];
            if (tonnes != 0 && _s.WhyNoFlow(a, k, t) is { } why)
            {
                Add(CertificateCheck.ForbiddenFlow, $"{route.Id}, {_s.Commodities[k]}, {_s.Periods[t]}", $"The plan moves {F(tonnes)} t where no flow can exist: {why}.");
            }

            _routeTotal[a, t] += tonnes;
            _throughput[route.To, t] += tonnes;
            RowOf(route.To, k, t).Inflow += tonnes;
            RowOf(route.From, k, t).Outflow += tonnes;
        }

        foreach (var ((n, _, t), tonnes) in _supplied) _throughput[n, t] += tonnes;
        foreach (var line in _s.Supplies)
        {
            for (var t = 0; t < _t; t++)
            {
                if (!line.AppliesIn(t)) continue;
                var row = RowOf(line.Location, line.Commodity, t);
                row.Supplies.Add(line);
                row.SupplyAvailable += line.AnnualTonnes * _s.Fraction[t];
            }
        }

        foreach (var line in _s.Demands)
        {
            for (var t = 0; t < _t; t++)
            {
                if (!line.AppliesIn(t)) continue;
                var row = RowOf(line.Location, line.Commodity, t);
                var tonnes = line.AnnualTonnes * _s.Fraction[t];
                row.Demand += tonnes;
                if (line.MustServe) continue;
                row.SoftDemand += tonnes;
                row.SoftLines.Add(line);
            }
        }

        foreach (var key in _supplied.Keys.Concat(_unmet.Keys)) RowOf(key.N, key.K, key.T);
    }

    private Row RowOf(int n, int k, int t)
    {
        if (!_rows.TryGetValue((n, k, t), out var row)) _rows[(n, k, t)] = row = new Row();
        return row;
    }

    private void ComputeCapacities()
    {
        for (var t = 0; t < _t; t++)
        {
            for (var a = 0; a < _s.Routes.Length; a++)
            {
                if (_s.Routes[a].Capacity is not { } capacity) continue;
                var rate = _s.Fraction[t] * _s.Routes[a].Availability[t];
                (_routeCapacity[a, t], _routeCapacityFixed[a, t]) = WithOptions(capacity, rate, t, i => _s.Options[i].Route == a);
                Scale(_routeCapacity[a, t]);
            }

            for (var n = 0; n < _s.Locations.Length; n++)
            {
                if (_s.Locations[n].Capacity is not { } capacity) continue;
                var rate = _s.Fraction[t] * _s.Locations[n].Availability[t];
                (_locationCapacity[n, t], _locationCapacityFixed[n, t]) = WithOptions(capacity, rate, t, i => _s.Options[i].Location == n);
                Scale(_locationCapacity[n, t]);
            }
        }
    }

    /// <summary>f·α·(cap + Σ add·units) over the options on the target active in t: with all, and with the fixed only.</summary>
    private (double All, double Fixed) WithOptions(double capacity, double rate, int t, Func<int, bool> targets)
    {
        double all = capacity, fixedOnly = capacity;
        for (var i = 0; i < _units.Length; i++)
        {
            if (!targets(i) || t < _s.Options[i].FirstPeriod) continue;
            all += _s.Options[i].Added * _units[i];
            if (_s.Options[i].Fixed) fixedOnly += _s.Options[i].Added * _units[i];
        }

        return (rate * all, rate * fixedOnly);
    }

    private void CheckCapacities()
    {
        for (var t = 0; t < _t; t++)
        {
            for (var a = 0; a < _s.Routes.Length; a++)
            {
                var route = _s.Routes[a];
                var total = _routeTotal[a, t];
                if (route.Capacity is not null && Violates(total - _routeCapacity[a, t], Math.Max(total, _routeCapacity[a, t])))
                {
                    Add(CertificateCheck.RouteCapacity, $"{route.Id}, {_s.Periods[t]}", $"The route carries {F(total)} t; its capacity is {F(_routeCapacity[a, t])} t.");
                }

                if (route.Minimum is > 0 && _s.IsUsable(a, t))
                {
                    var need = _s.Fraction[t] * route.Availability[t] * route.Minimum.Value;
                    if (Violates(need - total, Math.Max(total, need)))
                    {
                        Add(CertificateCheck.MinimumFlow, $"{route.Id}, {_s.Periods[t]}", $"The route carries {F(total)} t; its minimum is {F(need)} t.");
                    }
                }
            }

            for (var n = 0; n < _s.Locations.Length; n++)
            {
                var through = _throughput[n, t];
                if (_s.Locations[n].Capacity is not null && Violates(through - _locationCapacity[n, t], Math.Max(through, _locationCapacity[n, t])))
                {
                    Add(CertificateCheck.LocationCapacity, $"{_s.Locations[n].Id}, {_s.Periods[t]}",
                        $"Throughput (inflow + supply used) is {F(through)} t; the capacity is {F(_locationCapacity[n, t])} t.");
                }
            }
        }
    }

    /// <summary>Supply, unmet and balance of every location, commodity and period that anything touches.</summary>
    private void CheckBalances()
    {
        foreach (var ((n, k, t), row) in _rows)
        {
            var subject = $"{_s.Locations[n].Id}, {_s.Commodities[k]}, {_s.Periods[t]}";
            var supply = _supplied.GetValueOrDefault((n, k, t));
            var unmet = _unmet.GetValueOrDefault((n, k, t));
            if (!(_s.IsOpen(n, t) && _s.Locations[n].Handles[k]))
            {
                var why = _s.IsOpen(n, t) ? $"{_s.Locations[n].Id} does not handle {_s.Commodities[k]}" : $"{_s.Locations[n].Id} is closed in {_s.Periods[t]}";
                if (Violates(supply, supply)) Add(CertificateCheck.SupplyLimit, subject, $"The plan uses {F(supply)} t of supply, but {why}.");
                if (row.Demand > row.SoftDemand) Add(CertificateCheck.Demand, subject, $"A hard demand of {F(row.Demand - row.SoftDemand)} t cannot be served: {why}.");
                if (Violates(Math.Abs(unmet - row.Demand), Math.Max(unmet, row.Demand)))
                {
                    Add(CertificateCheck.Demand, subject, $"Nothing is served here ({why}), so all {F(row.Demand)} t are unmet; the plan says {F(unmet)} t.");
                }

                continue;
            }

            if (Violates(supply - row.SupplyAvailable, Math.Max(supply, row.SupplyAvailable)))
            {
                Add(CertificateCheck.SupplyLimit, subject, $"The plan uses {F(supply)} t of supply; the lines give {F(row.SupplyAvailable)} t.");
            }

            if (Violates(unmet - row.SoftDemand, Math.Max(unmet, row.Demand)))
            {
                Add(CertificateCheck.Demand, subject, $"The plan leaves {F(unmet)} t unmet; only {F(row.SoftDemand)} t of the {F(row.Demand)} t demand may go unserved.");
            }

            var residual = row.Inflow + supply - row.Outflow + unmet - row.Demand;
            if (Violates(Math.Abs(residual), Math.Max(Math.Max(row.Inflow, row.Outflow), Math.Max(Math.Max(supply, unmet), row.Demand))))
            {
                Add(CertificateCheck.FlowBalance, subject,
                    $"Inflow {F(row.Inflow)} + supply {F(supply)} − outflow {F(row.Outflow)} + unmet {F(unmet)} ≠ demand {F(row.Demand)} (off by {F(residual)} t).");
            }
        }
    }

    private bool Violates(double violation, double scale) => violation > _tol.Feasibility * Math.Max(1, scale);

    // ---- the objective ---------------------------------------------------------------------------

    private double RecomputeObjective()
    {
        double transport = 0, handling = 0, supplyCost = 0, penalty = 0, capital = 0, transitTime = 0, carbon = 0, co2 = 0;
        foreach (var ((a, k, t), tonnes) in _x)
        {
            var route = _s.Routes[a];
            if (!double.IsNaN(route.Cost[k]))
            {
                transport += route.Cost[k] * tonnes;
                transitTime += (route.TransitCost.Length > k ? route.TransitCost[k] : 0) * tonnes;
                carbon += route.CarbonCost * tonnes;
            }

            co2 += route.Co2PerTonne * tonnes;
            handling += _s.Locations[route.To].Handling[k] * tonnes;
        }

        foreach (var ((n, k, _), tonnes) in _supplied) handling += _s.Locations[n].Handling[k] * tonnes;
        foreach (var ((n, k, t), row) in _rows)
        {
            var open = _s.IsOpen(n, t) && _s.Locations[n].Handles[k];
            foreach (var (line, tonnes) in SplitSupply(row, _supplied.GetValueOrDefault((n, k, t)), t)) supplyCost += line.CostPerTonne * tonnes;
            if (open)
            {
                foreach (var (line, tonnes) in SplitUnmet(row, _unmet.GetValueOrDefault((n, k, t)), t)) penalty += line.Penalty * Math.Min(tonnes, line.AnnualTonnes * _s.Fraction[t]);
            }
            else
            {
                foreach (var line in row.SoftLines) penalty += line.Penalty * line.AnnualTonnes * _s.Fraction[t];
            }
        }

        for (var i = 0; i < _units.Length; i++) capital += _s.ObjectivePerUnit(_s.Options[i]) * _units[i];
        var total = transport + handling + supplyCost + penalty + capital + transitTime + carbon;
        if (_s.Co2Cap is { } cap && Violates(co2 - cap, Math.Max(cap, co2)))
        {
            Add(CertificateCheck.Co2Cap, "co2Cap", $"The flows emit {F(co2)} t CO2e; the cap is {F(cap)} t.");
        }

        _co2 = co2;
        if (transitTime != 0 || _plan.Costs.ContainsKey("transitTime")) Compare("transitTime", transitTime);
        if (carbon != 0 || _plan.Costs.ContainsKey("carbon")) Compare("carbon", carbon);
        Compare("transport", transport);
        Compare("handling", handling);
        Compare("supply", supplyCost);
        Compare("capital", capital);
        Compare("unmetPenalty", penalty);
        if (_plan.Objective is not { } objective)
        {
            Add(CertificateCheck.Objective, "objective", "The plan has a plan but no objective.");
        }
        else if (!Close(total, objective))
        {
            Add(CertificateCheck.Objective, "objective", $"The plan reports {F(objective)}; recomputed from the files it is {F(total)}.");
        }

        return total;

        void Compare(string part, double recomputed)
        {
            var reported = _plan.Costs.GetValueOrDefault(part, double.NaN);
            if (!Close(recomputed, reported))
            {
                Add(CertificateCheck.Objective, $"costs.{part}", $"The plan reports {F(reported)}; recomputed from the files it is {F(recomputed)}.");
            }
        }

        bool Close(double a, double b) => Math.Abs(a - b) <= _tol.Objective * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
    }

    /// <summary>Supply used split over the lines cheapest first (any excess on the last).</summary>
    private List<(SupplyLine Line, double Tonnes)> SplitSupply(Row row, double total, int t) =>
        Split(row.Supplies.OrderBy(l => l.CostPerTonne).ToList(), total, l => l.AnnualTonnes * _s.Fraction[t]);

    /// <summary>Unmet split over the soft lines lowest penalty first (any excess on the last).</summary>
    private List<(DemandLine Line, double Tonnes)> SplitUnmet(Row row, double total, int t) =>
        Split(row.SoftLines.OrderBy(l => l.Penalty).ToList(), total, l => l.AnnualTonnes * _s.Fraction[t]);

    private static List<(TLine Line, double Tonnes)> Split<TLine>(List<TLine> lines, double total, Func<TLine, double> bound)
    {
        var split = new List<(TLine, double)>();
        var remaining = total;
        foreach (var line in lines)
        {
            var value = Math.Max(0, Math.Min(remaining, bound(line)));
            remaining -= value;
            split.Add((line, value));
        }

        if (split.Count > 0 && remaining > 0) split[^1] = (split[^1].Item1, split[^1].Item2 + remaining);
        return split;
    }

    // ---- prices ----------------------------------------------------------------------------------

    /// <summary>
    /// Reads the prices onto the model and checks that the file has exactly the set the format
    /// promises; returns whether they are complete enough to certify.
    /// </summary>
    private bool ReadPrices()
    {
        var complete = true;
        foreach (var (location, commodity, period, price) in _plan.Balance)
        {
            var subject = $"balance price {location}, {commodity}, {period}";
            if (!_s.LocationIndex.TryGetValue(location, out var n) | !_s.CommodityIndex.TryGetValue(commodity, out var k) | !_s.PeriodIndex.TryGetValue(period, out var t)
                || !_s.IsOpen(n, t) || !_s.Locations[n].Handles[k])
            {
                Add(CertificateCheck.UnknownEntity, subject, "The format defines balance prices only at open locations for the commodities they handle.");
            }
            else if (!_pi.TryAdd((n, k, t), price))
            {
                Add(CertificateCheck.DuplicateEntry, subject, "The plan lists this price twice.");
            }
            else
            {
                _priceScale = Math.Max(_priceScale, Math.Abs(price));
            }
        }

        foreach (var (route, location, period, price) in _plan.Capacity)
        {
            var subject = $"capacity price {route ?? location}, {period}";
            var t = _s.PeriodIndex.GetValueOrDefault(period, -1);
            double?[,]? target = null;
            var index = -1;
            if (t >= 0 && route is not null && location is null && _s.RouteIndex.TryGetValue(route, out var a) && _s.Routes[a].Capacity is not null)
            {
                (target, index) = (_routeRho, a);
            }
            else if (t >= 0 && location is not null && route is null && _s.LocationIndex.TryGetValue(location, out var n) && _s.Locations[n].Capacity is not null)
            {
                (target, index) = (_locationRho, n);
            }

            Place(target, index, t, price, subject, "The format defines capacity prices for capacitated routes and locations, one of them per entry.");
        }

        foreach (var (route, period, price) in _plan.Minimum)
        {
            var t = _s.PeriodIndex.GetValueOrDefault(period, -1);
            var known = _s.RouteIndex.TryGetValue(route, out var a) && _s.Routes[a].Minimum is > 0;
            Place(known ? _mu : null, a, t, price, $"minimum-flow price {route}, {period}", "The format defines minimum-flow prices for routes with a minimum.");
        }

        if (_plan.Budget is { } beta) _priceScale = Math.Max(_priceScale, Math.Abs(beta));

        // Completeness: every promised price.
        for (var t = 0; t < _t; t++)
        {
            for (var n = 0; n < _s.Locations.Length; n++)
            {
                for (var k = 0; k < _k; k++)
                {
                    if (_s.IsOpen(n, t) && _s.Locations[n].Handles[k] && !_pi.ContainsKey((n, k, t)))
                    {
                        complete = Missing($"balance price {_s.Locations[n].Id}, {_s.Commodities[k]}, {_s.Periods[t]}");
                    }
                }

                if (_s.Locations[n].Capacity is not null && _locationRho[n, t] is null) complete = Missing($"capacity price {_s.Locations[n].Id}, {_s.Periods[t]}");
            }

            for (var a = 0; a < _s.Routes.Length; a++)
            {
                if (_s.Routes[a].Capacity is not null && _routeRho[a, t] is null) complete = Missing($"capacity price {_s.Routes[a].Id}, {_s.Periods[t]}");
                if (_s.Routes[a].Minimum is > 0 && _mu[a, t] is null) complete = Missing($"minimum-flow price {_s.Routes[a].Id}, {_s.Periods[t]}");
            }
        }

        if (_s.Budget is not null && _plan.Budget is null)
        {
            complete = Missing("budget price");
        }
        else if (_s.Budget is null && _plan.BudgetKind != JsonValueKind.Null)
        {
            Add(CertificateCheck.UnknownEntity, "budget price", "The scenario has no budget, so the budget price must be null.");
        }

        return complete;

        bool Missing(string subject)
        {
            Add(CertificateCheck.MissingPrice, subject, "The format promises this price; the plan file does not have it.");
            return false;
        }

        void Place(double?[,]? target, int index, int t, double price, string subject, string unknown)
        {
            if (target is null || t < 0)
            {
                Add(CertificateCheck.UnknownEntity, subject, unknown);
            }
            else if (target[index, t] is not null)
            {
                Add(CertificateCheck.DuplicateEntry, subject, "The plan lists this price twice.");
            }
            else
            {
                target[index, t] = price;
                _priceScale = Math.Max(_priceScale, Math.Abs(price));
            }
        }
    }

    // ---- optimality ------------------------------------------------------------------------------

    /// <summary>Signs and meanings of the prices, reduced costs, complementary slackness and the duality gap; returns the dual objective.</summary>
    private double CheckOptimality(double primal)
    {
        var priceTolerance = _tol.Dual * _priceScale;
        var allowance = _tol.Gap * Math.Max(1, Math.Abs(primal));
        var dual = 0.0;

        // Balance rows: Σ π·demand over the open ones.
        foreach (var ((n, k, t), row) in _rows)
        {
            if (_pi.TryGetValue((n, k, t), out var pi)) dual += pi * row.Demand;
        }

        // Capacity and minimum-flow rows: signs, meanings, slackness, and their dual terms.
        for (var t = 0; t < _t; t++)
        {
            for (var a = 0; a < _s.Routes.Length; a++)
            {
                var route = _s.Routes[a];
                var subject = $"{route.Id}, {_s.Periods[t]}";
                var usable = Enumerable.Range(0, _k).Any(k => _s.CanFlow(a, k, t));
                if (route.Capacity is not null)
                {
                    var rho = _routeRho[a, t]!.Value;
                    RowPrice(rho, usable, _routeCapacity[a, t] - _routeTotal[a, t], _routeCapacity[a, t], "capacity", subject);
                    dual -= rho * _routeCapacityFixed[a, t];
                }

                if (route.Minimum is > 0)
                {
                    var mu = _mu[a, t]!.Value;
                    var need = _s.IsUsable(a, t) ? _s.Fraction[t] * route.Availability[t] * route.Minimum.Value : 0;
                    RowPrice(mu, _s.IsUsable(a, t), _routeTotal[a, t] - need, need, "minimum-flow", subject);
                    dual += mu * need;
                }
            }

            for (var n = 0; n < _s.Locations.Length; n++)
            {
                if (_s.Locations[n].Capacity is null) continue;
                var rho = _locationRho[n, t]!.Value;
                var usable = _s.IsOpen(n, t)
                    && (Enumerable.Range(0, _s.Routes.Length).Any(a => _s.Routes[a].To == n && Enumerable.Range(0, _k).Any(k => _s.CanFlow(a, k, t)))
                        || _s.Supplies.Any(l => l.Location == n && l.AppliesIn(t)));
                RowPrice(rho, usable, _locationCapacity[n, t] - _throughput[n, t], _locationCapacity[n, t], "capacity", $"{_s.Locations[n].Id}, {_s.Periods[t]}");
                dual -= rho * _locationCapacityFixed[n, t];
            }
        }

        var beta = _plan.Budget ?? 0;
        if (_s.Budget is { } budget)
        {
            var spend = 0.0;
            var fixedSpend = 0.0;
            for (var i = 0; i < _units.Length; i++)
            {
                spend += _s.Options[i].CapitalCost * _units[i];
                if (_s.Options[i].Fixed) fixedSpend += _s.Options[i].CapitalCost * _units[i];
            }

            RowPrice(beta, _units.Length > 0, budget - spend, budget, "budget", "budget");
            dual -= beta * (budget - fixedSpend);
        }

        var gamma = _plan.Co2Cap ?? 0;
        if (_s.Co2Cap is { } co2Cap)
        {
            RowPrice(gamma, true, co2Cap - _co2, co2Cap, "co2Cap", "CO2 cap");
            dual -= gamma * co2Cap;
        }
        else if (gamma != 0)
        {
            Add(CertificateCheck.DualFeasibility, "co2Cap", $"The plan prices a CO2 cap at {F(gamma)}, but the scenario has none.");
        }

        // Reduced costs of every variable.
        var usedAbove = _tol.Feasibility * _tonnage;
        for (var t = 0; t < _t; t++)
        {
            for (var a = 0; a < _s.Routes.Length; a++)
            {
                var route = _s.Routes[a];
                for (var k = 0; k < _k; k++)
                {
                    if (!_s.CanFlow(a, k, t)) continue;
                    var piTo = _pi[(route.To, k, t)];
                    var piFrom = _pi[(route.From, k, t)];
                    var rho = _routeRho[a, t] ?? 0;
                    var rhoTo = _locationRho[route.To, t] ?? 0;
                    var mu = _mu[a, t] ?? 0;
                    var handling = _s.Locations[route.To].Handling[k];
                    var cost = route.FullCost(k) + (gamma * route.Co2PerTonne);
                    var reduced = cost + handling - piTo + piFrom + rho + rhoTo - mu;
                    var scale = Math.Abs(cost) + handling + Math.Abs(piTo) + Math.Abs(piFrom) + rho + rhoTo + mu;
                    var tonnes = _x.GetValueOrDefault((a, k, t));
                    dual += Variable(reduced, scale, tonnes, double.PositiveInfinity, usedAbove, $"flow of {_s.Commodities[k]} on {route.Id} in {_s.Periods[t]}");
                }
            }
        }

        foreach (var ((n, k, t), row) in _rows)
        {
            if (!_pi.TryGetValue((n, k, t), out var pi)) continue;
            var rho = _locationRho[n, t] ?? 0;
            var handling = _s.Locations[n].Handling[k];
            var where = $"{_s.Commodities[k]} at {_s.Locations[n].Id} in {_s.Periods[t]}";
            foreach (var (line, tonnes) in SplitSupply(row, _supplied.GetValueOrDefault((n, k, t)), t))
            {
                var reduced = line.CostPerTonne + handling - pi + rho;
                dual += Variable(reduced, line.CostPerTonne + handling + Math.Abs(pi) + rho, tonnes, line.AnnualTonnes * _s.Fraction[t], usedAbove,
                    $"supply of {where} from a line at {F(line.CostPerTonne)} per tonne");
            }

            foreach (var (line, tonnes) in SplitUnmet(row, _unmet.GetValueOrDefault((n, k, t)), t))
            {
                var reduced = line.Penalty - pi;
                dual += Variable(reduced, line.Penalty + Math.Abs(pi), tonnes, line.AnnualTonnes * _s.Fraction[t], usedAbove,
                    $"unmet {where} of a line with penalty {F(line.Penalty)}");
            }
        }

        for (var i = 0; i < _units.Length; i++)
        {
            var option = _s.Options[i];
            var perUnit = _s.ObjectivePerUnit(option);
            if (option.Fixed)
            {
                dual += perUnit * _units[i];
                continue;
            }

            var reduced = perUnit + (beta * option.CapitalCost);
            var scale = Math.Abs(perUnit) + Math.Abs(beta * option.CapitalCost);
            for (var t = option.FirstPeriod; t < _t; t++)
            {
                var (rho, factor) = option.Route >= 0
                    ? (_routeRho[option.Route, t] ?? 0, _s.Routes[option.Route].Availability[t])
                    : (_locationRho[option.Location, t] ?? 0, _s.Locations[option.Location].Availability[t]);
                var term = rho * _s.Fraction[t] * factor * option.Added;
                reduced -= term;
                scale += Math.Abs(term);
            }

            dual += Variable(reduced, scale, _units[i], option.MaxUnits, _tol.Integrality * Math.Max(1, option.MaxUnits), $"investment {option.Id}");
        }

        // Demand at closed locations pays its whole penalty whatever the plan does: a constant.
        foreach (var ((n, k, t), row) in _rows)
        {
            if (_s.IsOpen(n, t) && _s.Locations[n].Handles[k]) continue;
            foreach (var line in row.SoftLines) dual += line.Penalty * line.AnnualTonnes * _s.Fraction[t];
        }

        var gap = Math.Abs(primal - dual);
        if (gap > _tol.Gap * Math.Max(1, Math.Abs(primal)))
        {
            Add(CertificateCheck.DualityGap, "objective", $"The prices give a dual objective of {F(dual)}; the plan costs {F(primal)} (gap {F(gap)}).");
        }

        return dual;

        void RowPrice(double price, bool usable, double slack, double scale, string kind, string subject)
        {
            if (price < -priceTolerance)
            {
                Add(CertificateCheck.PriceSign, $"{kind} price {subject}", $"The price is {F(price)}; it must be ≥ 0.");
            }
            else if (!usable && Math.Abs(price) > priceTolerance)
            {
                Add(CertificateCheck.PriceWithoutConstraint, $"{kind} price {subject}",
                    $"The price is {F(price)}, but nothing can use this {kind} here, so one more tonne (or unit) of it changes nothing: its price is 0.");
            }
            else if (price > priceTolerance && slack > _tol.Feasibility * Math.Max(1, scale) && price * slack > allowance)
            {
                Add(CertificateCheck.ComplementarySlackness, $"{kind} price {subject}", $"The price is {F(price)}, but the constraint has a slack of {F(slack)}.");
            }
        }

        // The check of one variable with bounds [0, ub] and its term ub·min(d, 0) of the dual objective.
        double Variable(double reduced, double scale, double value, double ub, double used, string subject)
        {
            var tolerance = _tol.Dual * Math.Max(1, scale);
            if (ub <= used) return 0; // fixed at 0: any reduced cost will do
            var atLower = value <= used;
            var atUpper = value >= ub - used;
            if (atLower && reduced < -tolerance)
            {
                Add(CertificateCheck.DualFeasibility, subject, $"Unused, but its reduced cost is {F(reduced)}: using it would lower the cost.");
            }
            else if (!atLower && atUpper && reduced > tolerance)
            {
                Add(CertificateCheck.ComplementarySlackness, subject, $"{F(value)} at its bound {F(ub)}, but its reduced cost is {F(reduced)}: less of it would cost less.");
            }
            else if (!atLower && !atUpper && Math.Abs(reduced) > tolerance)
            {
                Add(CertificateCheck.ComplementarySlackness, subject, $"{F(value)} is used, but its reduced cost is {F(reduced)}, not 0.");
            }

            return double.IsFinite(ub) ? ub * Math.Min(reduced, 0) : 0;
        }
    }

    private void Add(CertificateCheck check, string subject, string message) => _findings.Add(new CertificateFinding(check, subject, message));

    private static string F(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
