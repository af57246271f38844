using FreightOptimizer.Reporting;
using FreightOptimizer.Serialization;
using FreightOptimizer.Tests.Properties;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Cli;

/// <summary>Invariants of the tool and of the shared console rendering.</summary>
public sealed class CliProperties
{
    /// <summary>
    /// On any valid scenario, <c>freightopt solve FILE</c> says the status the library finds, exits with
    /// the code of that status, and <c>validate</c> accepts the file.
    /// </summary>
    [Property(MaxTest = 15)]
    [Trait("Category", "Slow")]
    public Property Solve_AnyValidScenario_ExitsWithTheCodeOfTheLibrarysStatus() =>
        Prop.ForAll(ScenarioGenerator.Cases(), c =>
        {
            var file = Path.Combine(Path.GetTempPath(), $"freightopt-property-{Guid.NewGuid():N}.json");
            try
            {
                File.WriteAllText(file, ScenarioJson.Write(c.Scenario));
                var expected = FreightPlanner.Optimize(ScenarioJson.ReadFile(file));
                var run = CliRunner.Run("solve", file);
                var validate = CliRunner.Run("validate", file);
                return (run.ExitCode == ExitCodes.Of(expected)
                        && run.Output.Contains($"Status: {expected.Status}\n", StringComparison.Ordinal)
                        && validate.ExitCode == 0 && !run.Output.Contains('\u001b', StringComparison.Ordinal))
                    .Label($"{c}: library {expected.Status} (exit {ExitCodes.Of(expected)}), tool exit {run.ExitCode}, validate {validate.ExitCode}: {run.Error}")
                    .Classify(expected.Status == SolveStatus.Optimal, "optimal")
                    .Classify(expected.Status == SolveStatus.Infeasible, "infeasible");
            }
            finally
            {
                File.Delete(file);
            }
        });

    /// <summary>The money unit shows the largest amount with 1 to 3 digits before the point (0.xx only below 1), and the text reads back to the amount within half a unit of the last digit.</summary>
    [Property(MaxTest = 300)]
    public Property MoneyUnit_LargestAmount_ShowsOneToThreeLeadingDigitsAndReadsBack() =>
        Prop.ForAll(Gen.Choose(-3, 14).SelectMany(e => Gen.Choose(1, 999).Select(m => m * Math.Pow(10, e))).ToArbitrary(), amount =>
        {
            var unit = Unit.Money(amount, "RUB");
            var scaled = amount / unit.Divisor;
            var back = double.Parse(unit.Format(amount), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture) * unit.Divisor;
            return ((amount < 1 || (scaled >= 1 && (scaled < 1000 || unit.Divisor == 1e9)))
                    && Math.Abs(back - amount) <= (0.005 * unit.Divisor) + 1e-9
                    && unit.Label.EndsWith("RUB", StringComparison.Ordinal))
                .Label($"{amount} → {unit.Format(amount)} {unit.Label}");
        });

    /// <summary>
    /// A table written for a log holds every cell's text as it is (brackets are not read as markup), and
    /// no line ends in spaces or is blank.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Table_AnyCells_AreWrittenVerbatimWithoutTrailingSpaces() =>
        Prop.ForAll(
            Gen.Choose(1, 4).SelectMany(columns => Gen.Choose(0, 6).SelectMany(rows =>
                Gen.ArrayOf(Cell(), columns * rows).Select(cells => (columns, rows, cells)))).ToArbitrary(),
            t =>
            {
                using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                var console = Terminal.Create(text, interactive: false);
                var table = Tables.Create([.. Enumerable.Range(0, t.columns).Select(i => $"c{i}")]);
                for (var r = 0; r < t.rows; r++) table.Row(t.cells.Skip(r * t.columns).Take(t.columns).ToArray());
                console.Table(table);
                var lines = text.ToString().Split('\n')[..^1];
                var body = lines.Skip(2).ToList();
                return (lines.All(l => l.Length > 0 && l == l.TrimEnd())
                        && body.Count == t.rows
                        && Enumerable.Range(0, t.rows).All(r => t.cells.Skip(r * t.columns).Take(t.columns).All(c => body[r].Contains(c, StringComparison.Ordinal))))
                    .Label(text.ToString());
            });

    /// <summary>A plain line is never wrapped, however long.</summary>
    [Property(MaxTest = 50)]
    public Property Line_AnyLength_StaysOneLine() =>
        Prop.ForAll(Gen.Choose(0, 2_000).ToArbitrary(), length =>
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var line = new string('x', length) + " [red]y[/]";
            Terminal.Create(text, interactive: false).Line(line);
            return (text.ToString() == line + Environment.NewLine).Label(text.ToString());
        });

    private static Gen<string> Cell() =>
        Gen.Elements("coal", "[bold]", "a b", "Zabaikalsk–Manzhouli", "1,234.50", "x[y]z", "-", "Ülan-Üde", "100 %")
            .SelectMany(a => Gen.Choose(0, 999).Select(n => $"{a}{n}"));
}
