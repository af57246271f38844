using System.Globalization;

namespace FreightOptimizer.Tests.Solving;

/// <summary>One mine, one market, one rail route: scenarios whose numbers span many orders of magnitude.</summary>
internal static class WideRangeScenarios
{
    public static Scenario OneMarket(double supplyTonnes, double demandTonnes, double costPerTonne = 1, double penaltyPerTonne = 1000, double? capacityTonnes = null) =>
        new ScenarioBuilder(new FreightNetworkBuilder()
                .AddCommodity("coal")
                .AddLocation("MINE", LocationKind.Origin)
                .AddLocation("CITY", LocationKind.Market)
                .AddRoute("rail", "MINE", "CITY", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = costPerTonne }, capacityTonnes)
                .Build())
            .AddSupply("MINE", "coal", supplyTonnes)
            .AddDemand("CITY", "coal", demandTonnes, penaltyPerTonne)
            .Build();

    /// <summary>The rail capacity of <see cref="RoundedPastItsCertificate"/>: seven decimals, so no power of ten down to 10^−6 t makes it whole.</summary>
    public const double OddCapacity = 1234.5678901;

    /// <summary>The demand of <see cref="RoundedPastItsCertificate"/>, 0.2504321 t above the capacity.</summary>
    public const double OddDemand = OddCapacity + 0.2504321;

    /// <summary>
    /// 10^12 t of free supply, a rail capacity of 1,234.5678901 t and a demand 0.2504321 t above it at a
    /// penalty of 10^6 per tonne: the optimum leaves exactly 0.2504321 t unmet, 250,432.1 in all. The
    /// capacity needs 10^−7 t to be whole, and the supply at 10^−7 t is 10^19 units, above the 2^61
    /// budget, so the integer scaling rounds to 10^−4 t (the safe quantum of the smallest tonnage):
    /// the capacity moves by +9.9·10^−6 t and the demand by −2.2·10^−5 t, each far inside the verifier's
    /// feasibility tolerance, but the unmet tonnes move by 3.2·10^−5 t, worth 32 at the penalty, on an
    /// objective of 250,432: a relative gap of 1.3·10^−4, which the verifier's certificate (10^−6)
    /// rejects. Tonnages span 10^12 to 10^3.
    /// </summary>
    public static Scenario RoundedPastItsCertificate() =>
        OneMarket(1e12, OddDemand, costPerTonne: 0, penaltyPerTonne: 1e6, capacityTonnes: OddCapacity);

    /// <summary><see cref="RoundedPastItsCertificate"/> as a scenario file.</summary>
    public static string RoundedPastItsCertificateJson() => ScenarioFile(1e12, OddDemand, 0, 1e6, OddCapacity);

    /// <summary><see cref="OneMarket"/> as a scenario file of format v1.</summary>
    public static string ScenarioFile(double supplyTonnes, double demandTonnes, double costPerTonne, double penaltyPerTonne, double? capacityTonnes)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var capacity = capacityTonnes is { } c ? $"\"annualCapacityTonnes\": {N(c)}, " : "";
        return $$"""
            { "formatVersion": 1, "name": "wide range", "commodities": [ { "id": "coal" } ],
              "locations": [ { "id": "MINE", "kind": "Origin" }, { "id": "CITY", "kind": "Market" } ],
              "routes": [ { "id": "rail", "from": "MINE", "to": "CITY", "mode": "Rail", {{capacity}}"costPerTonne": { "coal": {{N(costPerTonne)}} } } ],
              "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": {{N(supplyTonnes)}} } ],
              "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": {{N(demandTonnes)}}, "unmetPenaltyPerTonne": {{N(penaltyPerTonne)}} } ] }
            """;
    }
}
