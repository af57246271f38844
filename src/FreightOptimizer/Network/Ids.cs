namespace FreightOptimizer;

/// <summary>Identifies a commodity (for example <c>coal</c>). Ids are case-sensitive.</summary>
/// <param name="Value">The id as written in a scenario.</param>
public readonly record struct CommodityId(string Value)
{
    /// <summary>Wraps a string as a commodity id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator CommodityId(string value) => new(value);

    /// <summary>Wraps a string as a commodity id.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id.</returns>
    public static CommodityId FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a location (a node of the network). Ids are case-sensitive.</summary>
/// <param name="Value">The id as written in a scenario.</param>
public readonly record struct LocationId(string Value)
{
    /// <summary>Wraps a string as a location id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator LocationId(string value) => new(value);

    /// <summary>Wraps a string as a location id.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id.</returns>
    public static LocationId FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a route (a directed arc of the network). Ids are case-sensitive.</summary>
/// <param name="Value">The id as written in a scenario.</param>
public readonly record struct RouteId(string Value)
{
    /// <summary>Wraps a string as a route id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator RouteId(string value) => new(value);

    /// <summary>Wraps a string as a route id.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id.</returns>
    public static RouteId FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a planning period (for example <c>jan</c> or <c>summer</c>). Ids are case-sensitive.</summary>
/// <param name="Value">The id as written in a scenario.</param>
public readonly record struct PeriodId(string Value)
{
    /// <summary>Wraps a string as a period id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator PeriodId(string value) => new(value);

    /// <summary>Wraps a string as a period id.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id.</returns>
    public static PeriodId FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies an investment option (for example <c>zabaikalsk-expansion</c>). Ids are case-sensitive.</summary>
/// <param name="Value">The id as written in a scenario.</param>
public readonly record struct InvestmentId(string Value)
{
    /// <summary>Wraps a string as an investment id.</summary>
    /// <param name="value">The id.</param>
    public static implicit operator InvestmentId(string value) => new(value);

    /// <summary>Wraps a string as an investment id.</summary>
    /// <param name="value">The id.</param>
    /// <returns>The id.</returns>
    public static InvestmentId FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
