using FreightOptimizer.Corridors;
using FreightOptimizer.Export;
using FreightOptimizer.Formulation;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Tests.Properties;

namespace FreightOptimizer.Tests.Export;

/// <summary>
/// MPS and LP export: a file written for the corridor, read back into OR-Tools with nothing of ours in
/// between and solved, has the optimum the library finds (to 1e-9: the file carries every number
/// exactly, so only the solvers' own tolerances separate the two); names are the model's; integers
/// are marked.
/// </summary>
public sealed class ModelExportTests : IDisposable
{
    private static readonly Lazy<OptimizationResult> Corridor = new(() => FreightPlanner.Optimize(RussiaChinaCorridor.Scenario, new SolveOptions { RelativeMipGap = 0 }));
    private readonly string _directory = Directory.CreateTempSubdirectory("freight-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_directory, name);

    [Fact]
    public void ToMps_Corridor_SolvedFromTheFile_HasTheLibrarysOptimum()
    {
        var scenario = RussiaChinaCorridor.Scenario;
        var file = Path("corridor.mps");
        ModelExport.WriteMpsFile(scenario, file);

        var engine = scenario.HasIntegerDecisions ? SolverEngine.Scip : SolverEngine.Glop;
        var fromFile = OrToolsModelFiles.SolveFile(file, engine);

        Assert.Equal(SolveStatus.Optimal, fromFile.Status);
        var plan = Corridor.Value.GetPlanOrThrow();
        Assert.True(SolveHelpers.Close(plan.Objective, fromFile.Objective, 1e-9), $"library {plan.Objective:R}, file {fromFile.Objective:R}");
    }

    [Fact]
    public void ToMps_Corridor_IsTheFormulatedModelExactly()
    {
        var mps = ModelExport.WriteMps(RussiaChinaCorridor.Scenario);
        var model = FreightModelBuilder.Build(RussiaChinaCorridor.Scenario, ModelScaling.Identity);

        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(model.Problem, mps));
    }

    [Fact]
    public void ToLp_LinearCorridor_IsTheFormulatedModelExactly()
    {
        // OR-Tools cannot read the CPLEX LP format; a strict reader of the format reads it back, and
        // tests/crosscheck/export_check.sh solves it with GLPK.
        var scenario = LinearCorridor();
        var lp = ModelExport.WriteLp(scenario);
        var model = FreightModelBuilder.Build(scenario, ModelScaling.Identity);

        Assert.Empty(ModelFileChecks.LpAsRead(model.Problem, lp));
        Assert.DoesNotContain("General", lp, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMps_ObjectiveConstant_SolvedFromTheFile_HasTheLibrarysOptimum()
    {
        var scenario = ExportProblems.ClosedMarket();
        var file = Path("closed.mps");
        ModelExport.WriteMpsFile(scenario, file);

        var fromFile = OrToolsModelFiles.SolveFile(file, SolverEngine.Glop);

        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.Equal(SolveStatus.Optimal, fromFile.Status);
        Assert.True(FreightModelBuilder.Build(scenario, ModelScaling.Identity).Problem.ObjectiveConstant > 0, "the closed half-year should be a constant");
        Assert.True(SolveHelpers.Close(plan.Objective, fromFile.Objective, 1e-9), $"library {plan.Objective:R}, file {fromFile.Objective:R}");
    }

    [Fact]
    public void WriteMpsFileAndWriteLpFile_WriteWhatWriteMpsAndWriteLpReturn()
    {
        var scenario = ExportProblems.ClosedMarket();
        ModelExport.WriteMpsFile(scenario, Path("m.mps"));
        ModelExport.WriteLpFile(scenario, Path("m.lp"));

        Assert.Equal(ModelExport.WriteMps(scenario), File.ReadAllText(Path("m.mps")));
        Assert.Equal(ModelExport.WriteLp(scenario), File.ReadAllText(Path("m.lp")));
    }

    [Fact]
    public void Header_ScenarioNameWithALineBreak_StaysAComment()
    {
        var scenario = ExportProblems.ClosedMarket() with { Name = "two\nlines" };

        var mps = ModelExport.WriteMps(scenario);

        Assert.StartsWith("* FreightOptimizer model of scenario 'two lines'", mps, StringComparison.Ordinal);
        Assert.Empty(ModelFileChecks.MpsAsReadByOrTools(FreightModelBuilder.Build(scenario, ModelScaling.Identity).Problem, mps));
    }

    [Fact]
    public void ToMps_SolverUnits_OptimumTimesTheMoneyUnitIsThePlansCost()
    {
        var scenario = LinearCorridor();
        var file = Path("scaled.mps");
        ModelExport.WriteMpsFile(scenario, file, new ModelExportOptions { Units = ModelUnits.Solver });

        var fromFile = OrToolsModelFiles.SolveFile(file, SolverEngine.Highs);

        Assert.Equal(SolveStatus.Optimal, fromFile.Status);
        var moneyUnit = FreightModelBuilder.ChooseScaling(scenario).MoneyUnit;
        var plan = FreightPlanner.Optimize(scenario).GetPlanOrThrow();
        Assert.True(SolveHelpers.Close(plan.Objective, fromFile.Objective * moneyUnit, 1e-9), $"library {plan.Objective:R}, file {fromFile.Objective * moneyUnit:R}");
        Assert.Contains($"the objective {moneyUnit:R} RUB", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void ToMps_Names_AreTheModelsNames()
    {
        var scenario = RussiaChinaCorridor.Scenario;
        var mps = ModelExport.WriteMps(scenario);

        var route = scenario.Network.Routes[0];
        var commodity = route.CostPerTonne.Keys.OrderBy(c => c.Value, StringComparer.Ordinal).First(c => scenario.CanFlow(route, c, scenario.Horizon.Periods[0].Id));
        var period = scenario.Horizon.Periods[0].Id;
        Assert.Contains(ModelNames.Flow(route.Id, commodity, period), mps, StringComparison.Ordinal);
        Assert.Contains(ModelNames.Balance(route.To, commodity, period), mps, StringComparison.Ordinal);
        Assert.StartsWith("* FreightOptimizer model of scenario", mps, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMps_IntegerInvestment_IsMarkedInteger_AndContinuousOneIsNot()
    {
        var scenario = TwoInvestments();
        var mps = ModelExport.WriteMps(scenario);

        var columns = mps[mps.IndexOf("COLUMNS", StringComparison.Ordinal)..mps.IndexOf("RHS", StringComparison.Ordinal)];
        var start = columns.IndexOf("'INTORG'", StringComparison.Ordinal);
        var end = columns.IndexOf("'INTEND'", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the MPS file should have an integer block");
        var integerBlock = columns[start..end];
        Assert.Contains(ModelNames.Units("bridge"), integerBlock, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelNames.Units("terminal"), integerBlock, StringComparison.Ordinal);
        Assert.Contains(ModelNames.Units("terminal"), columns, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLp_IntegerInvestment_IsListedAsInteger()
    {
        var lp = ModelExport.WriteLp(TwoInvestments());

        Assert.StartsWith("\\ FreightOptimizer model of scenario", lp, StringComparison.Ordinal);
        // LP names cannot hold brackets: y[bridge] is written y(bridge).
        var integers = lp[lp.IndexOf("\nGeneral\n", StringComparison.Ordinal)..];
        Assert.Contains("y(bridge)", integers, StringComparison.Ordinal);
        Assert.DoesNotContain("y(terminal)", integers, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMps_MipWithInvestments_SolvedFromTheFile_HasTheLibrarysOptimum()
    {
        var scenario = TwoInvestments();
        var file = Path("mip.mps");
        ModelExport.WriteMpsFile(scenario, file);

        var fromFile = OrToolsModelFiles.SolveFile(file, SolverEngine.Scip);

        var plan = FreightPlanner.Optimize(scenario, new SolveOptions { RelativeMipGap = 0 }).GetPlanOrThrow();
        Assert.Equal(SolveStatus.Optimal, fromFile.Status);
        Assert.True(SolveHelpers.Close(plan.Objective, fromFile.Objective, 1e-9), $"library {plan.Objective:R}, file {fromFile.Objective:R}");
        Assert.Equal(1, plan.Investments.Single(i => i.Id == "bridge").Units);
    }

    [Fact]
    public void ToMps_InvalidScenario_ThrowsWithTheIssues()
    {
        var network = new FreightNetworkBuilder().AddCommodity("coal").AddLocation("A", LocationKind.Origin)
            .AddRoute("r", "A", "NOWHERE", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 1 }).Build();

        var ex = Assert.Throws<FreightValidationException>(() => ModelExport.WriteMps(new Scenario(network)));

        Assert.Contains(ex.Issues, i => i.Code == ValidationCode.UnknownReference);
    }

    /// <summary>The corridor without its investment options: an LP.</summary>
    private static Scenario LinearCorridor() => RussiaChinaCorridor.Scenario with { Investments = [], Budget = null };

    /// <summary>A bridge worth building (binary) and a terminal that can be expanded continuously.</summary>
    private static Scenario TwoInvestments()
    {
        var network = new FreightNetworkBuilder()
            .AddCommodity("coal")
            .AddLocation("MINE", LocationKind.Origin)
            .AddLocation("PORT", LocationKind.Port, annualCapacityTonnes: 1_000_000)
            .AddLocation("CITY", LocationKind.Market)
            .AddRoute("bridge-route", "MINE", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 100 }, annualCapacityTonnes: 500_000)
            .AddRoute("mine-port", "MINE", "PORT", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 300 })
            .AddRoute("port-city", "PORT", "CITY", TransportMode.Sea, new Dictionary<CommodityId, double> { ["coal"] = 300 })
            .Build();
        return new ScenarioBuilder(network)
            .WithName("two investments")
            .AddSupply("MINE", "coal", 5_000_000, costPerTonne: 50)
            .AddDemand("CITY", "coal", 3_000_000, unmetPenaltyPerTonne: 10_000)
            .AddInvestment(new InvestmentOption("bridge", 2_000_000, 1_000_000_000, 30) { Target = new RouteId("bridge-route"), Kind = InvestmentKind.Binary })
            .AddInvestment(new InvestmentOption("terminal", 100_000, 1_000_000, 30) { Target = new LocationId("PORT"), Kind = InvestmentKind.Continuous, MaxUnits = 50 })
            .Build();
    }
}
