using System.Collections.Immutable;
using System.Reflection;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Corridors;

/// <summary>
/// The built-in Russia–China corridor scenario, the 2023 base year: coal, crude oil, chemicals, iron-ore
/// concentrate, fertilizers and oil products from Siberian, Far-East and Arctic origins to north-east
/// and north China, over every Russia–China border crossing, Far-East ports, the Northern Sea Route and
/// Suez, with what the crossings carried in 2023 as its observations, and the story's four investment
/// options (Zabaikalsk expansion, Nizhneleninskoye terminal, Blagoveshchensk–Heihe coal conveyor, Xuan
/// Yuan transshipment complex) under a capital budget as options for the future. Illustrative, not a forecast.
/// </summary>
/// <remarks>
/// The scenario is the format v1 file <c>russia-china-2023.json</c>, embedded in this assembly and
/// also shipped beside it in the package's content files, so it can be read, copied and changed
/// like any other scenario file. Every number in it carries its source or assumption in the
/// entity's <c>source</c>; the repository's <c>docs/corridor.md</c> explains how the corridor was
/// put together and lists the sources. The constants below are ids of entities in that file.
/// </remarks>
public static class RussiaChinaCorridor
{
    /// <summary>The name of the embedded resource that holds the scenario file.</summary>
    internal const string ResourceName = "FreightOptimizer.Corridors.russia-china-2023.json";

    /// <summary>The coal commodity id.</summary>
    public const string Coal = "coal";

    /// <summary>The crude-oil commodity id.</summary>
    public const string Oil = "oil";

    /// <summary>The chemicals commodity id (chemicals, polymers, fertilizers, oil products, LPG).</summary>
    public const string Chemicals = "chemicals";

    /// <summary>The iron-ore concentrate commodity id.</summary>
    public const string IronOre = "iron-ore";

    /// <summary>The fertilizers commodity id.</summary>
    public const string Fertilizers = "fertilizers";

    /// <summary>The oil products and LPG by rail commodity id.</summary>
    public const string OilProducts = "oil-products";

    /// <summary>The other-freight commodity id: the part of a crossing's volume the sources give no commodity for.</summary>
    public const string OtherFreight = "other-freight";

    /// <summary>The Northern Sea Route leg from Murmansk to Qingdao/Rizhao (open July–November).</summary>
    public const string NorthernSeaRouteId = "murmansk-qingdao-nsr";

    /// <summary>The Suez leg from Murmansk to Qingdao/Rizhao (year-round alternative to the NSR).</summary>
    public const string SuezRouteId = "murmansk-qingdao-suez";

    /// <summary>The Blagoveshchensk–Heihe coal conveyor (no capacity until its investment is built).</summary>
    public const string ConveyorRouteId = "blagoveshchensk-heihe-conveyor";

    /// <summary>The Zabaikalsk–Manzhouli rail crossing.</summary>
    public const string ZabaikalskRailRouteId = "zabaikalsk-manzhouli-rail";

    /// <summary>The Xuan Yuan / "Soyuz" transshipment complex in the Jewish Autonomous Region.</summary>
    public const string XuanYuanLocationId = "RU_XUANYUAN";

    /// <summary>The Nizhneleninskoye border crossing (rail bridge to Tongjiang).</summary>
    public const string NizhneleninskoyeLocationId = "RU_NIZHNELENINSKOYE";

    /// <summary>The scenario's name.</summary>
    public const string ScenarioName = "Russia–China corridor, 2023 base (illustrative)";

    // Read on first use only: an application that never plans the corridor never parses the file.
    private static readonly Lazy<Scenario> Cached =
        new(() => Load(typeof(RussiaChinaCorridor).Assembly, ResourceName), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The twelve period ids in order: <c>jan</c> … <c>dec</c>.</summary>
    public static ImmutableArray<string> MonthIds { get; } =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The scenario, read once from the embedded file and cached (immutable, so it can be shared).</summary>
    /// <exception cref="InvalidOperationException">The embedded scenario file is missing from the assembly.</exception>
    public static Scenario Scenario => Cached.Value;

    /// <summary>
    /// The corridor as it was in 2023: the scenario with no investment option and no budget
    /// (<see cref="Scenario.WithoutInvestments"/>), the form in which it is compared with its
    /// observations. Cached like <see cref="Scenario"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedded scenario file is missing from the assembly.</exception>
    public static Scenario BaseYear => CachedBaseYear.Value;

    private static readonly Lazy<Scenario> CachedBaseYear = new(() => Cached.Value.WithoutInvestments());

    /// <summary>
    /// Returns the Russia–China corridor scenario. The embedded file is read on the first call only;
    /// the scenario is immutable, so every call returns the same instance (the same as <see cref="Scenario"/>).
    /// Derive variants with <c>with</c> expressions or a <see cref="ScenarioBuilder"/>.
    /// </summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidOperationException">The embedded scenario file is missing from the assembly.</exception>
    public static Scenario Build() => Cached.Value;

    /// <summary>Reads a scenario file embedded in an assembly through the strict scenario reader.</summary>
    /// <param name="assembly">The assembly that embeds the file.</param>
    /// <param name="resourceName">The manifest resource name of the file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidOperationException">The assembly has no resource of that name.</exception>
    internal static Scenario Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"The built-in Russia–China corridor cannot be read: the embedded resource '{resourceName}' is missing from "
                + $"{assembly.GetName().Name}. The library was built without Corridors/russia-china-2023.json; rebuild it from a "
                + "complete source tree, or read a copy of the file with ScenarioJson.ReadFile.");
        return ScenarioJson.Read(stream);
    }
}
