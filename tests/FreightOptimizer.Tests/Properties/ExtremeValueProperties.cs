using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Properties;

/// <summary>
/// Numbers stay finite: a valid scenario with any numeric field at the edge of its range (0, the
/// smallest positive double, the largest value accepted, just above it, far above it) either solves,
/// with a status, every number of the result finite and a plan.json that reads back, or is rejected
/// with a <see cref="FreightValidationException"/> that names where. Never another exception, never
/// NaN or infinity in a result or a file.
/// </summary>
public sealed class ExtremeValueProperties
{
    /// <summary>What validation says of a value in <see cref="Base"/>: within every range, or outside one (its own, or a derived value's).</summary>
    public enum Expect
    {
        /// <summary>Accepted: the scenario is solved (to whatever status).</summary>
        Accepted,

        /// <summary>Rejected with a <see cref="FreightValidationException"/>.</summary>
        Rejected,
    }

    /// <summary>
    /// A numeric field of the scenario format, set to one value wherever it occurs in a scenario, and
    /// where in the file a rejection may point.
    /// </summary>
    public sealed record Field(string Name, string PathPrefix, Func<Scenario, double, Scenario> Apply, ImmutableArray<(double Value, Expect Expect)> Values)
    {
        public override string ToString() => Name;
    }

    private const double Largest = ScenarioValidator.MaxMagnitude;
    private static readonly double AboveLargest = Math.BitIncrement(Largest);

    /// <summary>Amounts ≥ 0 (tonnes, money).</summary>
    private static readonly ImmutableArray<(double, Expect)> Amounts =
        [(0, Expect.Accepted), (double.Epsilon, Expect.Accepted), (1e-9, Expect.Accepted), (1, Expect.Accepted), (Largest, Expect.Accepted), (AboveLargest, Expect.Rejected), (1e300, Expect.Rejected)];

    /// <summary>Amounts &gt; 0 (penalties, added capacity).</summary>
    private static readonly ImmutableArray<(double, Expect)> PositiveAmounts =
        [(0, Expect.Rejected), (double.Epsilon, Expect.Accepted), (1e-9, Expect.Accepted), (1, Expect.Accepted), (Largest, Expect.Accepted), (AboveLargest, Expect.Rejected), (1e300, Expect.Rejected)];

    private static (double, Expect) Over1e15((double Value, Expect Expect) v) => v.Value >= Largest ? (v.Value, Expect.Rejected) : v;

    public static ImmutableArray<Field> Fields { get; } =
    [
        new("discountRate", "$.discountRate", (s, v) => s with { DiscountRate = v },
            [(0, Expect.Accepted), (double.Epsilon, Expect.Accepted), (1e-12, Expect.Accepted), (0.1, Expect.Accepted), (0.999999, Expect.Accepted), (Math.BitDecrement(1.0), Expect.Accepted), (1, Expect.Rejected)]),
        new("yearFraction", "$.periods", (s, v) => s with { Horizon = new PlanningHorizon(s.Horizon.Periods.Select(p => p with { YearFraction = v })) },
            [(double.Epsilon, Expect.Accepted), (1e-9, Expect.Accepted), (1.0 / 12, Expect.Accepted), (1, Expect.Accepted), (ScenarioValidator.MaxHorizonYears / 2, Expect.Accepted),
             (ScenarioValidator.MaxHorizonYears, Expect.Rejected), (Math.BitIncrement(ScenarioValidator.MaxHorizonYears), Expect.Rejected), (1e300, Expect.Rejected)]),
        new("lifetimeYears", "$.investments", (s, v) => s with { Investments = [.. s.Investments.Select(o => o with { LifetimeYears = v })] },
            [(double.Epsilon, Expect.Rejected), (Math.BitDecrement(ScenarioValidator.MinLifetimeYears), Expect.Rejected), (ScenarioValidator.MinLifetimeYears, Expect.Accepted), (1, Expect.Accepted),
             (25, Expect.Accepted), (15_000_000, Expect.Accepted), (Largest, Expect.Accepted), (AboveLargest, Expect.Rejected), (1e300, Expect.Rejected)]),
        // At 1e15 a unit, the Modular option's two units cost (and add) 2e15: rejected as a derived value.
        new("capitalCost", "$.investments", (s, v) => s with { Investments = [.. s.Investments.Select(o => o with { CapitalCost = v })] }, [.. Amounts.Select(Over1e15)]),
        new("addedAnnualCapacityTonnes", "$.investments", (s, v) => s with { Investments = [.. s.Investments.Select(o => o with { AddedAnnualCapacityTonnes = v })] }, [.. PositiveAmounts.Select(Over1e15)]),
        new("maxUnits (Continuous)", "$.investments", (s, v) => s with { Investments = [.. s.Investments.Select(o => o.Kind == InvestmentKind.Continuous ? o with { MaxUnits = v } : o)] },
            [(double.Epsilon, Expect.Accepted), (0.5, Expect.Accepted), (1e6, Expect.Accepted), (Largest, Expect.Rejected), (AboveLargest, Expect.Rejected), (1e300, Expect.Rejected)]),
        new("maxUnits (Modular)", "$.investments", (s, v) => s with { Investments = [.. s.Investments.Select(o => o.Kind == InvestmentKind.Modular ? o with { MaxUnits = v } : o)] },
            [(1, Expect.Accepted), (1e6, Expect.Accepted), (Largest, Expect.Rejected), (2 * Largest, Expect.Rejected), (1e300, Expect.Rejected)]),
        new("budget.capitalCost", "$.budget", (s, v) => s with { Budget = new Budget(v) }, Amounts),
        new("routes[].annualCapacityTonnes", "$.routes", (s, v) => Routes(s, r => r with { AnnualCapacityTonnes = v }), Amounts),
        new("routes[].minAnnualTonnes", "$.routes", (s, v) => Routes(s, r => r with { MinAnnualTonnes = v }), Amounts),
        new("routes[].costPerTonne", "$.routes", (s, v) => Routes(s, r => r with { CostPerTonne = r.CostPerTonne.ToImmutableDictionary(kv => kv.Key, _ => v) }), Amounts),
        new("locations[].annualCapacityTonnes", "$.locations", (s, v) => Locations(s, l => l.AnnualCapacityTonnes is null ? l : l with { AnnualCapacityTonnes = v }), Amounts),
        new("locations[].handlingCostPerTonne", "$.locations", (s, v) => Locations(s, l => l with { HandlingCostPerTonne = s.Network.Commodities.Where(c => l.Handles(c.Id)).ToImmutableDictionary(c => c.Id, _ => v) }), Amounts),
        new("commodities[].unmetPenaltyPerTonne", "$.commodities", (s, v) => Commodities(s, c => c with { UnmetPenaltyPerTonne = v }), PositiveAmounts),
        new("supplies[].annualTonnes", "$.supplies", (s, v) => s with { Supplies = [.. s.Supplies.Select(x => x with { AnnualTonnes = v })] }, Amounts),
        new("supplies[].costPerTonne", "$.supplies", (s, v) => s with { Supplies = [.. s.Supplies.Select(x => x with { CostPerTonne = v })] }, Amounts),
        new("demands[].annualTonnes", "$.demands", (s, v) => s with { Demands = [.. s.Demands.Select(x => x with { AnnualTonnes = v })] }, Amounts),
        new("demands[].unmetPenaltyPerTonne", "$.demands", (s, v) => s with { Demands = [.. s.Demands.Select(x => x with { UnmetPenaltyPerTonne = v })] }, PositiveAmounts),
        new("availability", "$.", (s, v) => s with
        {
            RouteAvailability = s.RouteAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value.Factors.ToDictionary(f => f.Key, _ => v))),
            LocationAvailability = s.LocationAvailability.ToImmutableDictionary(kv => kv.Key, kv => new Availability(kv.Value.Factors.ToDictionary(f => f.Key, _ => v))),
        }, [(0, Expect.Accepted), (double.Epsilon, Expect.Accepted), (0.5, Expect.Accepted), (1, Expect.Accepted), (Math.BitIncrement(1.0), Expect.Rejected)]),
    ];

    /// <summary>
    /// The scenario of the validation tests with every feature the fields reach: two commodities and
    /// periods, a derated route, capacities, handling, a minimum flow, soft and hard demands, Binary,
    /// Modular and Continuous options and a budget.
    /// </summary>
    public static Scenario Base()
    {
        var s = ValidationScenarios.Valid()
            .WithNetwork(commodities: cs => cs.SetItem(0, cs[0] with { UnmetPenaltyPerTonne = 4000 }))
            .WithRoute(1, r => r with { MinAnnualTonnes = 10 });
        return s with
        {
            Supplies = s.Supplies.Add(new Supply("HUB", "oil", 100) { CostPerTonne = 20 }),
            Demands = s.Demands.Add(new Demand("MARKET", "oil", 50) { MustServe = true }),
            Investments = s.Investments.Add(new InvestmentOption("mine-hub-upgrade", 50, 200, 10) { Target = new RouteId("mine-hub"), Kind = InvestmentKind.Continuous, MaxUnits = 2.5 }),
        };
    }

    /// <summary>Every field at every edge value, by name (so that each is a test case of its own).</summary>
    public static TheoryData<string, double, Expect> EveryFieldAtEveryEdge()
    {
        var data = new TheoryData<string, double, Expect>();
        foreach (var field in Fields)
        {
            foreach (var (value, expect) in field.Values) data.Add(field.Name, value, expect);
        }

        return data;
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(EveryFieldAtEveryEdge))]
    public void Optimize_FieldAtTheEdgeOfItsRange_SolvesWithFiniteNumbersOrIsRejected(string name, double value, Expect expect)
    {
        var field = Fields.Single(f => f.Name == name);
        var outcome = Check(field.Apply(Base(), value));

        if (outcome.Rejection is { } rejection)
        {
            Assert.True(expect == Expect.Rejected, $"{field} = {value:R} is within every range but was rejected: {rejection.Message}");
            Assert.Contains(rejection.Errors, e => e.Path.StartsWith(field.PathPrefix, StringComparison.Ordinal));
        }
        else
        {
            Assert.True(expect == Expect.Accepted, $"{field} = {value:R} is outside a range but was not rejected ({outcome.Status}).");
        }
    }

    [Property(MaxTest = 100)]
    public Property Optimize_GeneratedScenarioWithFieldsAtTheirEdges_SolvesWithFiniteNumbersOrIsRejected() =>
        Prop.ForAll(Mutations().ToArbitrary(), m =>
        {
            var outcome = Check(m.Apply());
            return true.Label(outcome.Rejection is null ? $"{m}: {outcome.Status}" : $"{m}: rejected");
        });

    /// <summary>
    /// Found by the property: route capacities of 5e-324 t beside supplies of 1e15 t. CLP keeps a
    /// route within its tolerance, relative to 1e15, so a few hundred tonnes crossed a capacity of
    /// almost nothing and the utilisation, throughput ÷ capacity, was infinite.
    /// </summary>
    [Fact]
    public void Optimize_SubnormalRouteCapacitiesBesideHugeSupplies_SolvesWithFiniteNumbers()
    {
        var mutation = new Mutation(1475608051, "Full",
        [
            (Fields.Single(f => f.Name == "routes[].annualCapacityTonnes"), double.Epsilon),
            (Fields.Single(f => f.Name == "supplies[].annualTonnes"), Largest),
        ]);

        Assert.NotNull(Check(mutation.Apply()).Status);
    }

    [Fact]
    public void Optimize_LifetimeOfFifteenMillionYears_HasTheDiscountRateAsItsRecoveryFactor()
    {
        var scenario = Fields.Single(f => f.Name == "lifetimeYears").Apply(Base(), 15_000_000) with { Budget = null };

        var result = FreightPlanner.Optimize(scenario);

        var plan = result.GetPlanOrThrow();
        var expected = scenario.Investments.Zip(plan.Investments).Sum(p => p.First.CapitalCost * p.Second.Units * scenario.DiscountRate);
        Assert.True(double.IsFinite(plan.Costs.Capital));
        Assert.Equal(expected, plan.Costs.Capital, 1e-9 * Math.Max(1, expected));
        Assert.Empty(NonFinite(result, "result"));
    }

    /// <summary>A generated scenario and one to three fields set to edge values, shown so a counterexample can be made again.</summary>
    public sealed record Mutation(int Seed, string Settings, ImmutableArray<(Field Field, double Value)> Changes)
    {
        public Scenario Apply()
        {
            var settings = Settings switch
            {
                "LinearOnly" => GeneratorSettings.LinearOnly,
                "NetworkFlow" => GeneratorSettings.NetworkFlow,
                "Base" => null,
                _ => GeneratorSettings.Full,
            };
            var scenario = Settings == "Base" ? Base() : ScenarioGenerator.Generate(Seed, settings);
            foreach (var (field, value) in Changes) scenario = field.Apply(scenario, value);
            return scenario;
        }

        public override string ToString() =>
            $"{Settings} seed {Seed} with " + string.Join(", ", Changes.Select(c => $"{c.Field} = {c.Value:R}"));
    }

    private static Gen<Mutation> Mutations() =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from settings in Gen.Elements("Base", "Full", "LinearOnly", "NetworkFlow")
        from count in Gen.Choose(1, 3)
        from changes in Gen.ListOf(
            from field in Gen.Elements(Fields.AsEnumerable())
            from value in Gen.Elements(field.Values.Select(v => v.Value))
            select (field, value), count)
        select new Mutation(seed, settings, [.. changes]);

    private sealed record Outcome(SolveStatus? Status, FreightValidationException? Rejection);

    /// <summary>
    /// Solves (appraisal and explanation included, one re-solve at a time) and asserts what the class
    /// promises: a rejection names where, and a result has only finite numbers and a plan.json that
    /// reads back with the same status. Any other exception fails the test.
    /// </summary>
    private static Outcome Check(Scenario scenario)
    {
        OptimizationResult result;
        try
        {
            result = FreightPlanner.Optimize(scenario, new SolveOptions { MaxParallelSolves = 1 });
        }
        catch (FreightValidationException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, i => Assert.StartsWith("$", i.Path, StringComparison.Ordinal));
            Assert.All(e.Errors, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
            return new Outcome(null, e);
        }

        Assert.Empty(NonFinite(result, "result"));

        // The library's last-resort guards (a model, network or plan with a number that is not finite
        // becomes InvalidModel) must not be what kept the numbers finite: validation and stable
        // formulas are. Every guard's message says "please report".
        Assert.DoesNotContain("please report", result.Message ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(result.Report.Notes, n => n.Contains("please report", StringComparison.Ordinal));
        var json = PlanJson.Write(result, scenario.Name);
        var back = PlanJson.Read(json);
        Assert.Equal(result.Status, back.Status);
        Assert.Equal(result.HasPlan, back.Plan is not null);
        return new Outcome(result.Status, null);
    }

    /// <summary>
    /// Every double the result shows, found by walking its public properties (the library's own check
    /// is not used, so that this one is independent of it): the paths of those that are NaN or infinite.
    /// </summary>
    internal static List<string> NonFinite(object? value, string path)
    {
        var found = new List<string>();
        Walk(value, path, found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, int depth)
    {
        switch (value)
        {
            case null or string or bool or Enum or TimeSpan:
                return;
            case double d:
                if (!double.IsFinite(d)) found.Add($"{path} = {d}");
                return;
            case IEnumerable items:
                var listType = items.GetType();
                if (listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                    && (bool)listType.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(items)!)
                {
                    return;
                }

                var i = 0;
                foreach (var item in items) Walk(item, $"{path}[{i++}]", found, depth + 1);
                return;
        }

        var type = value.GetType();
        if (depth > 12 || type.Namespace?.StartsWith("FreightOptimizer", StringComparison.Ordinal) != true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            Walk(property.GetValue(value), $"{path}.{property.Name}", found, depth + 1);
        }
    }

    private static Scenario Routes(Scenario s, Func<Route, Route> change) =>
        s with { Network = new FreightNetwork(s.Network.Commodities, s.Network.Locations, s.Network.Routes.Select(change)) };

    private static Scenario Locations(Scenario s, Func<Location, Location> change) =>
        s with { Network = new FreightNetwork(s.Network.Commodities, s.Network.Locations.Select(change), s.Network.Routes) };

    private static Scenario Commodities(Scenario s, Func<Commodity, Commodity> change) =>
        s with { Network = new FreightNetwork(s.Network.Commodities.Select(change), s.Network.Locations, s.Network.Routes) };
}
