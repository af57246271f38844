// ─────────────────────────────────────────────────────────────────────────────────────────────
// Russia–China corridor: the built-in scenario (illustrative, NOT a forecast).
//
// Every number comes from /work/shared/data/corridor-facts.md ("facts §n", source ids [Snn],
// [ART] = the RIA news story, [D] = derived by arithmetic, [A] = ASSUMPTION) and keeps its
// provenance in the entity's Source string. Currency RUB; USD/RUB 85, CNY/RUB 12 (facts §0).
//
// Modelling choices
// • Commodities: coal (thermal and coking), oil (crude) and chemicals. "chemicals" bundles the
//   facts' chemicals/polymers, fertilizers and rail-borne oil products/LPG (facts §4): all move in
//   tank cars, hoppers or tank containers and need the same liquid/packaged reload (1,000 RUB/t).
//   Iron ore, timber, grain and containers are not modelled.
// • Periods: twelve months jan..dec, yearFraction 1/12 each; seasonal factors from facts §8.
// • Border crossings are pairs of locations (RU side, CN side) joined by one route per mode
//   (rail, road, conveyor, river, pipeline). Where one crossing has parallel modes (Zabaikalsk,
//   Blagoveshchensk, Grodekovo/Pogranichny, Makhalino/Kraskino) the crossing capacity sits on each
//   mode's route; the Nizhneleninskoye BCP capacity sits on its location (one yard, one mode).
// • The wagon-to-wagon (or rail-to-truck / rail-to-conveyor) transfer is charged ONCE per crossing,
//   as the handling cost of the RU-side location (facts §6: 800 RUB/t bulk, 1,000 RUB/t liquids),
//   except on the Mongolian route, where the gauge change is at Erenhot/Zamyn-Üüd [S105].
//   Chinese land ports and discharge ports carry no handling cost (facts §6 gives none; its
//   landed-cost cross-check leaves them out too).
// • Costs per tonne are distance × facts §6 rates: RU rail coal 0.80, chemicals 1.20, oil 1.50
//   RUB/t·km; CN rail 1.8; Mongolian transit 1.5; road 6 RUB/t·km + 1,500 RUB/t crossing fee.
//   Sea rates: coal $12/t Primorye → N China, Vanino +$2; crude $10/t Kozmino → N China.
// • Mine-gate and wellhead costs are not in the facts: every supply costs 0, so the model
//   minimises logistics cost only. Western (Murmansk) and ESPO crude are priced alike at source.
// • The Nizhneleninskoye yard handles dry bulk (coal) only; oil and chemicals cross the
//   Nizhneleninskoye–Tongjiang bridge only through the Xuan Yuan/"Soyuz" complex, whose capacity
//   (0 today) comes from its investment option. NL 5 Mt + NL terminal 5 Mt + Xuan Yuan 10 Mt = 20 Mt,
//   the BCP's 2030 target [S76]; the bridge itself (21 Mt design [S6]) never binds.
// • The Northern Sea Route runs from Murmansk (western crude) to Qingdao/Rizhao and follows the
//   facts §8 row for non-ice-class/Ice1–Ice3 ships: closed Dec–Jun, open Jul–Nov. The Suez route is
//   the year-round long-haul alternative.
// • Crossing capacities are the whole BCP capacities of facts §3 (as facts §9 does), so they are
//   shared only by the three modelled commodities. Demand is sized, as in facts §9, so that the
//   land crossings into north-east China bind and the investments have something to relieve.
// • Investments: the four options of the story, binary, 12 %/20 years (facts §6, §9: CRF 0.134),
//   available from January (a steady-state year after construction). No exclusive groups or
//   prerequisites: the facts do not motivate any (the 2025 coal ropeway alternative to the
//   conveyor [S59] has no capacity or cost to model). The budget cannot fund all four.
//
// How the base case reads (checked with an LP/MIP solve; RussiaChinaCorridorPlanTests keeps it so)
// • Coal lands in Harbin for ~5,700 RUB/t by land (Zabaikalsk, conveyor) and on the coast for
//   ~6,300–6,700 RUB/t by sea, as in the facts §6 cross-check; Dalian is the swing market.
// • Zabaikalsk rail, the Mongolian transit and the Mohe–Daqing pipeline bind all year; the NSR binds
//   July–November and Suez carries the rest of the western crude.
// • The budget (25 bn RUB) buys the conveyor, which carries the Amur coal and relieves Zabaikalsk;
//   without the budget cap Zabaikalsk would be expanded too. The Nizhneleninskoye terminal and the
//   Xuan Yuan complex do not pay at these numbers: coal reaches Harbin more cheaply via Zabaikalsk,
//   and iron ore, the bridge's main cargo today [S8b], is not modelled.
// • Land coal in the plan (~30 Mt) is above 2023's 13.5 Mt [S80] because the crossings' other
//   freight (ore, timber, grain, containers) is not modelled: read the volumes as capacity use.
// ─────────────────────────────────────────────────────────────────────────────────────────────
using System.Collections.Immutable;
using FreightOptimizer.Network;
using FreightOptimizer.Scenarios;

namespace FreightOptimizer.Corridors;

/// <summary>
/// The built-in Russia–China corridor scenario: coal, crude oil and chemicals from Siberian, Far-East
/// and Arctic origins to north-east and north China, over every Russia–China border crossing,
/// Far-East ports, the Northern Sea Route and Suez, with the story's four investment options
/// (Zabaikalsk expansion, Nizhneleninskoye terminal, Blagoveshchensk–Heihe coal conveyor, Xuan Yuan
/// transshipment complex) under a capital budget. Illustrative, not a forecast: every number carries
/// its source or assumption in the entity's <c>Source</c>.
/// </summary>
public static class RussiaChinaCorridor
{
    /// <summary>The coal commodity id.</summary>
    public const string Coal = "coal";

    /// <summary>The crude-oil commodity id.</summary>
    public const string Oil = "oil";

    /// <summary>The chemicals commodity id (chemicals, polymers, fertilizers, oil products, LPG).</summary>
    public const string Chemicals = "chemicals";

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

    private const double Mt = 1_000_000;
    private const double Bn = 1_000_000_000;
    private const double NmToKm = 1.852;

    // Facts §6 rates (all ASSUMPTION there, with the derivation given).
    private const double RuRailCoal = 0.80;
    private const double RuRailChemicals = 1.20;
    private const double RuRailOil = 1.50;
    private const double CnRailRate = 1.8;
    private const double MongolianRail = 1.5;
    private const double RoadPerKm = 6;
    private const double RoadCrossingFee = 1_500;
    private const double ReloadBulk = 800;
    private const double ReloadLiquid = 1_000;
    private const double PortCoal = 900;
    private const double PortCrude = 500;

    private const string CoordsNote = "coordinates approximate, ASSUMPTION (facts §2, §10.1)";
    private const string CoordsNoteLowConfidence = "coordinates low-confidence ±0.5°, ASSUMPTION (facts §2 (lc), §10.1)";
    private const string RuRailNote = "cost = km × facts §6 RU rail rate (coal 0.80, chemicals 1.20, oil 1.50 RUB/t·km, ASSUMPTION)";
    private const string CnRailNote = "cost = km × 1.8 RUB/t·km (facts §6 CN rail 0.15 CNY/t·km, ASSUMPTION)";
    private const string ShortCrossingNote =
        "cost 20 RUB/t: ~10 km of border-zone haul at the facts §6 CN rail rate 1.8 RUB/t·km, ASSUMPTION; reload charged at the RU-side location";

    /// <summary>The twelve period ids in order: <c>jan</c> … <c>dec</c>.</summary>
    public static ImmutableArray<string> MonthIds { get; } =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Lazy<Scenario> Cached = new(Build);

    /// <summary>The scenario, built once and cached (immutable, so it can be shared).</summary>
    public static Scenario Scenario => Cached.Value;

    /// <summary>Builds a fresh copy of the Russia–China corridor scenario.</summary>
    /// <returns>The scenario.</returns>
    public static Scenario Build()
    {
        var net = new FreightNetworkBuilder();
        AddCommodities(net);
        AddLocations(net);
        AddRoutes(net);

        var scenario = new ScenarioBuilder(net.Build())
            .WithName(ScenarioName)
            .WithCurrency("RUB")
            .WithDiscountRate(0.12)
            .WithProvenance(
                "corridor-facts.md (FreightOptimizer shared data), base year 2023; discount rate 12 % with 20-year lifetimes "
                + "= CRF 0.134, ASSUMPTION (facts §6 conveyor row, §9 costs)",
                "Illustrative, not a forecast: a round-number model built on public sources and marked assumptions "
                + "(see each entity's Source). Volumes in tonnes per year, money in RUB (USD/RUB 85, CNY/RUB 12, facts §0). "
                + "Only coal, crude oil and chemicals are modelled; other freight at the crossings is ignored.");

        foreach (var month in MonthIds)
        {
            scenario.AddPeriod(new Period(month, 1.0 / 12)
            {
                Source = "twelve calendar months of equal weight, yearFraction 1/12 (facts §9 allows 12 months)",
            });
        }

        AddAvailability(scenario);
        AddSupplies(scenario);
        AddDemands(scenario);
        AddInvestments(scenario);
        return scenario.Build();
    }

    // ── Commodities ─────────────────────────────────────────────────────────────────────────

    private static void AddCommodities(FreightNetworkBuilder net)
    {
        net.AddCommodity(new Commodity(Coal, "Coal (thermal and coking)")
        {
            UnmetPenaltyPerTonne = 20_000,
            Source = "penalty 20,000 RUB/t ≈ 4× the ~5,000–6,700 RUB/t landed logistics cost of facts §6 cross-checks, ASSUMPTION",
        });
        net.AddCommodity(new Commodity(Oil, "Crude oil")
        {
            UnmetPenaltyPerTonne = 50_000,
            Source = "penalty 50,000 RUB/t, about the value of a tonne of crude (~$75/bbl × 7.3 bbl/t × 85 RUB/$ ≈ 47,000), ASSUMPTION",
        });
        net.AddCommodity(new Commodity(Chemicals, "Chemicals, polymers, fertilizers, oil products and LPG")
        {
            UnmetPenaltyPerTonne = 50_000,
            Source = "facts §4 groups (chemicals/polymers/fertilizers; oil products/LPG by rail tank car); penalty 50,000 RUB/t, ASSUMPTION",
        });
    }

    // ── Locations ───────────────────────────────────────────────────────────────────────────

    private static void AddLocations(FreightNetworkBuilder net)
    {
        // Russian origins (facts §2.1).
        net.AddLocation(Loc("RU_KUZBASS", LocationKind.Origin, "Kuzbass coal basin (Kemerovo)", 55.35, 86.09, [Coal],
            "facts §2.1: 52.75 Mt eastbound coal in 2023 [S95], [S44]; " + CoordsNote));
        net.AddLocation(Loc("RU_SYAKUTIA", LocationKind.Origin, "South Yakutia coal (Neryungri)", 56.66, 124.72, [Coal],
            "facts §2.1: Yakutia eastbound coal exports ~26 Mt/yr [S53]; " + CoordsNote));
        net.AddLocation(Loc("RU_ELGA", LocationKind.Origin, "Elga coal deposit", 56.9, 129.9, [Coal],
            "facts §2.1: Elgaugol 26 Mt in 2023 [S52]; Pacific Railway to Port Elga [S54]; " + CoordsNoteLowConfidence));
        net.AddLocation(Loc("RU_AMUR_COAL", LocationKind.Origin, "Amur coal (Erkovetsky / Raichikhinsk)", 49.79, 129.41, [Coal],
            "facts §2.1: ~4.5 Mt/yr regional output [S123]; candidate feed for the conveyor; " + CoordsNote));
        net.AddLocation(Loc("RU_TAISHET", LocationKind.Origin, "Taishet (ESPO head)", 55.94, 98.00, [Oil],
            "facts §2.1: ESPO-1 Taishet–Skovorodino 80 Mt/yr [S21]; " + CoordsNote));
        net.AddLocation(Loc("RU_ANGARSK", LocationKind.Origin, "Angarsk / Irkutsk petrochemical cluster", 52.54, 103.89, [Chemicals],
            "facts §2.1: Angarsk Polymer Plant, Sayanskkhimplast, INK Ust-Kut LPG [S126], [S99]; volume ASSUMPTION; " + CoordsNote));
        net.AddLocation(Loc("RU_TOMSK", LocationKind.Origin, "Tomsk (Sibur Tomskneftekhim polymers)", 56.50, 84.97, [Chemicals],
            "facts §2.1: Tomsk polymers, 1 Mt/yr ASSUMPTION; " + CoordsNote));
        net.AddLocation(Loc("RU_MURMANSK", LocationKind.Port, "Murmansk (NSR western gateway, Arctic crude)", 68.97, 33.08, [Oil],
            "facts §2.2 NSR western gateway; Murmansk crude to China ~3 weeks via NSR [S127]; " + CoordsNote,
            handling: [(Oil, PortCrude)],
            handlingNote: "; loading 500 RUB/t as Kozmino (facts §6, ASSUMPTION)"));

        // Russian hubs.
        net.AddLocation(Loc("RU_SKOVORODINO", LocationKind.Hub, "Skovorodino (ESPO junction)", 53.98, 123.94, [Oil],
            "facts §2.1: branch to China 30 Mt/yr, >50 Mt/yr on to Kozmino [S19], [S20], [S21]; " + CoordsNote));
        net.AddLocation(Loc(XuanYuanLocationId, LocationKind.Hub, "Xuan Yuan / \"Soyuz\" transshipment complex (JAO, planned)",
            47.92, 132.62, [Coal, Oil, Chemicals],
            "facts §1 A1, §2.2: ~10 Mt/yr for oil, chemicals and bulk [ART]; Soyuz: crude 5.8 + products 1.0 + LPG 0.65 Mt/yr "
            + "+ 100k TEU tanks [S3]; capacity 0 until its investment is built; " + CoordsNoteLowConfidence,
            capacity: 0,
            handling: [(Coal, ReloadBulk), (Oil, ReloadLiquid), (Chemicals, ReloadLiquid)],
            handlingNote: "; reload 800 RUB/t bulk, 1,000 RUB/t liquids (facts §6, ASSUMPTION)"));

        // Russian border crossings (facts §2.2, §3).
        net.AddLocation(Loc("RU_ZABAIKALSK", LocationKind.BorderCrossing, "Zabaikalsk (rail + road BCP, gauge-change yard)",
            49.65, 117.33, [Coal, Oil, Chemicals],
            "facts §2.2, §3: rail 22 Mt in 2023 [S4]; capacity on the rail (25 Mt) and road (2 Mt) routes; " + CoordsNote,
            handling: [(Coal, ReloadBulk), (Oil, ReloadLiquid), (Chemicals, ReloadLiquid)],
            handlingNote: "; gauge-change reload 800 RUB/t bulk, 1,000 RUB/t liquids (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc(NizhneleninskoyeLocationId, LocationKind.BorderCrossing, "Nizhneleninskoye (Leninsk-2 rail bridge BCP)",
            47.90, 132.60, [Coal],
            "facts §3: 2023 ≈ 3.2 Mt [D from S118]; BCP 5 Mt now → 20 Mt by 2030 [S76]; capacity 5 Mt (BCP stage 1); "
            + "dry bulk only, liquids need the Xuan Yuan complex (ASSUMPTION); " + CoordsNoteLowConfidence,
            capacity: 5 * Mt,
            handling: [(Coal, ReloadBulk)],
            handlingNote: "; reload 800 RUB/t (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_BLAGOVESHCHENSK", LocationKind.BorderCrossing,
            "Blagoveshchensk (Kani-Kurgan road bridge, river port, planned conveyor)", 50.26, 127.54, [Coal, Chemicals],
            "facts §2.2, §3: road bridge 630 trucks/day design [S9], ~190 vehicles/day actual [S111]; capacity on the routes; " + CoordsNote,
            handling: [(Coal, ReloadBulk), (Chemicals, ReloadLiquid)],
            handlingNote: "; rail-to-truck/conveyor transfer 800 RUB/t bulk, 1,000 RUB/t liquids (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_GRODEKOVO", LocationKind.BorderCrossing, "Grodekovo rail BCP (+ Pogranichny road BCP)",
            44.40, 131.38, [Coal, Chemicals],
            "facts §2.2, §3: 2023 ≈ 8.2 Mt [D from S118]; 2007 peak 9.3 Mt [S14]; capacity on the routes; " + CoordsNote,
            handling: [(Coal, ReloadBulk), (Chemicals, ReloadLiquid)],
            handlingNote: "; reload 800 RUB/t bulk, 1,000 RUB/t liquids (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_MAKHALINO", LocationKind.BorderCrossing, "Makhalino / Kamyshovaya rail BCP (+ Kraskino road BCP)",
            43.0, 131.1, [Coal],
            "facts §2.2, §3: 2023 ≈ 2.9 Mt, mostly coal [D from S118]; Kraskino road BCP nearby [S11]; capacity on the routes; "
            + CoordsNoteLowConfidence,
            handling: [(Coal, ReloadBulk)],
            handlingNote: "; reload 800 RUB/t (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_NAUSHKI", LocationKind.BorderCrossing, "Naushki (rail BCP to Mongolia)", 50.38, 106.12, [Coal, Chemicals],
            "facts §2.2: >8 Mt in 2023, RU→CN transit 3.6 Mt [S24]; gauge change at Erenhot, so no reload here [S105]; " + CoordsNote));
        net.AddLocation(Loc("RU_DZHALINDA", LocationKind.BorderCrossing, "Dzhalinda (ESPO China-branch metering station, opposite Mohe)",
            53.48, 123.90, [Oil],
            "facts §2.2, §3: Skovorodino–border 63.4 km [S19]; CN side 2 lines, 30 Mt/yr [S20]; " + CoordsNote));

        // Russian ports (facts §2.2, §7).
        net.AddLocation(Loc("RU_KOZMINO", LocationKind.Port, "Kozmino crude port (Nakhodka Bay)", 42.73, 133.01, [Oil],
            "facts §2.2, §7: ~42 Mt/yr since 2022 [S26]; " + CoordsNote,
            capacity: 42 * Mt,
            handling: [(Oil, PortCrude)],
            handlingNote: "; handling 500 RUB/t (facts §6: 2009 tariffs ×1.7 [S130], ASSUMPTION)"));
        net.AddLocation(Loc("RU_VOSTOCHNY", LocationKind.Port, "Vostochny (Wrangel) coal port", 42.75, 133.07, [Coal],
            "facts §2.2, §7: coal terminal 58 Mt/yr (Dec 2022) [S49]; year-round navigation [S133]; " + CoordsNote,
            capacity: 58 * Mt,
            handling: [(Coal, PortCoal)],
            handlingNote: "; rail-to-ship 900 RUB/t (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_NAKHODKA", LocationKind.Port, "Nakhodka commercial and coal terminals", 42.82, 132.89, [Coal],
            "facts §2.2: 25 Mt/yr coal capacity, ASSUMPTION (no figure found); " + CoordsNote,
            capacity: 25 * Mt,
            handling: [(Coal, PortCoal)],
            handlingNote: "; rail-to-ship 900 RUB/t (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_VLADIVOSTOK", LocationKind.Port, "Vladivostok container / general port", 43.12, 131.89, [Chemicals],
            "facts §2.2: ~5 Mt/yr incl. >200k TEU (fishing port) [S-vmrp]; capacity 5 Mt for tank containers and packaged cargo, ASSUMPTION; "
            + CoordsNote,
            capacity: 5 * Mt,
            handling: [(Chemicals, ReloadLiquid)],
            handlingNote: "; handling 1,000 RUB/t as the facts §6 liquids reload, ASSUMPTION"));
        net.AddLocation(Loc("RU_VANINO", LocationKind.Port, "Vanino bulk port (BAM end)", 49.09, 140.25, [Coal],
            "facts §2.2: 40 Mt/yr coal-relevant capacity, ASSUMPTION (no current figure found); " + CoordsNote,
            capacity: 40 * Mt,
            handling: [(Coal, PortCoal)],
            handlingNote: "; rail-to-ship 900 RUB/t (facts §6, ASSUMPTION)"));
        net.AddLocation(Loc("RU_PORT_ELGA", LocationKind.Port, "Port Elga (Cape Manorsky, Sea of Okhotsk)", 54.7, 135.3, [Coal],
            "facts §2.2, §7: 30 Mt/yr, expandable to 50 Mt [S52]; " + CoordsNoteLowConfidence,
            capacity: 30 * Mt,
            handling: [(Coal, PortCoal)],
            handlingNote: "; rail-to-ship 900 RUB/t (facts §6, ASSUMPTION)"));

        // Chinese border crossings (facts §2.3). Reload is charged on the RU side (see header).
        net.AddLocation(Loc("CN_MANZHOULI", LocationKind.BorderCrossing, "Manzhouli land port", 49.60, 117.43, [Coal, Oil, Chemicals],
            "facts §2.3: largest CN–RU land port, >10 Mt in H1 2023 [S-gt], [S101]; " + CoordsNote));
        net.AddLocation(Loc("CN_TONGJIANG", LocationKind.BorderCrossing, "Tongjiang (rail bridge BCP)", 47.65, 132.51, [Coal, Oil, Chemicals],
            "facts §2.3: bridge design 21 Mt/yr [S6]; " + CoordsNote));
        net.AddLocation(Loc("CN_HEIHE", LocationKind.BorderCrossing, "Heihe (road bridge, river, conveyor terminal)", 50.24, 127.49,
            [Coal, Chemicals],
            "facts §2.3: receiving end of the 15 Mt conveyor [S57]; " + CoordsNote));
        net.AddLocation(Loc("CN_SUIFENHE", LocationKind.BorderCrossing, "Suifenhe (rail/road BCP)", 44.40, 131.15, [Coal, Chemicals],
            "facts §2.3: Harbin–Suifenhe upgraded 2024, capacity ×2+ [S67]; " + CoordsNote));
        net.AddLocation(Loc("CN_HUNCHUN", LocationKind.BorderCrossing, "Hunchun (rail/road BCP)", 42.87, 130.36, [Coal],
            "facts §2.3: coal from Makhalino [S15], [S87]; " + CoordsNote));
        net.AddLocation(Loc("CN_MOHE", LocationKind.BorderCrossing, "Mohe (ESPO pipeline entry)", 53.0, 123.0, [Oil],
            "facts §2.3: Mohe–Daqing 2 lines, 30 Mt/yr [S20]; " + CoordsNoteLowConfidence));
        net.AddLocation(Loc("CN_ERENHOT", LocationKind.BorderCrossing, "Erenhot (via Mongolia, gauge change)", 43.65, 111.98,
            [Coal, Chemicals],
            "facts §2.3: Erenhot–Beijing 842 km; gauge change at Erenhot/Zamyn-Üüd [S105]; " + CoordsNote,
            handling: [(Coal, ReloadBulk), (Chemicals, ReloadLiquid)],
            handlingNote: "; gauge-change reload 800 RUB/t bulk, 1,000 RUB/t liquids (facts §6, ASSUMPTION)"));

        // Chinese demand hubs and ports (facts §2.3).
        net.AddLocation(Loc("CN_HARBIN", LocationKind.Market, "Harbin (NE China rail hub; Heilongjiang/Jilin demand)", 45.80, 126.53,
            [Coal, Chemicals],
            "facts §2.3: NE China hub; coal for power and heat in Heilongjiang, Jilin, Liaoning [S-cj]; " + CoordsNote));
        net.AddLocation(Loc("CN_DAQING", LocationKind.Market, "Daqing (refineries, ESPO pipeline terminus)", 46.59, 125.10, [Oil],
            "facts §2.3: ESPO pipeline terminus; PetroChina refineries [S-reu]; " + CoordsNote));
        net.AddLocation(Loc("CN_DALIAN", LocationKind.Port, "Dalian (port, refinery; Liaoning demand)", 38.91, 121.60,
            [Coal, Oil, Chemicals],
            "facts §2.3: port / refinery / demand; " + CoordsNote));
        net.AddLocation(Loc("CN_TIANJIN", LocationKind.Port, "Tianjin (port, N China industrial demand)", 39.00, 117.70,
            [Coal, Chemicals],
            "facts §2.3: port / industrial demand; Yamal LNG via NSR in 16 days (2019) [S108]; " + CoordsNote));
        net.AddLocation(Loc("CN_QINGDAO", LocationKind.Port, "Qingdao / Rizhao (Shandong ports, independent refiners)", 36.07, 120.38,
            [Coal, Oil],
            "facts §2.3: Shandong teapots prefer ESPO [S27]; NSR crude went to Rizhao [S34]; " + CoordsNote));
    }

    // ── Routes ──────────────────────────────────────────────────────────────────────────────

    private static void AddRoutes(FreightNetworkBuilder net)
    {
        // Russian rail to the border and the ports (facts §5.1; km rounded there).
        RuRail(net, "kuzbass-zabaikalsk-rail", "RU_KUZBASS", "RU_ZABAIKALSK", 3_200, coal: true,
            source: "facts §5.1: 3,200 km [D from S110 km posts]");
        RuRail(net, "kuzbass-naushki-rail", "RU_KUZBASS", "RU_NAUSHKI", 2_500, coal: true,
            source: "facts §5.1: 2,500 km [D: 5,895 − 3,570 + 150]");
        RuRail(net, "kuzbass-blagoveshchensk-rail", "RU_KUZBASS", "RU_BLAGOVESHCHENSK", 4_550, coal: true,
            source: "facts §5.1: 4,550 km [D]");
        RuRail(net, "kuzbass-nizhneleninskoye-rail", "RU_KUZBASS", NizhneleninskoyeLocationId, 5_000, coal: true,
            source: "facts §5.1: 5,000 km [D]");
        RuRail(net, "kuzbass-xuanyuan-rail", "RU_KUZBASS", XuanYuanLocationId, 5_000, coal: true,
            source: "facts §5.1: as Kuzbass–Nizhneleninskoye 5,000 km (complex beside the bridge) [D]");
        RuRail(net, "kuzbass-grodekovo-rail", "RU_KUZBASS", "RU_GRODEKOVO", 5_800, coal: true,
            source: "facts §5.1: 5,800 km [D]");
        RuRail(net, "kuzbass-makhalino-rail", "RU_KUZBASS", "RU_MAKHALINO", 6_000, coal: true,
            source: "facts §5.1: 6,000 km [D]");
        RuRail(net, "kuzbass-vostochny-rail", "RU_KUZBASS", "RU_VOSTOCHNY", 6_000, coal: true,
            source: "facts §5.1: 6,000 km [D: 9,441 − 3,420]; facts §6 cross-check ≈ 4,800 RUB/t");
        RuRail(net, "kuzbass-nakhodka-rail", "RU_KUZBASS", "RU_NAKHODKA", 6_000, coal: true,
            source: "facts §5.1: 6,000 km [D: 9,441 − 3,420]");
        RuRail(net, "kuzbass-vanino-rail", "RU_KUZBASS", "RU_VANINO", 5_300, coal: true,
            source: "facts §5.1: 5,300 km via BAM [D]");
        RuRail(net, "syakutia-vostochny-rail", "RU_SYAKUTIA", "RU_VOSTOCHNY", 2_800, coal: true,
            source: "facts §5.1: 2,800 km via Tynda–Bamovskaya, ASSUMPTION");
        RuRail(net, "syakutia-vanino-rail", "RU_SYAKUTIA", "RU_VANINO", 1_900, coal: true,
            source: "facts §5.1: 1,900 km via BAM, ASSUMPTION");
        RuRail(net, "syakutia-blagoveshchensk-rail", "RU_SYAKUTIA", "RU_BLAGOVESHCHENSK", 1_300, coal: true,
            source: "facts §5.1: 1,300 km, ASSUMPTION");
        RuRail(net, "syakutia-nizhneleninskoye-rail", "RU_SYAKUTIA", NizhneleninskoyeLocationId, 1_750, coal: true,
            source: "facts §5.1: 1,750 km, ASSUMPTION");
        RuRail(net, "syakutia-xuanyuan-rail", "RU_SYAKUTIA", XuanYuanLocationId, 1_750, coal: true,
            source: "facts §5.1: as South Yakutia–Nizhneleninskoye 1,750 km, ASSUMPTION");
        RuRail(net, "elga-port-elga-rail", "RU_ELGA", "RU_PORT_ELGA", 531, coal: true, capacity: 30 * Mt,
            source: "facts §5.1: Pacific Railway 531 km, 30 Mt/yr [S52] (private line; RZD coal rate used, ASSUMPTION)");
        RuRail(net, "amur-blagoveshchensk-rail", "RU_AMUR_COAL", "RU_BLAGOVESHCHENSK", 150, coal: true,
            source: "facts §5.1: 150 km local line, ASSUMPTION (Raichikhinsk ~130 km)");
        RuRail(net, "angarsk-zabaikalsk-rail", "RU_ANGARSK", "RU_ZABAIKALSK", 1_500, chemicals: true,
            source: "facts §5.1: 1,500 km [D: 6,630 − 5,153]");
        RuRail(net, "angarsk-naushki-rail", "RU_ANGARSK", "RU_NAUSHKI", 750, chemicals: true,
            source: "facts §5.1: 750 km [D: 5,895 − 5,153]");
        RuRail(net, "angarsk-xuanyuan-rail", "RU_ANGARSK", XuanYuanLocationId, 3_300, chemicals: true,
            source: "facts §5.1: Angarsk–Nizhneleninskoye 3,300 km [D] (complex beside the bridge)");
        RuRail(net, "angarsk-blagoveshchensk-rail", "RU_ANGARSK", "RU_BLAGOVESHCHENSK", 2_850, chemicals: true,
            source: "2,850 km [D from facts §5 km posts: Belogorsk ~7,873 + ~110 branch − Irkutsk 5,153; §10.2 ASSUMPTION]");
        RuRail(net, "angarsk-vladivostok-rail", "RU_ANGARSK", "RU_VLADIVOSTOK", 4_150, chemicals: true,
            source: "4,150 km [D from facts §5 km posts: Vladivostok 9,289 − Irkutsk 5,153]");
        RuRail(net, "tomsk-zabaikalsk-rail", "RU_TOMSK", "RU_ZABAIKALSK", 3_150, chemicals: true,
            source: "facts §5.1: 3,150 km [D; Tomsk branch ~80 km ASSUMPTION]");
        RuRail(net, "tomsk-naushki-rail", "RU_TOMSK", "RU_NAUSHKI", 2_400, chemicals: true,
            source: "2,400 km [D from facts §5 km posts: Naushki 5,895 − Tayga 3,570 + ~80 Tomsk branch (§10.2 ASSUMPTION)]");
        RuRail(net, "taishet-zabaikalsk-rail", "RU_TAISHET", "RU_ZABAIKALSK", 2_150, oil: true,
            source: "crude by tank car, 2,150 km [D from facts §5 km posts: Chita 6,166 + ~465 to Zabaikalsk − Taishet 4,483]; "
            + "a fallback when the pipeline is short");
        RuRail(net, "taishet-xuanyuan-rail", "RU_TAISHET", XuanYuanLocationId, 3_950, oil: true,
            source: "crude by tank car to the Soyuz oil terminal, 3,950 km [D from facts §5 km posts: Birobidzhan 8,312 + ~130 − Taishet 4,483]");

        // ESPO pipelines (facts §5.2, §6).
        net.AddRoute(new Route("taishet-skovorodino-pipeline", "RU_TAISHET", "RU_SKOVORODINO", TransportMode.Pipeline)
        {
            Name = "ESPO-1 Taishet–Skovorodino",
            DistanceKm = 2_757,
            AnnualCapacityTonnes = 80 * Mt,
            CostPerTonne = Costs((Oil, 1_750)),
            Source = "facts §5.2: 2,757 km, 80 Mt/yr [S21]; tariff 1,750 RUB/t [D: facts §6 Taishet–border 1,800 RUB/t × 2,757/2,820 by length, ASSUMPTION]",
        });
        net.AddRoute(new Route("skovorodino-dzhalinda-pipeline", "RU_SKOVORODINO", "RU_DZHALINDA", TransportMode.Pipeline)
        {
            Name = "ESPO China branch Skovorodino–Dzhalinda",
            DistanceKm = 63.4,
            AnnualCapacityTonnes = 30 * Mt,
            CostPerTonne = Costs((Oil, 50)),
            Source = "facts §5.2: 63.4 km [S19]; 30 Mt/yr (facts §3); tariff 50 RUB/t [D: rest of facts §6 1,800 RUB/t to the border, ASSUMPTION]",
        });
        net.AddRoute(new Route("skovorodino-kozmino-pipeline", "RU_SKOVORODINO", "RU_KOZMINO", TransportMode.Pipeline)
        {
            Name = "ESPO-2 Skovorodino–Kozmino",
            DistanceKm = 2_050,
            AnnualCapacityTonnes = 50 * Mt,
            CostPerTonne = Costs((Oil, 1_250)),
            Source = "facts §5.2: ~2,050 km ASSUMPTION, >50 Mt/yr [S21]; tariff 1,250 RUB/t [D: facts §6 Taishet–Kozmino 3,000 − 1,750, ASSUMPTION]",
        });

        // Border crossings (facts §3, §5.2).
        net.AddRoute(new Route(ZabaikalskRailRouteId, "RU_ZABAIKALSK", "CN_MANZHOULI", TransportMode.Rail)
        {
            Name = "Zabaikalsk–Manzhouli rail",
            DistanceKm = 10,
            AnnualCapacityTonnes = 25 * Mt,
            CostPerTonne = Costs((Coal, 20), (Oil, 20), (Chemicals, 20)),
            Source = "facts §3: 2023 flow 22 Mt [S4]; capacity 25 Mt ASSUMPTION (22 Mt + ~10 % headroom); ~10 km; " + ShortCrossingNote,
        });
        net.AddRoute(Road("zabaikalsk-manzhouli-road", "RU_ZABAIKALSK", "CN_MANZHOULI", "Zabaikalsk–Manzhouli road", 10, 2 * Mt,
            "facts §3: ~2 Mt [D: 280 trucks/day × 20 t × 365, S11; 20 t/truck ASSUMPTION]; ~10 km"));
        net.AddRoute(new Route("nizhneleninskoye-tongjiang-rail", NizhneleninskoyeLocationId, "CN_TONGJIANG", TransportMode.Rail)
        {
            Name = "Nizhneleninskoye–Tongjiang rail bridge",
            DistanceKm = 2.2,
            AnnualCapacityTonnes = 21 * Mt,
            CostPerTonne = Costs((Coal, 20)),
            Source = "facts §3, §5.2: bridge 2,209 m, single track dual gauge [S74], design 21 Mt/yr [S6]; the BCP cap (5 Mt) is on the location; "
                + ShortCrossingNote,
        });
        net.AddRoute(new Route("xuanyuan-tongjiang-rail", XuanYuanLocationId, "CN_TONGJIANG", TransportMode.Rail)
        {
            Name = "Xuan Yuan complex – Tongjiang over the rail bridge",
            DistanceKm = 5,
            AnnualCapacityTonnes = 21 * Mt,
            CostPerTonne = Costs((Coal, 20), (Oil, 20), (Chemicals, 20)),
            Source = "facts §1 A1, §3: same bridge, design 21 Mt/yr [S6]; complex beside the bridge, ~5 km ASSUMPTION; " + ShortCrossingNote,
        });
        net.AddRoute(Road("blagoveshchensk-heihe-road", "RU_BLAGOVESHCHENSK", "CN_HEIHE", "Blagoveshchensk–Heihe road bridge (Kani-Kurgan)",
            20, 1.5 * Mt,
            "facts §3: 1.5 Mt [D: ~190 vehicles/day × 20 t × 365 = 1.4 Mt upper bound, S111]; 1,080 m bridge, ~20 km crossing [S9]"));
        net.AddRoute(new Route(ConveyorRouteId, "RU_BLAGOVESHCHENSK", "CN_HEIHE", TransportMode.Conveyor)
        {
            Name = "Blagoveshchensk–Heihe coal conveyor across the Amur (planned)",
            DistanceKm = 2,
            AnnualCapacityTonnes = 0,
            CostPerTonne = Costs((Coal, 150)),
            Source = "facts §3, §5.2, §6: 0 Mt until built (option +15 Mt/yr, 20 bn RUB [S57]); ~1–3 km ASSUMPTION (Amur ~750 m wide [S134]); "
                + "opex 150 RUB/t ASSUMPTION (facts §6, §10.10)",
        });
        net.AddRoute(new Route("blagoveshchensk-heihe-barge", "RU_BLAGOVESHCHENSK", "CN_HEIHE", TransportMode.InlandWaterway)
        {
            Name = "Amur river barges Blagoveshchensk–Heihe (summer)",
            DistanceKm = 0.75,
            AnnualCapacityTonnes = 0.3 * Mt,
            CostPerTonne = Costs((Coal, RoadCrossingFee), (Chemicals, RoadCrossingFee)),
            Source = "facts §3: river/ice crossing 0.3 Mt seasonal, ASSUMPTION; navigation end April – 26/27 Oct [S61]; "
                + "cost 1,500 RUB/t as the facts §6 road crossing fee, ASSUMPTION",
        });
        net.AddRoute(new Route("blagoveshchensk-heihe-ice", "RU_BLAGOVESHCHENSK", "CN_HEIHE", TransportMode.InlandWaterway)
        {
            Name = "Amur pontoon / ice road Blagoveshchensk–Heihe (winter)",
            DistanceKm = 0.75,
            AnnualCapacityTonnes = 0.3 * Mt,
            CostPerTonne = Costs((Coal, RoadCrossingFee), (Chemicals, RoadCrossingFee)),
            Source = "facts §3: river/ice crossing 0.3 Mt seasonal, ASSUMPTION; pontoon 614 m, vehicles ≤40 t, 60–70 days/yr [S10], [S60]; "
                + "cost 1,500 RUB/t as the facts §6 road crossing fee, ASSUMPTION",
        });
        net.AddRoute(new Route("grodekovo-suifenhe-rail", "RU_GRODEKOVO", "CN_SUIFENHE", TransportMode.Rail)
        {
            Name = "Grodekovo–Suifenhe rail",
            DistanceKm = 25,
            AnnualCapacityTonnes = 10 * Mt,
            CostPerTonne = Costs((Coal, 20), (Chemicals, 20)),
            Source = "facts §3: 2023 ≈ 8.2 Mt [D from S118]; capacity 10 Mt ASSUMPTION (2007 peak 9.3 Mt [S14]); ~25 km; " + ShortCrossingNote,
        });
        net.AddRoute(Road("pogranichny-suifenhe-road", "RU_GRODEKOVO", "CN_SUIFENHE", "Pogranichny–Suifenhe road", 25, 2 * Mt,
            "facts §3: Pogranichny road BCP 2 Mt, ASSUMPTION (650k trucks/yr for three road BCPs [S11]); ~25 km"));
        net.AddRoute(new Route("makhalino-hunchun-rail", "RU_MAKHALINO", "CN_HUNCHUN", TransportMode.Rail)
        {
            Name = "Makhalino (Kamyshovaya)–Hunchun rail",
            DistanceKm = 20.3,
            AnnualCapacityTonnes = 3.5 * Mt,
            CostPerTonne = Costs((Coal, 20)),
            Source = "facts §3, §5.2: 2023 ≈ 2.9 Mt [D from S118]; capacity 3.5 Mt ASSUMPTION; line 20.3 km [S15]; " + ShortCrossingNote,
        });
        net.AddRoute(Road("kraskino-hunchun-road", "RU_MAKHALINO", "CN_HUNCHUN", "Kraskino–Hunchun road", 30, 2 * Mt,
            "facts §3: Kraskino road BCP 2 Mt, ASSUMPTION (650k trucks/yr for three road BCPs [S11]); Kraskino is ~30 km from Makhalino, ASSUMPTION",
            coalOnly: true));
        net.AddRoute(new Route("naushki-erenhot-rail", "RU_NAUSHKI", "CN_ERENHOT", TransportMode.Rail)
        {
            Name = "Naushki–Sukhbaatar–Zamyn-Üüd–Erenhot (transit via Mongolia)",
            DistanceKm = 1_110,
            AnnualCapacityTonnes = 5 * Mt,
            CostPerTonne = Costs((Coal, 1_110 * MongolianRail), (Chemicals, 1_110 * MongolianRail)),
            Source = "facts §3, §5.2: RU→CN transit 3.6 Mt in 2023 [S24]; capacity 5 Mt ASSUMPTION; ~1,110 km single track [S105]; "
                + "cost 1,110 km × 1.5 RUB/t·km UBTZ (facts §6, ASSUMPTION)",
        });
        net.AddRoute(new Route("dzhalinda-mohe-pipeline", "RU_DZHALINDA", "CN_MOHE", TransportMode.Pipeline)
        {
            Name = "ESPO branch Dzhalinda–Mohe (under the Amur)",
            AnnualCapacityTonnes = 30 * Mt,
            CostPerTonne = Costs((Oil, 0)),
            Source = "facts §3: Dzhalinda–Mohe crude pipeline, 30 Mt/yr [S19], [S20]; tariff to the border paid upstream (facts §6), so 0 here",
        });

        // Chinese inland (facts §5.3, §3 distance column).
        CnRail(net, "manzhouli-harbin-rail", "CN_MANZHOULI", "CN_HARBIN", 935, [Coal, Chemicals], "facts §5.3: 935 km [S70]");
        CnRail(net, "manzhouli-daqing-rail", "CN_MANZHOULI", "CN_DAQING", 775, [Oil], "facts §5.3: ~775 km, ASSUMPTION");
        CnRail(net, "suifenhe-harbin-rail", "CN_SUIFENHE", "CN_HARBIN", 548, [Coal, Chemicals], "facts §5.3: 548 km [S71]");
        CnRail(net, "tongjiang-harbin-rail", "CN_TONGJIANG", "CN_HARBIN", 700, [Coal, Chemicals], "facts §5.3: ~700 km, ASSUMPTION");
        CnRail(net, "tongjiang-daqing-rail", "CN_TONGJIANG", "CN_DAQING", 860, [Oil], "facts §3: N-T → Daqing ~860 km, ASSUMPTION");
        CnRail(net, "heihe-harbin-rail", "CN_HEIHE", "CN_HARBIN", 630, [Coal, Chemicals], "facts §5.3: ~630 km, ASSUMPTION");
        CnRail(net, "hunchun-harbin-rail", "CN_HUNCHUN", "CN_HARBIN", 660, [Coal], "facts §5.3: ~660 km, ASSUMPTION");
        CnRail(net, "harbin-dalian-rail", "CN_HARBIN", "CN_DALIAN", 944, [Coal, Chemicals], "facts §5.3: ~944 km [D from S72 + ASSUMPTION]");
        CnRail(net, "harbin-tianjin-rail", "CN_HARBIN", "CN_TIANJIN", 1_270, [Coal, Chemicals], "facts §5.3: ~1,270 km [D from S72]");
        CnRail(net, "erenhot-tianjin-rail", "CN_ERENHOT", "CN_TIANJIN", 980, [Coal, Chemicals], "facts §5.3: ~980 km [D: 842 (S105) + 137 (S72)]");
        net.AddRoute(new Route("mohe-daqing-pipeline", "CN_MOHE", "CN_DAQING", TransportMode.Pipeline)
        {
            Name = "Mohe–Daqing crude pipelines (2 lines)",
            DistanceKm = 932,
            AnnualCapacityTonnes = 30 * Mt,
            CostPerTonne = Costs((Oil, 500)),
            Source = "facts §5.3: 932–942 km, 2 lines totalling 30 Mt/yr [S20]; tariff 500 RUB/t (facts §6, ASSUMPTION)",
        });

        // Sea legs, Far East → N China (facts §5.4, §6; $ at 85 RUB).
        const string coalSea = "coal $12/t ≈ 1,000 RUB/t (facts §6, ASSUMPTION)";
        const string vaninoSea = "coal $14/t ≈ 1,200 RUB/t (facts §6: Primorye $12 + $2 for Vanino, ASSUMPTION)";
        const string elgaSea = "coal $16/t ≈ 1,350 RUB/t (Vanino's +$2 per ~500 nm extended to ~1,900 nm, ASSUMPTION)";
        const string crudeSea = "crude $10/t ≈ 850 RUB/t [D: ~$1 M per Aframax ÷ ~100 kt, S27]";
        Sea(net, "vostochny-dalian-sea", "RU_VOSTOCHNY", "CN_DALIAN", 1_050, 4.2, Coal, 1_000, "facts §5.4: 1,050 nm; " + coalSea);
        Sea(net, "vostochny-tianjin-sea", "RU_VOSTOCHNY", "CN_TIANJIN", 1_250, 4.8, Coal, 1_000, "facts §5.4: 1,250 nm; " + coalSea);
        Sea(net, "vostochny-qingdao-sea", "RU_VOSTOCHNY", "CN_QINGDAO", 1_000, 4.0, Coal, 1_000, "facts §5.4: 1,000 nm; " + coalSea);
        Sea(net, "nakhodka-dalian-sea", "RU_NAKHODKA", "CN_DALIAN", 1_050, 4.2, Coal, 1_000, "facts §5.4: 1,050 nm; " + coalSea);
        Sea(net, "nakhodka-tianjin-sea", "RU_NAKHODKA", "CN_TIANJIN", 1_250, 4.8, Coal, 1_000, "facts §5.4: 1,250 nm; " + coalSea);
        Sea(net, "nakhodka-qingdao-sea", "RU_NAKHODKA", "CN_QINGDAO", 1_000, 4.0, Coal, 1_000, "facts §5.4: 1,000 nm; " + coalSea);
        Sea(net, "vanino-dalian-sea", "RU_VANINO", "CN_DALIAN", 1_550, 5.9, Coal, 1_200, "facts §5.4: 1,550 nm via Tatar Strait; " + vaninoSea);
        Sea(net, "vanino-qingdao-sea", "RU_VANINO", "CN_QINGDAO", 1_500, 5.7, Coal, 1_200, "facts §5.4: 1,500 nm via Tatar Strait; " + vaninoSea);
        Sea(net, "port-elga-dalian-sea", "RU_PORT_ELGA", "CN_DALIAN", 1_900, 7, Coal, 1_350, "facts §5.4: ~1,900 nm ASSUMPTION; " + elgaSea);
        Sea(net, "port-elga-qingdao-sea", "RU_PORT_ELGA", "CN_QINGDAO", 1_900, 7, Coal, 1_350, "facts §5.4: ~1,900 nm ASSUMPTION; " + elgaSea);
        Sea(net, "kozmino-dalian-sea", "RU_KOZMINO", "CN_DALIAN", 1_050, 4.2, Oil, 850, "facts §5.4: 1,050 nm; " + crudeSea);
        Sea(net, "kozmino-qingdao-sea", "RU_KOZMINO", "CN_QINGDAO", 1_000, 4.0, Oil, 850,
            "facts §5.4: 1,000 nm; ESPO voyage to China ≈ 5 days [S28]; " + crudeSea);
        Sea(net, "vladivostok-tianjin-sea", "RU_VLADIVOSTOK", "CN_TIANJIN", 1_250, 4.8, Chemicals, 1_700,
            "facts §5.4: 1,250 nm; tank containers $20/t ≈ 1,700 RUB/t, ASSUMPTION (dearer than bulk coal at $12/t; no source)");

        // Long haul from the west: NSR (seasonal) and Suez (facts §5.5, §6).
        net.AddRoute(new Route(NorthernSeaRouteId, "RU_MURMANSK", "CN_QINGDAO", TransportMode.Sea)
        {
            Name = "Northern Sea Route Murmansk–Qingdao/Rizhao (July–November)",
            DistanceKm = Math.Round(6_600 * NmToKm),
            TransitDays = 21,
            AnnualCapacityTonnes = 5 * Mt,
            CostPerTonne = Costs((Oil, 1_900)),
            Source = "facts §5.5: ~6,600 nm, ~21 days (Murmansk–Shanghai model value, ASSUMPTION; crude to China ~3 weeks [S127]); "
                + "capacity 5 Mt/yr while open (facts §9; 2023 transit 2.13 Mt, >70 % crude [S7]); cost ≈ $22.6/t ≈ 1,900 RUB/t "
                + "[D: facts §6 formula 21 d × $84k (ice-class +20 %) + $0.5 M escort [S38], ÷ 100 kt]",
        });
        net.AddRoute(new Route(SuezRouteId, "RU_MURMANSK", "CN_QINGDAO", TransportMode.Sea)
        {
            Name = "Murmansk–Qingdao/Rizhao via Suez (year-round)",
            DistanceKm = Math.Round(11_800 * NmToKm),
            TransitDays = 37,
            CostPerTonne = Costs((Oil, 2_500)),
            Source = "facts §5.5: ~11,800 nm, ~37 days at 13.5 kn (ASSUMPTION); cost ≈ $29.4/t ≈ 2,500 RUB/t "
                + "[D: facts §6 formula 37 d × $70k + $0.35 M Suez toll, ÷ 100 kt]; no capacity limit",
        });
    }

    // ── Availability (facts §8) ─────────────────────────────────────────────────────────────

    //                                                     J     F     M     A    M    J    J    A    S    O    N     D
    private static readonly double[] NsrFactors = [0, 0, 0, 0, 0, 0, 0.5, 1, 1, 1, 0.3, 0];
    private static readonly double[] BargeFactors = [0, 0, 0, 0, 1, 1, 1, 1, 1, 0.8, 0, 0];
    private static readonly double[] IceRoadFactors = [0.6, 1, 0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly double[] BulkReloadFactors = [0.9, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9];
    private static readonly double[] ConveyorFactors = [0.95, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.95];
    private static readonly double[] VaninoFactors = [0.9, 0.9, 0.95, 1, 1, 1, 1, 1, 1, 1, 1, 0.95];
    private static readonly double[] PortElgaFactors = [0.5, 0.5, 0.5, 0.7, 1, 1, 1, 1, 1, 1, 0.8, 0.6];

    private static void AddAvailability(ScenarioBuilder scenario)
    {
        // NSR, non-ice-class and Ice1–Ice3 row: legally July – 15 Nov [S122]; oil usually July–October [S124].
        SetRoute(scenario, NorthernSeaRouteId, NsrFactors);
        // Amur: summer barges from end April to 26–27 Oct [S61]; pontoon/ice road from ~8–14 Jan [S61], [S62].
        SetRoute(scenario, "blagoveshchensk-heihe-barge", BargeFactors);
        SetRoute(scenario, "blagoveshchensk-heihe-ice", IceRoadFactors);
        // Winter productivity loss of bulk reload at rail BCPs (ASSUMPTION), applied where each rail crossing's capacity sits.
        SetRoute(scenario, ZabaikalskRailRouteId, BulkReloadFactors);
        SetRoute(scenario, "grodekovo-suifenhe-rail", BulkReloadFactors);
        SetRoute(scenario, "makhalino-hunchun-rail", BulkReloadFactors);
        SetRoute(scenario, "naushki-erenhot-rail", BulkReloadFactors);
        SetLocation(scenario, NizhneleninskoyeLocationId, BulkReloadFactors);
        SetLocation(scenario, XuanYuanLocationId, BulkReloadFactors);
        // Conveyor: "all-weather" enclosed system claimed [S59]; small winter derating ASSUMPTION.
        SetRoute(scenario, ConveyorRouteId, ConveyorFactors);
        // Ports: Primorye year-round [S133]; Vanino and Port Elga seasonal ice (ASSUMPTION).
        SetLocation(scenario, "RU_VANINO", VaninoFactors);
        SetLocation(scenario, "RU_PORT_ELGA", PortElgaFactors);
    }

    // ── Supplies (facts §4, §9) ─────────────────────────────────────────────────────────────

    private static void AddSupplies(ScenarioBuilder scenario)
    {
        Supply(scenario, "RU_KUZBASS", Coal, 50,
            "facts §4: Kuzbass eastbound coal 52.75 Mt in 2023 [S95], rounded to 50 Mt (facts §9 suggests 40 for a smaller network)");
        Supply(scenario, "RU_SYAKUTIA", Coal, 10,
            "facts §4: Yakutia eastbound ~26 Mt/yr [S53]; 25 Mt for South Yakutia split Neryungri 10 / Elga 15, ASSUMPTION");
        Supply(scenario, "RU_ELGA", Coal, 15,
            "facts §4: Elgaugol 26 Mt in 2023 [S52]; 25 Mt for South Yakutia split Neryungri 10 / Elga 15, ASSUMPTION");
        Supply(scenario, "RU_AMUR_COAL", Coal, 5,
            "facts §9: Amur 5 Mt (scaled from ~4.5 Mt/yr regional output [S123])");
        Supply(scenario, "RU_TAISHET", Oil, 70,
            "facts §9: ESPO/Taishet 70 Mt (ESPO-1 80 Mt/yr [S21]; 40 Mt to China by pipeline incl. Kazakhstan [S81])");
        Supply(scenario, "RU_MURMANSK", Oil, 6,
            "western (Arctic/Baltic) crude offered to China via Murmansk, 6 Mt/yr ASSUMPTION (NSR transit 2023 2.13 Mt, >70 % crude [S7])");
        Supply(scenario, "RU_ANGARSK", Chemicals, 5,
            "facts §9: chemicals/oil products Angarsk/Irkutsk 5 Mt, ASSUMPTION (facts §4: chemicals 3 + oil products/LPG 2)");
        Supply(scenario, "RU_TOMSK", Chemicals, 1, "facts §2.1: Tomsk polymers 1 Mt/yr, ASSUMPTION");
    }

    // ── Demands (facts §4, §9) ──────────────────────────────────────────────────────────────

    private static void AddDemands(ScenarioBuilder scenario)
    {
        Demand(scenario, "CN_HARBIN", Coal, 30,
            "NE China power and heat coal [S-cj]; facts §9 gives NE China 25 Mt sized so border capacity binds; "
            + "raised to 30 Mt because this network has more crossings, ASSUMPTION");
        Demand(scenario, "CN_HARBIN", Chemicals, 3, "facts §9: NE China chemicals 3 Mt, ASSUMPTION");
        Demand(scenario, "CN_DAQING", Oil, 30, "facts §9: NE China crude 30 Mt (= ESPO China branch [S20]), ASSUMPTION");
        Demand(scenario, "CN_DALIAN", Coal, 10, "facts §9: N China coast coal 40 Mt split Dalian 10 / Tianjin 15 / Qingdao 15, ASSUMPTION");
        Demand(scenario, "CN_TIANJIN", Coal, 15, "facts §9: N China coast coal 40 Mt split Dalian 10 / Tianjin 15 / Qingdao 15, ASSUMPTION");
        Demand(scenario, "CN_QINGDAO", Coal, 15, "facts §9: N China coast coal 40 Mt split Dalian 10 / Tianjin 15 / Qingdao 15, ASSUMPTION");
        Demand(scenario, "CN_DALIAN", Oil, 10, "facts §9: N China coast crude 40 Mt split Dalian 10 / Shandong 30, ASSUMPTION");
        Demand(scenario, "CN_QINGDAO", Oil, 30,
            "facts §9: N China coast crude 40 Mt split Dalian 10 / Shandong 30 (teapots prefer ESPO [S27]), ASSUMPTION");
        Demand(scenario, "CN_TIANJIN", Chemicals, 2, "facts §9: N China coast chemicals 2 Mt, ASSUMPTION");
    }

    // ── Investments (facts §1, §6) ──────────────────────────────────────────────────────────

    private static void AddInvestments(ScenarioBuilder scenario)
    {
        const string crf = "; 12 %/20 yr, CRF 0.134 (facts §6, §9, ASSUMPTION)";
        scenario.AddInvestment(new InvestmentOption("zabaikalsk-expansion", 5 * Mt, 8 * Bn, 20)
        {
            Name = "Zabaikalsk rail crossing to ~30 Mt/yr",
            Route = ZabaikalskRailRouteId,
            Source = "facts §1 A3: ~30 Mt/yr for ~8 bn RUB [ART] (not found verbatim); base 25 Mt ASSUMPTION → +5 Mt (facts §9)" + crf,
        });
        scenario.AddInvestment(new InvestmentOption("nizhneleninskoye-terminal", 5 * Mt, 2 * Bn, 20)
        {
            Name = "Nizhneleninskoye logistics terminal",
            Location = NizhneleninskoyeLocationId,
            Source = "facts §1 A4: ~2 bn RUB [ART]; +5 Mt ASSUMPTION (facts §6, §9; BCP 5 → 20 Mt plan [S76])" + crf,
        });
        scenario.AddInvestment(new InvestmentOption("blagoveshchensk-heihe-conveyor", 15 * Mt, 20 * Bn, 20)
        {
            Name = "Blagoveshchensk–Heihe coal conveyor, 15 Mt/yr",
            Route = ConveyorRouteId,
            Source = "facts §1 A2: up to 15 Mt/yr [ART], KRDV: max 15 Mt/yr, about 20 bn RUB [S57]" + crf,
        });
        scenario.AddInvestment(new InvestmentOption("xuan-yuan-complex", 10 * Mt, 60 * Bn, 20)
        {
            Name = "Xuan Yuan / Soyuz transshipment complex (JAO), ~10 Mt/yr",
            Location = XuanYuanLocationId,
            Source = "facts §1 A1: ~10 Mt/yr for oil, chemicals and bulk [ART]; Soyuz financing CNY 5 bn [S3] × 12 RUB/CNY ≈ 60 bn RUB "
                + "(facts §6; FX ASSUMPTION)" + crf,
        });
        scenario.WithBudget(new Budget(25 * Bn)
        {
            Source = "ASSUMPTION: 25 bn RUB of 90 bn RUB for all four; funds the conveyor or Zabaikalsk + Nizhneleninskoye, not both, "
                + "and never the Xuan Yuan complex without a larger budget",
        });
    }

    // ── Helpers ─────────────────────────────────────────────────────────────────────────────

    private static Location Loc(
        string id, LocationKind kind, string name, double lat, double lon, CommodityId[] commodities, string source,
        double? capacity = null, (CommodityId Commodity, double Cost)[]? handling = null, string handlingNote = "") =>
        new(id, kind)
        {
            Name = name,
            Country = id.StartsWith("CN_", StringComparison.Ordinal) ? "CN" : "RU",
            Latitude = lat,
            Longitude = lon,
            AnnualCapacityTonnes = capacity,
            Commodities = [.. commodities],
            HandlingCostPerTonne = handling is null ? ImmutableDictionary<CommodityId, double>.Empty : Costs(handling),
            Source = source + handlingNote,
        };

    private static ImmutableDictionary<CommodityId, double> Costs(params (CommodityId Commodity, double Cost)[] costs) =>
        costs.ToImmutableDictionary(c => c.Commodity, c => c.Cost);

    private static void RuRail(
        FreightNetworkBuilder net, string id, string from, string to, double km, string source,
        bool coal = false, bool chemicals = false, bool oil = false, double? capacity = null)
    {
        var costs = new List<(CommodityId, double)>();
        if (coal) costs.Add((Coal, km * RuRailCoal));
        if (chemicals) costs.Add((Chemicals, km * RuRailChemicals));
        if (oil) costs.Add((Oil, km * RuRailOil));
        net.AddRoute(new Route(id, from, to, TransportMode.Rail)
        {
            DistanceKm = km,
            AnnualCapacityTonnes = capacity,
            CostPerTonne = Costs([.. costs]),
            Source = source + "; " + RuRailNote + (capacity is null ? "; capacity not limited (Eastern Polygon 173 Mt in 2023 [S80] is shared and not modelled)" : ""),
        });
    }

    private static void CnRail(FreightNetworkBuilder net, string id, string from, string to, double km, CommodityId[] commodities, string source) =>
        net.AddRoute(new Route(id, from, to, TransportMode.Rail)
        {
            DistanceKm = km,
            CostPerTonne = Costs([.. commodities.Select(c => (c, km * CnRailRate))]),
            Source = source + "; " + CnRailNote + "; capacity not limited (not in the facts)",
        });

    private static Route Road(string id, string from, string to, string name, double km, double capacity, string source, bool coalOnly = false) =>
        new(id, from, to, TransportMode.Road)
        {
            Name = name,
            DistanceKm = km,
            AnnualCapacityTonnes = capacity,
            CostPerTonne = coalOnly
                ? Costs((Coal, RoadCrossingFee + km * RoadPerKm))
                : Costs((Coal, RoadCrossingFee + km * RoadPerKm), (Chemicals, RoadCrossingFee + km * RoadPerKm)),
            Source = source + "; cost 1,500 RUB/t crossing fee/handling + 6 RUB/t·km (facts §6, ASSUMPTION)",
        };

    private static void Sea(FreightNetworkBuilder net, string id, string from, string to, double nm, double days, CommodityId commodity, double cost, string source) =>
        net.AddRoute(new Route(id, from, to, TransportMode.Sea)
        {
            DistanceKm = Math.Round(nm * NmToKm),
            TransitDays = days,
            CostPerTonne = Costs((commodity, cost)),
            Source = source + "; days at 12 kn incl. ~0.5 d manoeuvring (facts §5.4, ASSUMPTION); capacity limited by the ports",
        });

    private static void SetRoute(ScenarioBuilder scenario, string route, double[] factors)
    {
        for (var m = 0; m < MonthIds.Length; m++)
        {
            if (factors[m] != 1) scenario.SetAvailability(new RouteId(route), MonthIds[m], factors[m]);
        }
    }

    private static void SetLocation(ScenarioBuilder scenario, string location, double[] factors)
    {
        for (var m = 0; m < MonthIds.Length; m++)
        {
            if (factors[m] != 1) scenario.SetAvailability(new LocationId(location), MonthIds[m], factors[m]);
        }
    }

    private static void Supply(ScenarioBuilder scenario, string location, string commodity, double megatonnes, string source) =>
        scenario.AddSupply(new Supply(location, commodity, megatonnes * Mt) { Source = source + "; cost at source 0 (not in the facts)" });

    private static void Demand(ScenarioBuilder scenario, string location, string commodity, double megatonnes, string source) =>
        scenario.AddDemand(new Demand(location, commodity, megatonnes * Mt) { Source = source + "; penalty from the commodity (ASSUMPTION)" });
}
