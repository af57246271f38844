using FreightOptimizer.Cli;
using FreightOptimizer.Reporting;

namespace FreightOptimizer.Tests.Cli;

/// <summary>Runs freightopt in-process, as a redirected run sees it (no terminal: no ANSI codes, width 200).</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var context = new CliContext(Terminal.Create(output, interactive: false), Terminal.Create(error, interactive: false));
        var code = CliApp.Run(args, context, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// One route MINE→CITY, 1 Mt/yr at 900 RUB/t, 2 Mt/yr of supply and a market of 1.5 Mt/yr whose unmet
    /// tonnes cost 30,000 RUB/t. By hand: 1 Mt moves (0.90 bn), 0.5 Mt go unmet (15.00 bn), so the optimum
    /// is 15.90 bn RUB, and one more tonne of rail capacity saves 30,000 − 900 = 29,100 RUB.
    /// </summary>
    public static string SmallScenario(double capacity = 1_000_000) => $$"""
        {
          "formatVersion": 1,
          "name": "Two places",
          "commodities": [ { "id": "coal" } ],
          "locations": [ { "id": "MINE", "kind": "Origin" }, { "id": "CITY", "kind": "Market" } ],
          "routes": [ { "id": "rail", "from": "MINE", "to": "CITY", "mode": "Rail", "annualCapacityTonnes": {{capacity.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "costPerTonne": { "coal": 900 } } ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 2000000 } ],
          "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1500000, "unmetPenaltyPerTonne": 30000 } ]
        }
        """;

    public const string BrokenScenario = """
        { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
          "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market", "colour": "red" } ],
          "routes": [ { "id": "a-b", "from": "A", "to": "C", "mode": "Rail", "costPerTonne": { "coal": -1 } } ] }
        """;

    public const string InfeasibleScenario = """
        { "formatVersion": 1, "commodities": [ { "id": "coal" } ],
          "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
          "routes": [ { "id": "a-b", "from": "A", "to": "B", "mode": "Rail", "annualCapacityTonnes": 10, "costPerTonne": { "coal": 5 } } ],
          "supplies": [ { "location": "A", "commodity": "coal", "annualTonnes": 100 } ],
          "demands": [ { "location": "B", "commodity": "coal", "annualTonnes": 50, "mustServe": true } ] }
        """;
}
