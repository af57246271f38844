namespace FreightOptimizer;

/// <summary>What a location is in the corridor. The kind is descriptive: the model treats every kind alike.</summary>
public enum LocationKind
{
    /// <summary>Where freight enters the network: a mine, an oil field, a plant.</summary>
    Origin,

    /// <summary>A rail junction, marshalling yard or transshipment terminal.</summary>
    Hub,

    /// <summary>A border crossing point (rail, road, bridge or pipeline).</summary>
    BorderCrossing,

    /// <summary>A sea or river port.</summary>
    Port,

    /// <summary>Where freight is consumed.</summary>
    Market,
}

/// <summary>How a route moves freight.</summary>
public enum TransportMode
{
    /// <summary>Railway.</summary>
    Rail,

    /// <summary>Road haulage.</summary>
    Road,

    /// <summary>Belt conveyor (bulk only, typically coal).</summary>
    Conveyor,

    /// <summary>Pipeline (typically oil).</summary>
    Pipeline,

    /// <summary>River barge or river crossing, including winter ice roads.</summary>
    InlandWaterway,

    /// <summary>Sea shipping, including the Northern Sea Route.</summary>
    Sea,
}
