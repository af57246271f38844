using System.Collections.Immutable;
using static FreightOptimizer.Tests.Validation.ValidationScenarios;

namespace FreightOptimizer.Tests.Validation;

/// <summary>The validator's rules for observations: each bad observation gives one issue with its code and path.</summary>
public sealed class ObservationValidationTests
{
    private static Observation Good(string id = "hub-2023") =>
        new(id, [new LocationId("HUB"), new RouteId("mine-hub")], 350, 0.25) { Commodity = "coal", Period = "summer", Source = "yard statistics" };

    private static Scenario With(params Observation[] observations) => Valid() with { Observations = [.. observations] };

    private static ValidationIssue Only(Scenario s, ValidationCode code, string path) =>
        AssertOnly(ScenarioValidator.Validate(s), code, path);

    [Fact]
    public void Validate_GoodObservations_ReportsNothing() =>
        Assert.Empty(ScenarioValidator.Validate(With(Good(), Good("all") with { Commodity = null, Period = null, Tolerance = 0 })));

    [Fact]
    public void Validate_UnknownLocation_ReportsUnknownReferenceAtTheElement()
    {
        var issue = Only(With(Good() with { Elements = [new LocationId("PORT")] }), ValidationCode.UnknownReference, "$.observations[0].elements[0].location");
        Assert.Contains("'PORT'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("'hub-2023'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRoute_ReportsUnknownReferenceAtTheElement() =>
        Only(With(Good() with { Elements = [new LocationId("HUB"), new RouteId("sea")] }), ValidationCode.UnknownReference, "$.observations[0].elements[1].route");

    [Fact]
    public void Validate_UnknownCommodity_ReportsUnknownReference() =>
        Only(With(Good() with { Commodity = "ore" }), ValidationCode.UnknownReference, "$.observations[0].commodity");

    [Fact]
    public void Validate_UnknownPeriod_ReportsUnknownReference() =>
        Only(With(Good() with { Period = "spring" }), ValidationCode.UnknownReference, "$.observations[0].period");

    [Fact]
    public void Validate_NegativeTonnes_ReportsNegative()
    {
        var issue = Only(With(Good() with { AnnualTonnes = -1 }), ValidationCode.Negative, "$.observations[0].annualTonnes");
        Assert.Contains("must not be negative", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Validate_ToleranceOutOfRange_ReportsOutOfRange(double tolerance)
    {
        var issue = Only(With(Good() with { Tolerance = tolerance }), ValidationCode.OutOfRange, "$.observations[0].tolerance");
        Assert.Contains("from 0 to 1", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NaNTolerance_ReportsNotFinite() =>
        Only(With(Good() with { Tolerance = double.NaN }), ValidationCode.NotFinite, "$.observations[0].tolerance");

    [Fact]
    public void Validate_DuplicateId_ReportsDuplicateIdAtSecond()
    {
        var issue = Only(With(Good(), Good("other"), Good()), ValidationCode.DuplicateId, "$.observations[2].id");
        Assert.Contains("$.observations[0]", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyId_ReportsEmptyId() =>
        Only(With(Good(" ")), ValidationCode.EmptyId, "$.observations[0].id");

    [Fact]
    public void Validate_NoElements_ReportsObservationElements() =>
        Only(With(Good() with { Elements = [] }), ValidationCode.ObservationElements, "$.observations[0].elements");

    [Fact]
    public void Validate_ElementNamingNothing_ReportsObservationElementsAtIt() =>
        Only(With(Good() with { Elements = [new LocationId("HUB"), default] }), ValidationCode.ObservationElements, "$.observations[0].elements[1]");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_NoSource_ReportsMissingField(string? source)
    {
        var issue = Only(With(Good() with { Source = source }), ValidationCode.MissingField, "$.observations[0].source");
        Assert.Contains("where the observed number comes from", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadObservations_ReportsEveryIssueInOrder()
    {
        var issues = ScenarioValidator.Validate(With(Good() with { AnnualTonnes = -5 }, Good("b") with { Tolerance = 2, Commodity = "ore" }));
        Assert.Equal(
            ["$.observations[0].annualTonnes", "$.observations[1].commodity", "$.observations[1].tolerance"],
            issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void Observation_Equality_ComparesElementsByContent()
    {
        ImmutableArray<NetworkElement> a = [new LocationId("HUB")];
        ImmutableArray<NetworkElement> b = [new LocationId("HUB")];
        Assert.Equal(Good() with { Elements = a }, Good() with { Elements = b });
        Assert.NotEqual(Good(), Good() with { Elements = b });
    }
}
