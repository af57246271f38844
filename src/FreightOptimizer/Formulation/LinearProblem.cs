namespace FreightOptimizer.Formulation;

/// <summary>
/// A solver-neutral linear (or mixed-integer) program: minimise Σ cost·x + constant subject to
/// lower ≤ Σ coef·x ≤ upper per row and bounds per variable. Formulations fill it; the OR-Tools
/// adapter hands it to a solver; exporters write it. Names exist for export and debugging only.
/// </summary>
internal sealed class LinearProblem
{
    private readonly List<double> _lower = [];
    private readonly List<double> _upper = [];
    private readonly List<double> _cost = [];
    private readonly List<bool> _integer = [];
    private readonly List<string> _variableNames = [];
    private readonly List<Row> _rows = [];

    public int VariableCount => _lower.Count;

    public int RowCount => _rows.Count;

    public int IntegerCount { get; private set; }

    public double ObjectiveConstant { get; set; }

    public IReadOnlyList<double> VariableLower => _lower;

    public IReadOnlyList<double> VariableUpper => _upper;

    public IReadOnlyList<double> Cost => _cost;

    public IReadOnlyList<bool> IsInteger => _integer;

    public IReadOnlyList<string> VariableNames => _variableNames;

    public IReadOnlyList<Row> Rows => _rows;

    public int AddVariable(double lower, double upper, double cost, bool integer, string name)
    {
        _lower.Add(lower);
        _upper.Add(upper);
        _cost.Add(cost);
        _integer.Add(integer);
        _variableNames.Add(name);
        if (integer) IntegerCount++;
        return _lower.Count - 1;
    }

    public int AddRow(double lower, double upper, string name)
    {
        _rows.Add(new Row(lower, upper, name));
        return _rows.Count - 1;
    }

    public void AddTerm(int row, int variable, double coefficient)
    {
        if (coefficient != 0) _rows[row].Add(variable, coefficient);
    }

    public void SetBounds(int variable, double lower, double upper)
    {
        _lower[variable] = lower;
        _upper[variable] = upper;
    }

    /// <summary>
    /// The first number of the problem that no solver may be handed, described for a message (which
    /// variable or row, which number, its value), or null when there is none: every cost, coefficient
    /// and the objective constant finite, every bound finite or infinite on its open side only
    /// (−∞ below, +∞ above). Formulation keeps every number finite for a validated scenario; this is
    /// the check where the problem leaves the library, so that a mistake there becomes an
    /// <c>InvalidModel</c> result that names the number, not a solver's crash or a NaN in a plan.
    /// </summary>
    public string? DescribeNonFinite()
    {
        if (!double.IsFinite(ObjectiveConstant)) return $"the objective constant is {Text(ObjectiveConstant)}";
        for (var j = 0; j < VariableCount; j++)
        {
            if (!double.IsFinite(_cost[j])) return $"the cost of variable {_variableNames[j]} is {Text(_cost[j])}";
            if (double.IsNaN(_lower[j]) || double.IsPositiveInfinity(_lower[j])) return $"the lower bound of variable {_variableNames[j]} is {Text(_lower[j])}";
            if (double.IsNaN(_upper[j]) || double.IsNegativeInfinity(_upper[j])) return $"the upper bound of variable {_variableNames[j]} is {Text(_upper[j])}";
        }

        foreach (var row in _rows)
        {
            if (double.IsNaN(row.Lower) || double.IsPositiveInfinity(row.Lower)) return $"the lower bound of row {row.Name} is {Text(row.Lower)}";
            if (double.IsNaN(row.Upper) || double.IsNegativeInfinity(row.Upper)) return $"the upper bound of row {row.Name} is {Text(row.Upper)}";
            var coefficients = row.Coefficients;
            for (var i = 0; i < coefficients.Length; i++)
            {
                if (!double.IsFinite(coefficients[i])) return $"the coefficient of variable {_variableNames[row.Variables[i]]} in row {row.Name} is {Text(coefficients[i])}";
            }
        }

        return null;
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A copy in which every integer variable is fixed at its (rounded) value and made continuous:
    /// the LP whose duals price a MIP solution.
    /// </summary>
    /// <param name="values">A value for every variable.</param>
    /// <param name="rowCount">Copy only the first this many rows (the plain model without cuts); null for all.</param>
    public LinearProblem WithIntegersFixed(IReadOnlyList<double> values, int? rowCount = null)
    {
        var copy = new LinearProblem { ObjectiveConstant = ObjectiveConstant };
        for (var j = 0; j < VariableCount; j++)
        {
            if (_integer[j])
            {
                var v = Math.Round(values[j]);
                copy.AddVariable(v, v, _cost[j], false, _variableNames[j]);
            }
            else
            {
                copy.AddVariable(_lower[j], _upper[j], _cost[j], false, _variableNames[j]);
            }
        }

        foreach (var row in rowCount is { } count ? _rows.Take(count) : _rows)
        {
            var r = copy.AddRow(row.Lower, row.Upper, row.Name);
            for (var i = 0; i < row.Count; i++) copy.AddTerm(r, row.Variables[i], row.Coefficients[i]);
        }

        return copy;
    }

    /// <summary>
    /// A variant with some variable bounds replaced (for example an investment forbidden or forced
    /// in). Rows are shared with this problem, not copied: they are not changed after formulation, so
    /// a variant costs one pass over the variables and many variants can be solved side by side.
    /// </summary>
    public LinearProblem WithBounds(IReadOnlyDictionary<int, (double Lower, double Upper)> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var copy = new LinearProblem { ObjectiveConstant = ObjectiveConstant, IntegerCount = IntegerCount };
        copy._lower.AddRange(_lower);
        copy._upper.AddRange(_upper);
        copy._cost.AddRange(_cost);
        copy._integer.AddRange(_integer);
        copy._variableNames.AddRange(_variableNames);
        copy._rows.AddRange(_rows);
        foreach (var (variable, (lower, upper)) in bounds)
        {
            copy._lower[variable] = lower;
            copy._upper[variable] = upper;
        }

        return copy;
    }

    /// <summary>
    /// A variant with some costs and some row bounds replaced (sensitivity ranging changes one
    /// coefficient at a time). Unchanged rows are shared, as in <see cref="WithBounds"/>; a row whose
    /// bounds change is copied.
    /// </summary>
    /// <param name="costs">New costs by variable, or null.</param>
    /// <param name="rowBounds">New bounds by row, or null.</param>
    /// <param name="objectiveOnly">
    /// When true, <paramref name="costs"/> is the whole objective: every other cost and the constant
    /// are 0 (to minimise one linear form over the feasible set).
    /// </param>
    public LinearProblem WithChanges(
        IReadOnlyDictionary<int, double>? costs, IReadOnlyDictionary<int, (double Lower, double Upper)>? rowBounds, bool objectiveOnly = false)
    {
        var copy = WithBounds(new Dictionary<int, (double, double)>());
        if (objectiveOnly)
        {
            copy.ObjectiveConstant = 0;
            for (var j = 0; j < copy._cost.Count; j++) copy._cost[j] = 0;
        }

        foreach (var (variable, cost) in costs ?? new Dictionary<int, double>()) copy._cost[variable] = cost;
        foreach (var (r, (lower, upper)) in rowBounds ?? new Dictionary<int, (double, double)>())
        {
            var original = _rows[r];
            var row = new Row(lower, upper, original.Name);
            for (var i = 0; i < original.Count; i++) row.Add(original.Variables[i], original.Coefficients[i]);
            copy._rows[r] = row;
        }

        return copy;
    }

    internal sealed class Row(double lower, double upper, string name)
    {
        private int[] _variables = new int[4];
        private double[] _coefficients = new double[4];

        public double Lower { get; } = lower;

        public double Upper { get; } = upper;

        public string Name { get; } = name;

        public int Count { get; private set; }

        public ReadOnlySpan<int> Variables => _variables.AsSpan(0, Count);

        public ReadOnlySpan<double> Coefficients => _coefficients.AsSpan(0, Count);

        public void Add(int variable, double coefficient)
        {
            if (Count == _variables.Length)
            {
                Array.Resize(ref _variables, Count * 2);
                Array.Resize(ref _coefficients, Count * 2);
            }

            _variables[Count] = variable;
            _coefficients[Count] = coefficient;
            Count++;
        }
    }
}
