using System.Collections.Immutable;

namespace FreightOptimizer.Formulation;

/// <summary>
/// The multi-year part of the LP/MIP (docs/design.md, "Multi-year horizons"): the discount factor of
/// every period, and the online decision of every option. Without calendar years every factor is 1,
/// no online variable exists and the model is the single-horizon one, term for term.
/// </summary>
/// <remarks>
/// For option i and each period τ in which it may come online (<see cref="MultiYear.OnlinePeriods"/>):
/// <code>
/// w[i,τ] ≥ 0 whole: units coming online in τ;  o[i,τ] ∈ {0,1} (Binary: o = w), w[i,τ] ≤ maxUnits·o[i,τ]
/// Σ_τ o[i,τ] ≤ 1                                  online at most once
/// y[i] − Σ_τ w[i,τ] = 0                            the units built (budget, groups, prerequisites use y)
/// cost(w[i,τ]) = capital·CRF·Σ_{t ≥ τ} f[t]·δ[t]    annualised capital from τ to the end, discounted
/// capacity row of t: − Σ_{τ ≤ t} f[t]·α·add[i]·w[i,τ]
/// </code>
/// with δ[t] = (1 + r)^−(year[t] − first year). y[i] itself costs nothing here.
/// </remarks>
internal sealed partial class FreightModelBuilder
{
    private bool _multiYear;
    private double[] _weight = [];
    private ImmutableArray<int>[] _onlinePeriods = [];
    private readonly List<OnlineVariable> _online = [];
    private List<OnlineVariable>[] _onlineByOption = [];

    private void InitialiseTiming()
    {
        _multiYear = MultiYear.IsMultiYear(_scenario);
        _weight = new double[_periods.Length];
        for (var t = 0; t < _periods.Length; t++) _weight[t] = MultiYear.DiscountFactor(_scenario, t);
        var options = _scenario.Investments;
        _onlinePeriods = new ImmutableArray<int>[options.Length];
        _onlineByOption = new List<OnlineVariable>[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            _onlinePeriods[i] = MultiYear.OnlinePeriods(_scenario, options[i]);
            _onlineByOption[i] = [];
        }
    }

    /// <summary>Whether option i can add capacity in period t: t is at or after its earliest online period.</summary>
    private bool CanBeOnlineBy(int option, int t) => _onlinePeriods[option].Length > 0 && t >= _onlinePeriods[option][0];

    private void AddOnlineVariables()
    {
        var options = _scenario.Investments;
        for (var i = 0; i < options.Length; i++)
        {
            var option = options[i];
            var sum = _problem.AddRow(0, 0, $"online[{option.Id}]");
            _problem.AddTerm(sum, _investments[i].Units, 1);
            var once = option.Kind == InvestmentKind.Binary || _onlinePeriods[i].Length < 2 ? -1 : _problem.AddRow(double.NegativeInfinity, 1, $"once[{option.Id}]");
            foreach (var t in _onlinePeriods[i])
            {
                var period = _periods[t].Id;
                var cost = MultiYear.CapitalChargePerUnit(_scenario, option, t) / _scaling.MoneyUnit;
                var units = _problem.AddVariable(0, option.UnitLimit, cost, option.IsInteger, $"w[{option.Id},{period}]");
                _problem.AddTerm(sum, units, -1);
                var on = -1;
                if (once >= 0)
                {
                    on = _problem.AddVariable(0, 1, 0, true, $"o[{option.Id},{period}]");
                    _problem.AddTerm(once, on, 1);
                    var link = _problem.AddRow(double.NegativeInfinity, 0, $"onlink[{option.Id},{period}]");
                    _problem.AddTerm(link, units, 1);
                    _problem.AddTerm(link, on, -option.UnitLimit);
                }

                var variable = new OnlineVariable(i, t, units, on);
                _online.Add(variable);
                _onlineByOption[i].Add(variable);
            }
        }
    }

    /// <summary>
    /// In a multi-year horizon option i comes online no earlier than option j it requires: for each
    /// period t it can be online by, built-by-t of i ≤ units-online-by-t of j, where built-by-t is
    /// Σ_{s≤t} o[i,s] (its online indicator) or, without one, Σ_{s≤t} w[i,s] / maxUnits[i].
    /// </summary>
    private void AddTimedPrerequisite(int i, int j)
    {
        var option = _scenario.Investments[i];
        var required = _scenario.Investments[j].Id;
        foreach (var t in _onlinePeriods[i])
        {
            var row = _problem.AddRow(double.NegativeInfinity, 0, $"{ModelNames.Prerequisite(option.Id, required)}[{_periods[t].Id}]");
            foreach (var mine in _onlineByOption[i])
            {
                if (mine.Period > t) continue;
                if (mine.Indicator >= 0) _problem.AddTerm(row, mine.Indicator, 1);
                else _problem.AddTerm(row, mine.Units, 1 / option.UnitLimit);
            }

            foreach (var theirs in _onlineByOption[j])
            {
                if (theirs.Period <= t) _problem.AddTerm(row, theirs.Units, -1);
            }
        }
    }

    /// <summary>The capacity an option adds to a row of period t: on its units, or on its units online by t in a multi-year horizon.</summary>
    private void AddAdditionTerms(int row, ImmutableArray<(int Option, double TonnesPerUnit)> additions, int t)
    {
        foreach (var (option, tonnes) in additions)
        {
            if (!_multiYear)
            {
                _problem.AddTerm(row, _investments[option].Units, -tonnes / _scaling.TonneUnit);
                continue;
            }

            foreach (var online in _onlineByOption[option])
            {
                if (online.Period <= t) _problem.AddTerm(row, online.Units, -tonnes / _scaling.TonneUnit);
            }
        }
    }
}
