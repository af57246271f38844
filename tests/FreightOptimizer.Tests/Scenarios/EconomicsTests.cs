using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FreightOptimizer.Tests.Scenarios;

/// <summary>
/// The capital recovery factor, computed as r / −expm1(−n·log1p(r)): the textbook value at ordinary
/// numbers, and finite with the right limit where the textbook form overflows or cancels.
/// </summary>
public sealed class EconomicsTests
{
    /// <summary>r(1+r)^n / ((1+r)^n − 1) as written: the reference at ordinary rates and lifetimes.</summary>
    private static double Textbook(double r, double n)
    {
        var growth = Math.Pow(1 + r, n);
        return r * growth / (growth - 1);
    }

    private static double Relative(double a, double b) => Math.Abs(a - b) / Math.Abs(b);

    public static TheoryData<double, double> Ordinary()
    {
        var data = new TheoryData<double, double>();
        foreach (var r in new[] { 0.01, 0.03, 0.05, 0.08, 0.1, 0.12, 0.2, 0.5, 0.9 })
        {
            foreach (var n in new[] { 0.5, 1, 2, 5, 10, 12.5, 20, 25, 30, 40, 50, 100 }) data.Add(r, n);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void CapitalRecoveryFactor_OrdinaryRateAndLifetime_AgreesWithTheTextbookFormula(double rate, double years) =>
        // Measured over this grid: 1.5e-14 apart at most, all of it the textbook form's own error
        // (growth − 1 cancels when r·n is small; see the reference values below).
        Assert.True(Relative(Economics.CapitalRecoveryFactor(rate, years), Textbook(rate, years)) <= 3e-14,
            $"{Economics.CapitalRecoveryFactor(rate, years):R} vs {Textbook(rate, years):R}");

    /// <summary>Reference values computed with 60 significant digits (Python's decimal), rounded to double.</summary>
    [Theory]
    [InlineData(0.1, 25, 0.11016807219002085)] // 10 % over 25 years
    [InlineData(0.08, 20, 0.10185220882315062)]
    [InlineData(0.12, 20, 0.13387878003966067)]
    [InlineData(0.05, 50, 0.05477673548573648)]
    [InlineData(0.01, 0.5, 2.014987562112089)]
    [InlineData(0.03, 100, 0.03164666589848916)]
    [InlineData(0.5, 2, 0.9)]
    [InlineData(0.9, 1, 1.9)]
    [InlineData(0.2, 12.5, 0.22281256402803085)]
    [InlineData(1e-06, 30, 0.03333385000249722)]
    [InlineData(0.1, 0.001, 1049.2558695199584)]
    public void CapitalRecoveryFactor_ReferenceValues_AreMetToAFewUnitsInTheLastPlace(double rate, double years, double expected) =>
        // Measured: within 4.3e-16 (two units in the last place) of the 60-digit value.
        Assert.True(Relative(Economics.CapitalRecoveryFactor(rate, years), expected) <= 1e-15,
            $"{Economics.CapitalRecoveryFactor(rate, years):R} vs {expected:R}");

    [Theory]
    [InlineData(0.1, 15_000_000)]
    [InlineData(0.1, 1e15)]
    [InlineData(0.1, 1e300)]
    [InlineData(0.1, double.PositiveInfinity)]
    [InlineData(0.999999, 1e6)]
    [InlineData(1e-6, 1e12)]
    public void CapitalRecoveryFactor_LifetimeWhereTheTextbookFormulaOverflows_IsTheRate(double rate, double years)
    {
        Assert.True(double.IsNaN(Textbook(rate, years)), "the textbook form overflows to ∞/∞ here (the case this guards)");
        Assert.Equal(rate, Economics.CapitalRecoveryFactor(rate, years));
    }

    [Theory]
    [InlineData(1e-12, 25)]
    [InlineData(1e-15, 1)]
    [InlineData(1e-300, 25)]
    [InlineData(5e-324, 1e-3)]
    [InlineData(5e-324, 1e15)]
    public void CapitalRecoveryFactor_RateNearZero_TendsToOneOverLifetime(double rate, double years)
    {
        // CRF = 1/n + r/2 + O(r²·n): within r·n of 1/n, relatively, and a few units in the last place.
        var crf = Economics.CapitalRecoveryFactor(rate, years);
        Assert.True(Relative(crf, 1 / years) <= (rate * years) + 4e-15, $"{crf:R} vs 1/n = {1 / years:R}");
    }

    [Fact]
    public void CapitalRecoveryFactor_RateZero_IsOneOverLifetime() =>
        Assert.Equal(0.04, Economics.CapitalRecoveryFactor(0, 25));

    [Fact]
    public void CapitalRecoveryFactor_AcrossTheSeriesBranch_IsContinuous()
    {
        // x = n·ln(1 + r) = 1e-8 is where the series takes over from expm1.
        const double rate = 1e-9;
        var years = 1e-8 / Math.Log(1 + rate);
        var below = Economics.CapitalRecoveryFactor(rate, years * (1 - 1e-12));
        var above = Economics.CapitalRecoveryFactor(rate, years * (1 + 1e-12));
        Assert.True(Relative(below, above) <= 1e-11, $"{below:R} vs {above:R}");
    }

    [Property(MaxTest = 500)]
    public Property CapitalRecoveryFactor_AnyValidRateAndLifetime_IsFiniteAndBetweenItsBounds() =>
        Prop.ForAll(
            Gen.Elements(0, 5e-324, 1e-300, 1e-12, 1e-6, 0.01, 0.1, 0.5, 0.99, 1 - 1e-16).ToArbitrary(),
            Gen.Choose(-3000, 15000).Select(e => Math.Pow(10, e / 1000.0)).ToArbitrary(),
            (rate, years) =>
            {
                // max(r, 1/n) ≤ CRF ≤ r + 1/(n·ln(1+r)/r) ≤ r + 1.45/n: finite for every lifetime validation accepts.
                var crf = Economics.CapitalRecoveryFactor(rate, years);
                var lower = Math.Max(rate, 1 / years);
                var upper = rate + (1.45 / years);
                return (double.IsFinite(crf) && crf >= lower * (1 - 1e-14) && crf <= upper).Label($"r {rate:R}, n {years:R}: {crf:R} not in [{lower:R}, {upper:R}]");
            });

    [Theory]
    [InlineData(1e-20)]
    [InlineData(1e-10)]
    [InlineData(0.5)]
    public void LogOnePlus_SmallAndOrdinary_IsAccurate(double x) =>
        Assert.True(Relative(Economics.LogOnePlus(x), x < 1e-9 ? x - (x * x / 2) : Math.Log(1 + x)) <= 1e-15);

    [Theory]
    [InlineData(-1e-20)]
    [InlineData(-1e-10)]
    [InlineData(-0.5)]
    [InlineData(-800)]
    public void ExpMinusOne_SmallOrdinaryAndLarge_IsAccurate(double x) =>
        Assert.True(Relative(Economics.ExpMinusOne(x), x > -1e-9 ? x + (x * x / 2) : Math.Exp(x) - 1) <= 1e-15);

    [Fact]
    public void ObjectiveCostPerUnit_NoCapitalCost_IsZeroWhateverTheLifetime()
    {
        var scenario = new Scenario(new FreightOptimizer.FreightNetworkBuilder().AddCommodity("coal").Build()) { DiscountRate = 0.1 };
        Assert.Equal(0, Economics.ObjectiveCostPerUnit(scenario, new InvestmentOption("x", 1, 0, 5e-324) { Target = new RouteId("r") }));
    }
}
