using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Writes scenario format v1 (docs/scenario-format.md) canonically: camelCase fields in one fixed order,
/// nulls and defaults that read back the same left out, numbers in their shortest round-trip form,
/// provenance kept, availability inside its location or route. Map keys follow the order of the
/// commodities (costs) or periods (availability), so the same scenario always gives the same text.
/// </summary>
internal static class ScenarioJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Files are kept in git and read by people: keep Cyrillic, Chinese and dashes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Scenario scenario, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        var network = scenario.Network;
        var commodityOrder = Order(network.Commodities.Select(c => c.Id));
        var periodOrder = Order(scenario.Horizon.Periods.Select(p => p.Id));

        w.WriteStartObject();
        w.WriteNumber("formatVersion", Scenario.FormatVersion);
        Text(w, "name", scenario.Name);
        if (scenario.Currency != "RUB") Text(w, "currency", scenario.Currency);
        if (scenario.DiscountRate != 0) w.WriteNumber("discountRate", scenario.DiscountRate);
        if (!scenario.Horizon.Equals(PlanningHorizon.SingleYear))
        {
            w.WriteStartArray("periods");
            foreach (var p in scenario.Horizon.Periods)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id.Value);
                w.WriteNumber("yearFraction", p.YearFraction);
                if (p.Year is { } year) w.WriteNumber("year", year);
                Provenance(w, p.Source, p.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("commodities");
        foreach (var c in network.Commodities)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id.Value);
            Text(w, "name", c.Name);
            Number(w, "unmetPenaltyPerTonne", c.UnmetPenaltyPerTonne);
            Number(w, "valuePerTonne", c.ValuePerTonne);
            Provenance(w, c.Source, c.Notes);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var calendarsWritten = new HashSet<LocationId>();
        w.WriteStartArray("locations");
        foreach (var l in network.Locations)
        {
            w.WriteStartObject();
            w.WriteString("id", l.Id.Value);
            Text(w, "name", l.Name);
            w.WriteString("kind", l.Kind.ToString());
            Text(w, "country", l.Country);
            Number(w, "latitude", l.Latitude);
            Number(w, "longitude", l.Longitude);
            Number(w, "annualCapacityTonnes", l.AnnualCapacityTonnes);
            if (l.HandlingCostPerTonne is { IsEmpty: false } handling) Map(w, "handlingCostPerTonne", handling, commodityOrder);
            if (l.Commodities is { IsDefault: false } handled)
            {
                w.WriteStartArray("commodities");
                foreach (var c in handled) w.WriteStringValue(c.Value);
                w.WriteEndArray();
            }

            if (calendarsWritten.Add(l.Id) && scenario.LocationAvailability.TryGetValue(l.Id, out var calendar))
            {
                Map(w, "availability", calendar.Factors, periodOrder);
            }

            Provenance(w, l.Source, l.Notes);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        var routeCalendarsWritten = new HashSet<RouteId>();
        w.WriteStartArray("routes");
        foreach (var r in network.Routes)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id.Value);
            Text(w, "name", r.Name);
            w.WriteString("from", r.From.Value);
            w.WriteString("to", r.To.Value);
            w.WriteString("mode", r.Mode.ToString());
            Number(w, "distanceKm", r.DistanceKm);
            Number(w, "transitDays", r.TransitDays);
            Number(w, "co2GramsPerTonneKm", r.Co2GramsPerTonneKm);
            Number(w, "annualCapacityTonnes", r.AnnualCapacityTonnes);
            Map(w, "costPerTonne", r.CostPerTonne ?? ImmutableDictionary<CommodityId, double>.Empty, commodityOrder);
            Number(w, "minAnnualTonnes", r.MinAnnualTonnes);
            if (routeCalendarsWritten.Add(r.Id) && scenario.RouteAvailability.TryGetValue(r.Id, out var calendar))
            {
                Map(w, "availability", calendar.Factors, periodOrder);
            }

            Provenance(w, r.Source, r.Notes);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        if (!scenario.Supplies.IsDefaultOrEmpty)
        {
            w.WriteStartArray("supplies");
            foreach (var s in scenario.Supplies)
            {
                w.WriteStartObject();
                w.WriteString("location", s.Location.Value);
                w.WriteString("commodity", s.Commodity.Value);
                w.WriteNumber("annualTonnes", s.AnnualTonnes);
                if (s.CostPerTonne != 0) w.WriteNumber("costPerTonne", s.CostPerTonne);
                Number(w, "growthPerYear", s.GrowthPerYear);
                Text(w, "period", s.Period?.Value);
                Provenance(w, s.Source, s.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!scenario.Demands.IsDefaultOrEmpty)
        {
            w.WriteStartArray("demands");
            foreach (var d in scenario.Demands)
            {
                w.WriteStartObject();
                w.WriteString("location", d.Location.Value);
                w.WriteString("commodity", d.Commodity.Value);
                w.WriteNumber("annualTonnes", d.AnnualTonnes);
                Number(w, "unmetPenaltyPerTonne", d.UnmetPenaltyPerTonne);
                Number(w, "growthPerYear", d.GrowthPerYear);
                if (d.MustServe) w.WriteBoolean("mustServe", true);
                Text(w, "period", d.Period?.Value);
                Provenance(w, d.Source, d.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!scenario.Investments.IsDefaultOrEmpty)
        {
            w.WriteStartArray("investments");
            foreach (var o in scenario.Investments)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id.Value);
                Text(w, "name", o.Name);
                Text(w, "location", o.Target.Location?.Value);
                Text(w, "route", o.Target.Route?.Value);
                w.WriteNumber("addedAnnualCapacityTonnes", o.AddedAnnualCapacityTonnes);
                w.WriteNumber("capitalCost", o.CapitalCost);
                w.WriteNumber("lifetimeYears", o.LifetimeYears);
                if (o.Kind != InvestmentKind.Binary) w.WriteString("kind", o.Kind.ToString());
                Number(w, "maxUnits", o.MaxUnits);
                Text(w, "firstPeriod", o.FirstPeriod?.Value);
                Number(w, "leadTimeYears", o.LeadTimeYears);
                Text(w, "exclusiveGroup", o.ExclusiveGroup);
                if (!o.Requires.IsDefaultOrEmpty)
                {
                    w.WriteStartArray("requires");
                    foreach (var id in o.Requires) w.WriteStringValue(id.Value);
                    w.WriteEndArray();
                }

                Provenance(w, o.Source, o.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (scenario.Budget is { } budget)
        {
            w.WriteStartObject("budget");
            w.WriteNumber("capitalCost", budget.CapitalCost);
            Provenance(w, budget.Source, budget.Notes);
            w.WriteEndObject();
        }

        WriteGeneralisedCost(w, scenario);

        if (!scenario.Observations.IsDefaultOrEmpty)
        {
            w.WriteStartArray("observations");
            foreach (var o in scenario.Observations)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id);
                Text(w, "name", o.Name);
                w.WriteStartArray("elements");
                foreach (var e in o.Elements.IsDefault ? [] : o.Elements)
                {
                    w.WriteStartObject();
                    Text(w, "location", e.Location?.Value);
                    Text(w, "route", e.Route?.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Text(w, "commodity", o.Commodity?.Value);
                Text(w, "period", o.Period?.Value);
                w.WriteNumber("annualTonnes", o.AnnualTonnes);
                w.WriteNumber("tolerance", o.Tolerance);
                Provenance(w, o.Source, o.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!scenario.CostAdjustments.IsDefaultOrEmpty)
        {
            w.WriteStartArray("costAdjustments");
            foreach (var a in scenario.CostAdjustments)
            {
                w.WriteStartObject();
                Text(w, "location", a.Element.Location?.Value);
                Text(w, "route", a.Element.Route?.Value);
                Text(w, "commodity", a.Commodity?.Value);
                w.WriteNumber("costPerTonne", a.CostPerTonne);
                Text(w, "observation", a.Observation);
                Provenance(w, a.Source, a.Notes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Provenance(w, scenario.Source, scenario.Notes);
        w.WriteEndObject();
    }

    private static Dictionary<T, int> Order<T>(IEnumerable<T> ids)
        where T : notnull
    {
        var order = new Dictionary<T, int>();
        foreach (var id in ids) order.TryAdd(id, order.Count);
        return order;
    }

    private static void Map<TKey>(Utf8JsonWriter w, string name, ImmutableDictionary<TKey, double> map, Dictionary<TKey, int> order)
        where TKey : notnull
    {
        w.WriteStartObject(name);
        var entries = map
            .OrderBy(kv => order.TryGetValue(kv.Key, out var i) ? i : int.MaxValue)
            .ThenBy(kv => kv.Key.ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in entries) w.WriteNumber(key.ToString() ?? string.Empty, value);
        w.WriteEndObject();
    }

    /// <summary>The generalised cost (modes in the order of <see cref="TransportMode"/>) and the CO2 cap, each when present.</summary>
    private static void WriteGeneralisedCost(Utf8JsonWriter w, Scenario scenario)
    {
        if (scenario.GeneralisedCost is { } g)
        {
            w.WriteStartObject("generalisedCost");
            Number(w, "holdingRatePerYear", g.HoldingRatePerYear);
            Number(w, "carbonPricePerTonneCo2", g.CarbonPricePerTonneCo2);
            if (!g.EmissionFactors.IsEmpty)
            {
                Map(w, "emissionFactors", g.EmissionFactors, Enum.GetValues<TransportMode>().Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i));
            }

            Provenance(w, g.Source, g.Notes);
            w.WriteEndObject();
        }

        Number(w, "co2CapTonnes", scenario.Co2CapTonnes);
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    private static void Provenance(Utf8JsonWriter w, string? source, string? notes)
    {
        Text(w, "source", source);
        Text(w, "notes", notes);
    }
}
