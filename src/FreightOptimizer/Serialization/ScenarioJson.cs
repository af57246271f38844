using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Reads and writes scenarios in JSON format version 1 (docs/scenario-format.md). Reading is strict:
/// malformed JSON, unknown fields, missing or mistyped fields, non-finite numbers, unknown enum
/// names and every semantic rule of <see cref="ScenarioValidator"/> are reported together, each with
/// its JSON path, in one <see cref="FreightValidationException"/>. Warnings never stop a read; get
/// them with <see cref="TryRead(string)"/>.
/// </summary>
public static class ScenarioJson
{
    /// <summary>Reads a scenario from JSON text, within the default <see cref="ScenarioReadOptions"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The text has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario Read(string json) => TryRead(json).GetScenarioOrThrow();

    /// <summary>Reads a scenario from JSON text within the given limits.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The text has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario Read(string json, ScenarioReadOptions options) => TryRead(json, options).GetScenarioOrThrow();

    /// <summary>Reads a scenario from a UTF-8 stream (a byte-order mark is allowed), within the default <see cref="ScenarioReadOptions"/>.</summary>
    /// <param name="utf8Json">The stream; it is read to its end (or one byte past the size limit) and not closed.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The text has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario Read(Stream utf8Json) => TryRead(utf8Json).GetScenarioOrThrow();

    /// <summary>Reads a scenario from a UTF-8 stream (a byte-order mark is allowed) within the given limits.</summary>
    /// <param name="utf8Json">The stream; it is read to its end (or one byte past the size limit) and not closed.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The text has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario Read(Stream utf8Json, ScenarioReadOptions options) => TryRead(utf8Json, options).GetScenarioOrThrow();

    /// <summary>Reads a scenario from a UTF-8 file, within the default <see cref="ScenarioReadOptions"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The file has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario ReadFile(string path) => TryReadFile(path).GetScenarioOrThrow();

    /// <summary>Reads a scenario from a UTF-8 file within the given limits.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FreightValidationException">The file has errors, or exceeds a limit; every issue found is attached.</exception>
    public static Scenario ReadFile(string path, ScenarioReadOptions options) => TryReadFile(path, options).GetScenarioOrThrow();

    /// <summary>Reads a scenario from JSON text, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryRead(string json) => TryRead(json, ScenarioReadOptions.Default);

    /// <summary>Reads a scenario from JSON text within the given limits, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="json">The JSON text (a leading byte-order mark is allowed).</param>
    /// <param name="options">The limits.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryRead(string json, ScenarioReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        return ScenarioJsonReader.ReadText(json, options);
    }

    /// <summary>Reads a scenario from a UTF-8 stream, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="utf8Json">The stream; it is read to its end (or one byte past the size limit) and not closed.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryRead(Stream utf8Json) => TryRead(utf8Json, ScenarioReadOptions.Default);

    /// <summary>Reads a scenario from a UTF-8 stream within the given limits, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="utf8Json">The stream; it is read to its end (or one byte past the size limit) and not closed.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryRead(Stream utf8Json, ScenarioReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(options);
        return ScenarioJsonReader.ReadStream(utf8Json, options);
    }

    /// <summary>Reads a scenario from a UTF-8 file, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryReadFile(string path) => TryReadFile(path, ScenarioReadOptions.Default);

    /// <summary>Reads a scenario from a UTF-8 file within the given limits, returning the scenario (when valid) with every error and warning.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The limits; a file larger than <see cref="ScenarioReadOptions.MaxFileBytes"/> is not read at all.</param>
    /// <returns>The scenario, or null with the errors; warnings in either case.</returns>
    public static ScenarioReadResult TryReadFile(string path, ScenarioReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var length = new FileInfo(path).Length;
        if (length > options.MaxFileBytes) return ScenarioReadResult.Failure([ScenarioJsonReader.TooManyBytes(length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), options)]);
        using var stream = File.OpenRead(path);
        return TryRead(stream, options);
    }

    /// <summary>
    /// Writes a scenario as canonical format v1 JSON: reading the text back gives an equal scenario.
    /// An invalid scenario is written as it is (so it can be fixed by hand), except that numbers must
    /// be finite and availability given for ids that are not in the network has no place in the file.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON text, indented, with <c>\n</c> line ends.</returns>
    /// <exception cref="FreightValidationException">A number in the scenario is NaN or infinite.</exception>
    public static string Write(Scenario scenario)
    {
        using var stream = new MemoryStream();
        Write(scenario, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a scenario as canonical format v1 JSON (UTF-8, no byte-order mark) to a stream.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="utf8Json">The stream; it is not closed.</param>
    /// <exception cref="FreightValidationException">A number in the scenario is NaN or infinite.</exception>
    public static void Write(Scenario scenario, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(utf8Json);
        ImmutableArray<ValidationIssue> notFinite =
            [.. ScenarioValidator.Validate(scenario).Where(i => i.Code == ValidationCode.NotFinite)];
        if (!notFinite.IsEmpty) throw new FreightValidationException(notFinite);
        ScenarioJsonWriter.Write(scenario, utf8Json);
    }

    /// <summary>Writes a scenario as canonical format v1 JSON to a file, replacing it.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="FreightValidationException">A number in the scenario is NaN or infinite.</exception>
    public static void WriteFile(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = Write(scenario);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
