
namespace FreightOptimizer;

/// <summary>
/// What one investment option is worth to the plan, by re-solving without it or with it
/// (README, "appraisal"). Money is in the scenario's currency; each value is null where it does not
/// apply (a value for an option not built, a regret for one built) or could not be found, and then
/// <see cref="Note"/> says why.
/// </summary>
public sealed record OptionAppraisal
{
    /// <summary>The option id.</summary>
    public required InvestmentId Id { get; init; }

    /// <summary>Units the plan builds (0 when not built).</summary>
    public required double Units { get; init; }

    /// <summary>
    /// The units the money below refers to: those built, or for an option not built the units that
    /// forcing it in builds (1 for Binary and Modular, the full maxUnits for Continuous).
    /// </summary>
    public required double AppraisedUnits { get; init; }

    /// <summary>Capital cost of <see cref="AppraisedUnits"/>.</summary>
    public required double CapitalCost { get; init; }

    /// <summary>Capital of <see cref="AppraisedUnits"/> × capital recovery factor: what it costs per year.</summary>
    public required double AnnualisedCost { get; init; }

    /// <summary>
    /// Share of the capacity the option adds that the plan uses, over the periods it exists (the added
    /// capacity is the top slice: it counts as used only above the target's base capacity); null when
    /// the option is not built or adds nothing in any open period.
    /// </summary>
    public double? Utilisation { get; init; }

    /// <summary>For a built option: optimum with the option forbidden − optimum of the plan (≥ 0).</summary>
    public double? Value { get; init; }

    /// <summary>
    /// For a built option: (value + its own annualised capital × horizon years) ÷ horizon years, the
    /// operating cost it saves per year before paying for itself.
    /// </summary>
    public double? GrossAnnualSaving { get; init; }

    /// <summary>For a built option: capital cost ÷ gross annual saving, in years; null when it saves nothing.</summary>
    public double? PaybackYears { get; init; }

    /// <summary>
    /// For an option not built: optimum with the option forced in − optimum of the plan (≥ 0), the
    /// extra saving it would need over the horizon to be worth building.
    /// </summary>
    public double? Regret { get; init; }

    /// <summary>Why a value or regret is missing (for example "forcing it in exceeds the budget"), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the plan builds the option.</summary>
    public bool IsBuilt => Units > 0;
}
