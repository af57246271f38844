using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FreightOptimizer;

/// <summary>How serious a validation issue is.</summary>
public enum ValidationSeverity
{
    /// <summary>The scenario cannot be solved as written.</summary>
    Error,

    /// <summary>The scenario solves, but something in it is probably not what was meant.</summary>
    Warning,
}

/// <summary>Stable codes for validation issues; a code never changes meaning once shipped.</summary>
public enum ValidationCode
{
    /// <summary>The text is not well-formed JSON.</summary>
    MalformedJson = 1,

    /// <summary>The <c>formatVersion</c> is missing or not one this reader knows.</summary>
    UnsupportedFormatVersion = 2,

    /// <summary>A field the format does not define.</summary>
    UnknownField = 3,

    /// <summary>A required field is missing (or null).</summary>
    MissingField = 4,

    /// <summary>A value has the wrong JSON type.</summary>
    WrongType = 5,

    /// <summary>Two commodities, locations, routes, periods or investments share an id.</summary>
    DuplicateId = 6,

    /// <summary>A reference to an id that does not exist.</summary>
    UnknownReference = 7,

    /// <summary>A number is NaN or infinite.</summary>
    NotFinite = 8,

    /// <summary>A quantity or money amount is negative.</summary>
    Negative = 9,

    /// <summary>A value lies outside its allowed range or set.</summary>
    OutOfRange = 10,

    /// <summary>A route starts and ends at the same location.</summary>
    SelfLoop = 11,

    /// <summary>A route's <c>costPerTonne</c> is empty, so it could carry nothing.</summary>
    EmptyCostMap = 12,

    /// <summary>An investment names both or neither of <c>location</c> and <c>route</c>.</summary>
    InvestmentTarget = 13,

    /// <summary>An investment targets a location or route without capacity (unlimited).</summary>
    InvestmentOnUnlimitedTarget = 14,

    /// <summary><c>maxUnits</c> does not fit the investment's kind.</summary>
    MaxUnitsMismatch = 15,

    /// <summary>Investment prerequisites form a cycle.</summary>
    PrerequisiteCycle = 16,

    /// <summary>A prerequisite names a <c>Continuous</c> option.</summary>
    ContinuousPrerequisite = 17,

    /// <summary>An exclusive group has only one option.</summary>
    ExclusiveGroupOfOne = 18,

    /// <summary>A supply or demand sits at a location that cannot handle its commodity.</summary>
    CommodityNotHandled = 19,

    /// <summary>An id is empty or whitespace.</summary>
    EmptyId = 20,

    /// <summary>A field (or a key of a map such as <c>costPerTonne</c>) appears twice in one JSON object.</summary>
    DuplicateField = 21,

    /// <summary>
    /// A line of a text input format other than JSON (a DIMACS <c>.min</c> file, a Canad <c>.dow</c>
    /// file) cannot be read: wrong header, wrong number of fields, not a number, missing or extra
    /// lines. The path names the line.
    /// </summary>
    MalformedText = 22,

    /// <summary>
    /// A value the model derives from several fields is outside the range it computes reliably: the
    /// horizon (the sum of the year fractions) above 1,000 years, or for an investment the capacity or
    /// capital of its <c>maxUnits</c>, or its capital charge over the horizon (capitalCost × maxUnits ×
    /// capital recovery factor × horizon years), above 1e15. The path names the field to look at first.
    /// </summary>
    DerivedValueOutOfRange = 23,

    /// <summary>
    /// An observation's <c>elements</c> list is empty, or one of its elements names both or neither of
    /// <c>location</c> and <c>route</c>.
    /// </summary>
    ObservationElements = 24,

    /// <summary>
    /// The file exceeds a limit of <c>ScenarioReadOptions</c>: its size in bytes, its nesting depth, its
    /// number of entries or periods, or the estimated number of model variables. The message names the
    /// limit, its value and how to raise it. Nothing further is read.
    /// </summary>
    LimitExceeded = 25,

    /// <summary>
    /// A cost adjustment names neither a location nor a route (or both), or a commodity its route does
    /// not carry or its location does not handle.
    /// </summary>
    CostAdjustmentTarget = 26,

    /// <summary>
    /// The cost adjustments of a route or location bring its tariff or handling cost of a commodity below
    /// 0; costs stay non-negative so that no cycle has a negative cost and the model stays bounded.
    /// </summary>
    AdjustedCostNegative = 27,

    /// <summary>
    /// A study's output folders do not fit together: a folder holds the output of another study (its
    /// case list differs), a result names a case the study does not have, or one case has two different
    /// results. Raised by the study runner when it resumes and by the merge.
    /// </summary>
    StudyOutputConflict = 35,

    /// <summary>
    /// A <c>co2CapTonnes</c> in a horizon with calendar years: the cap's price would mix the money of
    /// different years in one certificate, so a cap applies to single-year horizons only.
    /// </summary>
    Co2CapWithYears = 29,

    /// <summary>
    /// Calendar years of the periods: some periods carry a <c>year</c> and others do not, the years
    /// decrease from one period to the next, a year is outside 1 to 9999, or the horizon spans more
    /// than 100 calendar years.
    /// </summary>
    PeriodYears = 33,

    /// <summary>The year fractions of the periods of one calendar year add up to more than 1.</summary>
    YearFractionsExceedYear = 34,

    /// <summary>A demand's or supply's <c>growthPerYear</c> is not above −1 and at most 1 (100 % a year).</summary>
    GrowthOutOfRange = 40,

    /// <summary>
    /// A Continuous investment option in a horizon with calendar years: an option there chooses the
    /// period it comes online in, a whole-number decision; make it Binary or Modular.
    /// </summary>
    ContinuousTimedOption = 41,

    /// <summary>Warning: no supply of the demand's commodity can reach it.</summary>
    UnreachableDemand = 101,

    /// <summary>Warning: a route's minimum flow exceeds its capacity in some period.</summary>
    MinimumFlowAboveCapacity = 102,

    /// <summary>Warning: no flow can ever use a location or route.</summary>
    UnusableElement = 103,

    /// <summary>Warning: a carbon price or CO2 cap is set, and a route has no <c>distanceKm</c>, so it emits nothing in the model.</summary>
    EmissionsWithoutDistance = 104,

    /// <summary>Warning: a holding rate is set, and a route has no <c>transitDays</c> or a commodity no <c>valuePerTonne</c>, so its cargo costs nothing in transit.</summary>
    HoldingCostWithoutData = 105,

    /// <summary>
    /// Warning: a demand's or supply's <c>growthPerYear</c> or an option's <c>leadTimeYears</c> is given, but the
    /// periods carry no calendar years, so it is ignored.
    /// </summary>
    MultiYearFieldIgnored = 106,

    /// <summary>
    /// Warning: an investment option's lead time (or first period) leaves no period of the horizon
    /// in which it can come online, so it is never built.
    /// </summary>
    OptionNeverOnline = 107,
}

/// <summary>One problem in a scenario, with where it is and a sentence a planner understands.</summary>
/// <param name="Code">The stable code.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">
/// Where: a JSON path by array index such as <c>$.routes[3].costPerTonne.coal</c>. A scenario keeps
/// its entities in the order of its file, so the path is the same for a scenario read from JSON and
/// for one built in code; the message names the entity by id as well (route 'kuzbass-rail').
/// </param>
/// <param name="Message">What is wrong, in domain words, naming the ids involved.</param>
public sealed record ValidationIssue(ValidationCode Code, ValidationSeverity Severity, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Severity.ToString().ToUpperInvariant()} {Code} at {Path}: {Message}");
}

/// <summary>
/// Thrown when a scenario (from JSON or from code) cannot be used; carries every issue found, not
/// only the first.
/// </summary>
public sealed class FreightValidationException : Exception
{
    /// <summary>Creates the exception from the issues found.</summary>
    /// <param name="issues">Every issue found (errors and warnings).</param>
    public FreightValidationException(IEnumerable<ValidationIssue> issues)
        : this(issues, "scenario")
    {
    }

    /// <summary>Creates the exception from the issues found in something other than a scenario.</summary>
    /// <param name="issues">Every issue found (errors and warnings).</param>
    /// <param name="subject">What was read, in a word or two (for example "plan file"); the message starts "The {subject} is invalid".</param>
    public FreightValidationException(IEnumerable<ValidationIssue> issues, string subject)
        : this(issues?.ToImmutableArray() ?? throw new ArgumentNullException(nameof(issues)), subject)
    {
    }

    private FreightValidationException(ImmutableArray<ValidationIssue> issues, string subject)
        : base(Describe(issues, subject))
    {
        Issues = issues;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FreightValidationException()
        : this([], "scenario")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public FreightValidationException(string message)
        : base(message)
    {
        Issues = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FreightValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>Every issue found, errors first.</summary>
    public ImmutableArray<ValidationIssue> Issues { get; }

    /// <summary>The errors only.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);

    private static string Describe(ImmutableArray<ValidationIssue> issues, string subject)
    {
        var errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The {subject} is invalid: {errors.Count} error(s).");
        foreach (var issue in errors) text.AppendLine().Append("  ").Append(issue);
        return text.ToString();
    }
}
