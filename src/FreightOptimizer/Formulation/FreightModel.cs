using System.Collections.Immutable;

namespace FreightOptimizer.Formulation;

/// <summary>
/// How model units relate to tonnes and money. Variables count <see cref="TonneUnit"/> tonnes,
/// objective coefficients count <see cref="MoneyUnit"/> of money, and the budget row counts
/// <see cref="CapitalUnit"/> of capital, so that the numbers a solver sees stay near 1 whatever the
/// scenario's magnitudes. Powers of ten keep the conversion exact enough to be invisible.
/// </summary>
internal sealed record ModelScaling(double TonneUnit, double MoneyUnit, double CapitalUnit)
{
    public static ModelScaling Identity { get; } = new(1, 1, 1);
}

/// <summary>A flow variable x[a,k,t].</summary>
internal readonly record struct FlowVariable(int Route, int Commodity, int Period, int Variable);

/// <summary>A supply variable s[line,t] for a supply line of the scenario.</summary>
internal readonly record struct SupplyVariable(int Line, int Location, int Commodity, int Period, int Variable);

/// <summary>An unmet-demand variable u[line,t] for a soft demand line.</summary>
internal readonly record struct UnmetVariable(int Line, int Location, int Commodity, int Period, int Variable);

/// <summary>Demand at a closed location: all of it is unmet, a constant of the model.</summary>
internal readonly record struct ClosedDemand(int Line, int Location, int Commodity, int Period, double Tonnes, bool Hard);

/// <summary>The variables of one investment option: units and, when needed, a build indicator.</summary>
internal readonly record struct InvestmentVariables(int Units, int Indicator);

/// <summary>A flow-balance row for location n, commodity k, period t.</summary>
internal readonly record struct BalanceRow(int Location, int Commodity, int Period, int Row, double DemandTonnes);

/// <summary>
/// A capacity row of a route (IsRoute) or location in a period, with the base capacity of the
/// period in tonnes and the investments that add to it (option index, tonnes per unit this period).
/// </summary>
internal readonly record struct CapacityRow(bool IsRoute, int Target, int Period, int Row, double BaseTonnes, ImmutableArray<(int Option, double TonnesPerUnit)> Additions);

/// <summary>A minimum-flow row of a route in a period.</summary>
internal readonly record struct MinimumFlowRow(int Route, int Period, int Row, double Tonnes);

/// <summary>
/// The typed index map of a formulated freight model: which variable and row stands for what.
/// Results are mapped back through it, never by parsing names.
/// </summary>
internal sealed class FreightModel
{
    public required LinearProblem Problem { get; init; }

    public required ModelScaling Scaling { get; init; }

    public required ImmutableArray<FlowVariable> Flows { get; init; }

    public required ImmutableArray<SupplyVariable> Supplies { get; init; }

    public required ImmutableArray<UnmetVariable> Unmet { get; init; }

    public required ImmutableArray<ClosedDemand> ClosedDemands { get; init; }

    public required ImmutableArray<InvestmentVariables> Investments { get; init; }

    public required ImmutableArray<BalanceRow> BalanceRows { get; init; }

    public required ImmutableArray<CapacityRow> CapacityRows { get; init; }

    public required ImmutableArray<MinimumFlowRow> MinimumFlowRows { get; init; }

    /// <summary>The budget row, or −1 without one.</summary>
    public required int BudgetRow { get; init; }

    /// <summary>The CO2 cap row (Σ CO2 per tonne × x ≤ cap), or −1 without one.</summary>
    public int Co2CapRow { get; init; } = -1;

    /// <summary>Tonnes of CO2e per unit of the CO2 cap row (its right-hand side is cap / this).</summary>
    public double Co2Unit { get; init; } = 1;

    /// <summary>
    /// Rows 0 … PlainRowCount − 1 are the plain model (docs/design.md, "The model"); rows after them are the strong
    /// linking inequalities, valid for the optimum only, and left out of the LP that prices a plan.
    /// </summary>
    public required int PlainRowCount { get; init; }

    /// <summary>How many linking inequalities follow the plain rows (0 when they were not asked for).</summary>
    public required int LinkingRowCount { get; init; }

    /// <summary>
    /// Whether the values and duals mapped back through this map are exact (the network-flow map: whole
    /// flow units and potentials times their quanta), so that nothing in them is solver noise. The plan
    /// assembler then reports them as they are: its noise threshold, meant for a simplex's tolerances,
    /// would erase a real price of 10^−9 per tonne (costs that small are valid input).
    /// </summary>
    public bool ExactValues { get; init; }

    /// <summary>Whether the model has integer variables.</summary>
    public bool IsMip => Problem.IntegerCount > 0;
}
