using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FreightOptimizer.Analysis;

namespace FreightOptimizer.Reporting;

/// <summary>The budget frontier as a chart (<c>frontier.svg</c>): the optimum against the budget, labelled where the options built change.</summary>
public static class FrontierChart
{
    /// <summary>The chart as an SVG document.</summary>
    /// <param name="scenario">The scenario (its name and currency).</param>
    /// <param name="points">The frontier.</param>
    /// <returns>The SVG text.</returns>
    public static string Svg(Scenario scenario, IReadOnlyList<FrontierPoint> points)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("A frontier has at least one budget.", nameof(points));
        const double Width = 820, Height = 480, Left = 80, Right = 30, Top = 50, Bottom = 70;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var solved = points.Where(p => p.HasPlan).ToList();
        var xMin = points.Min(p => p.Budget);
        var xMax = Math.Max(points.Max(p => p.Budget), xMin + 1);
        var yMin = solved.Count > 0 ? solved.Min(p => p.Objective!.Value) : 0;
        var yMax = solved.Count > 0 ? solved.Max(p => p.Objective!.Value) : 1;
        var pad = Math.Max((yMax - yMin) * 0.1, Math.Abs(yMax) * 0.001 + 1);
        (yMin, yMax) = (yMin - pad, yMax + pad);
        double X(double budget) => Left + ((budget - xMin) / (xMax - xMin) * (Width - Left - Right));
        double Y(double objective) => Top + ((yMax - objective) / (yMax - yMin) * (Height - Top - Bottom));
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var svg = new XElement(ns + "svg",
            new XAttribute("width", F(Width)), new XAttribute("height", F(Height)), new XAttribute("viewBox", $"0 0 {F(Width)} {F(Height)}"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"));
        svg.Add(new XElement(ns + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));
        svg.Add(new XElement(ns + "text", new XAttribute("x", F(Width / 2)), new XAttribute("y", "24"), new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "15"),
            $"Budget frontier: {scenario.Name ?? "scenario"}"));

        // Axes and ticks.
        svg.Add(Line(ns, Left, Height - Bottom, Width - Right, Height - Bottom, "black"), Line(ns, Left, Top, Left, Height - Bottom, "black"));
        for (var k = 0; k <= 5; k++)
        {
            var xb = xMin + ((xMax - xMin) * k / 5);
            var yb = yMin + ((yMax - yMin) * k / 5);
            svg.Add(Line(ns, X(xb), Height - Bottom, X(xb), Height - Bottom + 5, "black"),
                Text(ns, X(xb), Height - Bottom + 20, (xb / 1e9).ToString("0.#", CultureInfo.InvariantCulture), "middle"),
                Line(ns, Left - 5, Y(yb), Width - Right, Y(yb), "#dddddd"),
                Text(ns, Left - 8, Y(yb) + 4, (yb / 1e9).ToString("0.##", CultureInfo.InvariantCulture), "end"));
        }

        svg.Add(Text(ns, (Left + Width - Right) / 2, Height - 25, $"capital budget (bn {scenario.Currency})", "middle"));
        svg.Add(new XElement(ns + "text", new XAttribute("transform", $"translate(20,{F((Top + Height - Bottom) / 2)}) rotate(-90)"), new XAttribute("text-anchor", "middle"),
            $"optimum over the horizon (bn {scenario.Currency})"));

        // The objective as a step line (a budget buys nothing until the next option fits) with a marker per solve.
        if (solved.Count > 0)
        {
            var path = new StringBuilder($"M {F(X(solved[0].Budget))} {F(Y(solved[0].Objective!.Value))}");
            for (var i = 1; i < solved.Count; i++)
            {
                path.Append($" H {F(X(solved[i].Budget))} V {F(Y(solved[i].Objective!.Value))}");
            }

            svg.Add(new XElement(ns + "path", new XAttribute("d", path.ToString()), new XAttribute("fill", "none"), new XAttribute("stroke", "#1f77b4"), new XAttribute("stroke-width", "2")));
            string? previous = null;
            foreach (var p in solved)
            {
                var options = !p.HasPlan ? "-" : p.Chosen.IsEmpty ? "none" : string.Join(" + ", p.Chosen.Select(AnalysisViews.OptionLabel));
                svg.Add(new XElement(ns + "circle", new XAttribute("cx", F(X(p.Budget))), new XAttribute("cy", F(Y(p.Objective!.Value))), new XAttribute("r", "3.5"), new XAttribute("fill", "#1f77b4"),
                    new XElement(ns + "title", $"budget {Bn(p.Budget)} bn: optimum {Bn(p.Objective)} bn, capital {Bn(p.CapitalSpent)} bn, builds {options}")));
                if (options != previous)
                {
                    svg.Add(new XElement(ns + "text", new XAttribute("x", F(X(p.Budget) + 4)), new XAttribute("y", F(Y(p.Objective.Value) - 8)), new XAttribute("font-size", "10"), new XAttribute("fill", "#444444"),
                        options));
                    previous = options;
                }
            }
        }

        foreach (var p in points.Where(p => !p.HasPlan))
        {
            svg.Add(Text(ns, X(p.Budget), Height - Bottom - 6, "×", "middle", "#d62728"));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + "\n" + svg.ToString() + "\n";
    }

    private static XElement Line(XNamespace ns, double x1, double y1, double x2, double y2, string stroke) =>
        new(ns + "line", new XAttribute("x1", F2(x1)), new XAttribute("y1", F2(y1)), new XAttribute("x2", F2(x2)), new XAttribute("y2", F2(y2)), new XAttribute("stroke", stroke));

    private static XElement Text(XNamespace ns, double x, double y, string text, string anchor, string fill = "black") =>
        new(ns + "text", new XAttribute("x", F2(x)), new XAttribute("y", F2(y)), new XAttribute("text-anchor", anchor), new XAttribute("fill", fill), text);

    private static string F2(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Bn(double? money) => money is { } m ? (m / 1e9).ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
