using System.Text.Json.Nodes;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Serialization;

/// <summary>Observations in scenario files: read, written canonically, and rejected when wrong, with codes and paths.</summary>
public sealed class ScenarioJsonObservationTests
{
    private const string File = """
        {
          "formatVersion": 1,
          "periods": [ { "id": "summer", "yearFraction": 0.5 }, { "id": "winter", "yearFraction": 0.5 } ],
          "commodities": [ { "id": "coal" }, { "id": "ore" } ],
          "locations": [
            { "id": "MINE", "kind": "Origin" },
            { "id": "BORDER", "kind": "BorderCrossing" },
            { "id": "CITY", "kind": "Market" }
          ],
          "routes": [
            { "id": "rail", "from": "MINE", "to": "BORDER", "mode": "Rail", "costPerTonne": { "coal": 900, "ore": 900 } },
            { "id": "cross", "from": "BORDER", "to": "CITY", "mode": "Rail", "costPerTonne": { "coal": 20, "ore": 20 } }
          ],
          "supplies": [ { "location": "MINE", "commodity": "coal", "annualTonnes": 2000000 } ],
          "demands": [ { "location": "CITY", "commodity": "coal", "annualTonnes": 1500000 } ],
          "observations": [
            { "tolerance": 0.25, "annualTonnes": 1400000, "elements": [ { "route": "cross" }, { "location": "BORDER" } ],
              "id": "border", "source": "statistics 2023", "name": "The border", "notes": "both counted" },
            { "id": "coal-summer", "elements": [ { "route": "cross" } ], "commodity": "coal", "period": "summer",
              "annualTonnes": 0, "tolerance": 0, "source": "a closed season" }
          ]
        }
        """;

    private static ScenarioReadResult ReadWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File)!.AsObject();
        change(root);
        return ScenarioJson.TryRead(root.ToJsonString());
    }

    private static JsonObject Observation(JsonObject root, int index) => root["observations"]![index]!.AsObject();

    private static void AssertIssue(ScenarioReadResult read, ValidationCode code, string path)
    {
        Assert.False(read.Succeeded);
        var issue = Assert.Single(read.Errors);
        Assert.Equal(code, issue.Code);
        Assert.Equal(path, issue.Path);
    }

    [Fact]
    public void Read_Observations_ReadsEveryField()
    {
        var scenario = ScenarioJson.Read(File);

        Assert.Equal(2, scenario.Observations.Length);
        var border = scenario.Observations[0];
        Assert.Equal("border", border.Id);
        Assert.Equal("The border", border.Name);
        Assert.Equal([NetworkElement.Of(new RouteId("cross")), NetworkElement.Of(new LocationId("BORDER"))], border.Elements.ToArray());
        Assert.Equal(1_400_000, border.AnnualTonnes);
        Assert.Equal(0.25, border.Tolerance);
        Assert.Null(border.Commodity);
        Assert.Null(border.Period);
        Assert.Equal("statistics 2023", border.Source);
        Assert.Equal("both counted", border.Notes);
        Assert.Equal(new CommodityId("coal"), scenario.Observations[1].Commodity);
        Assert.Equal(new PeriodId("summer"), scenario.Observations[1].Period);
    }

    [Fact]
    public void Write_Observations_RoundTripsInCanonicalOrder()
    {
        var scenario = ScenarioJson.Read(File);

        var text = ScenarioJson.Write(scenario);

        Assert.Equal(scenario, ScenarioJson.Read(text));
        Assert.Equal(text, ScenarioJson.Write(ScenarioJson.Read(text)));
        var first = JsonNode.Parse(text)!["observations"]![0]!.AsObject();
        Assert.Equal(["id", "name", "elements", "annualTonnes", "tolerance", "source", "notes"], first.Select(kv => kv.Key).ToArray());
        var root = JsonNode.Parse(text)!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Equal(root.Count - 1, root.IndexOf("observations"));
    }

    [Fact]
    public void Write_ScenarioWithoutObservations_WritesNoObservations() =>
        Assert.DoesNotContain("observations", ScenarioJson.Write(ScenarioJson.Read(File) with { Observations = [] }), StringComparison.Ordinal);

    [Fact]
    public void Equals_ScenariosDifferingOnlyInObservations_AreNotEqual()
    {
        var scenario = ScenarioJson.Read(File);
        Assert.NotEqual(scenario, scenario with { Observations = scenario.Observations.RemoveAt(1) });
    }

    [Fact]
    public void Read_UnknownFieldInObservation_ReportsUnknownField() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["route"] = "cross"), ValidationCode.UnknownField, "$.observations[0].route");

    [Fact]
    public void Read_UnknownFieldInElement_ReportsUnknownField() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["elements"]![0]!.AsObject()["source"] = "x"), ValidationCode.UnknownField, "$.observations[0].elements[0].source");

    [Fact]
    public void Read_ElementWithBothTargets_ReportsObservationElements() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["elements"]![0]!.AsObject()["location"] = "CITY"), ValidationCode.ObservationElements, "$.observations[0].elements[0]");

    [Fact]
    public void Read_ElementWithNoTarget_ReportsObservationElements() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["elements"]![1] = new JsonObject()), ValidationCode.ObservationElements, "$.observations[0].elements[1]");

    [Fact]
    public void Read_ElementNotAnObject_ReportsWrongTypeOnly() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["elements"]![1] = "BORDER"), ValidationCode.WrongType, "$.observations[0].elements[1]");

    [Fact]
    public void Read_EmptyElements_ReportsObservationElements() =>
        AssertIssue(ReadWith(r => Observation(r, 1)["elements"] = new JsonArray()), ValidationCode.ObservationElements, "$.observations[1].elements");

    [Theory]
    [InlineData("source")]
    [InlineData("tolerance")]
    [InlineData("annualTonnes")]
    [InlineData("elements")]
    [InlineData("id")]
    public void Read_ObservationWithoutRequiredField_ReportsMissingField(string field) =>
        AssertIssue(ReadWith(r => Observation(r, 0).Remove(field)), ValidationCode.MissingField, $"$.observations[0].{field}");

    [Fact]
    public void Read_UnknownRouteInElement_ReportsUnknownReference() =>
        AssertIssue(ReadWith(r => Observation(r, 0)["elements"]![0]!.AsObject()["route"] = "sea"), ValidationCode.UnknownReference, "$.observations[0].elements[0].route");

    [Fact]
    public void Read_NegativeTonnes_ReportsNegative() =>
        AssertIssue(ReadWith(r => Observation(r, 1)["annualTonnes"] = -3), ValidationCode.Negative, "$.observations[1].annualTonnes");

    [Fact]
    public void Read_ToleranceAboveOne_ReportsOutOfRange() =>
        AssertIssue(ReadWith(r => Observation(r, 1)["tolerance"] = 1.2), ValidationCode.OutOfRange, "$.observations[1].tolerance");

    [Fact]
    public void Read_DuplicateObservationId_ReportsDuplicateId() =>
        AssertIssue(ReadWith(r => Observation(r, 1)["id"] = "border"), ValidationCode.DuplicateId, "$.observations[1].id");

    [Fact]
    public void Read_UnknownPeriod_ReportsUnknownReference() =>
        AssertIssue(ReadWith(r => Observation(r, 1)["period"] = "spring"), ValidationCode.UnknownReference, "$.observations[1].period");
}
