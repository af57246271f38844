using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FreightOptimizer;

/// <summary>
/// One verification: the scenario indexed once into arrays and dictionaries, the plan aggregated
/// onto them, then the feasibility checks (<c>VerificationRun.Feasibility.cs</c>) and the optimality
/// certificate (<c>VerificationRun.Certificate.cs</c>).
/// </summary>
/// <remarks>
/// Indices: periods t, commodities k, locations n, routes r, investment options i, all in scenario
/// order. A balance row (n, k, t) has the key ((n·K + k)·T + t); a route or location and a period
/// share the slot r·T + t or n·T + t of the per-period arrays.
/// </remarks>
internal sealed partial class VerificationRun
{
    private readonly Scenario _scenario;
    private readonly AllocationPlan _plan;
    private readonly VerifierOptions _options;

    private readonly FindingLog _feasibility;
    private readonly FindingLog _objective;
    private readonly FindingLog _certificate;

    private readonly int _periodCount;
    private readonly PeriodId[] _periodIds;
    private readonly double[] _fraction;
    private readonly CommodityId[] _commodities;
    private readonly Dictionary<CommodityId, int> _commodityIndex = [];
    private readonly Location[] _locations;
    private readonly Dictionary<LocationId, int> _locationIndex = [];
    private readonly Route[] _routes;
    private readonly Dictionary<RouteId, int> _routeIndex = [];
    private readonly int[] _routeFrom;
    private readonly int[] _routeTo;

    /// <summary>Availability factor by n·T + t.</summary>
    private readonly double[] _locationFactor;

    /// <summary>Availability factor by r·T + t.</summary>
    private readonly double[] _routeFactor;

    /// <summary>Whether location n handles commodity k, by n·K + k.</summary>
    private readonly bool[] _handles;

    /// <summary>Handling cost per tonne by n·K + k.</summary>
    private readonly double[] _handlingCost;

    /// <summary>Transport cost per tonne by r·K + k, NaN where the route does not carry k.</summary>
    private readonly double[] _routeCost;

    private readonly InvestmentOption[] _investments;
    private readonly Dictionary<InvestmentId, int> _investmentIndex = [];
    private readonly double[] _units;
    private readonly bool[] _fixed;
    private readonly int[] _firstPeriod;
    private readonly List<int>?[] _routeOptions;
    private readonly List<int>?[] _locationOptions;

    /// <summary>The plan's flows by ((r·K + k)·T + t).</summary>
    private readonly Dictionary<long, double> _arcFlow;

    /// <summary>Σ over commodities of the plan's flow, by r·T + t.</summary>
    private readonly double[] _routeTotal;

    /// <summary>Σ over commodities of inflow and local supply, by n·T + t.</summary>
    private readonly double[] _throughput;

    /// <summary>Slot in <see cref="_rowData"/> of each balance row that the plan or the scenario touches, by row key.</summary>
    private readonly Dictionary<long, int> _rowSlots;

    /// <summary>Balance rows as structs, so a million rows are not a million objects; <see cref="_rowCount"/> are used.</summary>
    private BalanceRow[] _rowData;
    private long[] _rowKeys;
    private int _rowCount;

    /// <summary>Linked lists of supply and demand lines per row: line index and next link + 1 (0 ends).</summary>
    private readonly List<(int Line, int Next)> _links = [];

    /// <summary>Per open row, its lines cheapest (or lowest penalty) first, and the plan's amount split over them.</summary>
    private readonly List<int> _orderedLines = [];
    private readonly List<double> _orderedValues = [];

    /// <summary>Penalty per unmet tonne of each demand line (Scenario.PenaltyOf), computed once.</summary>
    private readonly double[] _demandPenalty;

    /// <summary>Route capacity of a period, every option at the plan's units, by r·T + t; NaN where no row.</summary>
    private readonly double[] _routeRhs;

    /// <summary>As <see cref="_routeRhs"/>, with only the fixed (integer) options.</summary>
    private readonly double[] _routeRhsFixed;

    /// <summary>Required minimum flow by r·T + t; NaN where no row.</summary>
    private readonly double[] _routeMin;

    /// <summary>Location capacity of a period, every option at the plan's units, by n·T + t; NaN where no row.</summary>
    private readonly double[] _locationRhs;

    /// <summary>As <see cref="_locationRhs"/>, with only the fixed (integer) options.</summary>
    private readonly double[] _locationRhsFixed;

    private NeumaierSum _transport;
    private NeumaierSum _handling;
    private NeumaierSum _supply;
    private NeumaierSum _capital;
    private NeumaierSum _penalty;

    /// <summary>Penalties of demand at closed locations: constants of the LP.</summary>
    private NeumaierSum _closedPenalty;

    /// <summary>Objective capital of the fixed options: a constant of the LP.</summary>
    private NeumaierSum _fixedCapital;

    /// <summary>Σ capital cost × units of the fixed options.</summary>
    private double _fixedSpend;

    /// <summary>Σ capital cost × units of every option.</summary>
    private double _spend;

    /// <summary>The largest tonnage in the scenario and plan; a variable is used above tolerance × this.</summary>
    private double _tonnageScale = 1;

    private double _maxViolation;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public VerificationRun(Scenario scenario, AllocationPlan plan, VerifierOptions options)
    {
        _scenario = scenario;
        _plan = plan;
        _options = options;
        _feasibility = new FindingLog(options.MaxFindingsPerCheck);
        _objective = new FindingLog(options.MaxFindingsPerCheck);
        _certificate = new FindingLog(options.MaxFindingsPerCheck);

        var periods = scenario.Horizon.Periods;
        _periodCount = periods.Length;
        _periodIds = [.. periods.Select(p => p.Id)];
        _fraction = [.. periods.Select(p => p.YearFraction)];

        var network = scenario.Network;
        _commodities = [.. network.Commodities.Select(c => c.Id)];
        for (var k = 0; k < _commodities.Length; k++) _commodityIndex.TryAdd(_commodities[k], k);
        _locations = [.. network.Locations];
        for (var n = 0; n < _locations.Length; n++) _locationIndex.TryAdd(_locations[n].Id, n);
        _routes = [.. network.Routes];
        for (var r = 0; r < _routes.Length; r++) _routeIndex.TryAdd(_routes[r].Id, r);

        var t0 = _periodCount;
        _locationFactor = new double[_locations.Length * t0];
        _handles = new bool[_locations.Length * _commodities.Length];
        _handlingCost = new double[_locations.Length * _commodities.Length];
        for (var n = 0; n < _locations.Length; n++)
        {
            var location = _locations[n];
            for (var t = 0; t < t0; t++) _locationFactor[(n * t0) + t] = scenario.AvailabilityOf(location.Id, _periodIds[t]);
            for (var k = 0; k < _commodities.Length; k++)
            {
                _handles[(n * _commodities.Length) + k] = location.Handles(_commodities[k]);
                _handlingCost[(n * _commodities.Length) + k] = scenario.HandlingCostPerTonne(location, _commodities[k]);
            }
        }

        _routeFactor = new double[_routes.Length * t0];
        _routeCost = new double[_routes.Length * _commodities.Length];
        _routeFrom = new int[_routes.Length];
        _routeTo = new int[_routes.Length];
        for (var r = 0; r < _routes.Length; r++)
        {
            var route = _routes[r];
            _routeFrom[r] = _locationIndex.TryGetValue(route.From, out var from) ? from : -1;
            _routeTo[r] = _locationIndex.TryGetValue(route.To, out var to) ? to : -1;
            for (var t = 0; t < t0; t++) _routeFactor[(r * t0) + t] = scenario.AvailabilityOf(route.Id, _periodIds[t]);
            for (var k = 0; k < _commodities.Length; k++)
            {
                _routeCost[(r * _commodities.Length) + k] =
                    route.Carries(_commodities[k]) ? scenario.RouteCostPerTonne(route, _commodities[k]) : double.NaN;
            }
        }

        _investments = [.. scenario.Investments];
        _units = new double[_investments.Length];
        _fixed = new bool[_investments.Length];
        _firstPeriod = new int[_investments.Length];
        _routeOptions = new List<int>?[_routes.Length];
        _locationOptions = new List<int>?[_locations.Length];
        var required = new HashSet<InvestmentId>(_investments.SelectMany(o => o.Requires.IsDefault ? [] : o.Requires));
        for (var i = 0; i < _investments.Length; i++)
        {
            var option = _investments[i];
            _investmentIndex.TryAdd(option.Id, i);
            _fixed[i] = option.IsInteger || option.ExclusiveGroup is not null
                || !option.Requires.IsDefaultOrEmpty || required.Contains(option.Id);
            _firstPeriod[i] = scenario.FirstPeriodIndexOf(option);
            if (option.Target.Route is { } routeId && _routeIndex.TryGetValue(routeId, out var r))
            {
                (_routeOptions[r] ??= []).Add(i);
            }
            else if (option.Target.Location is { } locationId && _locationIndex.TryGetValue(locationId, out var n))
            {
                (_locationOptions[n] ??= []).Add(i);
            }
        }

        _demandPenalty = [.. scenario.Demands.Select(scenario.PenaltyOf)];
        _arcFlow = new Dictionary<long, double>(Safe(plan.Flows).Length);

        // Every flow touches two rows, often shared; sizing the index for one row per flow and
        // supply or unmet entry saves most rehashing without reserving for the worst case.
        var rowEstimate = (int)Math.Min(Safe(plan.Flows).Length + (long)Safe(plan.Supplied).Length + Safe(plan.Unmet).Length, 1 << 24);
        _rowSlots = new Dictionary<long, int>(rowEstimate);
        _rowData = new BalanceRow[Math.Max(64, rowEstimate)];
        _rowKeys = new long[Math.Max(64, rowEstimate)];

        _routeTotal = new double[_routes.Length * t0];
        _throughput = new double[_locations.Length * t0];
        _routeRhs = new double[_routes.Length * t0];
        _routeRhsFixed = new double[_routes.Length * t0];
        _routeMin = new double[_routes.Length * t0];
        _locationRhs = new double[_locations.Length * t0];
        _locationRhsFixed = new double[_locations.Length * t0];
        IndexGeneralisedCost();
    }

    private int CommodityCount => _commodities.Length;

    /// <summary>Runs every check and assembles the report.</summary>
    public VerificationReport Run()
    {
        CheckInvestments();
        AggregateFlows();
        AggregateSupplied();
        AggregateUnmet();
        AddDemandLines();
        AddSupplyLines();
        CheckBalanceRows();
        CheckCapacities();
        CheckCo2();
        var recomputed = CheckObjective();
        var passed = !_feasibility.Any && !_objective.Any;
        var (dualOk, gap) = Certify(recomputed);
        return new VerificationReport
        {
            Passed = passed,
            MaxViolation = _maxViolation,
            RecomputedObjective = recomputed,
            OptimalityCertified = passed && dualOk && gap is { } g && g <= _options.GapTolerance,
            DualityGap = gap,
            Findings = FindingLog.Concat(_feasibility, _objective, _certificate),
        };
    }

    // ---- index helpers -------------------------------------------------------------------------

    private long RowKey(int n, int k, int t) => (((long)n * CommodityCount) + k) * _periodCount + t;

    private (int N, int K, int T) DecodeRow(long key)
    {
        var t = (int)(key % _periodCount);
        var rest = key / _periodCount;
        return ((int)(rest / CommodityCount), (int)(rest % CommodityCount), t);
    }

    private long ArcKey(int r, int k, int t) => (((long)r * CommodityCount) + k) * _periodCount + t;

    /// <summary>The balance row (n, k, t), added empty on first use. The reference is valid until the next row is added.</summary>
    private ref BalanceRow Row(int n, int k, int t)
    {
        var key = RowKey(n, k, t);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_rowSlots, key, out var exists);
        if (!exists)
        {
            if (_rowCount == _rowData.Length)
            {
                Array.Resize(ref _rowData, _rowCount * 2);
                Array.Resize(ref _rowKeys, _rowCount * 2);
            }

            slot = _rowCount++;
            _rowKeys[slot] = key;
            _rowData[slot] = default;
        }

        return ref _rowData[slot];
    }

    /// <summary>Prepends a line to a row's linked list whose head (link + 1, 0 for none) is <paramref name="head"/>.</summary>
    private void Link(ref int head, int line)
    {
        _links.Add((line, head));
        head = _links.Count;
    }

    private bool IsOpen(int n, int t) => _locationFactor[(n * _periodCount) + t] > 0;

    /// <summary>Whether the balance row (n, k, t) exists: the location is open and handles k.</summary>
    private bool RowExists(int n, int k, int t) => IsOpen(n, t) && _handles[(n * CommodityCount) + k];

    /// <summary>The route and both ends are open (Scenario.IsUsable).</summary>
    private bool IsUsable(int r, int t) =>
        _routeFactor[(r * _periodCount) + t] > 0 && _routeFrom[r] >= 0 && _routeTo[r] >= 0
        && IsOpen(_routeFrom[r], t) && IsOpen(_routeTo[r], t);

    /// <summary>The flow variable x[r, k, t] exists (Scenario.CanFlow).</summary>
    private bool CanFlow(int r, int k, int t) =>
        !double.IsNaN(_routeCost[(r * CommodityCount) + k]) && IsUsable(r, t)
        && _handles[(_routeFrom[r] * CommodityCount) + k] && _handles[(_routeTo[r] * CommodityCount) + k];

    /// <summary>Whether an option's added capacity exists in period t.</summary>
    private bool IsActive(int i, int t) => t >= _firstPeriod[i];

    private void Scale(double tonnes)
    {
        var magnitude = Math.Abs(tonnes);
        if (magnitude > _tonnageScale && double.IsFinite(magnitude)) _tonnageScale = magnitude;
    }

    /// <summary>Records a violation relative to its scale and tells whether it exceeds the tolerance.</summary>
    private bool Violates(double violation, double scale)
    {
        if (violation <= 0) return false;
        var relative = violation / Math.Max(1, scale);
        if (relative > _maxViolation) _maxViolation = relative;
        return relative > _options.FeasibilityTolerance;
    }

    // ---- subjects and numbers in domain words --------------------------------------------------

    private static string F(double value) => value.ToString("G9", CultureInfo.InvariantCulture);

    private string RouteSubject(int r, int t) => $"route '{_routes[r].Id}', {_periodIds[t]}";

    private string RouteSubject(int r, int k, int t) => $"route '{_routes[r].Id}', {_commodities[k]}, {_periodIds[t]}";

    private string LocationSubject(int n, int t) => $"location '{_locations[n].Id}', {_periodIds[t]}";

    private string LocationSubject(int n, int k, int t) => $"location '{_locations[n].Id}', {_commodities[k]}, {_periodIds[t]}";

    private static string InvestmentSubject(InvestmentId id) => $"investment '{id}'";

    /// <summary>Why a flow of k on route r cannot exist in period t, in a sentence fragment.</summary>
    private string WhyNoFlow(int r, int k, int t)
    {
        var route = _routes[r];
        var commodity = _commodities[k];
        var period = _periodIds[t];
        if (double.IsNaN(_routeCost[(r * CommodityCount) + k])) return $"the route does not carry {commodity}";
        if (_routeFactor[(r * _periodCount) + t] <= 0) return $"the route is closed in {period}";
        foreach (var (n, id) in new[] { (_routeFrom[r], route.From), (_routeTo[r], route.To) })
        {
            if (n < 0) return $"location '{id}' is not in the scenario";
            if (!IsOpen(n, t)) return $"location '{id}' is closed in {period}";
            if (!_handles[(n * CommodityCount) + k]) return $"location '{id}' does not handle {commodity}";
        }

        return "the scenario does not allow it";
    }

    private static ImmutableArray<T> Safe<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    /// <summary>What the plan and the scenario put on one balance row (n, k, t).</summary>
    private struct BalanceRow
    {
        public double Inflow;
        public double Outflow;
        public double Supply;
        public double Unmet;
        public bool SupplyReported;
        public bool UnmetReported;

        /// <summary>Σ of all applicable demand lines × year fraction (hard and soft).</summary>
        public double Demand;
        public double HardDemand;

        /// <summary>Head (link + 1) of the applicable supply lines; 0 for none.</summary>
        public int SupplyHead;

        /// <summary>Head (link + 1) of the applicable soft demand lines; 0 for none.</summary>
        public int SoftHead;

        /// <summary>Where the row's supply lines, cheapest first, and their amounts start in the ordered lists.</summary>
        public int SupplyStart;
        public int SupplyCount;

        /// <summary>Where the row's soft lines, lowest penalty first, and their unmet amounts start in the ordered lists.</summary>
        public int SoftStart;
        public int SoftCount;
    }

    /// <summary>Neumaier's compensated sum, so a million terms of 1e9 do not lose the small ones.</summary>
    private struct NeumaierSum
    {
        private double _sum;
        private double _compensation;

        public readonly double Value => _sum + _compensation;

        public void Add(double value)
        {
            var total = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - total) + value : (value - total) + _sum;
            _sum = total;
        }
    }
}
