using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FreightOptimizer.Export;

/// <summary>
/// The network and a plan's flows as GeoJSON (RFC 7946): one <c>Point</c> feature per location and one
/// <c>LineString</c> feature per route, positions in [longitude, latitude] order (WGS 84), so the file
/// loads in common map tools. A location without coordinates, and a route with an end without them,
/// has a <c>null</c> geometry, as the RFC allows. docs/reports.md lists every property.
/// </summary>
public static class GeoJsonExport
{
    /// <summary>The GeoJSON text.</summary>
    /// <param name="scenario">The scenario (locations, routes, periods).</param>
    /// <param name="plan">The plan whose flows to write, or null to write the network alone (every tonnage 0).</param>
    /// <returns>A FeatureCollection: locations first, then routes, in scenario order.</returns>
    public static string Write(Scenario scenario, AllocationPlan? plan)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteCollection(scenario, plan, json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the GeoJSON to a file (UTF-8).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="plan">The plan, or null.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    public static void WriteFile(Scenario scenario, AllocationPlan? plan, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, Write(scenario, plan), new UTF8Encoding(false));
    }

    private static void WriteCollection(Scenario scenario, AllocationPlan? plan, Utf8JsonWriter json)
    {
        var network = scenario.Network;
        var flows = plan?.Flows ?? [];
        var periods = scenario.Horizon.Periods.Select(p => p.Id).ToList();
        var byRoute = flows.GroupBy(f => f.Route).ToDictionary(g => g.Key, g => g.ToList());
        var supplied = (plan?.Supplied ?? []).GroupBy(s => s.Location).ToDictionary(g => g.Key, g => g.Sum(s => s.Tonnes));
        var inflow = flows.Where(f => network.TryGetRoute(f.Route, out _)).GroupBy(f => network.GetRoute(f.Route).To).ToDictionary(g => g.Key, g => g.Sum(f => f.Tonnes));
        var peak = (plan?.CapacityUse ?? []).Where(u => u.Utilisation is not null).GroupBy(u => u.Element).ToDictionary(g => g.Key, g => g.Max(u => u.Utilisation!.Value));

        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", scenario.Name ?? "network");
        json.WriteStartArray("features");
        foreach (var location in network.Locations)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", "location:" + location.Id.Value);
            json.WritePropertyName("geometry");
            if (location.Latitude is { } lat && location.Longitude is { } lon)
            {
                json.WriteStartObject();
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                Position(json, lon, lat);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartObject("properties");
            json.WriteString("feature", "location");
            json.WriteString("id", location.Id.Value);
            json.WriteString("name", location.Name ?? location.Id.Value);
            json.WriteString("kind", location.Kind.ToString());
            NullableString(json, "country", location.Country);
            Nullable(json, "capacityTonnesPerYear", location.AnnualCapacityTonnes);
            json.WriteNumber("throughputTonnes", inflow.GetValueOrDefault(location.Id) + supplied.GetValueOrDefault(location.Id));
            Nullable(json, "peakUtilisation", peak.TryGetValue(location.Id, out var u) ? u : null);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var route in network.Routes)
        {
            var list = byRoute.GetValueOrDefault(route.Id) ?? [];
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", "route:" + route.Id.Value);
            json.WritePropertyName("geometry");
            if (network.TryGetLocation(route.From, out var from) && network.TryGetLocation(route.To, out var to)
                && from.Latitude is { } fromLat && from.Longitude is { } fromLon && to.Latitude is { } toLat && to.Longitude is { } toLon)
            {
                json.WriteStartObject();
                json.WriteString("type", "LineString");
                json.WriteStartArray("coordinates");
                Position(json, fromLon, fromLat);
                Position(json, toLon, toLat);

                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartObject("properties");
            json.WriteString("feature", "route");
            json.WriteString("id", route.Id.Value);
            json.WriteString("name", route.Name ?? route.Id.Value);
            json.WriteString("from", route.From.Value);
            json.WriteString("to", route.To.Value);
            json.WriteString("mode", route.Mode.ToString());
            Nullable(json, "capacityTonnesPerYear", route.AnnualCapacityTonnes);
            Nullable(json, "peakUtilisation", peak.TryGetValue(route.Id, out var ru) ? ru : null);
            json.WriteStartArray("closedPeriods");
            foreach (var period in periods.Where(p => !scenario.IsUsable(route, p))) json.WriteStringValue(period.Value);
            json.WriteEndArray();
            json.WriteNumber("tonnes", list.Sum(f => f.Tonnes));
            json.WriteStartObject("tonnesByCommodity");
            foreach (var commodity in route.CostPerTonne.Keys.OrderBy(c => c.Value, StringComparer.Ordinal))
            {
                json.WriteNumber(commodity.Value, list.Where(f => f.Commodity == commodity).Sum(f => f.Tonnes));
            }

            json.WriteEndObject();
            json.WriteStartObject("tonnesByPeriod");
            foreach (var period in periods)
            {
                json.WriteStartObject(period.Value);
                foreach (var group in list.Where(f => f.Period == period).GroupBy(f => f.Commodity).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
                {
                    json.WriteNumber(group.Key.Value, group.Sum(f => f.Tonnes));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is { } v) json.WriteString(name, v);
        else json.WriteNull(name);
    }

    /// <summary>An RFC 7946 position: longitude first, then latitude.</summary>
    private static void Position(Utf8JsonWriter json, double longitude, double latitude)
    {
        json.WriteStartArray();
        json.WriteNumberValue(longitude);
        json.WriteNumberValue(latitude);
        json.WriteEndArray();
    }
}
