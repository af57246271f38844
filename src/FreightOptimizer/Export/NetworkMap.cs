using System.Globalization;
using System.Xml.Linq;

namespace FreightOptimizer.Export;

/// <summary>
/// The report's map of the network as SVG, drawn from the locations' coordinates: an equirectangular
/// projection (longitude scaled by the cosine of the mean latitude, so shapes keep their proportions
/// at the corridor's latitudes) fitted to the bounding box. Routes are lines, or arcs where several
/// join the same two places, with their width by tonnes and their colour by mode; routes closed in some
/// period are dashed; border crossings are diamonds coloured by their peak utilisation. Every route and
/// location carries an SVG <c>title</c>, which browsers show on hover without any script.
/// </summary>
internal static class NetworkMap
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 1340;
    private const double MaxMapHeight = 800;
    private const double Margin = 40;
    private const double LegendHeight = 96;
    private const double ParallelSpacing = 16;

    public static XElement Draw(ReportModel model)
    {
        var network = model.Scenario.Network;
        var located = network.Locations.Where(l => l.Latitude is not null && l.Longitude is not null).ToList();
        var positions = new Dictionary<LocationId, (double X, double Y)>();
        string? note = null;
        var mapHeight = 0.0;
        if (located.Count >= 2)
        {
            var outliers = Outliers(located);
            mapHeight = Project([.. located.Except(outliers)], positions);
            if (outliers.Count > 0)
            {
                // Far-away places (Murmansk beside north-east China) would shrink the corridor to a corner:
                // they are drawn at the edge of the frame, in their direction, and said to be off the map.
                Clamp(located, outliers, positions, mapHeight);
                note = string.Join(", ", outliers.Select(ReportModel.ShortName)) + (outliers.Count == 1 ? " lies" : " lie") + " off the map: drawn at its edge, in the right direction.";
            }

            var missing = network.Locations.Where(l => !positions.ContainsKey(l.Id)).ToList();
            if (missing.Count > 0)
            {
                // Locations without coordinates go along the bottom, where nobody mistakes them for geography.
                mapHeight += 50;
                for (var i = 0; i < missing.Count; i++) positions[missing[i].Id] = (Margin + ((Width - (2 * Margin)) * (i + 0.5) / missing.Count), mapHeight - 25);
                note = (note is null ? "" : note + " ") + $"{missing.Count} location(s) have no coordinates and are drawn along the bottom.";
            }
        }
        if (located.Count < 2)
        {
            mapHeight = Schematic(network, positions);
            note = "Coordinates missing: a schematic layout by kind (origins left, markets right), not geography.";
        }

        var height = mapHeight + LegendHeight;
        var svg = new XElement(Svg + "svg",
            new XAttribute("id", "network-map"), new XAttribute("class", "map"),
            new XAttribute("viewBox", $"0 0 {F(Width)} {F(height)}"), new XAttribute("width", F(Width)), new XAttribute("height", F(height)),
            new XAttribute("role", "img"), new XAttribute("aria-label", "Map of the network"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "11"));
        svg.Add(new XElement(Svg + "rect", new XAttribute("width", F(Width)), new XAttribute("height", F(mapHeight)), new XAttribute("fill", "#f4f7fa")));
        if (note is not null) svg.Add(Text(Margin / 2, 18, note, "#a03000", anchor: "start", size: 12, weight: "bold").SetClass("map-note"));

        var routes = new XElement(Svg + "g", new XAttribute("id", "map-routes"));
        var maxTonnes = model.RouteTonnes.Values.DefaultIfEmpty(0).Max();
        var drawn = new List<(double Width, XElement Path)>();
        foreach (var group in network.Routes.Where(r => positions.ContainsKey(r.From) && positions.ContainsKey(r.To))
                     .GroupBy(r => string.CompareOrdinal(r.From.Value, r.To.Value) <= 0 ? (r.From, r.To) : (r.To, r.From)))
        {
            var list = group.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var offset = (i - ((list.Count - 1) / 2.0)) * ParallelSpacing;
                drawn.Add(RoutePath(model, list[i], positions[group.Key.Item1], positions[group.Key.Item2], offset, maxTonnes));
            }
        }

        // Unused routes underneath, then the busiest first so thin lines stay visible on top of thick ones.
        foreach (var (_, path) in drawn.OrderBy(d => d.Width > 1.01 ? 1 : 0).ThenByDescending(d => d.Width)) routes.Add(path);
        svg.Add(routes);

        var nodes = new XElement(Svg + "g", new XAttribute("id", "map-locations"));
        foreach (var location in network.Locations) nodes.Add(Node(model, location, positions[location.Id]));
        svg.Add(nodes);
        svg.Add(Labels(model, network, positions));
        svg.Add(Legend(model, mapHeight, maxTonnes));
        return svg;
    }

    /// <summary>Projects the located locations; returns the map's height.</summary>
    private static double Project(List<Location> located, Dictionary<LocationId, (double X, double Y)> positions)
    {
        var minLon = located.Min(l => l.Longitude!.Value);
        var maxLon = located.Max(l => l.Longitude!.Value);
        var minLat = located.Min(l => l.Latitude!.Value);
        var maxLat = located.Max(l => l.Latitude!.Value);
        var k = Math.Max(0.2, Math.Cos((minLat + maxLat) / 2 * Math.PI / 180));
        var dx = Math.Max((maxLon - minLon) * k, 1e-6);
        var dy = Math.Max(maxLat - minLat, 1e-6);
        var scale = Math.Min((Width - (2 * Margin)) / dx, (MaxMapHeight - (2 * Margin)) / dy);
        var offsetX = (Width - (dx * scale)) / 2;
        foreach (var l in located)
        {
            positions[l.Id] = (offsetX + ((l.Longitude!.Value - minLon) * k * scale), Margin + ((maxLat - l.Latitude!.Value) * scale));
        }

        return Math.Max((dy * scale) + (2 * Margin), 160);
    }

    /// <summary>
    /// The places far from all others: sorted by distance from the median position, those before the
    /// last place that is more than twice as far as the next one, among the farthest tenth.
    /// </summary>
    private static List<Location> Outliers(List<Location> located)
    {
        if (located.Count < 6) return [];
        var lat = Median(located.Select(l => l.Latitude!.Value));
        var lon = Median(located.Select(l => l.Longitude!.Value));
        var k = Math.Cos(lat * Math.PI / 180);
        var byDistance = located.Select(l => (Location: l, Distance: Math.Sqrt(Math.Pow((l.Longitude!.Value - lon) * k, 2) + Math.Pow(l.Latitude!.Value - lat, 2))))
            .OrderByDescending(d => d.Distance).ToList();
        // The last big jump within the farthest tenth: everything beyond it is off the map.
        var cut = -1;
        for (var i = 0; i < located.Count / 10; i++)
        {
            if (byDistance[i].Distance > 2 * byDistance[i + 1].Distance + 1e-9) cut = i;
        }

        var outliers = byDistance.Take(cut + 1).Select(d => d.Location).ToList();
        return outliers;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Places each outlier on the frame's edge, on the line from the frame's centre towards where it would be.</summary>
    private static void Clamp(List<Location> located, List<Location> outliers, Dictionary<LocationId, (double X, double Y)> positions, double mapHeight)
    {
        // Recover the projection from two projected places to extend it to the outliers.
        var inner = located.Except(outliers).ToList();
        var a = inner.MinBy(l => l.Longitude!.Value)!;
        var b = inner.MaxBy(l => l.Longitude!.Value)!;
        var c = inner.MinBy(l => l.Latitude!.Value)!;
        var d = inner.MaxBy(l => l.Latitude!.Value)!;
        var xPerLon = (positions[b.Id].X - positions[a.Id].X) / Math.Max(b.Longitude!.Value - a.Longitude!.Value, 1e-9);
        var yPerLat = (positions[d.Id].Y - positions[c.Id].Y) / Math.Max(d.Latitude!.Value - c.Latitude!.Value, 1e-9);
        var (cx, cy) = (Width / 2, mapHeight / 2);
        foreach (var o in outliers)
        {
            var x = positions[a.Id].X + ((o.Longitude!.Value - a.Longitude!.Value) * xPerLon);
            var y = positions[c.Id].Y + ((o.Latitude!.Value - c.Latitude!.Value) * yPerLat);
            var (dx, dy) = (x - cx, y - cy);
            var t = Math.Min(Math.Abs(dx) > 1e-9 ? ((Width / 2) - 14) / Math.Abs(dx) : double.PositiveInfinity, Math.Abs(dy) > 1e-9 ? ((mapHeight / 2) - 14) / Math.Abs(dy) : double.PositiveInfinity);
            positions[o.Id] = double.IsFinite(t) ? (cx + (dx * Math.Min(t, 1)), cy + (dy * Math.Min(t, 1))) : (14, cy);
        }
    }

    /// <summary>Lays every location out in columns by kind; returns the map's height.</summary>
    private static double Schematic(FreightNetwork network, Dictionary<LocationId, (double X, double Y)> positions)
    {
        var kinds = Enum.GetValues<LocationKind>();
        var columns = kinds.Select(k => network.Locations.Where(l => l.Kind == k).ToList()).ToList();
        var rows = Math.Max(1, columns.Max(c => c.Count));
        var height = Math.Min(MaxMapHeight, Math.Max(200, (rows * 36) + (2 * Margin)));
        for (var c = 0; c < columns.Count; c++)
        {
            for (var r = 0; r < columns[c].Count; r++)
            {
                positions[columns[c][r].Id] = (Margin + 60 + ((Width - (2 * Margin) - 160) * c / Math.Max(1, kinds.Length - 1)),
                    Margin + ((height - (2 * Margin)) * (r + 0.5) / columns[c].Count));
            }
        }

        return height;
    }

    private static (double Width, XElement Path) RoutePath(ReportModel model, Route route, (double X, double Y) a, (double X, double Y) b, double offset, double maxTonnes)
    {
        // a → b is the pair in canonical order, so two routes in opposite directions bend to opposite sides.
        var (from, to) = string.CompareOrdinal(route.From.Value, route.To.Value) <= 0 ? (a, b) : (b, a);
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        string d;
        if (Math.Abs(offset) < 1e-9 || length < 1e-9)
        {
            d = $"M {F(from.X)} {F(from.Y)} L {F(to.X)} {F(to.Y)}";
        }
        else
        {
            // A quadratic curve peaks at half its control point's offset: twice the offset puts it where wanted.
            var (nx, ny) = (-dy / length, dx / length);
            var cx = ((a.X + b.X) / 2) + (nx * offset * 2);
            var cy = ((a.Y + b.Y) / 2) + (ny * offset * 2);
            d = $"M {F(from.X)} {F(from.Y)} Q {F(cx)} {F(cy)} {F(to.X)} {F(to.Y)}";
        }

        var tonnes = model.RouteTonnes.GetValueOrDefault(route.Id);
        var used = tonnes > 0 && maxTonnes > 0;
        var width = used ? 1.6 + (8.4 * Math.Sqrt(tonnes / maxTonnes)) : 1;
        var seasonal = model.IsSeasonal(route);
        var path = new XElement(Svg + "path",
            new XAttribute("class", "route" + (used ? " used" : " unused") + (seasonal ? " seasonal" : "")),
            new XAttribute("data-route", route.Id.Value), new XAttribute("d", d), new XAttribute("fill", "none"),
            new XAttribute("stroke", used ? ModeColour(route.Mode) : "#9aa5b1"), new XAttribute("stroke-width", F(width)),
            new XAttribute("stroke-linecap", "round"), new XAttribute("stroke-opacity", used ? "0.85" : "0.6"));
        if (seasonal) path.Add(new XAttribute("stroke-dasharray", used ? "9 5" : "5 4"));
        path.Add(new XElement(Svg + "title", RouteTooltip(model, route, tonnes)));
        return (width, path);
    }

    private static string RouteTooltip(ReportModel model, Route route, double tonnes)
    {
        var t = model.Tonnes;
        var lines = new List<string>
        {
            $"{route.Name ?? route.Id.Value} ({route.Mode.ToString().ToLowerInvariant()})",
            $"{model.LocationName(route.From)} → {model.LocationName(route.To)}",
            $"{t.WithUnit(tonnes)} over the horizon",
        };
        var byCommodity = model.Scenario.Network.Commodities
            .Select(c => (c.Id, Tonnes: model.RouteCommodityTonnes.GetValueOrDefault((route.Id, c.Id)))).Where(c => c.Tonnes > 0).ToList();
        if (byCommodity.Count > 0) lines.Add(string.Join(", ", byCommodity.Select(c => $"{c.Id}: {t.WithUnit(c.Tonnes)}")));
        if (route.AnnualCapacityTonnes is { } cap)
        {
            var uses = model.Periods.Select(p => model.UtilisationOf(route.Id, p)).Where(u => u is not null).ToList();
            lines.Add($"capacity {t.WithUnit(cap)}/yr" + (uses.Count > 0 ? $", peak {ReportFormat.Percent(uses.Max())}, mean {ReportFormat.Percent(uses.Average())}" : ""));
        }

        var closed = model.ClosedPeriods(route).ToList();
        if (closed.Count > 0) lines.Add("closed in " + string.Join(", ", closed.Select(p => p.Value)));
        return string.Join("\n", lines);
    }

    private static XElement Node(ReportModel model, Location location, (double X, double Y) at)
    {
        var crossing = model.CrossingRow(location.Id);
        var colour = KindColour(location.Kind);
        XElement shape = location.Kind switch
        {
            LocationKind.Origin => new XElement(Svg + "rect", new XAttribute("x", F(at.X - 5)), new XAttribute("y", F(at.Y - 5)), new XAttribute("width", "10"), new XAttribute("height", "10")),
            LocationKind.BorderCrossing => new XElement(Svg + "path", new XAttribute("d", $"M {F(at.X)} {F(at.Y - 7)} L {F(at.X + 7)} {F(at.Y)} L {F(at.X)} {F(at.Y + 7)} L {F(at.X - 7)} {F(at.Y)} Z")),
            LocationKind.Market => new XElement(Svg + "circle", new XAttribute("cx", F(at.X)), new XAttribute("cy", F(at.Y)), new XAttribute("r", "7")),
            _ => new XElement(Svg + "circle", new XAttribute("cx", F(at.X)), new XAttribute("cy", F(at.Y)), new XAttribute("r", "5")),
        };
        shape.Add(new XAttribute("fill", location.Kind == LocationKind.BorderCrossing && crossing?.Peak is { } peak ? HeatColour(peak) : colour),
            new XAttribute("stroke", location.Kind == LocationKind.BorderCrossing ? "#222" : "white"), new XAttribute("stroke-width", "1.5"));
        var lines = new List<string> { $"{location.Name ?? location.Id.Value} ({location.Kind}{(location.Country is { } c ? ", " + c : "")})" };
        if (location.AnnualCapacityTonnes is { } cap) lines.Add($"capacity {model.Tonnes.WithUnit(cap)}/yr");
        if (crossing is not null) lines.Add($"utilisation: peak {ReportFormat.Percent(crossing.Peak)}, mean {ReportFormat.Percent(crossing.Mean)}");
        var inflow = model.Scenario.Network.Routes.Where(r => r.To == location.Id).Sum(r => model.RouteTonnes.GetValueOrDefault(r.Id));
        var outflow = model.Scenario.Network.Routes.Where(r => r.From == location.Id).Sum(r => model.RouteTonnes.GetValueOrDefault(r.Id));
        lines.Add($"in {model.Tonnes.WithUnit(inflow)}, out {model.Tonnes.WithUnit(outflow)} over the horizon");
        return new XElement(Svg + "g", new XAttribute("class", "location " + location.Kind.ToString().ToLowerInvariant()), new XAttribute("data-location", location.Id.Value),
            shape, new XElement(Svg + "title", string.Join("\n", lines)));
    }

    /// <summary>Names beside the symbols, most important first; a label that would overlap one already placed is left to the tooltip.</summary>
    private static XElement Labels(ReportModel model, FreightNetwork network, Dictionary<LocationId, (double X, double Y)> positions)
    {
        var group = new XElement(Svg + "g", new XAttribute("id", "map-labels"), new XAttribute("pointer-events", "none"));
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        static int Rank(LocationKind kind) => kind switch
        {
            LocationKind.Market => 0,
            LocationKind.BorderCrossing => 1,
            LocationKind.Origin => 2,
            LocationKind.Port => 3,
            _ => 4,
        };
        var throughput = network.Locations.ToDictionary(l => l.Id, l => network.Routes.Where(r => r.To == l.Id || r.From == l.Id).Sum(r => model.RouteTonnes.GetValueOrDefault(r.Id)));
        var merged = new HashSet<LocationId>();
        foreach (var location in network.Locations.OrderBy(l => Rank(l.Kind)).ThenByDescending(l => throughput[l.Id]).ThenBy(l => l.Id.Value, StringComparer.Ordinal))
        {
            if (merged.Contains(location.Id)) continue;
            var (x, y) = positions[location.Id];
            var name = ReportModel.ShortName(location);
            if (location.Kind == LocationKind.BorderCrossing)
            {
                // The two sides of a crossing sit a few kilometres apart: one label names both.
                var twin = network.Locations.FirstOrDefault(o => o.Kind == LocationKind.BorderCrossing && o.Id != location.Id && !merged.Contains(o.Id)
                    && Math.Abs(positions[o.Id].X - x) < 14 && Math.Abs(positions[o.Id].Y - y) < 14);
                if (twin is not null)
                {
                    merged.Add(twin.Id);
                    name += " – " + ReportModel.ShortName(twin);
                }
            }

            var crossing = model.CrossingRow(location.Id);
            var second = crossing?.Peak is { } peak ? $"peak {ReportFormat.Percent(peak)} · mean {ReportFormat.Percent(crossing.Mean)}" : null;
            var w = Math.Max(name.Length * 6.3, (second?.Length ?? 0) * 5.6) + 4;
            var h = second is null ? 13 : 25;
            foreach (var (bx, anchor, dy) in new[]
                     {
                         (x + 9, "start", -7.0), (x - 9 - w, "end", -7.0), (x - (w / 2), "middle", 9.0), (x - (w / 2), "middle", -9.0 - h),
                         (x + 9, "start", 5.0), (x + 9, "start", -5.0 - h), (x - 9 - w, "end", 5.0), (x - 9 - w, "end", -5.0 - h),
                         (x - (w / 2), "middle", 22.0), (x - (w / 2), "middle", -22.0 - h),
                     })
            {
                var by = y + dy;
                var box = (bx, by, bx + w, by + h);
                // Other places' symbols are obstacles too, so no name covers another place; the
                // symbols right at this place (its own, its twin across the border) are not.
                var blocked = placed.Any(p => p.X1 < box.Item3 && box.Item1 < p.X2 && p.Y1 < box.Item4 && box.Item2 < p.Y2)
                    || positions.Values.Any(p => (Math.Abs(p.X - x) >= 14 || Math.Abs(p.Y - y) >= 14) && p.X - 6 < box.Item3 && box.Item1 < p.X + 6 && p.Y - 6 < box.Item4 && box.Item2 < p.Y + 6);
                if (box.Item1 < 0 || box.Item3 > Width || box.Item2 < 0 || blocked) continue;
                placed.Add(box);
                var tx = anchor == "start" ? bx : anchor == "end" ? bx + w : x;
                var label = Text(tx, by + 11, name, "#1a1a1a", anchor, 11, location.Kind is LocationKind.Market or LocationKind.BorderCrossing ? "bold" : "normal");
                group.Add(Halo(label).SetClass("label"));
                if (second is not null) group.Add(Halo(Text(tx, by + 23, second, "#8a1c1c", anchor, 10)).SetClass("label utilisation"));
                break;
            }
        }

        return group;
    }

    private static XElement Legend(ReportModel model, double top, double maxTonnes)
    {
        var legend = new XElement(Svg + "g", new XAttribute("id", "map-legend"), new XAttribute("transform", $"translate(0 {F(top)})"));
        legend.Add(new XElement(Svg + "rect", new XAttribute("width", F(Width)), new XAttribute("height", F(LegendHeight)), new XAttribute("fill", "white")));
        var x = Margin / 2;
        legend.Add(Text(x, 20, "Route colour = mode:", "#333", "start", 11, "bold"));
        x += 125;
        foreach (var mode in model.Scenario.Network.Routes.Select(r => r.Mode).Distinct().Order())
        {
            legend.Add(LegendLine(x, 16, 26, ModeColour(mode), 4, null), Text(x + 32, 20, ModeName(mode), "#333", "start", 11));
            x += 40 + (ModeName(mode).Length * 6.5);
        }

        legend.Add(LegendLine(x + 10, 16, 26, "#9aa5b1", 1, null), Text(x + 42, 20, "unused", "#333", "start", 11));
        legend.Add(LegendLine(x + 100, 16, 26, "#555", 3, "9 5"), Text(x + 132, 20, "closed in some periods (seasonal)", "#333", "start", 11));

        x = Margin / 2;
        legend.Add(Text(x, 50, "Width = tonnes:", "#333", "start", 11, "bold"));
        x += 125;
        if (maxTonnes > 0)
        {
            foreach (var share in new[] { 1.0, 0.25, 0.04 })
            {
                var t = maxTonnes * share;
                legend.Add(LegendLine(x, 46, 30, "#555", 1.6 + (8.4 * Math.Sqrt(share)), null), Text(x + 36, 50, model.Tonnes.WithUnit(t), "#333", "start", 11));
                x += 110;
            }
        }
        else
        {
            legend.Add(Text(x, 50, "no flows", "#333", "start", 11));
            x += 110;
        }

        x += 20;
        legend.Add(Text(x, 50, "Places:", "#333", "start", 11, "bold"));
        x += 52;
        foreach (var kind in Enum.GetValues<LocationKind>())
        {
            var symbol = kind switch
            {
                LocationKind.Origin => new XElement(Svg + "rect", new XAttribute("x", F(x - 5)), new XAttribute("y", "41"), new XAttribute("width", "10"), new XAttribute("height", "10"), new XAttribute("fill", KindColour(kind))),
                LocationKind.BorderCrossing => new XElement(Svg + "path", new XAttribute("d", $"M {F(x)} 39 L {F(x + 7)} 46 L {F(x)} 53 L {F(x - 7)} 46 Z"), new XAttribute("fill", HeatColour(0.9)), new XAttribute("stroke", "#222")),
                _ => new XElement(Svg + "circle", new XAttribute("cx", F(x)), new XAttribute("cy", "46"), new XAttribute("r", kind == LocationKind.Market ? "7" : "5"), new XAttribute("fill", KindColour(kind))),
            };
            var name = kind == LocationKind.BorderCrossing ? "border crossing" : kind.ToString().ToLowerInvariant();
            legend.Add(symbol, Text(x + 11, 50, name, "#333", "start", 11));
            x += 24 + (name.Length * 6.3);
        }

        x = Margin / 2;
        legend.Add(Text(x, 80, "Crossing colour = peak utilisation:", "#333", "start", 11, "bold"));
        x += 215;
        foreach (var u in new[] { 0.0, 0.25, 0.5, 0.75, 0.9, 1.0 })
        {
            legend.Add(new XElement(Svg + "rect", new XAttribute("x", F(x)), new XAttribute("y", "69"), new XAttribute("width", "44"), new XAttribute("height", "16"), new XAttribute("fill", HeatColour(u)), new XAttribute("stroke", "#ccc")),
                Text(x + 22, 81, ReportFormat.Percent(u), u > 0.85 ? "white" : "#222", "middle", 10));
            x += 46;
        }

        legend.Add(Text(x + 16, 81, "Hover over a route or a place for its numbers.", "#555", "start", 11));
        return legend;
    }

    private static XElement LegendLine(double x, double y, double length, string colour, double width, string? dash)
    {
        var line = new XElement(Svg + "line", new XAttribute("x1", F(x)), new XAttribute("y1", F(y)), new XAttribute("x2", F(x + length)), new XAttribute("y2", F(y)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", F(width)));
        if (dash is not null) line.Add(new XAttribute("stroke-dasharray", dash));
        return line;
    }

    internal static XElement Text(double x, double y, string text, string fill, string anchor = "start", double size = 11, string weight = "normal") =>
        new(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)), new XAttribute("fill", fill), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", F(size)), new XAttribute("font-weight", weight), text);

    /// <summary>A white outline under the letters, so a name stays readable where it crosses a route.</summary>
    private static XElement Halo(XElement text)
    {
        text.Add(new XAttribute("stroke", "white"), new XAttribute("stroke-width", "3"), new XAttribute("stroke-linejoin", "round"), new XAttribute("paint-order", "stroke"));
        return text;
    }

    private static XElement SetClass(this XElement element, string name)
    {
        element.SetAttributeValue("class", name);
        return element;
    }

    public static string ModeName(TransportMode mode) => mode == TransportMode.InlandWaterway ? "inland waterway" : mode.ToString().ToLowerInvariant();

    public static string ModeColour(TransportMode mode) => mode switch
    {
        TransportMode.Rail => "#b5462a",
        TransportMode.Road => "#e08e0b",
        TransportMode.Conveyor => "#7b3fa0",
        TransportMode.Pipeline => "#222222",
        TransportMode.InlandWaterway => "#1b9e8f",
        TransportMode.Sea => "#2166ac",
        _ => "#777777",
    };

    public static string KindColour(LocationKind kind) => kind switch
    {
        LocationKind.Origin => "#2e7d32",
        LocationKind.Hub => "#616161",
        LocationKind.Port => "#1565c0",
        LocationKind.Market => "#6a1b9a",
        _ => "#999999",
    };

    /// <summary>White at 0, yellow at a half, orange at 90 %, dark red when full: a heat scale for utilisation.</summary>
    public static string HeatColour(double utilisation)
    {
        (double U, int R, int G, int B)[] stops = [(0, 255, 255, 255), (0.5, 255, 222, 120), (0.9, 244, 128, 48), (1, 190, 24, 28)];
        var u = Math.Clamp(utilisation, 0, 1);
        for (var i = 1; i < stops.Length; i++)
        {
            if (u > stops[i].U && i < stops.Length - 1) continue;
            var (a, b) = (stops[i - 1], stops[i]);
            var t = (u - a.U) / (b.U - a.U);
            int Mix(int p, int q) => (int)Math.Round(p + ((q - p) * t));
            return string.Create(CultureInfo.InvariantCulture, $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}");
        }

        return "#be181c";
    }

    private static string F(double value) => ReportFormat.Svg(value);
}
