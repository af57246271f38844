using System.Runtime.CompilerServices;

namespace FreightOptimizer;

/// <summary>The primal side: the plan's decisions against every constraint, and the objective recomputed.</summary>
internal sealed partial class VerificationRun
{
    /// <summary>
    /// Units of every option: within 0..maxUnits, whole for Binary and Modular, at most one per
    /// exclusive group, prerequisites built, and Σ capital cost × units ≤ budget.
    /// </summary>
    private void CheckInvestments()
    {
        var seen = new bool[_investments.Length];
        foreach (var decision in Safe(_plan.Investments))
        {
            if (!_investmentIndex.TryGetValue(decision.Id, out var i))
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, InvestmentSubject(decision.Id), Math.Abs(decision.Units),
                    "The plan builds an investment option the scenario does not have.");
                continue;
            }

            if (seen[i])
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, InvestmentSubject(decision.Id), Math.Abs(decision.Units),
                    "The plan lists this investment option more than once.");
                continue;
            }

            seen[i] = true;
            if (!double.IsFinite(decision.Units))
            {
                _feasibility.Add(VerificationCheck.NegativeOrNotFinite, InvestmentSubject(decision.Id), double.PositiveInfinity,
                    $"The plan builds {F(decision.Units)} units, which is not a number.");
                continue;
            }

            _units[i] = decision.Units;
            _onlinePeriod[i] = decision.OnlinePeriod;
        }

        CheckOnlinePeriods();

        var built = new bool[_investments.Length];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _investments.Length; i++)
        {
            var option = _investments[i];
            var units = _units[i];
            var limit = option.UnitLimit;
            var excess = Math.Max(-units, units - limit);
            if (Violates(excess, limit))
            {
                _feasibility.Add(VerificationCheck.InvestmentUnits, InvestmentSubject(option.Id), excess,
                    $"The plan builds {F(units)} units; the option allows 0 to {F(limit)}.");
            }

            var fractional = Math.Abs(units - Math.Round(units));
            if (option.IsInteger && fractional > _options.IntegralityTolerance)
            {
                _maxViolation = Math.Max(_maxViolation, fractional);
                _feasibility.Add(VerificationCheck.InvestmentUnits, InvestmentSubject(option.Id), fractional,
                    $"The plan builds {F(units)} units of a {option.Kind} option, which must be whole.");
            }

            built[i] = units > _options.IntegralityTolerance;
            if (built[i] && option.ExclusiveGroup is { } group)
            {
                if (!groups.TryGetValue(group, out var members)) groups[group] = members = [];
                members.Add(i);
            }

            var perUnitObjective = CapitalPerUnit(i);
            _capital.Add(perUnitObjective * units);
            _spend += option.CapitalCost * units;
            if (_fixed[i])
            {
                _fixedCapital.Add(perUnitObjective * units);
                _fixedSpend += option.CapitalCost * units;
            }
        }

        foreach (var (group, members) in groups)
        {
            if (members.Count < 2) continue;
            var names = string.Join(", ", members.Select(i => $"'{_investments[i].Id}'"));
            _feasibility.Add(VerificationCheck.ExclusiveGroup, $"exclusive group '{group}'", members.Count - 1,
                $"The plan builds {members.Count} options of the group ({names}); at most one may be built.");
        }

        for (var i = 0; i < _investments.Length; i++)
        {
            if (!built[i]) continue;
            foreach (var requiredId in Safe(_investments[i].Requires))
            {
                if (_investmentIndex.TryGetValue(requiredId, out var j) && !built[j])
                {
                    _feasibility.Add(VerificationCheck.Prerequisite, InvestmentSubject(_investments[i].Id), _units[i],
                        $"The plan builds this option without '{requiredId}', which it requires.");
                }
            }
        }

        if (_scenario.Budget is { } budget && Violates(_spend - budget.CapitalCost, Math.Max(budget.CapitalCost, Math.Abs(_spend))))
        {
            _feasibility.Add(VerificationCheck.Budget, "budget", _spend - budget.CapitalCost,
                $"The plan spends {F(_spend)} on capital; the budget is {F(budget.CapitalCost)}.");
        }
    }

    /// <summary>Flows onto routes and balance rows; a flow where the model has no variable is forbidden.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AggregateFlows()
    {
        foreach (var flow in Safe(_plan.Flows))
        {
            var known = _routeIndex.TryGetValue(flow.Route, out var r);
            known &= _commodityIndex.TryGetValue(flow.Commodity, out var k);
            var t = _scenario.Horizon.IndexOf(flow.Period);
            if (!known || t < 0)
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, $"route '{flow.Route}', {flow.Commodity}, {flow.Period}", Math.Abs(flow.Tonnes),
                    "The plan has a flow on a route, commodity or period the scenario does not have.");
                continue;
            }

            var tonnes = flow.Tonnes;
            if (!double.IsFinite(tonnes) || tonnes < 0)
            {
                _feasibility.Add(VerificationCheck.NegativeOrNotFinite, RouteSubject(r, k, t), double.IsFinite(tonnes) ? -tonnes : double.PositiveInfinity,
                    $"The plan moves {F(tonnes)} t; a flow must be a number ≥ 0.");
                if (!double.IsFinite(tonnes)) continue;
                Violates(-tonnes, 0);
            }

            var key = ArcKey(r, k, t);
            if (_arcFlow.TryGetValue(key, out var earlier))
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, RouteSubject(r, k, t), Math.Abs(tonnes),
                    "The plan lists this flow more than once; the amounts are added up.");
            }

            _arcFlow[key] = earlier + tonnes;
            Scale(tonnes);
            if (tonnes != 0 && !CanFlow(r, k, t))
            {
                Violates(Math.Abs(tonnes), 0);
                _feasibility.Add(VerificationCheck.ForbiddenFlow, RouteSubject(r, k, t), Math.Abs(tonnes),
                    $"The plan moves {F(tonnes)} t where no flow can exist: {WhyNoFlow(r, k, t)}.");
            }

            var cost = _routeCost[(r * CommodityCount) + k];
            if (!double.IsNaN(cost)) AddRouteCost(r, k, cost, tonnes, _weight[t]);
            _routeTotal[(r * _periodCount) + t] += tonnes;
            int from = _routeFrom[r], to = _routeTo[r];
            if (from >= 0) Row(from, k, t).Outflow += tonnes;
            if (to >= 0)
            {
                Row(to, k, t).Inflow += tonnes;
                _throughput[(to * _periodCount) + t] += tonnes;
                _handling.Add(_handlingCost[(to * CommodityCount) + k] * tonnes * _weight[t]);
            }
        }
    }

    /// <summary>Supply used onto balance rows and location throughput.</summary>
    private void AggregateSupplied()
    {
        foreach (var use in Safe(_plan.Supplied))
        {
            if (!TryResolve(use.Location, use.Commodity, use.Period, use.Tonnes, "supply", out var n, out var k, out var t)) continue;
            ref var row = ref Row(n, k, t);
            if (row.SupplyReported)
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, LocationSubject(n, k, t), Math.Abs(use.Tonnes),
                    "The plan lists supply here more than once; the amounts are added up.");
            }

            row.SupplyReported = true;
            row.Supply += use.Tonnes;
            _throughput[(n * _periodCount) + t] += use.Tonnes;
            _handling.Add(_handlingCost[(n * CommodityCount) + k] * use.Tonnes * _weight[t]);
        }
    }

    /// <summary>Unmet demand onto balance rows.</summary>
    private void AggregateUnmet()
    {
        foreach (var unmet in Safe(_plan.Unmet))
        {
            if (!TryResolve(unmet.Location, unmet.Commodity, unmet.Period, unmet.Tonnes, "unmet demand", out var n, out var k, out var t)) continue;
            ref var row = ref Row(n, k, t);
            if (row.UnmetReported)
            {
                _feasibility.Add(VerificationCheck.UnknownEntity, LocationSubject(n, k, t), Math.Abs(unmet.Tonnes),
                    "The plan lists unmet demand here more than once; the amounts are added up.");
            }

            row.UnmetReported = true;
            row.Unmet += unmet.Tonnes;
        }
    }

    private bool TryResolve(
        LocationId location, CommodityId commodity, PeriodId period, double tonnes, string what,
        out int n, out int k, out int t)
    {
        var known = _locationIndex.TryGetValue(location, out n);
        known &= _commodityIndex.TryGetValue(commodity, out k);
        t = _scenario.Horizon.IndexOf(period);
        if (!known || t < 0)
        {
            _feasibility.Add(VerificationCheck.UnknownEntity, $"location '{location}', {commodity}, {period}", Math.Abs(tonnes),
                $"The plan has {what} at a location, commodity or period the scenario does not have.");
            return false;
        }

        if (!double.IsFinite(tonnes) || tonnes < 0)
        {
            _feasibility.Add(VerificationCheck.NegativeOrNotFinite, LocationSubject(n, k, t), double.IsFinite(tonnes) ? -tonnes : double.PositiveInfinity,
                $"The plan has {F(tonnes)} t of {what}; it must be a number ≥ 0.");
            if (!double.IsFinite(tonnes)) return false;
            Violates(-tonnes, 0);
        }

        Scale(tonnes);
        return true;
    }

    /// <summary>Demand lines onto their rows: D = Σ annual × fraction; soft lines carry an unmet variable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddDemandLines()
    {
        var demands = _scenario.Demands;
        for (var d = 0; d < demands.Length; d++)
        {
            var line = demands[d];
            if (!_locationIndex.TryGetValue(line.Location, out var n) || !_commodityIndex.TryGetValue(line.Commodity, out var k)) continue;
            for (var t = 0; t < _periodCount; t++)
            {
                if (!Scenario.AppliesIn(line.Period, _periodIds[t])) continue;
                ref var row = ref Row(n, k, t);
                var tonnes = DemandTonnes(d, t);
                row.Demand += tonnes;
                Scale(tonnes);
                if (line.MustServe) row.HardDemand += tonnes;
                else Link(ref row.SoftHead, d);
            }
        }
    }

    /// <summary>Supply lines onto their rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSupplyLines()
    {
        var supplies = _scenario.Supplies;
        for (var s = 0; s < supplies.Length; s++)
        {
            var line = supplies[s];
            if (!_locationIndex.TryGetValue(line.Location, out var n) || !_commodityIndex.TryGetValue(line.Commodity, out var k)) continue;
            for (var t = 0; t < _periodCount; t++)
            {
                if (!Scenario.AppliesIn(line.Period, _periodIds[t])) continue;
                Link(ref Row(n, k, t).SupplyHead, s);
                Scale(SupplyTonnes(s, t));
            }
        }
    }

    /// <summary>
    /// Every balance row: at an open location that handles the commodity, inflow + supply − outflow
    /// + unmet = demand, supply within its lines, unmet within the soft lines; anywhere else nothing
    /// is supplied or served, so the whole demand is unmet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckBalanceRows()
    {
        var buffer = new List<int>();
        for (var slot = 0; slot < _rowCount; slot++)
        {
            var (n, k, t) = DecodeRow(_rowKeys[slot]);
            if (RowExists(n, k, t)) CheckOpenRow(ref _rowData[slot], n, k, t, buffer);
            else CheckClosedRow(ref _rowData[slot], n, k, t);
        }
    }

    private void CheckOpenRow(ref BalanceRow row, int n, int k, int t, List<int> buffer)
    {
        var supplies = _scenario.Supplies;
        var demands = _scenario.Demands;

        // Supply: split greedily over the lines, cheapest first, as any optimum does.
        Gather(row.SupplyHead, buffer);
        buffer.Sort((a, b) => supplies[a].CostPerTonne != supplies[b].CostPerTonne
            ? supplies[a].CostPerTonne.CompareTo(supplies[b].CostPerTonne) : a.CompareTo(b));
        (row.SupplyStart, row.SupplyCount) = Split(row.Supply, buffer, j => SupplyTonnes(j, t), out var supplyCapacity);
        for (var j = 0; j < row.SupplyCount; j++)
        {
            _supply.Add(supplies[_orderedLines[row.SupplyStart + j]].CostPerTonne * _orderedValues[row.SupplyStart + j] * _weight[t]);
        }

        if (Violates(row.Supply - supplyCapacity, Math.Max(row.Supply, supplyCapacity)))
        {
            _feasibility.Add(VerificationCheck.SupplyLimit, LocationSubject(n, k, t), row.Supply - supplyCapacity,
                row.SupplyCount == 0
                    ? $"The plan uses {F(row.Supply)} t of supply where the scenario has none."
                    : $"The plan uses {F(row.Supply)} t of supply; the lines here give at most {F(supplyCapacity)} t.");
        }

        // Unmet: split greedily over the soft lines, lowest penalty first; hard lines have no slack.
        Gather(row.SoftHead, buffer);
        buffer.Sort((a, b) => _demandPenalty[a] != _demandPenalty[b] ? _demandPenalty[a].CompareTo(_demandPenalty[b]) : a.CompareTo(b));
        (row.SoftStart, row.SoftCount) = Split(row.Unmet, buffer, j => DemandTonnes(j, t), out var softTotal);
        for (var j = 0; j < row.SoftCount; j++)
        {
            // Any excess over the soft lines sits on the last one; it is a Demand finding, not a cost.
            var line = _orderedLines[row.SoftStart + j];
            var charged = Math.Min(_orderedValues[row.SoftStart + j], DemandTonnes(line, t));
            _penalty.Add(_demandPenalty[line] * charged * _weight[t]);
        }

        if (Violates(row.Unmet - softTotal, Math.Max(row.Unmet, row.Demand)))
        {
            _feasibility.Add(VerificationCheck.Demand, LocationSubject(n, k, t), row.Unmet - softTotal,
                row.HardDemand > 0
                    ? $"The plan leaves {F(row.Unmet)} t unmet, but only {F(softTotal)} t of the demand may go unserved: a hard demand is not served."
                    : $"The plan leaves {F(row.Unmet)} t unmet; the demand here is only {F(softTotal)} t.");
        }

        var residual = row.Inflow + row.Supply - row.Outflow + row.Unmet - row.Demand;
        var scale = Math.Max(Math.Max(row.Inflow, row.Outflow), Math.Max(Math.Max(Math.Abs(row.Supply), Math.Abs(row.Unmet)), row.Demand));
        if (Violates(Math.Abs(residual), scale))
        {
            _feasibility.Add(VerificationCheck.FlowBalance, LocationSubject(n, k, t), Math.Abs(residual),
                $"Inflow {F(row.Inflow)} + supply {F(row.Supply)} − outflow {F(row.Outflow)} + unmet {F(row.Unmet)} = "
                + $"{F(residual + row.Demand)} t, but the demand is {F(row.Demand)} t ({(residual > 0 ? "surplus" : "shortfall")} {F(Math.Abs(residual))} t).");
        }
    }

    private void CheckClosedRow(ref BalanceRow row, int n, int k, int t)
    {
        var why = IsOpen(n, t)
            ? $"location '{_locations[n].Id}' does not handle {_commodities[k]}"
            : $"location '{_locations[n].Id}' is closed in {_periodIds[t]}";

        // Nothing is served here: every soft line pays its whole penalty, a constant of the model.
        for (var link = row.SoftHead; link != 0; link = _links[link - 1].Next)
        {
            var d = _links[link - 1].Line;
            var cost = _demandPenalty[d] * DemandTonnes(d, t) * _weight[t];
            _penalty.Add(cost);
            _closedPenalty.Add(cost);
        }

        if (Violates(Math.Abs(row.Supply), row.Supply))
        {
            _feasibility.Add(VerificationCheck.SupplyLimit, LocationSubject(n, k, t), Math.Abs(row.Supply),
                $"The plan uses {F(row.Supply)} t of supply, but {why}.");
        }

        if (Violates(row.HardDemand, row.HardDemand))
        {
            _feasibility.Add(VerificationCheck.Demand, LocationSubject(n, k, t), row.HardDemand,
                $"A hard demand of {F(row.HardDemand)} t cannot be served: {why}.");
        }

        if (Violates(Math.Abs(row.Unmet - row.Demand), Math.Max(row.Unmet, row.Demand)))
        {
            _feasibility.Add(VerificationCheck.Demand, LocationSubject(n, k, t), Math.Abs(row.Unmet - row.Demand),
                $"Nothing is served here ({why}), so all {F(row.Demand)} t of demand is unmet; the plan reports {F(row.Unmet)} t.");
        }
    }

    /// <summary>Copies a row's linked lines into <paramref name="buffer"/>.</summary>
    private void Gather(int head, List<int> buffer)
    {
        buffer.Clear();
        for (var link = head; link != 0; link = _links[link - 1].Next) buffer.Add(_links[link - 1].Line);
    }

    /// <summary>
    /// Splits <paramref name="total"/> over the lines in order, each up to its bound, any excess on
    /// the last line; appends lines and amounts to the ordered lists. <paramref name="capacity"/>
    /// receives Σ bounds.
    /// </summary>
    /// <returns>Where the row's entries start in the ordered lists, and how many there are.</returns>
    private (int Start, int Count) Split(double total, List<int> lines, Func<int, double> bound, out double capacity)
    {
        var start = _orderedLines.Count;
        var remaining = total;
        capacity = 0;
        foreach (var line in lines)
        {
            var ub = bound(line);
            capacity += ub;
            var value = Math.Max(0, Math.Min(remaining, ub));
            remaining -= value;
            _orderedLines.Add(line);
            _orderedValues.Add(value);
        }

        if (lines.Count > 0 && remaining > 0) _orderedValues[^1] += remaining;
        return (start, lines.Count);
    }

    /// <summary>
    /// Route capacity, minimum flow and location capacity of every period where the row exists,
    /// investments included from their first period on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckCapacities()
    {
        for (var r = 0; r < _routes.Length; r++)
        {
            var route = _routes[r];
            for (var t = 0; t < _periodCount; t++)
            {
                var slot = (r * _periodCount) + t;
                _routeRhs[slot] = _routeRhsFixed[slot] = _routeMin[slot] = double.NaN;
                if (!IsUsable(r, t)) continue;
                var total = _routeTotal[slot];
                var rate = _fraction[t] * _routeFactor[slot];
                if (route.AnnualCapacityTonnes is { } capacity)
                {
                    (_routeRhs[slot], _routeRhsFixed[slot]) = PeriodCapacity(capacity, rate, _routeOptions[r], t);
                    Scale(_routeRhs[slot]);
                    if (Violates(total - _routeRhs[slot], Math.Max(total, _routeRhs[slot])))
                    {
                        _feasibility.Add(VerificationCheck.RouteCapacity, RouteSubject(r, t), total - _routeRhs[slot],
                            $"The route carries {F(total)} t; its capacity in {_periodIds[t]} is {F(_routeRhs[slot])} t.");
                    }
                }

                if (route.MinAnnualTonnes is { } minimum && minimum > 0)
                {
                    var need = _routeMin[slot] = rate * minimum;
                    if (Violates(need - total, Math.Max(total, need)))
                    {
                        _feasibility.Add(VerificationCheck.MinimumFlow, RouteSubject(r, t), need - total,
                            $"The route carries {F(total)} t; its minimum in {_periodIds[t]} is {F(need)} t.");
                    }
                }
            }
        }

        for (var n = 0; n < _locations.Length; n++)
        {
            for (var t = 0; t < _periodCount; t++)
            {
                var slot = (n * _periodCount) + t;
                _locationRhs[slot] = _locationRhsFixed[slot] = double.NaN;
                if (_locations[n].AnnualCapacityTonnes is not { } capacity || !IsOpen(n, t)) continue;
                (_locationRhs[slot], _locationRhsFixed[slot]) =
                    PeriodCapacity(capacity, _fraction[t] * _locationFactor[slot], _locationOptions[n], t);
                Scale(_locationRhs[slot]);
                var through = _throughput[slot];
                if (Violates(through - _locationRhs[slot], Math.Max(through, _locationRhs[slot])))
                {
                    _feasibility.Add(VerificationCheck.LocationCapacity, LocationSubject(n, t), through - _locationRhs[slot],
                        $"Throughput (inflow + local supply) is {F(through)} t; the capacity in {_periodIds[t]} is {F(_locationRhs[slot])} t.");
                }
            }
        }
    }

    /// <summary>f·α·(cap + Σ add·units) with every option, and with the fixed options only.</summary>
    private (double All, double Fixed) PeriodCapacity(double annual, double rate, List<int>? options, int t)
    {
        double all = annual, fixedOnly = annual;
        if (options is not null)
        {
            foreach (var i in options)
            {
                if (!IsActive(i, t)) continue;
                var added = _investments[i].AddedAnnualCapacityTonnes * _units[i];
                all += added;
                if (_fixed[i]) fixedOnly += added;
            }
        }

        return (rate * all, rate * fixedOnly);
    }

    /// <summary>Recomputes each cost part and the total, and compares them with the plan's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double CheckObjective()
    {
        var total = _transport.Value + _handling.Value + _supply.Value + _capital.Value + _penalty.Value + _transitTime.Value + _carbon.Value;
        var costs = _plan.Costs;
        if (costs is not null)
        {
            Compare("transport cost", _transport.Value, costs.Transport);
            Compare("transit-time cost", _transitTime.Value, costs.TransitTime);
            Compare("carbon cost", _carbon.Value, costs.Carbon);
            Compare("handling cost", _handling.Value, costs.Handling);
            Compare("supply cost", _supply.Value, costs.Supply);
            Compare("capital cost", _capital.Value, costs.Capital);
            Compare("unmet-demand penalty", _penalty.Value, costs.UnmetPenalty);
        }

        Compare("objective", total, _plan.Objective);
        return total;

        void Compare(string subject, double recomputed, double reported)
        {
            var difference = Math.Abs(recomputed - reported);
            if (double.IsNaN(difference) || difference > _options.ObjectiveTolerance * Math.Max(1, Math.Max(Math.Abs(recomputed), Math.Abs(reported))))
            {
                _objective.Add(VerificationCheck.Objective, subject, difference,
                    $"The plan reports {F(reported)}; recomputed from the scenario it is {F(recomputed)}.");
            }
        }
    }
}
