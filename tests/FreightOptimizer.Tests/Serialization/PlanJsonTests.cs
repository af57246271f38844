using System.Text.Json;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Verification;

namespace FreightOptimizer.Tests.Serialization;

public sealed class PlanJsonTests
{
    private static SolveReport Report(SolverEngine engine = SolverEngine.Glop) => new() { Engine = engine, EngineReason = "test" };

    private static AllocationPlan RichPlan() => new()
    {
        ScenarioName = "Russia–China corridor, 2023 base",
        Objective = 123456789012.5,
        Costs = new CostBreakdown(0.1 + 0.2, 1e-17, 3.0000000000000004, 2e9 / 3, 5e-324),
        Flows = [new RouteFlow("kuzbass-zabaikalsk-rail", "coal", "summer", 12000000), new RouteFlow("b-c", "oil", "winter", 1.0 / 3)],
        Supplied = [new SupplyUse("RU_KUZBASS", "coal", "summer", 12000000.000000002)],
        Unmet = [new UnmetDemand("CN_HARBIN", "coal", "winter", 0)],
        Investments = [new InvestmentDecision("zabaikalsk-expansion", 1), new InvestmentDecision("conveyor", 0.37)],
        Prices = new PlanPrices(
            [new BalancePrice("CN_HARBIN", "coal", "summer", 5234.0), new BalancePrice("RU_KUZBASS", "coal", "summer", -12.75)],
            [new CapacityPrice(new RouteId("kuzbass-zabaikalsk-rail"), "summer", 312.5), new CapacityPrice(new LocationId("RU_ZABAIKALSK"), "winter", Math.PI)],
            [new MinimumFlowPrice("kuzbass-zabaikalsk-rail", "summer", 0)],
            0.0625),
        Bottlenecks = [new Bottleneck(new LocationId("RU_ZABAIKALSK"), "winter", 1.0, Math.PI)],
        Verification = new VerificationReport
        {
            Passed = true,
            MaxViolation = 1.1e-12,
            RecomputedObjective = 123456789012.5,
            OptimalityCertified = true,
            DualityGap = 0.0,
        },
    };

    // ImmutableArray's own Equals compares array references, so the items are compared as arrays.
    private static void AssertSamePlan(AllocationPlan expected, AllocationPlan actual)
    {
        Assert.Equal(expected.ScenarioName, actual.ScenarioName);
        Assert.Equal(expected.Objective, actual.Objective);
        Assert.Equal(expected.Costs, actual.Costs);
        Assert.Equal(expected.Flows.ToArray(), actual.Flows.ToArray());
        Assert.Equal(expected.Supplied.ToArray(), actual.Supplied.ToArray());
        Assert.Equal(expected.Unmet.ToArray(), actual.Unmet.ToArray());
        Assert.Equal(expected.Investments.ToArray(), actual.Investments.ToArray());
        Assert.Equal(expected.Prices.Balance.ToArray(), actual.Prices.Balance.ToArray());
        Assert.Equal(expected.Prices.Capacity.ToArray(), actual.Prices.Capacity.ToArray());
        Assert.Equal(expected.Prices.MinimumFlow.ToArray(), actual.Prices.MinimumFlow.ToArray());
        Assert.Equal(expected.Prices.Budget, actual.Prices.Budget);
        Assert.Equal(expected.Bottlenecks.ToArray(), actual.Bottlenecks.ToArray());
        Assert.Equal(expected.Verification, actual.Verification);
    }

    [Fact]
    public void WriteThenRead_VerificationFailed_KeepsTheStatusThePlanAndTheVerdict()
    {
        var plan = RichPlan() with
        {
            Verification = new VerificationReport
            {
                Passed = false,
                MaxViolation = 1,
                RecomputedObjective = 0,
                OptimalityCertified = false,
                DualityGap = null,
                Findings = [new VerificationFinding(VerificationCheck.FlowBalance, "location 'CITY', coal, year", 1000, "shortfall 1000 t")],
            },
        };
        var result = new OptimizationResult(SolveStatus.VerificationFailed, Report(SolverEngine.NetworkFlow), plan: plan, message: "rejected");

        var json = PlanJson.Write(result);
        var document = PlanJson.Read(json);

        Assert.Contains("\"status\": \"VerificationFailed\"", json, StringComparison.Ordinal);
        Assert.Equal(SolveStatus.VerificationFailed, document.Status);
        Assert.Equal(SolverEngine.NetworkFlow, document.Engine);
        Assert.NotNull(document.Plan);
        Assert.Equal(plan.Flows.ToArray(), document.Plan.Flows.ToArray());
        Assert.False(document.Plan.Verification!.Passed);
        Assert.False(document.Plan.Verification.OptimalityCertified);
    }

    [Fact]
    public void WriteThenRead_RichPlan_RoundTripsEveryNumberExactly()
    {
        var plan = RichPlan();
        var result = new OptimizationResult(SolveStatus.Optimal, Report(SolverEngine.Scip), plan: plan);

        var document = PlanJson.Read(PlanJson.Write(result, plan.ScenarioName));

        Assert.Equal(SolveStatus.Optimal, document.Status);
        Assert.Equal(SolverEngine.Scip, document.Engine);
        Assert.Equal("Russia–China corridor, 2023 base", document.ScenarioName);
        Assert.NotNull(document.Plan);
        AssertSamePlan(plan, document.Plan);
    }

    [Fact]
    public void Write_NoPlan_OmitsFlowsAndWritesNullObjective()
    {
        var result = new OptimizationResult(SolveStatus.Infeasible, Report(SolverEngine.Highs), message: "A hard demand cannot be met.");

        var json = PlanJson.Write(result, "tiny");

        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.Equal(["formatVersion", "scenario", "status", "engine", "objective"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("objective").ValueKind);
        Assert.False(root.TryGetProperty("flows", out _));
        Assert.Equal("Infeasible", root.GetProperty("status").GetString());
        Assert.Equal("Highs", root.GetProperty("engine").GetString());

        var document = PlanJson.Read(json);
        Assert.False(document.HasPlan);
        Assert.Equal(SolveStatus.Infeasible, document.Status);
        Assert.Equal("tiny", document.ScenarioName);
    }

    [Fact]
    public void Write_PropertyNames_AreExactlyThoseOfTheFormat()
    {
        var result = new OptimizationResult(SolveStatus.Optimal, Report(), plan: RichPlan());

        using var parsed = JsonDocument.Parse(PlanJson.Write(result, null));
        var root = parsed.RootElement;

        static IEnumerable<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name);
        Assert.Equal(
            ["formatVersion", "scenario", "status", "engine", "objective", "costs", "flows", "supplied", "unmet", "investments", "prices", "bottlenecks", "verification"],
            Names(root));
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("Glop", root.GetProperty("engine").GetString());
        Assert.Equal("Russia–China corridor, 2023 base", root.GetProperty("scenario").GetString());
        Assert.Equal(["transport", "handling", "supply", "capital", "unmetPenalty"], Names(root.GetProperty("costs")));
        Assert.Equal(["route", "commodity", "period", "tonnes"], Names(root.GetProperty("flows")[0]));
        Assert.Equal(["location", "commodity", "period", "tonnes"], Names(root.GetProperty("supplied")[0]));
        Assert.Equal(["location", "commodity", "period", "tonnes"], Names(root.GetProperty("unmet")[0]));
        Assert.Equal(["id", "units"], Names(root.GetProperty("investments")[0]));
        var prices = root.GetProperty("prices");
        Assert.Equal(["balance", "capacity", "minimumFlow", "budget"], Names(prices));
        Assert.Equal(["location", "commodity", "period", "perTonne"], Names(prices.GetProperty("balance")[0]));
        Assert.Equal(["route", "location", "period", "perTonne"], Names(prices.GetProperty("capacity")[0]));
        Assert.Equal(JsonValueKind.Null, prices.GetProperty("capacity")[0].GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, prices.GetProperty("capacity")[1].GetProperty("route").ValueKind);
        Assert.Equal(["route", "period", "perTonne"], Names(prices.GetProperty("minimumFlow")[0]));
        Assert.Equal(0.0625, prices.GetProperty("budget").GetDouble());
        Assert.Equal(["route", "location", "period", "utilisation", "perTonne"], Names(root.GetProperty("bottlenecks")[0]));
        Assert.Equal(["passed", "maxViolation", "recomputedObjective", "optimalityCertified", "dualityGap"], Names(root.GetProperty("verification")));
    }

    [Fact]
    public void Write_NoBudgetPrice_WritesNull()
    {
        var plan = RichPlan() with { Prices = PlanPrices.None, Verification = null };
        var json = PlanJson.Write(new OptimizationResult(SolveStatus.Feasible, Report(), plan: plan));

        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("prices").GetProperty("budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("verification").ValueKind);
        var read = PlanJson.Read(json);
        Assert.Equal(SolveStatus.Feasible, read.Status);
        Assert.Null(read.Plan!.Prices.Budget);
        Assert.Null(read.Plan.Verification);
    }

    [Fact]
    public void Write_NotFiniteNumber_ThrowsAValidationIssueNamingThePath()
    {
        var plan = RichPlan() with { Flows = [new RouteFlow("a-b", "coal", "year", double.NaN)] };

        var error = Assert.Throws<FreightValidationException>(() =>
            PlanJson.Write(new OptimizationResult(SolveStatus.Optimal, Report(), plan: plan)));

        var issue = Assert.Single(error.Issues);
        Assert.Equal((ValidationCode.NotFinite, "$.flows[0].tonnes"), (issue.Code, issue.Path));
        Assert.Contains("$.flows[0].tonnes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_InfiniteObjective_WritesNoFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        var plan = RichPlan() with { Objective = double.PositiveInfinity };

        var error = Assert.Throws<FreightValidationException>(() =>
            PlanJson.WriteFile(new OptimizationResult(SolveStatus.Optimal, Report(), plan: plan), path));

        Assert.Equal("$.objective", Assert.Single(error.Issues).Path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Read_ExampleFromTheFormat_Parses()
    {
        const string example = """
            {
              "formatVersion": 1,
              "scenario": "Russia–China corridor, 2023 base",
              "status": "Optimal",
              "engine": "Glop",
              "objective": 123456789012.5,
              "costs": { "transport": 0, "handling": 0, "supply": 0, "capital": 0, "unmetPenalty": 0 },
              "flows": [ { "route": "kuzbass-zabaikalsk-rail", "commodity": "coal", "period": "summer", "tonnes": 12000000 } ],
              "supplied": [ { "location": "RU_KUZBASS", "commodity": "coal", "period": "summer", "tonnes": 12000000 } ],
              "unmet": [ { "location": "CN_HARBIN", "commodity": "coal", "period": "winter", "tonnes": 0 } ],
              "investments": [ { "id": "zabaikalsk-expansion", "units": 1 } ],
              "prices": {
                "balance": [ { "location": "CN_HARBIN", "commodity": "coal", "period": "summer", "perTonne": 5234.0 } ],
                "capacity": [ { "route": "kuzbass-zabaikalsk-rail", "location": null, "period": "summer", "perTonne": 312.5 } ],
                "minimumFlow": [ { "route": "kuzbass-zabaikalsk-rail", "period": "summer", "perTonne": 0 } ],
                "budget": 0.0
              },
              "bottlenecks": [ { "route": null, "location": "RU_ZABAIKALSK", "period": "summer", "utilisation": 1.0, "perTonne": 312.5 } ],
              "verification": { "passed": true, "maxViolation": 0.0, "recomputedObjective": 123456789012.5,
                                "optimalityCertified": true, "dualityGap": 0.0 }
            }
            """;

        var document = PlanJson.Read(example);

        var plan = Assert.IsType<AllocationPlan>(document.Plan);
        Assert.Equal(123456789012.5, plan.Objective);
        Assert.Equal(new CapacityPrice(new RouteId("kuzbass-zabaikalsk-rail"), "summer", 312.5), Assert.Single(plan.Prices.Capacity));
        Assert.Equal(new Bottleneck(new LocationId("RU_ZABAIKALSK"), "summer", 1.0, 312.5), Assert.Single(plan.Bottlenecks));
        Assert.True(plan.Verification!.OptimalityCertified);
    }

    [Fact]
    public void Read_BadFile_ReportsEveryProblemWithItsPath()
    {
        const string json = """
            { "formatVersion": 2, "status": "Done", "engine": "Glop", "objective": 1,
              "costs": { "transport": "cheap", "handling": 0, "supply": 0, "capital": 0, "unmetPenalty": 0, "extra": 1 },
              "flows": [ { "route": "a-b", "commodity": "coal", "period": "year" } ],
              "prices": { "capacity": [ { "route": "a-b", "location": "B", "period": "year", "perTonne": 1 } ] } }
            """;

        var error = Assert.Throws<FreightValidationException>(() => PlanJson.Read(json));

        var paths = error.Issues.Select(i => (i.Code, i.Path)).ToList();
        Assert.Contains((ValidationCode.UnsupportedFormatVersion, "$.formatVersion"), paths);
        Assert.Contains((ValidationCode.OutOfRange, "$.status"), paths);
        Assert.Contains((ValidationCode.WrongType, "$.costs.transport"), paths);
        Assert.Contains((ValidationCode.UnknownField, "$.costs.extra"), paths);
        Assert.Contains((ValidationCode.MissingField, "$.flows[0].tonnes"), paths);
        Assert.Contains((ValidationCode.OutOfRange, "$.prices.capacity[0]"), paths);
    }

    [Fact]
    public void Read_MalformedJson_MalformedJsonIssue()
    {
        var error = Assert.Throws<FreightValidationException>(() => PlanJson.Read("{ \"formatVersion\": 1,"));

        Assert.Equal(ValidationCode.MalformedJson, Assert.Single(error.Issues).Code);
        Assert.StartsWith("The plan file is invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFileThenReadFile_PlanWrittenElsewhere_VerifiesAgainstItsScenario()
    {
        var (scenario, plan) = VerificationFixtures.Line();
        var path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        try
        {
            PlanJson.WriteFile(new OptimizationResult(SolveStatus.Optimal, Report(), plan: plan), path, scenario.Name);
            var document = PlanJson.ReadFile(path);

            Assert.Equal("line", document.ScenarioName);
            var report = PlanVerifier.Verify(scenario, document.Plan!);
            Assert.True(report.OptimalityCertified);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Appraisal_IsWrittenWithItsFieldsAndReadBack()
    {
        var appraisal = new OptionAppraisal[]
        {
            new() { Id = "conveyor", Units = 1, AppraisedUnits = 1, CapitalCost = 2e10, AnnualisedCost = 2.68e9, Utilisation = 0.575, Value = 9.99e9, GrossAnnualSaving = 1.267e10, PaybackYears = 1.58 },
            new() { Id = "xuan-yuan", Units = 0, AppraisedUnits = 1, CapitalCost = 6e10, AnnualisedCost = 8.03e9, Note = "forced in it does not fit the budget" },
        };
        var result = new OptimizationResult(SolveStatus.Optimal, Report(), plan: RichPlan() with { Appraisal = [.. appraisal] });

        var json = PlanJson.Write(result);

        using var parsed = JsonDocument.Parse(json);
        var entry = parsed.RootElement.GetProperty("appraisal")[1];
        Assert.Equal(["id", "units", "appraisedUnits", "capitalCost", "annualisedCost", "utilisation", "value", "grossAnnualSaving", "paybackYears", "regret", "note"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("regret").ValueKind);
        Assert.Equal(appraisal, PlanJson.Read(json).Plan!.Appraisal.ToArray());
    }

    [Fact]
    public void Explanation_OfAnInfeasibleResult_IsWrittenAndReadBack()
    {
        var explanation = new InfeasibilityExplanation
        {
            Causes = InfeasibilityCauses.HardDemands | InfeasibilityCauses.MinimumFlows,
            Shortfalls = [new DemandShortfall("B", "coal", "year", 40)],
            Saturated = [new SaturatedCapacity(new RouteId("a-b"), "year", 1e6), new SaturatedCapacity(new LocationId("HUB"), "year", 5e5)],
            MinimumFlowRoutes = ["a-c"],
            Summary = "40 t of coal short at B.",
        };
        var result = new OptimizationResult(SolveStatus.Infeasible, Report(), explanation: explanation);

        var json = PlanJson.Write(result);

        using var parsed = JsonDocument.Parse(json);
        var e = parsed.RootElement.GetProperty("explanation");
        Assert.Equal(["causes", "summary", "shortfalls", "saturated", "minimumFlowRoutes"], e.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["HardDemands", "MinimumFlows"], e.GetProperty("causes").EnumerateArray().Select(c => c.GetString()));
        var back = PlanJson.Read(json).Explanation!;
        Assert.Equal(explanation.Causes, back.Causes);
        Assert.Equal(explanation.Summary, back.Summary);
        Assert.Equal(explanation.Shortfalls.ToArray(), back.Shortfalls.ToArray());
        Assert.Equal(explanation.Saturated.ToArray(), back.Saturated.ToArray());
        Assert.Equal(["a-c"], back.MinimumFlowRoutes.Select(r => r.Value));
    }

    [Fact]
    public void Explanation_UnknownCause_IsAnErrorWithItsPath()
    {
        const string json = """{ "formatVersion": 1, "status": "Infeasible", "engine": "Glop", "objective": null, "explanation": { "causes": ["Gremlins"], "summary": "?" } }""";

        var error = Assert.Throws<FreightValidationException>(() => PlanJson.Read(json));

        Assert.Contains(error.Issues, i => i.Path == "$.explanation.causes[0]");
    }
}
