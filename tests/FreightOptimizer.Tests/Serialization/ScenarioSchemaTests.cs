using System.Text.Json;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Tests.Serialization;

public sealed class ScenarioSchemaTests
{
    private static JsonDocument LoadSchema()
    {
        using var stream = typeof(ScenarioJson).Assembly.GetManifestResourceStream("FreightOptimizer.scenario.schema.json");
        Assert.NotNull(stream);
        return JsonDocument.Parse(stream);
    }

    [Fact]
    public void Schema_EmbeddedResource_IsDraft202012Json()
    {
        using var schema = LoadSchema();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_TopLevelProperties_AreThoseTheReaderAccepts()
    {
        using var schema = LoadSchema();
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(ScenarioJsonFields.Root.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("period")]
    [InlineData("commodity")]
    [InlineData("location")]
    [InlineData("route")]
    [InlineData("supply")]
    [InlineData("demand")]
    [InlineData("investment")]
    [InlineData("budget")]
    public void Schema_ObjectProperties_AreThoseTheReaderAccepts(string name)
    {
        using var schema = LoadSchema();
        var definition = schema.RootElement.GetProperty("$defs").GetProperty(name);
        Assert.False(definition.GetProperty("additionalProperties").GetBoolean());
        var properties = definition.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(ScenarioJsonFields.ByObject[name].Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_RequiredFields_AreThoseTheReaderRequires()
    {
        using var schema = LoadSchema();
        string[] Required(JsonElement e) => [.. e.GetProperty("required").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal)];
        var defs = schema.RootElement.GetProperty("$defs");
        Assert.Equal(["commodities", "formatVersion", "locations", "routes"], Required(schema.RootElement));
        Assert.Equal(["costPerTonne", "from", "id", "mode", "to"], Required(defs.GetProperty("route")));
        Assert.Equal(["id", "kind"], Required(defs.GetProperty("location")));
    }
}
