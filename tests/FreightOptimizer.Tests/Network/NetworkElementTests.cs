namespace FreightOptimizer.Tests.Network;

/// <summary>A route or a location, as one value.</summary>
public sealed class NetworkElementTests
{
    [Fact]
    public void Of_Route_IsARouteAndNotALocation()
    {
        NetworkElement element = new RouteId("rail");

        Assert.Equal(ElementKind.Route, element.Kind);
        Assert.True(element.IsRoute);
        Assert.False(element.IsLocation);
        Assert.Equal(new RouteId("rail"), element.Route);
        Assert.Null(element.Location);
        Assert.Equal("route rail", element.ToString());
    }

    [Fact]
    public void Of_Location_IsALocationAndNotARoute()
    {
        var element = NetworkElement.Of(new LocationId("HUB"));

        Assert.True(element.IsLocation);
        Assert.Equal(new LocationId("HUB"), element.Location);
        Assert.Null(element.Route);
        Assert.Equal("location HUB", element.ToString());
    }

    [Fact]
    public void Equals_ARouteAndALocationWithTheSameId_AreDifferent()
    {
        Assert.NotEqual(NetworkElement.Of(new RouteId("x")), NetworkElement.Of(new LocationId("x")));
        Assert.Equal(NetworkElement.Of(new RouteId("x")), NetworkElement.FromRouteId("x"));
    }

    [Fact]
    public void Default_NamesNothing()
    {
        var element = default(NetworkElement);

        Assert.False(element.IsRoute);
        Assert.False(element.IsLocation);
        Assert.Equal("(no element)", element.ToString());
    }
}
