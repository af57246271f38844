using System.Collections.Immutable;

namespace FreightOptimizer.Serialization;

/// <summary>
/// The field names of scenario format v1 (docs/scenario-format.md), object by object: the one list the
/// reader checks against and the writer follows. <c>scenario.schema.json</c> names the same fields; the
/// schema tests validate every scenario file and example against it.
/// </summary>
internal static class ScenarioJsonFields
{
    /// <summary>Fields every object may carry for provenance; the model ignores them.</summary>
    public static readonly ImmutableArray<string> Provenance = ["source", "notes"];

    /// <summary>The scenario (root) object.</summary>
    public static readonly ImmutableArray<string> Root =
    [
        "$schema", "formatVersion", "name", "currency", "discountRate", "periods", "commodities", "locations",
        "routes", "supplies", "demands", "investments", "budget", "generalisedCost", "co2CapTonnes", "observations", "costAdjustments", "source", "notes",
    ];

    /// <summary>An element of <c>periods</c>.</summary>
    public static readonly ImmutableArray<string> Period = ["id", "yearFraction", "year", "source", "notes"];

    /// <summary>An element of <c>commodities</c>.</summary>
    public static readonly ImmutableArray<string> Commodity = ["id", "name", "unmetPenaltyPerTonne", "valuePerTonne", "source", "notes"];

    /// <summary>An element of <c>locations</c>.</summary>
    public static readonly ImmutableArray<string> Location =
    [
        "id", "name", "kind", "country", "latitude", "longitude", "annualCapacityTonnes", "handlingCostPerTonne",
        "commodities", "availability", "source", "notes",
    ];

    /// <summary>An element of <c>routes</c>.</summary>
    public static readonly ImmutableArray<string> Route =
    [
        "id", "name", "from", "to", "mode", "distanceKm", "transitDays", "co2GramsPerTonneKm", "annualCapacityTonnes", "costPerTonne",
        "minAnnualTonnes", "availability", "source", "notes",
    ];

    /// <summary>An element of <c>supplies</c>.</summary>
    public static readonly ImmutableArray<string> Supply =
        ["location", "commodity", "annualTonnes", "costPerTonne", "growthPerYear", "period", "source", "notes"];

    /// <summary>An element of <c>demands</c>.</summary>
    public static readonly ImmutableArray<string> Demand =
        ["location", "commodity", "annualTonnes", "unmetPenaltyPerTonne", "growthPerYear", "mustServe", "period", "source", "notes"];

    /// <summary>An element of <c>investments</c>.</summary>
    public static readonly ImmutableArray<string> Investment =
    [
        "id", "name", "location", "route", "addedAnnualCapacityTonnes", "capitalCost", "lifetimeYears", "kind",
        "maxUnits", "firstPeriod", "leadTimeYears", "exclusiveGroup", "requires", "source", "notes",
    ];

    /// <summary>The <c>budget</c> object.</summary>
    public static readonly ImmutableArray<string> Budget = ["capitalCost", "source", "notes"];

    /// <summary>The <c>generalisedCost</c> object.</summary>
    public static readonly ImmutableArray<string> GeneralisedCost =
        ["holdingRatePerYear", "carbonPricePerTonneCo2", "emissionFactors", "source", "notes"];

    /// <summary>An element of <c>observations</c>.</summary>
    public static readonly ImmutableArray<string> Observation =
        ["id", "name", "elements", "commodity", "period", "annualTonnes", "tolerance", "source", "notes"];

    /// <summary>An entry of an observation's <c>elements</c>: exactly one of the two.</summary>
    public static readonly ImmutableArray<string> ObservationElement = ["location", "route"];

    /// <summary>An element of <c>costAdjustments</c>: exactly one of <c>location</c> and <c>route</c>.</summary>
    public static readonly ImmutableArray<string> CostAdjustment =
        ["location", "route", "commodity", "costPerTonne", "observation", "source", "notes"];

    /// <summary>Every object kind by the name the schema gives it under <c>$defs</c> (the root as <c>scenario</c>).</summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> ByObject =
        new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
        {
            ["scenario"] = Root,
            ["period"] = Period,
            ["commodity"] = Commodity,
            ["location"] = Location,
            ["route"] = Route,
            ["supply"] = Supply,
            ["demand"] = Demand,
            ["investment"] = Investment,
            ["budget"] = Budget,
            ["generalisedCost"] = GeneralisedCost,
            ["observation"] = Observation,
            ["observationElement"] = ObservationElement,
            ["costAdjustment"] = CostAdjustment,
        }.ToImmutableDictionary(StringComparer.Ordinal);
}
