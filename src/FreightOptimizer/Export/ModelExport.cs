using System.Globalization;
using System.Text;
using FreightOptimizer.Formulation;

namespace FreightOptimizer.Export;

/// <summary>The units in which an exported model states its numbers.</summary>
public enum ModelUnits
{
    /// <summary>
    /// Tonnes and the scenario's currency: a solver reading the file reports the plan's total cost
    /// as its optimum. The right choice for checking a plan with another solver.
    /// </summary>
    Scenario,

    /// <summary>
    /// The scaled units the library hands its own solver (tonnes and money in powers of ten chosen
    /// from the data, stated in the file's header): the very model the library solves, the right
    /// choice for timing other solvers against it.
    /// </summary>
    Solver,
}

/// <summary>How to export a formulated model. A plain settable class.</summary>
public sealed class ModelExportOptions
{
    /// <summary>The units of the numbers in the file.</summary>
    /// <value>Default <see cref="ModelUnits.Scenario"/>.</value>
    public ModelUnits Units { get; set; } = ModelUnits.Scenario;
}

/// <summary>
/// Writes the LP/MIP that <c>FreightPlanner</c> formulates for a scenario as an MPS or LP file, so that
/// any other solver can check or beat the library's answer. Every number is written exactly (the
/// shortest text that reads back to the same double), so a solver reading the file solves the very
/// model the library solved. Variable and row names are those of the model
/// (<c>x[route,commodity,period]</c>, <c>balance[location,commodity,period]</c>,
/// <c>routecap[route,period]</c>, …; in LP files brackets become parentheses, which the format
/// requires); integer investment decisions are marked integer. The objective is to be minimised; its
/// constant (penalties of demand at closed locations) is part of the file, as the cost of a variable
/// <c>constant</c> fixed at 1, which every reader understands alike.
/// </summary>
public static class ModelExport
{
    /// <summary>The scenario's model as free-format MPS text.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The units; null for the defaults.</param>
    /// <returns>The MPS text, starting with comment lines that name the scenario and the units.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    public static string WriteMps(Scenario scenario, ModelExportOptions? options = null) =>
        ToText(scenario, options, MpsWriter.Write, "*");

    /// <summary>The scenario's model as CPLEX LP text.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">The units; null for the defaults.</param>
    /// <returns>The LP text, starting with comment lines that name the scenario and the units.</returns>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    public static string WriteLp(Scenario scenario, ModelExportOptions? options = null) =>
        ToText(scenario, options, LpWriter.Write, "\\");

    /// <summary>Writes the scenario's model to an MPS file.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="options">The units; null for the defaults.</param>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    public static void WriteMpsFile(Scenario scenario, string path, ModelExportOptions? options = null) =>
        ToFile(scenario, path, options, MpsWriter.Write, "*");

    /// <summary>Writes the scenario's model to an LP file.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="options">The units; null for the defaults.</param>
    /// <exception cref="FreightValidationException">The scenario is invalid; every issue is listed.</exception>
    public static void WriteLpFile(Scenario scenario, string path, ModelExportOptions? options = null) =>
        ToFile(scenario, path, options, LpWriter.Write, "\\");

    private static string ToText(Scenario scenario, ModelExportOptions? options, Action<LinearProblem, TextWriter> write, string comment)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(scenario, options, text, write, comment);
        return text.ToString();
    }

    private static void ToFile(Scenario scenario, string path, ModelExportOptions? options, Action<LinearProblem, TextWriter> write, string comment)
    {
        ArgumentNullException.ThrowIfNull(path);
        // The model is formulated (and the scenario validated) before the file is opened, so an
        // invalid scenario leaves no file behind.
        var (model, header) = Formulate(scenario, options, comment);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        file.Write(header);
        write(model.Problem, file);
    }

    private static void Write(Scenario scenario, ModelExportOptions? options, TextWriter writer, Action<LinearProblem, TextWriter> write, string comment)
    {
        var (model, header) = Formulate(scenario, options, comment);
        writer.Write(header);
        write(model.Problem, writer);
    }

    private static (FreightModel Model, string Header) Formulate(Scenario scenario, ModelExportOptions? options, string comment)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new ModelExportOptions();
        if (!Enum.IsDefined(options.Units)) throw new ArgumentException($"Invalid export options: Units {(int)options.Units} is not a known unit system.", nameof(options));
        ScenarioValidator.ThrowIfInvalid(scenario);

        var scaling = options.Units == ModelUnits.Scenario ? ModelScaling.Identity : FreightModelBuilder.ChooseScaling(scenario);
        var model = FreightModelBuilder.Build(scenario, scaling);
        var header = new StringBuilder();
        header.Append(comment).Append(" FreightOptimizer model of scenario '").Append(OneLine(scenario.Name ?? "(unnamed)")).Append("' (")
            .Append(model.IsMip ? "MIP" : "LP").Append(CultureInfo.InvariantCulture, $", {model.Problem.VariableCount} variables, {model.Problem.RowCount} rows), minimise.").Append('\n');
        header.Append(comment).Append(CultureInfo.InvariantCulture,
            $" Units: a variable counts {scaling.TonneUnit:R} t, the objective {scaling.MoneyUnit:R} {scenario.Currency}, the budget row {scaling.CapitalUnit:R} {scenario.Currency}.").Append('\n');
        if (model.Co2CapRow >= 0) header.Append(comment).Append(CultureInfo.InvariantCulture, $" The CO2 cap row co2cap counts {model.Co2Unit:R} t CO2e.").Append('\n');
        return (model, header.ToString());
    }

    /// <summary>The scenario's name with line breaks and other control characters as spaces, so it stays a comment.</summary>
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
