using System.Text.Json.Nodes;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Properties;
using FreightOptimizer.Tests.Readme;
using FreightOptimizer.Tests.Samples;
using FreightOptimizer.Tests.Serialization.Certification;
using FreightOptimizer.Tests.Solving;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetArchTest.Rules;

namespace FreightOptimizer.Tests.Serialization;

/// <summary>
/// Scenario and plan files written as a user writes them (ScenarioJson, PlanJson, the CorridorPlanner
/// program) are certified by <see cref="PlanFileCertifier"/>, which reads only the two files; mutated
/// plan files are rejected with a named reason, so the certifier cannot pass everything.
/// </summary>
public sealed class PlanFileCertifierTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("plan-certifier-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<SolverEngine> CorridorMipEngines() => [SolverEngine.Scip, SolverEngine.Highs];

    public static TheoryData<SolverEngine> CorridorLpEngines() => [SolverEngine.Clp, SolverEngine.Glop, SolverEngine.Highs, SolverEngine.Scip];

    [Theory]
    [MemberData(nameof(CorridorMipEngines))]
    public void CertifyFiles_CorridorPlanOfMipEngine_IsCertified(SolverEngine engine)
    {
        var (scenarioFile, planFile) = WriteFiles(RussiaChinaCorridor.Build(), engine, "corridor");

        var certificate = PlanFileCertifier.CertifyFiles(scenarioFile, planFile);

        Assert.True(certificate.Certified, certificate.ToString());
    }

    [Theory]
    [MemberData(nameof(CorridorLpEngines))]
    public void CertifyFiles_CorridorWithoutInvestmentsOfLpEngine_IsCertified(SolverEngine engine)
    {
        var scenario = RussiaChinaCorridor.Build() with { Investments = [], Budget = null };
        var (scenarioFile, planFile) = WriteFiles(scenario, engine, "corridor-lp");

        var certificate = PlanFileCertifier.CertifyFiles(scenarioFile, planFile);

        Assert.True(certificate.Certified, certificate.ToString());
    }

    [Fact]
    public void CertifyFiles_PlanFileOfTheCorridorPlannerProgram_IsCertified()
    {
        var scenarioFile = Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer", "Corridors", "russia-china-2023.json");

        var run = CorridorPlannerTests.Run("--scenario", scenarioFile, "--out", _work);

        Assert.Equal(0, run.ExitCode);
        var certificate = PlanFileCertifier.CertifyFiles(scenarioFile, Path.Combine(_work, "plan.json"));
        Assert.True(certificate.Certified, certificate.ToString());
    }

    [Theory]
    [MemberData(nameof(ClosureScenarios.Cases), MemberType = typeof(ClosureScenarios))]
    public void CertifyFiles_ScenarioWithClosures_IsCertifiedForEveryEngine(string variant, SolverEngine engine)
    {
        var (scenarioFile, planFile) = WriteFiles(ScenarioJson.Read(ClosureScenarios.Json(variant)), engine, "closures");

        var certificate = PlanFileCertifier.CertifyFiles(scenarioFile, planFile);

        Assert.True(certificate.Certified, certificate.ToString());
    }

    [Fact]
    public void CertifyFiles_CrosscheckProbes_AreCertifiedWhereTheyHaveAPlan()
    {
        // Hand-written scenarios for sentences of the format that random files rarely reach.
        var probes = Directory.GetFiles(Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "tests", "crosscheck", "probes"), "*.json").Order(StringComparer.Ordinal).ToList();
        var certified = 0;
        foreach (var probe in probes)
        {
            var scenario = ScenarioJson.ReadFile(probe);
            var result = FreightPlanner.Optimize(scenario, new SolveOptions { RelativeMipGap = 0 });
            if (result.Plan is null) continue;
            var planFile = Path.Combine(_work, Path.GetFileName(probe) + ".plan.json");
            PlanJson.WriteFile(result, planFile);

            var certificate = PlanFileCertifier.CertifyFiles(probe, planFile);

            Assert.True(certificate.Certified, $"{Path.GetFileName(probe)}: {certificate}");
            certified++;
        }

        Assert.True(certified >= probes.Count - 2, $"only {certified} of {probes.Count} probes had a plan");
    }

    [Property(MaxTest = 60)]
    public Property CertifyFiles_GeneratedScenarioSolvedByAuto_IsCertified() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c => CertifiedOrNoPlan(c.Scenario, SolverEngine.Auto));

    [Property(MaxTest = 25)]
    public Property CertifyFiles_GeneratedLinearScenario_IsCertifiedForEachLpEngine() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.LinearOnly), c =>
            ClosureScenarios.LpEngines.Select(engine => CertifiedOrNoPlan(c.Scenario, engine)).Aggregate((a, b) => a.And(b)));

    [Property(MaxTest = 25)]
    public Property CertifyFiles_GeneratedFlowScenario_IsCertifiedForEachFlowEngine() =>
        Prop.ForAll(ScenarioGenerator.Cases(GeneratorSettings.NetworkFlow), c =>
            ClosureScenarios.FlowEngines.Select(engine => CertifiedOrNoPlan(c.Scenario, engine)).Aggregate((a, b) => a.And(b)));

    /// <summary>
    /// Mutations of a certified plan file that any one of the reasons named must catch. The base is
    /// the two-commodity closure scenario solved by CLP: M takes coal through o-h-m and o-m, and o-x
    /// can never be used.
    /// </summary>
    public static TheoryData<string, string> Mutations() => new()
    {
        { "one flow +1 t", nameof(CertificateCheck.FlowBalance) },
        { "one flow on a closed route", nameof(CertificateCheck.ForbiddenFlow) },
        { "one unmet amount +1 t", nameof(CertificateCheck.FlowBalance) },
        { "one balance price +1", nameof(CertificateCheck.ComplementarySlackness) },
        { "one capacity price on a slack route", nameof(CertificateCheck.ComplementarySlackness) },
        { "one capacity price negative", nameof(CertificateCheck.PriceSign) },
        { "one capacity price where nothing can pass", nameof(CertificateCheck.PriceWithoutConstraint) },
        { "one balance price left out", nameof(CertificateCheck.MissingPrice) },
        { "one minimum-flow price left out", nameof(CertificateCheck.MissingPrice) },
        { "the capacity price of a route whose end is closed left out", nameof(CertificateCheck.MissingPrice) },
        { "objective +1", nameof(CertificateCheck.Objective) },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Certify_MutatedPlanFile_IsRejectedWithTheNamedReason(string mutation, string reason)
    {
        var scenarioJson = ClosureScenarios.TwoCommodities;
        var result = FreightPlanner.Optimize(ScenarioJson.Read(scenarioJson), new SolveOptions { Engine = SolverEngine.Clp });
        var planJson = PlanJson.Write(result);
        Assert.True(PlanFileCertifier.Certify(scenarioJson, planJson).Certified);
        var plan = JsonNode.Parse(planJson)!.AsObject();

        Mutate(plan, mutation);
        var certificate = PlanFileCertifier.Certify(scenarioJson, plan.ToJsonString());

        Assert.False(certificate.Certified);
        Assert.True(certificate.Has(Enum.Parse<CertificateCheck>(reason)), certificate.ToString());
    }

    [Fact]
    public void Certify_BinaryOptionHalfBuilt_IsRejectedForItsUnits()
    {
        var scenarioJson = ClosureScenarios.Json("two commodities, investments and budget");
        var result = FreightPlanner.Optimize(ScenarioJson.Read(scenarioJson), new SolveOptions { Engine = SolverEngine.Scip, RelativeMipGap = 0 });
        var plan = JsonNode.Parse(PlanJson.Write(result))!.AsObject();

        plan["investments"]!.AsArray().Single(i => (string)i!["id"]! == "h-m-upgrade")!["units"] = 0.5;
        var certificate = PlanFileCertifier.Certify(scenarioJson, plan.ToJsonString());

        Assert.True(certificate.Has(CertificateCheck.InvestmentUnits), certificate.ToString());
    }

    [Fact]
    public void Certify_PlanFileWithoutAPlan_IsRejectedAsNothingToCertify()
    {
        var infeasible = OptimizationResultWithoutPlan();

        var certificate = PlanFileCertifier.Certify(ClosureScenarios.Coal, PlanJson.Write(infeasible));

        Assert.True(certificate.Has(CertificateCheck.MalformedFile), certificate.ToString());
    }

    [Property(MaxTest = 40)]
    public Property Certify_GeneratedPlanWithOneFlowChanged_IsRejected() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c => Rejected(c.Scenario, plan =>
        {
            // The largest flow, half again: both of its ends are out of balance.
            var flow = Largest(plan["flows"]!.AsArray());
            if (flow is null) return false;
            flow["tonnes"] = (double)flow["tonnes"]! * 1.5;
            return true;
        }, CertificateCheck.FlowBalance));

    [Property(MaxTest = 40)]
    public Property Certify_GeneratedPlanWithOneUnmetAmountChanged_IsRejected() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c => Rejected(c.Scenario, plan =>
        {
            // One more tonne unmet where some demand already is, or a first unmet tonne where a flow arrives.
            if (Largest(plan["unmet"]!.AsArray()) is { } unmet)
            {
                unmet["tonnes"] = (double)unmet["tonnes"]! + 1;
                return true;
            }

            if (Largest(plan["flows"]!.AsArray()) is not { } flow) return false;
            var route = c.Scenario.Network.GetRoute((string)flow["route"]!);
            plan["unmet"]!.AsArray().Add(new JsonObject
            {
                ["location"] = route.To.Value,
                ["commodity"] = (string)flow["commodity"]!,
                ["period"] = (string)flow["period"]!,
                ["tonnes"] = 1.0,
            });
            return true;
        }, CertificateCheck.FlowBalance, CertificateCheck.Demand));

    [Property(MaxTest = 40)]
    public Property Certify_GeneratedPlanWithOnePriceChanged_IsRejected() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c => Rejected(c.Scenario, plan =>
        {
            // The balance price where the largest flow arrives, raised: that flow's reduced cost is then
            // negative, which a used flow cannot have at an optimum.
            if (Largest(plan["flows"]!.AsArray()) is not { } flow) return false;
            var to = c.Scenario.Network.GetRoute((string)flow["route"]!).To.Value;
            var price = plan["prices"]!["balance"]!.AsArray().Single(p =>
                (string)p!["location"]! == to && (string)p["commodity"]! == (string)flow["commodity"]! && (string)p["period"]! == (string)flow["period"]!)!;
            var value = (double)price["perTonne"]!;
            price["perTonne"] = value + Math.Max(1, Math.Abs(value) * 0.1);
            return true;
        }, CertificateCheck.ComplementarySlackness, CertificateCheck.DualFeasibility));

    [Fact]
    public void Certifier_UsesNoTypeOfTheLibrary()
    {
        // Whole type names: the library's common path shares the namespace FreightOptimizer with nothing of the tests.
        var library = typeof(FreightPlanner).Assembly.GetTypes().Where(t => t.DeclaringType is null).Select(t => t.FullName).OfType<string>().ToArray();

        var result = Types.InAssembly(typeof(PlanFileCertifier).Assembly)
            .That().ResideInNamespace("FreightOptimizer.Tests.Serialization.Certification")
            .ShouldNot().HaveDependencyOnAny(library)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.Contains("FreightOptimizer.FreightPlanner", library);
    }

    private (string Scenario, string Plan) WriteFiles(Scenario scenario, SolverEngine engine, string name)
    {
        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0 });
        Assert.Equal(SolveStatus.Optimal, result.Status);
        Assert.Equal(engine, result.Report.Engine);
        var scenarioFile = Path.Combine(_work, $"{name}-{engine}.scenario.json");
        var planFile = Path.Combine(_work, $"{name}-{engine}.plan.json");
        ScenarioJson.WriteFile(scenario, scenarioFile);
        PlanJson.WriteFile(result, planFile);
        return (scenarioFile, planFile);
    }

    /// <summary>Solves, writes both files, certifies them; a solve without a plan must be infeasible (or the engine unable to take the scenario).</summary>
    private Property CertifiedOrNoPlan(Scenario scenario, SolverEngine engine)
    {
        var result = FreightPlanner.Optimize(scenario, new SolveOptions { Engine = engine, RelativeMipGap = 0 });
        if (result.Plan is null)
        {
            return (result.Status is SolveStatus.Infeasible or SolveStatus.SolverUnavailable).Label($"{engine}: {result.Status} without a plan");
        }

        var name = $"{Guid.NewGuid():N}";
        var scenarioFile = Path.Combine(_work, name + ".scenario.json");
        var planFile = Path.Combine(_work, name + ".plan.json");
        ScenarioJson.WriteFile(scenario, scenarioFile);
        PlanJson.WriteFile(result, planFile);
        var certificate = PlanFileCertifier.CertifyFiles(scenarioFile, planFile);
        File.Delete(scenarioFile);
        File.Delete(planFile);

        // An engine's plan the library's verifier rejected (an explicit engine keeps it, marked
        // VerificationFailed, never Optimal) must be rejected by the file certifier too: the two
        // independent readings agree. Seen with SCIP on a rare generated scenario.
        if (result.Status == SolveStatus.VerificationFailed)
        {
            return (!certificate.Certified).Label($"{engine} ({result.Report.Engine}): the verifier rejected the plan, the file certifier said {certificate}")
                .Classify(true, "plan rejected by both");
        }

        return certificate.Certified.Label($"{engine} ({result.Report.Engine}): {result.Status}, {certificate}");
    }

    /// <summary>
    /// Solves with Auto; when there is a plan and the mutation applies, the mutated file must be
    /// rejected with one of the reasons. Scenarios without a plan, or where the mutation finds nothing
    /// to change, hold trivially.
    /// </summary>
    private static Property Rejected(Scenario scenario, Func<JsonObject, bool> mutate, params CertificateCheck[] reasons)
    {
        var result = FreightPlanner.Optimize(scenario, new SolveOptions { RelativeMipGap = 0 });
        if (result.Plan is null) return true.Label("no plan").Classify(true, "no plan");
        var scenarioJson = ScenarioJson.Write(scenario);
        var planJson = PlanJson.Write(result);
        var original = PlanFileCertifier.Certify(scenarioJson, planJson);
        var plan = JsonNode.Parse(planJson)!.AsObject();
        if (!mutate(plan)) return original.Certified.Label($"nothing to mutate; original: {original}").Classify(true, "nothing to mutate");
        var certificate = PlanFileCertifier.Certify(scenarioJson, plan.ToJsonString());
        return (original.Certified && reasons.Any(certificate.Has))
            .Label($"original: {original}; mutated: {certificate}")
            .Classify(true, "mutated");
    }

    private static JsonObject? Largest(JsonArray entries) =>
        entries.Select(e => e!.AsObject()).Where(e => (double)e["tonnes"]! > 0).MaxBy(e => (double)e["tonnes"]!);

    private static void Mutate(JsonObject plan, string mutation)
    {
        var flows = plan["flows"]!.AsArray();
        var prices = plan["prices"]!.AsObject();
        JsonObject Flow(string route, string commodity, string period) =>
            flows.Select(f => f!.AsObject()).Single(f => (string)f["route"]! == route && (string)f["commodity"]! == commodity && (string)f["period"]! == period);
        JsonObject Capacity(string route, string period) =>
            prices["capacity"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["route"] == route && (string)p["period"]! == period);
        switch (mutation)
        {
            case "one flow +1 t":
                var largest = Largest(flows)!;
                largest["tonnes"] = (double)largest["tonnes"]! + 1;
                break;
            case "one flow on a closed route":
                // o-m is closed in p0.
                flows.Add(new JsonObject { ["route"] = "o-m", ["commodity"] = "coal", ["period"] = "p0", ["tonnes"] = 0.5 });
                break;
            case "one unmet amount +1 t":
                // M is open in p0; its coal there is served or unmet, and one tonne more unmet breaks the balance.
                var unmetArray = plan["unmet"]!.AsArray();
                var unmet = unmetArray.Select(u => u!.AsObject()).FirstOrDefault(u => (string)u["location"]! == "M" && (string)u["commodity"]! == "coal" && (string)u["period"]! == "p0");
                if (unmet is null) unmetArray.Add(new JsonObject { ["location"] = "M", ["commodity"] = "coal", ["period"] = "p0", ["tonnes"] = 1.0 });
                else unmet["tonnes"] = (double)unmet["tonnes"]! + 1;
                break;
            case "one balance price +1":
                // o-h carries coal in p0, so H's coal price there is pinned by that flow's reduced cost.
                Assert.True((double)Flow("o-h", "coal", "p0")["tonnes"]! > 0);
                var pi = prices["balance"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string)p["location"]! == "H" && (string)p["period"]! == "p0");
                pi["perTonne"] = (double)pi["perTonne"]! + 1;
                break;
            case "one capacity price on a slack route":
                // o-h carries at most what H passes on, below its 150 t a year, in p2.
                Capacity("o-h", "p2")["perTonne"] = 5.0;
                break;
            case "one capacity price negative":
                Capacity("o-h", "p2")["perTonne"] = -1.0;
                break;
            case "one capacity price where nothing can pass":
                // o-x carries only oil into X, which handles only coal.
                Capacity("o-x", "p0")["perTonne"] = 3.0;
                break;
            case "one balance price left out":
                prices["balance"]!.AsArray().RemoveAt(0);
                break;
            case "one minimum-flow price left out":
                prices["minimumFlow"]!.AsArray().RemoveAt(0);
                break;
            case "the capacity price of a route whose end is closed left out":
                // o-h's end H is closed in p1: what plan files left out before every price was written.
                prices["capacity"]!.AsArray().Remove(Capacity("o-h", "p1"));
                break;
            case "objective +1":
                plan["objective"] = (double)plan["objective"]! + 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }
    }

    private static OptimizationResult OptimizationResultWithoutPlan() =>
        new(SolveStatus.Infeasible, new SolveReport { Engine = SolverEngine.Clp, EngineReason = "test" }, message: "No plan satisfies every hard demand.");
}
