using System.Globalization;

namespace FreightOptimizer.Reporting;

/// <summary>
/// A unit the console scales numbers to, chosen once per printout from its largest figure (bn, M, k for
/// money; Mt, kt, t for tonnes), as the HTML and Markdown reports do.
/// </summary>
/// <param name="Divisor">What a raw number is divided by.</param>
/// <param name="Label">The unit's label (<c>Mt</c>, <c>bn RUB</c>).</param>
public sealed record Unit(double Divisor, string Label)
{
    /// <summary>Tonnes: Mt, kt or t, by the largest quantity to show.</summary>
    /// <param name="largest">The largest number of tonnes.</param>
    /// <returns>The unit.</returns>
    public static Unit Tonnes(double largest) =>
        Math.Abs(largest) >= 1e6 ? new(1e6, "Mt") : Math.Abs(largest) >= 1e3 ? new(1e3, "kt") : new(1, "t");

    /// <summary>Money: bn, M, k or the plain currency, by the largest amount to show.</summary>
    /// <param name="largest">The largest amount.</param>
    /// <param name="currency">The currency code.</param>
    /// <returns>The unit.</returns>
    public static Unit Money(double largest, string currency)
    {
        largest = Math.Abs(largest);
        return largest >= 1e9 ? new(1e9, "bn " + currency) : largest >= 1e6 ? new(1e6, "M " + currency)
            : largest >= 1e3 ? new(1e3, "k " + currency) : new(1, currency);
    }

    /// <summary>The number in this unit, two decimals and thousands separators.</summary>
    /// <param name="value">The raw number.</param>
    /// <returns>The text.</returns>
    public string Format(double value) => (value / Divisor).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Format(double)"/>, or "-" for null.</summary>
    /// <param name="value">The raw number, or null.</param>
    /// <returns>The text.</returns>
    public string Format(double? value) => value is { } v ? Format(v) : "-";

    /// <summary>A change in this unit with its sign (+1.20, -0.40, 0.00), or "-" for null.</summary>
    /// <param name="value">The raw change, or null.</param>
    /// <returns>The text.</returns>
    public string Change(double? value) => value is { } v ? (v / Divisor).ToString("+#,0.00;-#,0.00;0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>The number in this unit followed by the unit.</summary>
    /// <param name="value">The raw number.</param>
    /// <returns>The text.</returns>
    public string WithUnit(double value) => Format(value) + " " + Label;
}
