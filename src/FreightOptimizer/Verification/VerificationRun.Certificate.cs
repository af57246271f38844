using System.Runtime.CompilerServices;

namespace FreightOptimizer;

/// <summary>
/// The dual side: the plan's prices as a certificate that the plan is optimal for the LP (with
/// integer decisions fixed at the plan's units).
/// </summary>
/// <remarks>
/// With balance prices π (free), capacity prices ρ ≥ 0, minimum-flow prices μ ≥ 0 and the budget
/// price β ≥ 0, each by its meaning, the reduced costs are
/// <code>
/// x[a,k,t] (from → to): d = c[a,k] + h[to,k] − π[to,k,t] + π[from,k,t] + ρ[a,t] + ρ[to,t] − μ[a,t] + γ·co2[a]   (x ≥ 0)
/// s[line,t] at n:       d = p[line] + h[n,k] − π[n,k,t] + ρ[n,t]                                    (0 ≤ s ≤ annual·f)
/// u[line,t] at n:       d = penalty[line] − π[n,k,t]                                               (0 ≤ u ≤ annual·f)
/// y[i] continuous:      d = capital_i·CRF·years + β·capital_i − Σ_{t ≥ first} ρ[target,t]·f·α·add_i (0 ≤ y ≤ maxUnits)
/// </code>
/// and the dual objective is
/// <code>
/// Σ π·D − Σ ρ·cap(fixed) + Σ μ·min − β·(B − Σ_fixed capital·y) − γ·CO2cap + Σ_bounded ub·min(d, 0)
///   + capital of the fixed options + penalties of demand at closed locations.
/// </code>
/// A feasible plan whose reduced costs have the right signs, whose positive prices sit on tight rows
/// and whose dual objective equals its objective is optimal (weak duality).
/// </remarks>
internal sealed partial class VerificationRun
{
    private Dictionary<long, double> _pi = [];
    private double[] _routeRho = [];
    private double[] _locationRho = [];
    private double[] _mu = [];
    private double _beta;
    private double _priceScale = 1;

    /// <summary>
    /// The largest money-per-tonne coefficient of the scenario's objective (transport, handling,
    /// supply cost, unmet-demand penalty): the money scale of a reduced cost. A reduced cost is judged
    /// against it as well as against its own terms, because a solver's duals are accurate relative to
    /// the largest cost it was given: PDLP at 1e-10 leaves 1e-5 of a rouble of noise on a variable
    /// whose own terms are small when penalties of 1e6 sit in the same model. The duality gap, checked
    /// relative to the objective, stays the global test of optimality.
    /// </summary>
    private double _costScale = 1;

    /// <summary>
    /// How much a priced row's slack may cost before it counts against complementary slackness:
    /// price × slack is that row's share of the duality gap, so it is judged against the same
    /// tolerance as the gap (relative to the objective). A first-order solver leaves a slack of a
    /// few thousandths of a tonne on a priced row; that is not a wrong price.
    /// </summary>
    private double _complementarityAllowance;

    /// <summary>Balance rows some variable touches that have no price.</summary>
    private readonly HashSet<long> _missing = [];

    /// <summary>Checks the certificate; returns whether every dual check passed and the duality gap.</summary>
    private (bool DualOk, double? Gap) Certify(double primal)
    {
        var prices = _plan.Prices ?? PlanPrices.None;
        if (Safe(prices.Balance).IsEmpty && Safe(prices.Capacity).IsEmpty && Safe(prices.MinimumFlow).IsEmpty && prices.Budget is null
            && ModelHasVariables())
        {
            // (A model without a single variable — nothing supplied, nothing demanded, no route
            // usable — has no row to price, and empty prices certify it.)
            _certificate.Add(VerificationCheck.MissingPrices, "prices", 0,
                "The plan carries no prices, so optimality cannot be certified.");
            return (false, null);
        }

        ReadPrices(prices);
        ReadCo2CapPrice(prices);
        _costScale = CostScale();
        _complementarityAllowance = _options.GapTolerance * Math.Max(1, Math.Abs(primal));

        var dual = default(NeumaierSum);
        CheckRowPrices(ref dual);
        CheckFlowVariables();
        CheckSupplyAndUnmetVariables(ref dual);
        CheckInvestmentVariables(ref dual);

        foreach (var key in _missing)
        {
            var (n, k, t) = DecodeRow(key);
            _certificate.Add(VerificationCheck.MissingPrices, LocationSubject(n, k, t), 0,
                "The plan has no balance price here, though the model has variables that use this balance.");
        }

        if (_missing.Count > 0) return (false, null);

        dual.Add(_fixedCapital.Value);
        dual.Add(_closedPenalty.Value);
        var gap = Math.Abs(primal - dual.Value) / Math.Max(1, Math.Abs(primal));
        if (!(gap <= _options.GapTolerance))
        {
            _certificate.Add(VerificationCheck.DualityGap, "objective", Math.Abs(primal - dual.Value),
                $"The prices give a dual objective of {F(dual.Value)}; the plan's objective is {F(primal)} (relative gap {F(gap)}).");
        }

        return (!_certificate.Any, gap);
    }

    /// <summary>Reads the prices into arrays; names prices of rows the model does not have.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadPrices(PlanPrices prices)
    {
        _pi = new Dictionary<long, double>(Safe(prices.Balance).Length);
        foreach (var price in Safe(prices.Balance))
        {
            var known = _locationIndex.TryGetValue(price.Location, out var n);
            known &= _commodityIndex.TryGetValue(price.Commodity, out var k);
            var t = _scenario.Horizon.IndexOf(price.Period);
            if (!known || t < 0)
            {
                _certificate.Add(VerificationCheck.UnknownEntity, $"location '{price.Location}', {price.Commodity}, {price.Period}", 0,
                    "The plan has a balance price at a location, commodity or period the scenario does not have.");
                continue;
            }

            if (!double.IsFinite(price.PerTonne))
            {
                _certificate.Add(VerificationCheck.DualFeasibility, LocationSubject(n, k, t), double.PositiveInfinity,
                    $"The balance price {F(price.PerTonne)} is not a number.");
                continue;
            }

            // A price where no balance row exists (closed, or the commodity is not handled) is unused.
            if (!RowExists(n, k, t)) continue;
            if (!_pi.TryAdd(RowKey(n, k, t), price.PerTonne))
            {
                _certificate.Add(VerificationCheck.UnknownEntity, LocationSubject(n, k, t), 0,
                    "The plan lists this balance price more than once; the first is used.");
                continue;
            }

            _priceScale = Math.Max(_priceScale, Math.Abs(price.PerTonne));
        }

        _routeRho = new double[_routes.Length * _periodCount];
        _locationRho = new double[_locations.Length * _periodCount];
        _mu = new double[_routes.Length * _periodCount];
        var seenRoute = new bool[_routeRho.Length];
        var seenLocation = new bool[_locationRho.Length];
        foreach (var price in Safe(prices.Capacity))
        {
            var t = _scenario.Horizon.IndexOf(price.Period);
            if (price.Element.Route is { } routeId && _routeIndex.TryGetValue(routeId, out var r) && t >= 0)
            {
                Place(price.PerTonne, (r * _periodCount) + t, _routeRho, seenRoute, _routeRhs, RouteSubject(r, t), "capacity");
            }
            else if (price.Element.Location is { } locationId && _locationIndex.TryGetValue(locationId, out var n) && t >= 0)
            {
                Place(price.PerTonne, (n * _periodCount) + t, _locationRho, seenLocation, _locationRhs, LocationSubject(n, t), "capacity");
            }
            else
            {
                _certificate.Add(VerificationCheck.UnknownEntity, $"capacity of {price.Element}, {price.Period}", 0,
                    "A capacity price must name exactly one route or location of the scenario, and one of its periods.");
            }
        }

        var seenMinimum = new bool[_mu.Length];
        foreach (var price in Safe(prices.MinimumFlow))
        {
            var t = _scenario.Horizon.IndexOf(price.Period);
            if (_routeIndex.TryGetValue(price.Route, out var r) && t >= 0)
            {
                Place(price.PerTonne, (r * _periodCount) + t, _mu, seenMinimum, _routeMin, RouteSubject(r, t), "minimum-flow");
            }
            else
            {
                _certificate.Add(VerificationCheck.UnknownEntity, $"route '{price.Route}', {price.Period}", 0,
                    "The plan has a minimum-flow price on a route or period the scenario does not have.");
            }
        }

        foreach (var v in _routeRho) _priceScale = Math.Max(_priceScale, Math.Abs(v));
        foreach (var v in _locationRho) _priceScale = Math.Max(_priceScale, Math.Abs(v));
        foreach (var v in _mu) _priceScale = Math.Max(_priceScale, Math.Abs(v));

        _beta = 0;
        if (prices.Budget is { } beta)
        {
            if (!double.IsFinite(beta))
            {
                _certificate.Add(VerificationCheck.DualFeasibility, "budget", double.PositiveInfinity, $"The budget price {F(beta)} is not a number.");
            }
            else if (_scenario.Budget is null)
            {
                if (Math.Abs(beta) > _options.DualTolerance)
                {
                    _certificate.Add(VerificationCheck.DualFeasibility, "budget", Math.Abs(beta),
                        $"The plan prices a budget of {F(beta)} per unit, but the scenario has no budget.");
                }
            }
            else
            {
                _beta = beta;
            }
        }

        void Place(double value, int slot, double[] target, bool[] seen, double[] rhs, string subject, string kind)
        {
            if (!double.IsFinite(value))
            {
                _certificate.Add(VerificationCheck.DualFeasibility, subject, double.PositiveInfinity, $"The {kind} price {F(value)} is not a number.");
            }
            else if (seen[slot])
            {
                _certificate.Add(VerificationCheck.UnknownEntity, subject, 0, $"The plan lists this {kind} price more than once; the first is used.");
            }
            else if (double.IsNaN(rhs[slot]))
            {
                // No such row in this period (uncapacitated, no minimum, or closed): only 0 makes sense.
                if (value != 0)
                {
                    _certificate.Add(VerificationCheck.DualFeasibility, subject, Math.Abs(value),
                        $"The plan has a {kind} price of {F(value)}, but there is no {kind} constraint here in this period.");
                }
            }
            else
            {
                seen[slot] = true;
                target[slot] = value;
            }
        }
    }

    /// <summary>
    /// Signs of ρ, μ and β, complementary slackness of their rows, and their terms of the dual
    /// objective; Σ π·D over every balance row that has a price.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRowPrices(ref NeumaierSum dual)
    {
        var signTolerance = _options.DualTolerance * _priceScale;
        foreach (var (key, pi) in _pi)
        {
            if (_rowSlots.TryGetValue(key, out var slot)) dual.Add(pi * _rowData[slot].Demand * _weight[DecodeRow(key).T]);
        }

        for (var slot = 0; slot < _routeRho.Length; slot++)
        {
            int r = slot / _periodCount, t = slot % _periodCount;
            if (!double.IsNaN(_routeRhs[slot]))
            {
                CheckRow(_routeRho[slot], _routeRhs[slot] - _routeTotal[slot], Math.Max(_routeRhs[slot], _routeTotal[slot]), r, t, isRoute: true, "capacity");
                dual.Add(-_routeRho[slot] * _routeRhsFixed[slot] * _weight[t]);
            }

            if (!double.IsNaN(_routeMin[slot]))
            {
                CheckRow(_mu[slot], _routeTotal[slot] - _routeMin[slot], Math.Max(_routeMin[slot], _routeTotal[slot]), r, t, isRoute: true, "minimum-flow");
                dual.Add(_mu[slot] * _routeMin[slot] * _weight[t]);
            }
        }

        for (var slot = 0; slot < _locationRho.Length; slot++)
        {
            if (double.IsNaN(_locationRhs[slot])) continue;
            CheckRow(_locationRho[slot], _locationRhs[slot] - _throughput[slot], Math.Max(_locationRhs[slot], _throughput[slot]),
                slot / _periodCount, slot % _periodCount, isRoute: false, "capacity");
            dual.Add(-_locationRho[slot] * _locationRhsFixed[slot] * _weight[slot % _periodCount]);
        }

        if (_scenario.Budget is { } budget)
        {
            if (_beta < -_options.DualTolerance)
            {
                _certificate.Add(VerificationCheck.DualFeasibility, "budget", -_beta,
                    $"The budget price is {F(_beta)}; it must be ≥ 0.");
            }

            var slack = budget.CapitalCost - _spend;
            if (_beta > _options.DualTolerance && slack > _options.FeasibilityTolerance * Math.Max(1, budget.CapitalCost)
                && _beta * slack > _complementarityAllowance)
            {
                _certificate.Add(VerificationCheck.ComplementarySlackness, "budget", _beta * slack,
                    $"The budget price is {F(_beta)}, but {F(slack)} of the budget is unspent.");
            }

            dual.Add(-_beta * (budget.CapitalCost - _fixedSpend));
        }

        CheckCo2CapPrice(ref dual);

        void CheckRow(double price, double slack, double scale, int index, int t, bool isRoute, string kind)
        {
            var subject = isRoute ? RouteSubject(index, t) : LocationSubject(index, t);
            if (price < -signTolerance)
            {
                _certificate.Add(VerificationCheck.DualFeasibility, subject, -price,
                    $"The {kind} price is {F(price)}; it must be ≥ 0.");
            }
            else if (price > signTolerance && slack > _options.FeasibilityTolerance * Math.Max(1, scale) && price * slack > _complementarityAllowance)
            {
                _certificate.Add(VerificationCheck.ComplementarySlackness, subject, price * slack,
                    $"The {kind} price is {F(price)}, but the constraint is not binding (slack {F(slack)} t).");
            }
        }
    }

    /// <summary>Reduced costs of every flow variable the model has, used or not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckFlowVariables()
    {
        var usedAbove = _options.FeasibilityTolerance * _tonnageScale;
        for (var r = 0; r < _routes.Length; r++)
        {
            int from = _routeFrom[r], to = _routeTo[r];
            if (from < 0 || to < 0) continue;
            for (var k = 0; k < CommodityCount; k++)
            {
                var cost = _routeCost[(r * CommodityCount) + k];
                if (double.IsNaN(cost)) continue;
                var handling = _handlingCost[(to * CommodityCount) + k];
                for (var t = 0; t < _periodCount; t++)
                {
                    if (!CanFlow(r, k, t)) continue;
                    var piTo = Price(to, k, t);
                    var piFrom = Price(from, k, t);
                    if (double.IsNaN(piTo) || double.IsNaN(piFrom)) continue;
                    var rhoRoute = _routeRho[(r * _periodCount) + t];
                    var rhoTo = _locationRho[(to * _periodCount) + t];
                    var mu = _mu[(r * _periodCount) + t];
                    var capTerm = _gamma * _co2PerTonne[r];
                    var reduced = cost + handling - piTo + piFrom + rhoRoute + rhoTo - mu + capTerm;
                    var scale = Math.Abs(cost) + Math.Abs(handling) + Math.Abs(piTo) + Math.Abs(piFrom) + Math.Abs(rhoRoute) + Math.Abs(rhoTo) + Math.Abs(mu) + Math.Abs(capTerm);
                    _arcFlow.TryGetValue(ArcKey(r, k, t), out var tonnes);
                    if (ReducedCostCheck(reduced, scale, tonnes, double.PositiveInfinity, usedAbove) is { } check)
                    {
                        _certificate.Add(check, RouteSubject(r, k, t), Math.Abs(reduced), ReducedCostMessage(check, reduced, $"{F(tonnes)} t", "flow"));
                    }
                }
            }
        }
    }

    /// <summary>Reduced costs of every supply and unmet-demand variable, and their bound terms of the dual objective.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckSupplyAndUnmetVariables(ref NeumaierSum dual)
    {
        var usedAbove = _options.FeasibilityTolerance * _tonnageScale;
        var supplies = _scenario.Supplies;
        var demands = _scenario.Demands;
        for (var slot = 0; slot < _rowCount; slot++)
        {
            ref readonly var row = ref _rowData[slot];
            var (n, k, t) = DecodeRow(_rowKeys[slot]);
            if (!RowExists(n, k, t) || (row.SupplyCount == 0 && row.SoftCount == 0)) continue;
            var pi = Price(n, k, t);
            if (double.IsNaN(pi)) continue;
            var handling = _handlingCost[(n * CommodityCount) + k];
            var rho = _locationRho[(n * _periodCount) + t];
            for (var j = row.SupplyStart; j < row.SupplyStart + row.SupplyCount; j++)
            {
                var line = supplies[_orderedLines[j]];
                var reduced = line.CostPerTonne + handling - pi + rho;
                var scale = Math.Abs(line.CostPerTonne) + Math.Abs(handling) + Math.Abs(pi) + Math.Abs(rho);
                var ub = SupplyTonnes(_orderedLines[j], t);
                dual.Add(ub * Math.Min(reduced, 0) * _weight[t]);
                if (ReducedCostCheck(reduced, scale, _orderedValues[j], ub, usedAbove) is { } check)
                {
                    _certificate.Add(check, LocationSubject(n, k, t), Math.Abs(reduced),
                        ReducedCostMessage(check, reduced, $"{F(_orderedValues[j])} t", $"supply from line #{_orderedLines[j] + 1} (cost {F(line.CostPerTonne)})"));
                }
            }

            for (var j = row.SoftStart; j < row.SoftStart + row.SoftCount; j++)
            {
                var line = demands[_orderedLines[j]];
                var penalty = _demandPenalty[_orderedLines[j]];
                var reduced = penalty - pi;
                var ub = DemandTonnes(_orderedLines[j], t);
                dual.Add(ub * Math.Min(reduced, 0) * _weight[t]);
                if (ReducedCostCheck(reduced, Math.Abs(penalty) + Math.Abs(pi), _orderedValues[j], ub, usedAbove) is { } check)
                {
                    _certificate.Add(check, LocationSubject(n, k, t), Math.Abs(reduced),
                        ReducedCostMessage(check, reduced, $"{F(_orderedValues[j])} t", $"unmet demand of line #{_orderedLines[j] + 1} (penalty {F(penalty)})"));
                }
            }
        }
    }

    /// <summary>Reduced costs of the continuous options that stay variables of the LP.</summary>
    private void CheckInvestmentVariables(ref NeumaierSum dual)
    {
        for (var i = 0; i < _investments.Length; i++)
        {
            if (_fixed[i]) continue;
            var option = _investments[i];
            var perUnit = CapitalPerUnit(i);
            var reduced = perUnit + (_beta * option.CapitalCost);
            var scale = Math.Abs(perUnit) + Math.Abs(_beta * option.CapitalCost);
            for (var t = _firstPeriod[i]; t < _periodCount; t++)
            {
                double rho, factor;
                if (option.Target.Route is { } routeId && _routeIndex.TryGetValue(routeId, out var r))
                {
                    rho = _routeRho[(r * _periodCount) + t];
                    factor = _routeFactor[(r * _periodCount) + t];
                }
                else if (option.Target.Location is { } locationId && _locationIndex.TryGetValue(locationId, out var n))
                {
                    rho = _locationRho[(n * _periodCount) + t];
                    factor = _locationFactor[(n * _periodCount) + t];
                }
                else
                {
                    break;
                }

                var term = rho * _fraction[t] * factor * option.AddedAnnualCapacityTonnes;
                reduced -= term;
                scale += Math.Abs(term);
            }

            var ub = option.UnitLimit;
            dual.Add(ub * Math.Min(reduced, 0));
            var usedAbove = _options.FeasibilityTolerance * Math.Max(1, ub);
            if (ReducedCostCheck(reduced, scale, _units[i], ub, usedAbove) is { } check)
            {
                _certificate.Add(check, InvestmentSubject(option.Id), Math.Abs(reduced),
                    ReducedCostMessage(check, reduced, $"{F(_units[i])} units", "investment"));
            }
        }
    }

    /// <summary>π of a balance row, or NaN (and the row noted as missing) when the plan has none.</summary>
    private double Price(int n, int k, int t)
    {
        var key = RowKey(n, k, t);
        if (_pi.TryGetValue(key, out var pi)) return pi;
        _missing.Add(key);
        return double.NaN;
    }

    /// <summary>
    /// The failed check for a variable with reduced cost d and bounds [0, ub], or null: at the lower
    /// bound d ≥ −tol; at the upper bound d ≤ +tol; strictly between, |d| ≤ tol.
    /// </summary>
    private VerificationCheck? ReducedCostCheck(double reduced, double scale, double value, double ub, double usedAbove)
    {
        var tolerance = _options.DualTolerance * Math.Max(Math.Max(1, scale), _costScale);
        if (ub <= usedAbove) return null; // fixed at 0: any reduced cost will do
        var atLower = value <= usedAbove;
        var atUpper = value >= ub - usedAbove;
        if (atLower) return reduced < -tolerance ? VerificationCheck.DualFeasibility : null;
        if (atUpper) return reduced > tolerance ? VerificationCheck.ComplementarySlackness : null;
        return Math.Abs(reduced) > tolerance ? VerificationCheck.ComplementarySlackness : null;
    }

    /// <summary>Whether the model has any flow, supply or unmet-demand variable, and so any balance row to price.</summary>
    private bool ModelHasVariables()
    {
        var periods = _scenario.Horizon.Periods;
        foreach (var period in periods)
        {
            if (_scenario.Supplies.Any(s => FreightOptimizer.Scenario.AppliesIn(s.Period, period.Id) && _scenario.IsOpen(s.Location, period.Id))) return true;
            if (_scenario.Demands.Any(d => !d.MustServe && FreightOptimizer.Scenario.AppliesIn(d.Period, period.Id) && _scenario.IsOpen(d.Location, period.Id))) return true;
            foreach (var route in _scenario.Network.Routes)
            {
                if (route.CostPerTonne.Keys.Any(k => _scenario.CanFlow(route, k, period.Id))) return true;
            }
        }

        return false;
    }

    private double CostScale()
    {
        var scale = 1.0;
        foreach (var route in _scenario.Network.Routes)
        {
            foreach (var cost in route.CostPerTonne.Values) scale = Math.Max(scale, Math.Abs(cost));
        }

        foreach (var cost in _routeCost)
        {
            if (!double.IsNaN(cost)) scale = Math.Max(scale, Math.Abs(cost));
        }

        foreach (var location in _scenario.Network.Locations)
        {
            foreach (var cost in location.HandlingCostPerTonne.Values) scale = Math.Max(scale, Math.Abs(cost));
        }

        foreach (var supply in _scenario.Supplies) scale = Math.Max(scale, Math.Abs(supply.CostPerTonne));
        foreach (var demand in _scenario.Demands)
        {
            if (!demand.MustServe) scale = Math.Max(scale, Math.Abs(_scenario.PenaltyOf(demand)));
        }

        return double.IsFinite(scale) ? scale : 1.0;
    }

    private static string ReducedCostMessage(VerificationCheck check, double reduced, string value, string what) =>
        check == VerificationCheck.DualFeasibility
            ? $"The {what} is unused, but the prices give it a reduced cost of {F(reduced)}: using it would lower the cost."
            : $"The {what} is {value}, but the prices give it a reduced cost of {F(reduced)}; at an optimum it would be "
              + (reduced > 0 ? "lower." : "higher.");
}
