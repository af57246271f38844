namespace FreightOptimizer;

/// <summary>
/// The multi-year part of the checks (docs/design.md, "Multi-year horizons"), from the scenario alone:
/// costs of a period count at their present value, demand is grown per line, and each built option
/// adds capacity from the online period the plan names, which must be one the option may come online
/// in, and pays its capital from then on. Without calendar years every factor is 1 and each option
/// counts from its first period.
/// </summary>
/// <remarks>
/// Prices stay in the money of their own period (the plan's balance, capacity and minimum-flow
/// prices are not discounted), so every reduced cost of a period is the discounted one divided by
/// that period's factor δ[t] &gt; 0 and keeps its sign; the dual objective weighs each period's terms by δ[t].
/// </remarks>
internal sealed partial class VerificationRun
{
    private readonly bool _multiYear;

    /// <summary>δ[t] = (1 + r)^−(year[t] − first year), 1 without years.</summary>
    private readonly double[] _weight;

    /// <summary>The online period the plan names for each option (null when it names none).</summary>
    private readonly PeriodId?[] _onlinePeriod;

    /// <summary>The tonnes demand line d wants in period t (annual × fraction × growth).</summary>
    private double DemandTonnes(int d, int t) => MultiYear.DemandTonnes(_scenario, _scenario.Demands[d], t);

    /// <summary>The tonnes supply line s offers in period t at most: annual × year fraction, grown in a multi-year horizon.</summary>
    private double SupplyTonnes(int s, int t) => MultiYear.SupplyTonnes(_scenario, _scenario.Supplies[s], t);

    /// <summary>The capital one unit of option i adds to the objective: from its online period in a multi-year horizon.</summary>
    private double CapitalPerUnit(int i)
    {
        var option = _investments[i];
        if (!_multiYear) return Economics.ObjectiveCostPerUnit(_scenario, option);
        return _firstPeriod[i] < _periodCount ? MultiYear.CapitalChargePerUnit(_scenario, option, _firstPeriod[i]) : 0;
    }

    /// <summary>
    /// Multi-year: every built option names a period it may come online in (its capacity counts from
    /// there); an option not built adds nothing. Without years a plan names no online period.
    /// </summary>
    private void CheckOnlinePeriods()
    {
        for (var i = 0; i < _investments.Length; i++)
        {
            var option = _investments[i];
            var named = _onlinePeriod[i];
            if (!_multiYear)
            {
                if (named is not null)
                {
                    _feasibility.Add(VerificationCheck.InvestmentUnits, InvestmentSubject(option.Id), 0,
                        $"The plan brings the option online in {named}, but the horizon has no calendar years; its capacity counts from its first period.");
                }

                continue;
            }

            _firstPeriod[i] = _periodCount; // never, unless built and online below
            if (!(Math.Abs(_units[i]) > _options.IntegralityTolerance)) continue;
            var t = named is { } p ? _scenario.Horizon.IndexOf(p) : -1;
            if (t < 0 || !MultiYear.OnlinePeriods(_scenario, option).Contains(t))
            {
                Violates(Math.Abs(_units[i]), 0);
                _feasibility.Add(VerificationCheck.InvestmentUnits, InvestmentSubject(option.Id), Math.Abs(_units[i]),
                    named is null
                        ? $"The plan builds {F(_units[i])} units but names no online period."
                        : $"The plan brings {F(_units[i])} units online in {named}, a period the option cannot come online in (lead time, first period, or no such period).");
                continue;
            }

            _firstPeriod[i] = t;
        }

        if (!_multiYear) return;
        for (var i = 0; i < _investments.Length; i++)
        {
            if (_firstPeriod[i] >= _periodCount) continue;
            foreach (var requiredId in _investments[i].Requires.IsDefault ? [] : _investments[i].Requires)
            {
                if (_investmentIndex.TryGetValue(requiredId, out var j) && _firstPeriod[j] < _periodCount && _firstPeriod[j] > _firstPeriod[i])
                {
                    _feasibility.Add(VerificationCheck.Prerequisite, InvestmentSubject(_investments[i].Id), _units[i],
                        $"The plan brings this option online in {_onlinePeriod[i]}, before '{requiredId}', which it requires, comes online in {_onlinePeriod[j]}.");
                }
            }
        }
    }
}
