using CsvHelper;
using FreightOptimizer.Export;

namespace FreightOptimizer.Tests.Export;

/// <summary>CSV of flows, unmet demand and prices: stable columns, and every number reads back exactly.</summary>
public sealed class CsvExportTests
{
    private static List<string[]> Read(string csv, out string[] header)
    {
        using var reader = CsvReader.FromText(csv);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        header = [.. reader.Headers];
        return rows;
    }

    [Fact]
    public void WriteFlows_SmallScenario_RoundTripsEveryFlowExactly()
    {
        var (scenario, result) = ReportScenarios.SmallSolved();
        var plan = result.GetPlanOrThrow();

        var rows = Read(CsvExport.WriteFlows(scenario, plan), out var header);

        Assert.Equal(CsvExport.FlowColumns, header);
        Assert.Equal(plan.Flows.Length, rows.Count);
        foreach (var (flow, row) in plan.Flows.Zip(rows))
        {
            Assert.Equal([flow.Route.Value, flow.Commodity.Value, flow.Period.Value], [row[0], row[4], row[5]]);
            Assert.Equal(flow.Tonnes, double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void WritePrices_SmallScenario_HasEveryPriceOfThePlan()
    {
        var (_, result) = ReportScenarios.SmallSolved();
        var prices = result.GetPlanOrThrow().Prices;

        var rows = Read(CsvExport.WritePrices(result.Plan), out var header);

        Assert.Equal(CsvExport.PriceColumns, header);
        Assert.Equal(prices.Balance.Length, rows.Count(r => r[0] == "balance"));
        Assert.Equal(prices.Capacity.Length, rows.Count(r => r[0] == "capacity"));
        var border = prices.Capacity.Single(p => p.Element == (NetworkElement)(LocationId)"BORDER" && p.Period == "summer");
        Assert.Equal(border.PerTonne, double.Parse(rows.Single(r => r[0] == "capacity" && r[2] == "BORDER" && r[4] == "summer")[5], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void WriteUnmet_IdWithCommaAndQuote_IsQuotedAndReadsBack()
    {
        var plan = new AllocationPlan
        {
            Objective = 0,
            Costs = new CostBreakdown(0, 0, 0, 0, 0),
            Unmet = [new UnmetDemand("CITY, \"north\"", "coal", "jan", 1.25)],
        };

        var csv = CsvExport.WriteUnmet(plan);
        var rows = Read(csv, out var header);

        Assert.Equal(CsvExport.UnmetColumns, header);
        Assert.Equal(["CITY, \"north\"", "coal", "jan", "1.25"], rows.Single());
        Assert.Contains("\"CITY, \"\"north\"\"\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFlows_NoPlan_WritesTheHeaderAlone()
    {
        Assert.Equal(string.Join(',', CsvExport.FlowColumns) + "\n", CsvExport.WriteFlows(ReportScenarios.Small(), null));
    }
}
