using FreightOptimizer.Corridors;

namespace FreightOptimizer.Tests.Corridors;

public sealed class RussiaChinaCorridorTests
{
    private static readonly Scenario S = RussiaChinaCorridor.Scenario;
    private static readonly string[] Countries = ["RU", "CN"];
    private static readonly string[] AllCommodities = ["coal", "oil", "chemicals"];
    private static FreightNetwork Net => S.Network;

    private static HashSet<TransportMode> ModesBetween(string from, string to) =>
        [.. Net.Routes.Where(r => r.From.Value == from && r.To.Value == to).Select(r => r.Mode)];

    private static Route[] RoutesBetween(string from, string to, TransportMode mode) =>
        [.. Net.Routes.Where(r => r.From.Value == from && r.To.Value == to && r.Mode == mode)];

    [Fact]
    public void Scenario_IsCachedAndEqualToAFreshBuild()
    {
        Assert.Same(RussiaChinaCorridor.Scenario, RussiaChinaCorridor.Scenario);
        Assert.Equal(RussiaChinaCorridor.Build(), RussiaChinaCorridor.Scenario);
        Assert.Equal("RUB", S.Currency);
        Assert.Contains("illustrative", S.Notes, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a forecast", S.Notes, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Network_HasAtLeast25Locations_OfEveryKind_InRussiaAndChina()
    {
        Assert.True(Net.Locations.Length >= 25, $"only {Net.Locations.Length} locations");
        foreach (var kind in Enum.GetValues<LocationKind>())
            Assert.Contains(Net.Locations, l => l.Kind == kind);
        Assert.All(Net.Locations, l =>
        {
            Assert.Contains(l.Country, Countries);
            Assert.InRange(l.Latitude!.Value, 30, 75);
            Assert.InRange(l.Longitude!.Value, 25, 145);
            Assert.False(l.Commodities is null || l.Commodities.Value.IsEmpty, $"{l.Id} lists no commodities");
        });
        Assert.Equal(["coal", "oil", "chemicals", "iron-ore", "fertilizers", "oil-products", "other-freight"], Net.Commodities.Select(c => c.Id.Value));
    }

    [Theory]
    [InlineData("RU_ZABAIKALSK", "CN_MANZHOULI", new[] { TransportMode.Rail, TransportMode.Road })]
    [InlineData("RU_NIZHNELENINSKOYE", "CN_TONGJIANG", new[] { TransportMode.Rail })]
    [InlineData("RU_XUANYUAN", "CN_TONGJIANG", new[] { TransportMode.Rail })]
    [InlineData("RU_BLAGOVESHCHENSK", "CN_HEIHE", new[] { TransportMode.Road, TransportMode.Conveyor, TransportMode.InlandWaterway })]
    [InlineData("RU_GRODEKOVO", "CN_SUIFENHE", new[] { TransportMode.Rail, TransportMode.Road })]
    [InlineData("RU_MAKHALINO", "CN_HUNCHUN", new[] { TransportMode.Rail, TransportMode.Road })]
    [InlineData("RU_DZHALINDA", "CN_MOHE", new[] { TransportMode.Pipeline })]
    [InlineData("RU_NAUSHKI", "CN_ERENHOT", new[] { TransportMode.Rail })]
    public void EveryCrossingOfFacts3_IsPresent_WithItsModes(string russianSide, string chineseSide, TransportMode[] modes)
    {
        Assert.Equal(LocationKind.BorderCrossing, Net.GetLocation(chineseSide).Kind);
        Assert.Equal("RU", Net.GetLocation(russianSide).Country);
        Assert.Equal("CN", Net.GetLocation(chineseSide).Country);
        Assert.Equal(modes.ToHashSet(), ModesBetween(russianSide, chineseSide));
    }

    [Fact]
    public void AmurCrossing_HasSummerBargesAndWinterIceRoad_NeverOpenTogether()
    {
        var river = RoutesBetween("RU_BLAGOVESHCHENSK", "CN_HEIHE", TransportMode.InlandWaterway);
        Assert.Equal(2, river.Length);
        foreach (var month in RussiaChinaCorridor.MonthIds)
            Assert.True(river.Count(r => S.AvailabilityOf(r.Id, month) > 0) <= 1, $"both river routes open in {month}");
        Assert.Equal(0, S.AvailabilityOf((RouteId)"blagoveshchensk-heihe-barge", "jan"));
        Assert.Equal(1, S.AvailabilityOf((RouteId)"blagoveshchensk-heihe-barge", "jul"));
        Assert.Equal(1, S.AvailabilityOf((RouteId)"blagoveshchensk-heihe-ice", "feb"));
        Assert.Equal(0, S.AvailabilityOf((RouteId)"blagoveshchensk-heihe-ice", "jul"));
    }

    [Fact]
    public void Conveyors_CarryOnlyCoal_AndPipelines_OnlyOil()
    {
        var conveyors = Net.Routes.Where(r => r.Mode == TransportMode.Conveyor).ToList();
        var pipelines = Net.Routes.Where(r => r.Mode == TransportMode.Pipeline).ToList();
        Assert.NotEmpty(conveyors);
        Assert.True(pipelines.Count >= 4);
        Assert.All(conveyors, r => Assert.Equal(["coal"], r.CostPerTonne.Keys.Select(k => k.Value)));
        Assert.All(pipelines, r => Assert.Equal(["oil"], r.CostPerTonne.Keys.Select(k => k.Value)));
    }

    [Fact]
    public void CoalYardsAndPorts_DoNotTakeOil_AndTheXuanYuanComplex_TakesOilChemicalsAndBulk()
    {
        foreach (var id in new[] { "RU_VOSTOCHNY", "RU_NAKHODKA", "RU_VANINO", "RU_PORT_ELGA", "RU_NIZHNELENINSKOYE", "RU_KUZBASS" })
        {
            Assert.True(Net.GetLocation(id).Handles("coal"), id);
            Assert.False(Net.GetLocation(id).Handles("oil"), id);
        }
        foreach (var id in new[] { "RU_KOZMINO", "RU_DZHALINDA", "CN_MOHE", "RU_SKOVORODINO" })
        {
            Assert.True(Net.GetLocation(id).Handles("oil"), id);
            Assert.False(Net.GetLocation(id).Handles("coal"), id);
        }
        var complex = Net.GetLocation(RussiaChinaCorridor.XuanYuanLocationId);
        Assert.All(AllCommodities, c => Assert.True(complex.Handles(c)));
        Assert.Equal(0, complex.AnnualCapacityTonnes);
    }

    [Fact]
    public void NorthernSeaRoute_IsClosedInItsIceMonths_AndOpenJulyToNovember()
    {
        var nsr = Net.GetRoute(RussiaChinaCorridor.NorthernSeaRouteId);
        Assert.Equal(TransportMode.Sea, nsr.Mode);
        Assert.Equal("RU_MURMANSK", nsr.From.Value);
        Assert.Equal("CN", Net.GetLocation(nsr.To).Country);
        foreach (var month in new[] { "jan", "feb", "mar", "apr", "may", "jun", "dec" })
        {
            Assert.Equal(0, S.AvailabilityOf(nsr.Id, month));
            Assert.False(S.IsUsable(nsr, month), month);
        }
        foreach (var month in new[] { "jul", "aug", "sep", "oct", "nov" })
        {
            Assert.InRange(S.AvailabilityOf(nsr.Id, month), 0.1, 1);
            Assert.True(S.CanFlow(nsr, "oil", month), month);
        }
        Assert.Equal(1, S.AvailabilityOf(nsr.Id, "aug"));

        var suez = Net.GetRoute(RussiaChinaCorridor.SuezRouteId);
        Assert.Equal(nsr.From, suez.From);
        Assert.Equal(nsr.To, suez.To);
        Assert.All(RussiaChinaCorridor.MonthIds, m => Assert.True(S.IsUsable(suez, m)));
        Assert.True(nsr.CostPerTonne["oil"] < suez.CostPerTonne["oil"], "the NSR should be cheaper when open");
        Assert.True(nsr.TransitDays < suez.TransitDays);
    }

    [Fact]
    public void Horizon_IsTwelveMonths_SummingToOneYear()
    {
        Assert.Equal(RussiaChinaCorridor.MonthIds, S.Horizon.Periods.Select(p => p.Id.Value));
        Assert.All(S.Horizon.Periods, p => Assert.Equal(1.0 / 12, p.YearFraction, 12));
        Assert.Equal(1.0, S.Horizon.Years, 12);
    }

    [Fact]
    public void SeasonalFactors_FollowFacts8()
    {
        // Winter derating of bulk reload at rail crossings, full in summer.
        Assert.Equal(0.9, S.AvailabilityOf((RouteId)RussiaChinaCorridor.ZabaikalskRailRouteId, "jan"));
        Assert.Equal(1, S.AvailabilityOf((RouteId)RussiaChinaCorridor.ZabaikalskRailRouteId, "jul"));
        Assert.Equal(0.95, S.AvailabilityOf((RouteId)RussiaChinaCorridor.ConveyorRouteId, "dec"));
        Assert.Equal(0.5, S.AvailabilityOf((LocationId)"RU_PORT_ELGA", "feb"));
        // Primorye ports and the pipeline are year-round.
        Assert.All(RussiaChinaCorridor.MonthIds, m =>
        {
            Assert.Equal(1, S.AvailabilityOf((LocationId)"RU_VOSTOCHNY", m));
            Assert.Equal(1, S.AvailabilityOf((RouteId)"dzhalinda-mohe-pipeline", m));
        });
    }

    [Fact]
    public void Investments_AreTheStorysFour_WithTheirCapitalCosts_AndTheBudgetCannotFundAll()
    {
        var byId = S.Investments.ToDictionary(o => o.Id);
        Assert.Equal(4, byId.Count);

        var zab = byId["zabaikalsk-expansion"];
        Assert.Equal(8e9, zab.CapitalCost);
        Assert.Equal(RussiaChinaCorridor.ZabaikalskRailRouteId, zab.Target.Route!.Value.Value);
        Assert.Equal(30e6, Net.GetRoute(zab.Target.Route!.Value).AnnualCapacityTonnes + zab.AddedAnnualCapacityTonnes);

        var terminal = byId["nizhneleninskoye-terminal"];
        Assert.Equal(2e9, terminal.CapitalCost);
        Assert.Equal(RussiaChinaCorridor.NizhneleninskoyeLocationId, terminal.Target.Location!.Value.Value);

        var conveyor = byId["blagoveshchensk-heihe-conveyor"];
        Assert.Equal(20e9, conveyor.CapitalCost);
        Assert.Equal(15e6, conveyor.AddedAnnualCapacityTonnes);
        Assert.Equal(RussiaChinaCorridor.ConveyorRouteId, conveyor.Target.Route!.Value.Value);
        Assert.Equal(0, Net.GetRoute(conveyor.Target.Route!.Value).AnnualCapacityTonnes);

        var complex = byId["xuan-yuan-complex"];
        Assert.Equal(60e9, complex.CapitalCost);
        Assert.Equal(10e6, complex.AddedAnnualCapacityTonnes);
        Assert.Equal(RussiaChinaCorridor.XuanYuanLocationId, complex.Target.Location!.Value.Value);

        Assert.All(S.Investments, o =>
        {
            Assert.Equal(InvestmentKind.Binary, o.Kind);
            Assert.Equal(20, o.LifetimeYears);
        });
        Assert.Equal(0.12, S.DiscountRate);
        Assert.Equal(0.134, Economics.CapitalRecoveryFactor(S.DiscountRate, 20), 3);

        var budget = S.Budget!.CapitalCost;
        Assert.True(budget < S.Investments.Sum(o => o.CapitalCost), "the budget must not fund all four");
        Assert.True(budget < conveyor.CapitalCost + zab.CapitalCost, "the conveyor and Zabaikalsk should compete for the budget");
        Assert.True(budget >= conveyor.CapitalCost, "the largest affordable single option should fit");
    }

    [Fact]
    public void EveryEntity_KeepsItsProvenance()
    {
        Assert.All(Net.Commodities, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), c.Id.Value));
        Assert.All(Net.Locations, l => Assert.False(string.IsNullOrWhiteSpace(l.Source), l.Id.Value));
        Assert.All(Net.Routes, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id.Value));
        Assert.All(S.Supplies, s => Assert.False(string.IsNullOrWhiteSpace(s.Source), s.Location.Value));
        Assert.All(S.Demands, d => Assert.False(string.IsNullOrWhiteSpace(d.Source), d.Location.Value));
        Assert.All(S.Investments, o => Assert.False(string.IsNullOrWhiteSpace(o.Source), o.Id.Value));
        Assert.All(S.Horizon.Periods, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Id.Value));
        Assert.False(string.IsNullOrWhiteSpace(S.Budget!.Source));
        Assert.False(string.IsNullOrWhiteSpace(S.Source));
        // A number that is not sourced must say it is assumed or derived.
        Assert.All(Net.Routes, r => Assert.Matches(@"facts §|\[S|ASSUMPTION|\[D", r.Source!));
        Assert.All(Net.Locations, l => Assert.Matches(@"facts §|\[S|ASSUMPTION|\[D", l.Source!));
    }

    [Fact]
    public void AllReferences_Resolve_AndIdsAreUnique()
    {
        Assert.Equal(Net.Locations.Length, Net.Locations.Select(l => l.Id).Distinct().Count());
        Assert.Equal(Net.Routes.Length, Net.Routes.Select(r => r.Id).Distinct().Count());
        Assert.Equal(S.Investments.Length, S.Investments.Select(o => o.Id).Distinct().Count());
        var commodities = Net.Commodities.Select(c => c.Id).ToHashSet();

        foreach (var l in Net.Locations)
        {
            Assert.All(l.Commodities!.Value, c => Assert.Contains(c, commodities));
            Assert.All(l.HandlingCostPerTonne, kv =>
            {
                Assert.True(l.Handles(kv.Key), $"{l.Id} prices {kv.Key} it does not handle");
                Assert.True(kv.Value >= 0);
            });
            Assert.True(l.AnnualCapacityTonnes is null or >= 0);
        }

        foreach (var r in Net.Routes)
        {
            Assert.True(Net.TryGetLocation(r.From, out var from), $"{r.Id}: unknown from {r.From}");
            Assert.True(Net.TryGetLocation(r.To, out var to), $"{r.Id}: unknown to {r.To}");
            Assert.NotEqual(r.From, r.To);
            Assert.NotEmpty(r.CostPerTonne);
            Assert.True(r.AnnualCapacityTonnes is null or >= 0);
            foreach (var (k, cost) in r.CostPerTonne)
            {
                Assert.Contains(k, commodities);
                Assert.True(cost >= 0);
                // Stronger than the format asks: every carried commodity can actually use the route.
                Assert.True(from.Handles(k) && to.Handles(k), $"{r.Id} carries {k} but an end does not handle it");
            }
        }

        var periods = S.Horizon.Periods.Select(p => p.Id).ToHashSet();
        foreach (var (id, calendar) in S.RouteAvailability)
        {
            Assert.True(Net.TryGetRoute(id, out _), $"availability for unknown route {id}");
            Assert.All(calendar.Factors, kv => { Assert.Contains(kv.Key, periods); Assert.InRange(kv.Value, 0, 1); });
        }
        foreach (var (id, calendar) in S.LocationAvailability)
        {
            Assert.True(Net.TryGetLocation(id, out _), $"availability for unknown location {id}");
            Assert.All(calendar.Factors, kv => { Assert.Contains(kv.Key, periods); Assert.InRange(kv.Value, 0, 1); });
        }

        foreach (var s in S.Supplies)
        {
            Assert.True(Net.TryGetLocation(s.Location, out var l), $"supply at unknown {s.Location}");
            Assert.True(l.Handles(s.Commodity), $"{s.Location} cannot handle its supply of {s.Commodity}");
            Assert.True(s.AnnualTonnes > 0);
            Assert.Null(s.Period);
        }
        foreach (var d in S.Demands)
        {
            Assert.True(Net.TryGetLocation(d.Location, out var l), $"demand at unknown {d.Location}");
            Assert.True(l.Handles(d.Commodity), $"{d.Location} cannot handle its demand for {d.Commodity}");
            Assert.Equal("CN", l.Country);
            Assert.True(d.AnnualTonnes > 0);
            Assert.False(d.MustServe);
            var penalty = S.PenaltyOf(d);
            Assert.True(penalty < Commodity.DefaultUnmetPenaltyPerTonne && penalty >= 10_000, $"penalty {penalty} should be high but finite");
        }

        foreach (var o in S.Investments)
        {
            Assert.True(o.Target.Location is null != o.Target.Route is null, $"{o.Id} must name exactly one target");
            var capacity = o.Target.Route is { } r ? Net.GetRoute(r).AnnualCapacityTonnes : Net.GetLocation(o.Target.Location!.Value).AnnualCapacityTonnes;
            Assert.NotNull(capacity);
            Assert.True(o.AddedAnnualCapacityTonnes > 0 && o.LifetimeYears > 0 && o.CapitalCost >= 0);
            Assert.Null(o.ExclusiveGroup);
            Assert.Empty(o.Requires);
        }
    }

    [Fact]
    public void EveryDemand_IsReachableFromASupplyOfItsCommodity()
    {
        foreach (var d in S.Demands)
        {
            var reached = Reachable(d.Commodity, S.Supplies.Where(s => s.Commodity == d.Commodity).Select(s => s.Location));
            Assert.Contains(d.Location, reached);
        }
    }

    [Fact]
    public void Economics_LandWinsForNortheastChina_SeaWinsForTheCoast()
    {
        // Cheapest per-tonne path for Kuzbass coal (transport + handling), ignoring capacities (facts §6 cross-check).
        var toHarbin = Cheapest("RU_KUZBASS", "CN_HARBIN", "coal");
        var toHarbinBySea = Cheapest("RU_KUZBASS", "CN_DALIAN", "coal").Cost
            + Net.GetRoute("harbin-dalian-rail").CostPerTonne["coal"]; // sea to Dalian, then rail north is no shortcut either
        Assert.DoesNotContain(toHarbin.Modes, m => m == TransportMode.Sea);
        Assert.InRange(toHarbin.Cost, 4_500, 5_500); // facts §6: ≈ 5,000 RUB/t into Harbin
        Assert.True(toHarbin.Cost < toHarbinBySea);

        foreach (var port in new[] { "CN_DALIAN", "CN_QINGDAO" })
        {
            var best = Cheapest("RU_KUZBASS", port, "coal");
            Assert.Contains(TransportMode.Sea, best.Modes);
            Assert.InRange(best.Cost, 6_000, 7_000); // facts §6: ≈ 6,700 RUB/t into N China by sea
        }

        // Crude: the pipeline for Daqing, Kozmino tankers for the coast.
        Assert.Contains(TransportMode.Pipeline, Cheapest("RU_TAISHET", "CN_DAQING", "oil").Modes);
        Assert.DoesNotContain(TransportMode.Rail, Cheapest("RU_TAISHET", "CN_DAQING", "oil").Modes);
        Assert.Contains(TransportMode.Sea, Cheapest("RU_TAISHET", "CN_QINGDAO", "oil").Modes);
    }

    private static HashSet<LocationId> Reachable(CommodityId commodity, IEnumerable<LocationId> starts)
    {
        var seen = new HashSet<LocationId>(starts);
        var queue = new Queue<LocationId>(seen);
        while (queue.TryDequeue(out var at))
        {
            foreach (var r in Net.Routes.Where(r => r.From == at && r.Carries(commodity) && Net.GetLocation(r.To).Handles(commodity)
                && (r.AnnualCapacityTonnes is null or > 0 || S.Investments.Any(o => o.Target.Route == r.Id))))
            {
                if (seen.Add(r.To)) queue.Enqueue(r.To);
            }
        }
        return seen;
    }

    private static (double Cost, List<TransportMode> Modes) Cheapest(string from, string to, CommodityId commodity)
    {
        // Dijkstra over routes that carry the commodity; entering a location pays its handling cost.
        var best = new Dictionary<LocationId, (double Cost, List<TransportMode> Modes)>
        {
            [from] = (Net.GetLocation(from).HandlingCostOf(commodity), []),
        };
        var done = new HashSet<LocationId>();
        while (true)
        {
            var open = best.Where(kv => !done.Contains(kv.Key)).OrderBy(kv => kv.Value.Cost).ToList();
            if (open.Count == 0) break;
            var (at, (cost, modes)) = (open[0].Key, open[0].Value);
            done.Add(at);
            foreach (var r in Net.Routes.Where(r => r.From == at && r.Carries(commodity) && Net.GetLocation(r.To).Handles(commodity)))
            {
                var next = cost + r.CostPerTonne[commodity] + Net.GetLocation(r.To).HandlingCostOf(commodity);
                if (!best.TryGetValue(r.To, out var known) || next < known.Cost) best[r.To] = (next, [.. modes, r.Mode]);
            }
        }
        Assert.True(best.ContainsKey(to), $"{to} unreachable from {from} for {commodity}");
        return best[to];
    }
}
