using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FreightOptimizer.Serialization;

/// <summary>
/// Writes an <see cref="OptimizationResult"/> to plan JSON, format version 1 (docs/plan-format.md;
/// its JSON Schema is plan.schema.json beside this file), and reads plan files back. Field names are
/// camelCase; numbers are written in their shortest round-trip form, so a plan read back equals the
/// plan written.
/// </summary>
/// <remarks>
/// A plan exists exactly when <c>flows</c> is present; without a plan only <c>formatVersion</c>,
/// <c>scenario</c>, <c>status</c>, <c>engine</c>, <c>objective</c> (null) and, for an infeasible
/// scenario, <c>explanation</c> are written. <c>appraisal</c> is written when the plan has one, <c>observations</c> when the scenario has some. The
/// format does not carry capacity use, the solve report beyond its engine, or the verifier's
/// individual findings; they are not read back.
/// </remarks>
public static class PlanJson
{
    /// <summary>The plan format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // names such as "Russia–China" stay readable
    };

    /// <summary>Writes a result as plan JSON.</summary>
    /// <param name="result">The result of a solve.</param>
    /// <param name="scenarioName">The scenario's name, or null to use the plan's.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="FreightValidationException">
    /// A number in the plan is NaN or infinite (JSON cannot hold it); its issue (<see cref="ValidationCode.NotFinite"/>)
    /// names the number's JSON path. Nothing is written. <c>FreightPlanner</c> never returns such a plan.
    /// </exception>
    public static string Write(OptimizationResult result, string? scenarioName = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteDocument(writer, result, scenarioName ?? result.Plan?.ScenarioName);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes a result as plan JSON to a file (UTF-8, no byte-order mark).</summary>
    /// <param name="result">The result of a solve.</param>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="scenarioName">The scenario's name, or null to use the plan's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="result"/> is null.</exception>
    /// <exception cref="FreightValidationException">A number in the plan is NaN or infinite; the file is not written.</exception>
    public static void WriteFile(OptimizationResult result, string path, string? scenarioName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, Write(result, scenarioName), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Reads plan JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario name, status, engine and plan (null when the file has none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FreightValidationException">
    /// The text is not valid plan JSON; every problem is reported together, each with its JSON path.
    /// </exception>
    public static PlanDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FreightValidationException([new ValidationIssue(ValidationCode.MalformedJson, ValidationSeverity.Error,
                string.Create(CultureInfo.InvariantCulture, $"$ (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})"),
                "The plan file is not well-formed JSON: " + e.Message)], "plan file");
        }

        using (document)
        {
            var reader = new PlanReader();
            var result = reader.ReadDocument(document.RootElement);
            if (reader.Issues.Count > 0 || result is null) throw new FreightValidationException(reader.Issues, "plan file");
            return result;
        }
    }

    /// <summary>Reads a plan file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The scenario name, status, engine and plan.</returns>
    /// <exception cref="FreightValidationException">The file is not valid plan JSON.</exception>
    public static PlanDocument ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path));
    }

    // ---- writing -------------------------------------------------------------------------------

    /// <summary>A route or location as the pair of fields the format uses: one is the id, the other null.</summary>
    private static void WriteElement(Utf8JsonWriter w, NetworkElement element)
    {
        w.WriteString("route", element.Route?.Value);
        w.WriteString("location", element.Location?.Value);
    }

    private static void WriteDocument(Utf8JsonWriter w, OptimizationResult result, string? scenarioName)
    {
        w.WriteStartObject();
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteString("scenario", scenarioName);
        w.WriteString("status", result.Status.ToString());
        w.WriteString("engine", result.Report.Engine.ToString());
        if (result.Plan is not { } plan)
        {
            w.WriteNull("objective");
            WriteExplanation(w, result.Explanation);
            w.WriteEndObject();
            return;
        }

        Number(w, "objective", plan.Objective, "$.objective");
        w.WriteStartObject("costs");
        Number(w, "transport", plan.Costs.Transport, "$.costs.transport");
        Number(w, "handling", plan.Costs.Handling, "$.costs.handling");
        Number(w, "supply", plan.Costs.Supply, "$.costs.supply");
        Number(w, "capital", plan.Costs.Capital, "$.costs.capital");
        Number(w, "unmetPenalty", plan.Costs.UnmetPenalty, "$.costs.unmetPenalty");
        if (plan.Activity is not null || plan.Costs.TransitTime != 0 || plan.Costs.Carbon != 0)
        {
            Number(w, "transitTime", plan.Costs.TransitTime, "$.costs.transitTime");
            Number(w, "carbon", plan.Costs.Carbon, "$.costs.carbon");
        }

        w.WriteEndObject();

        Array(w, "flows", plan.Flows, (f, path) =>
        {
            w.WriteString("route", f.Route.Value);
            w.WriteString("commodity", f.Commodity.Value);
            w.WriteString("period", f.Period.Value);
            Number(w, "tonnes", f.Tonnes, path);
        });
        Array(w, "supplied", plan.Supplied, (s, path) =>
        {
            w.WriteString("location", s.Location.Value);
            w.WriteString("commodity", s.Commodity.Value);
            w.WriteString("period", s.Period.Value);
            Number(w, "tonnes", s.Tonnes, path);
        });
        Array(w, "unmet", plan.Unmet, (u, path) =>
        {
            w.WriteString("location", u.Location.Value);
            w.WriteString("commodity", u.Commodity.Value);
            w.WriteString("period", u.Period.Value);
            Number(w, "tonnes", u.Tonnes, path);
        });
        Array(w, "investments", plan.Investments, (i, path) =>
        {
            w.WriteString("id", i.Id.Value);
            Number(w, "units", i.Units, path);
        });

        var prices = plan.Prices ?? PlanPrices.None;
        w.WriteStartObject("prices");
        Array(w, "balance", prices.Balance, (p, path) =>
        {
            w.WriteString("location", p.Location.Value);
            w.WriteString("commodity", p.Commodity.Value);
            w.WriteString("period", p.Period.Value);
            Number(w, "perTonne", p.PerTonne, path);
        }, "$.prices");
        Array(w, "capacity", prices.Capacity, (p, path) =>
        {
            WriteElement(w, p.Element);
            w.WriteString("period", p.Period.Value);
            Number(w, "perTonne", p.PerTonne, path);
        }, "$.prices");
        Array(w, "minimumFlow", prices.MinimumFlow, (p, path) =>
        {
            w.WriteString("route", p.Route.Value);
            w.WriteString("period", p.Period.Value);
            Number(w, "perTonne", p.PerTonne, path);
        }, "$.prices");
        OptionalNumber(w, "budget", prices.Budget, "$.prices.budget");
        if (prices.Co2Cap is { } co2Cap) Number(w, "co2Cap", co2Cap, "$.prices.co2Cap");
        w.WriteEndObject();

        Array(w, "bottlenecks", plan.Bottlenecks, (b, path) =>
        {
            WriteElement(w, b.Element);
            w.WriteString("period", b.Period.Value);
            Number(w, "utilisation", b.Utilisation, path);
            Number(w, "perTonne", b.PerTonne, path);
        });

        if (plan.Verification is { } v)
        {
            w.WriteStartObject("verification");
            w.WriteBoolean("passed", v.Passed);
            Number(w, "maxViolation", v.MaxViolation, "$.verification.maxViolation");
            Number(w, "recomputedObjective", v.RecomputedObjective, "$.verification.recomputedObjective");
            w.WriteBoolean("optimalityCertified", v.OptimalityCertified);
            OptionalNumber(w, "dualityGap", v.DualityGap, "$.verification.dualityGap");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("verification");
        }

        WriteAppraisal(w, plan.Appraisal);
        WriteObservations(w, plan.Observations);
        WriteActivity(w, plan.Activity);
        WriteExplanation(w, result.Explanation);
        w.WriteEndObject();
    }

    /// <summary>The plan's tonne-km, tonne-days and CO2e, when the scenario asks for them.</summary>
    private static void WriteActivity(Utf8JsonWriter w, PlanActivity? activity)
    {
        if (activity is null) return;
        w.WriteStartObject("activity");
        w.WriteStartObject("total");
        Fields(activity.Total, "$.activity.total");
        w.WriteEndObject();
        Array(w, "byMode", activity.ByMode, Fields, "$.activity");
        Array(w, "byCommodity", activity.ByCommodity, Fields, "$.activity");
        Array(w, "byCrossing", activity.ByCrossing, Fields, "$.activity");
        w.WriteEndObject();

        void Fields(ActivityLine line, string path)
        {
            w.WriteString("key", line.Key);
            Number(w, "tonnes", line.Tonnes, path);
            Number(w, "tonneKm", line.TonneKm, path);
            Number(w, "tonneDays", line.TonneDays, path);
            Number(w, "co2Tonnes", line.Co2Tonnes, path);
        }
    }

    // ---- appraisal and explanation: written only when the result has them ---------------------

    private static void WriteAppraisal(Utf8JsonWriter w, ImmutableArray<OptionAppraisal> appraisal)
    {
        if (appraisal.IsDefaultOrEmpty) return;
        Array(w, "appraisal", appraisal, (a, path) =>
        {
            w.WriteString("id", a.Id.Value);
            Number(w, "units", a.Units, path);
            Number(w, "appraisedUnits", a.AppraisedUnits, path);
            Number(w, "capitalCost", a.CapitalCost, path);
            Number(w, "annualisedCost", a.AnnualisedCost, path);
            OptionalNumber(w, "utilisation", a.Utilisation, path);
            OptionalNumber(w, "value", a.Value, path);
            OptionalNumber(w, "grossAnnualSaving", a.GrossAnnualSaving, path);
            OptionalNumber(w, "paybackYears", a.PaybackYears, path);
            OptionalNumber(w, "regret", a.Regret, path);
            w.WriteString("note", a.Note);
        });
    }

    private static void WriteObservations(Utf8JsonWriter w, ImmutableArray<ObservationComparison> observations)
    {
        if (observations.IsDefaultOrEmpty) return;
        Array(w, "observations", observations, (o, path) =>
        {
            w.WriteString("id", o.Id);
            w.WriteString("name", o.Name);
            Number(w, "modelledAnnualTonnes", o.ModelledAnnualTonnes, path);
            Number(w, "observedAnnualTonnes", o.ObservedAnnualTonnes, path);
            Number(w, "difference", o.Difference, path);
            OptionalNumber(w, "relativeDifference", o.RelativeDifference, path);
            Number(w, "tolerance", o.Tolerance, path);
            w.WriteBoolean("withinTolerance", o.WithinTolerance);
        });
    }

    private static void WriteExplanation(Utf8JsonWriter w, InfeasibilityExplanation? explanation)
    {
        if (explanation is null) return;
        w.WriteStartObject("explanation");
        w.WriteStartArray("causes");
        foreach (var cause in Causes.Where(c => explanation.Causes.HasFlag(c))) w.WriteStringValue(cause.ToString());
        w.WriteEndArray();
        w.WriteString("summary", explanation.Summary);
        Array(w, "shortfalls", explanation.Shortfalls, (s, path) =>
        {
            w.WriteString("location", s.Location.Value);
            w.WriteString("commodity", s.Commodity.Value);
            w.WriteString("period", s.Period.Value);
            Number(w, "tonnes", s.Tonnes, path);
        }, "$.explanation");
        Array(w, "saturated", explanation.Saturated, (s, path) =>
        {
            WriteElement(w, s.Element);
            w.WriteString("period", s.Period.Value);
            Number(w, "perTonne", s.PerTonne, path);
        }, "$.explanation");
        w.WriteStartArray("minimumFlowRoutes");
        foreach (var route in explanation.MinimumFlowRoutes.IsDefault ? [] : explanation.MinimumFlowRoutes) w.WriteStringValue(route.Value);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static readonly InfeasibilityCauses[] Causes = [InfeasibilityCauses.HardDemands, InfeasibilityCauses.MinimumFlows];

    private static void Array<T>(Utf8JsonWriter w, string name, ImmutableArray<T> items, Action<T, string> writeFields, string parent = "$")
    {
        w.WriteStartArray(name);
        if (!items.IsDefault)
        {
            for (var i = 0; i < items.Length; i++)
            {
                w.WriteStartObject();
                writeFields(items[i], string.Create(CultureInfo.InvariantCulture, $"{parent}.{name}[{i}]"));
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value, string path)
    {
        if (!double.IsFinite(value))
        {
            // Refused before System.Text.Json would throw its own ArgumentException, with the path a
            // reader of the plan format understands; the text is in a buffer, so no file is written.
            var at = path.EndsWith(name, StringComparison.Ordinal) ? path : path + "." + name;
            throw new FreightValidationException(
                [new ValidationIssue(ValidationCode.NotFinite, ValidationSeverity.Error, at,
                    string.Create(CultureInfo.InvariantCulture, $"The plan cannot be written: {at} is {value}, which JSON cannot hold."))],
                "plan");
        }

        // Utf8JsonWriter writes the shortest text that parses back to the same double.
        w.WriteNumber(name, value);
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, double? value, string path)
    {
        if (value is { } v) Number(w, name, v, path);
        else w.WriteNull(name);
    }

    // ---- reading -------------------------------------------------------------------------------

    /// <summary>A strict reader that collects every problem with its JSON path.</summary>
    private sealed class PlanReader
    {
        private static readonly Dictionary<string, SolveStatus> Statuses =
            Enum.GetValues<SolveStatus>().ToDictionary(s => s.ToString(), StringComparer.Ordinal);

        private static readonly Dictionary<string, SolverEngine> Engines =
            Enum.GetValues<SolverEngine>().ToDictionary(e => e.ToString(), StringComparer.Ordinal);

        public List<ValidationIssue> Issues { get; } = [];

        public PlanDocument? ReadDocument(JsonElement root)
        {
            if (!IsObject(root, "$")) return null;
            Known(root, "$", "$schema", "formatVersion", "scenario", "status", "engine", "objective", "costs", "flows",
                "supplied", "unmet", "investments", "prices", "bottlenecks", "verification", "appraisal", "observations", "activity", "explanation");

            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var v) || v != FormatVersion)
            {
                Error(ValidationCode.UnsupportedFormatVersion, "$.formatVersion",
                    string.Create(CultureInfo.InvariantCulture, $"The plan's formatVersion must be {FormatVersion}, the only version this reader knows."));
            }

            var scenario = OptionalString(root, "scenario", "$");
            var status = Name(root, "status", Statuses);
            var engine = Name(root, "engine", Engines);

            AllocationPlan? plan = null;
            if (root.TryGetProperty("flows", out _))
            {
                plan = ReadPlan(root, scenario);
            }
            else
            {
                if (root.TryGetProperty("objective", out var objective) && objective.ValueKind != JsonValueKind.Null)
                {
                    Error(ValidationCode.OutOfRange, "$.objective", "A file without a plan (no flows) must have a null objective.");
                }
            }

            var explanation = ReadExplanation(root);
            return Issues.Count == 0 ? new PlanDocument(scenario, status, engine, plan) { Explanation = explanation } : null;
        }

        private AllocationPlan ReadPlan(JsonElement root, string? scenario)
        {
            var objective = RequiredNumber(root, "objective", "$");
            var costs = new CostBreakdown(0, 0, 0, 0, 0);
            if (RequiredObject(root, "costs", "$") is { } c)
            {
                Known(c, "$.costs", "transport", "handling", "supply", "capital", "unmetPenalty", "transitTime", "carbon");
                costs = new CostBreakdown(
                    RequiredNumber(c, "transport", "$.costs"), RequiredNumber(c, "handling", "$.costs"),
                    RequiredNumber(c, "supply", "$.costs"), RequiredNumber(c, "capital", "$.costs"),
                    RequiredNumber(c, "unmetPenalty", "$.costs"))
                {
                    TransitTime = OptionalNumber(c, "transitTime", "$.costs") ?? 0,
                    Carbon = OptionalNumber(c, "carbon", "$.costs") ?? 0,
                };
            }

            var flows = Items(root, "flows", "$", required: true, (e, p) =>
            {
                Known(e, p, "route", "commodity", "period", "tonnes");
                return new RouteFlow(RequiredString(e, "route", p), RequiredString(e, "commodity", p), RequiredString(e, "period", p), RequiredNumber(e, "tonnes", p));
            });
            var supplied = Items(root, "supplied", "$", required: false, (e, p) =>
            {
                Known(e, p, "location", "commodity", "period", "tonnes");
                return new SupplyUse(RequiredString(e, "location", p), RequiredString(e, "commodity", p), RequiredString(e, "period", p), RequiredNumber(e, "tonnes", p));
            });
            var unmet = Items(root, "unmet", "$", required: false, (e, p) =>
            {
                Known(e, p, "location", "commodity", "period", "tonnes");
                return new UnmetDemand(RequiredString(e, "location", p), RequiredString(e, "commodity", p), RequiredString(e, "period", p), RequiredNumber(e, "tonnes", p));
            });
            var investments = Items(root, "investments", "$", required: false, (e, p) =>
            {
                Known(e, p, "id", "units");
                return new InvestmentDecision(RequiredString(e, "id", p), RequiredNumber(e, "units", p));
            });

            var prices = PlanPrices.None;
            if (OptionalObject(root, "prices", "$") is { } pr)
            {
                Known(pr, "$.prices", "balance", "capacity", "minimumFlow", "budget", "co2Cap");
                prices = new PlanPrices(
                    Items(pr, "balance", "$.prices", required: false, (e, p) =>
                    {
                        Known(e, p, "location", "commodity", "period", "perTonne");
                        return new BalancePrice(RequiredString(e, "location", p), RequiredString(e, "commodity", p), RequiredString(e, "period", p), RequiredNumber(e, "perTonne", p));
                    }),
                    Items(pr, "capacity", "$.prices", required: false, (e, p) =>
                    {
                        Known(e, p, "route", "location", "period", "perTonne");
                        return new CapacityPrice(RouteOrLocation(e, p), RequiredString(e, "period", p), RequiredNumber(e, "perTonne", p));
                    }),
                    Items(pr, "minimumFlow", "$.prices", required: false, (e, p) =>
                    {
                        Known(e, p, "route", "period", "perTonne");
                        return new MinimumFlowPrice(RequiredString(e, "route", p), RequiredString(e, "period", p), RequiredNumber(e, "perTonne", p));
                    }),
                    OptionalNumber(pr, "budget", "$.prices"))
                {
                    Co2Cap = OptionalNumber(pr, "co2Cap", "$.prices"),
                };
            }

            var bottlenecks = Items(root, "bottlenecks", "$", required: false, (e, p) =>
            {
                Known(e, p, "route", "location", "period", "utilisation", "perTonne");
                return new Bottleneck(RouteOrLocation(e, p), RequiredString(e, "period", p), RequiredNumber(e, "utilisation", p), RequiredNumber(e, "perTonne", p));
            });

            VerificationReport? verification = null;
            if (OptionalObject(root, "verification", "$") is { } ve)
            {
                Known(ve, "$.verification", "passed", "maxViolation", "recomputedObjective", "optimalityCertified", "dualityGap");
                verification = new VerificationReport
                {
                    Passed = RequiredBool(ve, "passed", "$.verification"),
                    MaxViolation = RequiredNumber(ve, "maxViolation", "$.verification"),
                    RecomputedObjective = RequiredNumber(ve, "recomputedObjective", "$.verification"),
                    OptimalityCertified = RequiredBool(ve, "optimalityCertified", "$.verification"),
                    DualityGap = OptionalNumber(ve, "dualityGap", "$.verification"),
                };
            }

            var appraisal = Items(root, "appraisal", "$", required: false, (e, p) =>
            {
                Known(e, p, "id", "units", "appraisedUnits", "capitalCost", "annualisedCost", "utilisation", "value", "grossAnnualSaving", "paybackYears", "regret", "note");
                return new OptionAppraisal
                {
                    Id = RequiredString(e, "id", p),
                    Units = RequiredNumber(e, "units", p),
                    AppraisedUnits = RequiredNumber(e, "appraisedUnits", p),
                    CapitalCost = RequiredNumber(e, "capitalCost", p),
                    AnnualisedCost = RequiredNumber(e, "annualisedCost", p),
                    Utilisation = OptionalNumber(e, "utilisation", p),
                    Value = OptionalNumber(e, "value", p),
                    GrossAnnualSaving = OptionalNumber(e, "grossAnnualSaving", p),
                    PaybackYears = OptionalNumber(e, "paybackYears", p),
                    Regret = OptionalNumber(e, "regret", p),
                    Note = OptionalString(e, "note", p),
                };
            });

            // difference, relativeDifference and withinTolerance follow from the three numbers read.
            var observations = Items(root, "observations", "$", required: false, (e, p) =>
            {
                Known(e, p, "id", "name", "modelledAnnualTonnes", "observedAnnualTonnes", "difference", "relativeDifference", "tolerance", "withinTolerance");
                return new ObservationComparison(
                    RequiredString(e, "id", p),
                    RequiredNumber(e, "modelledAnnualTonnes", p),
                    RequiredNumber(e, "observedAnnualTonnes", p),
                    RequiredNumber(e, "tolerance", p))
                {
                    Name = OptionalString(e, "name", p),
                };
            });

            PlanActivity? activity = null;
            if (OptionalObject(root, "activity", "$") is { } ac)
            {
                Known(ac, "$.activity", "total", "byMode", "byCommodity", "byCrossing");
                ActivityLine Line(JsonElement e, string p)
                {
                    Known(e, p, "key", "tonnes", "tonneKm", "tonneDays", "co2Tonnes");
                    return new ActivityLine(RequiredString(e, "key", p), RequiredNumber(e, "tonnes", p), RequiredNumber(e, "tonneKm", p),
                        RequiredNumber(e, "tonneDays", p), RequiredNumber(e, "co2Tonnes", p));
                }

                var total = RequiredObject(ac, "total", "$.activity") is { } t ? Line(t, "$.activity.total") : new ActivityLine("total", 0, 0, 0, 0);
                activity = new PlanActivity(total, Items(ac, "byMode", "$.activity", required: false, Line),
                    Items(ac, "byCommodity", "$.activity", required: false, Line), Items(ac, "byCrossing", "$.activity", required: false, Line));
            }

            return new AllocationPlan
            {
                Activity = activity,
                Appraisal = appraisal,
                Observations = observations,
                ScenarioName = scenario,
                Objective = objective,
                Costs = costs,
                Flows = flows,
                Supplied = supplied,
                Unmet = unmet,
                Investments = investments,
                Prices = prices,
                Bottlenecks = bottlenecks,
                Verification = verification,
            };
        }

        private InfeasibilityExplanation? ReadExplanation(JsonElement root)
        {
            if (OptionalObject(root, "explanation", "$") is not { } e) return null;
            const string path = "$.explanation";
            Known(e, path, "causes", "summary", "shortfalls", "saturated", "minimumFlowRoutes");
            var causes = InfeasibilityCauses.None;
            foreach (var (name, i) in Strings(e, "causes", path).Select((n, i) => (n, i)))
            {
                if (Enum.TryParse<InfeasibilityCauses>(name, ignoreCase: false, out var cause) && Causes.Contains(cause)) causes |= cause;
                else Error(ValidationCode.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"{path}.causes[{i}]"), $"'{name}' is not a known cause; expected HardDemands or MinimumFlows.");
            }

            return new InfeasibilityExplanation
            {
                Causes = causes,
                Summary = RequiredString(e, "summary", path),
                Shortfalls = Items(e, "shortfalls", path, required: false, (s, p) =>
                {
                    Known(s, p, "location", "commodity", "period", "tonnes");
                    return new DemandShortfall(RequiredString(s, "location", p), RequiredString(s, "commodity", p), RequiredString(s, "period", p), RequiredNumber(s, "tonnes", p));
                }),
                Saturated = Items(e, "saturated", path, required: false, (s, p) =>
                {
                    Known(s, p, "route", "location", "period", "perTonne");
                    return new SaturatedCapacity(RouteOrLocation(s, p), RequiredString(s, "period", p), RequiredNumber(s, "perTonne", p));
                }),
                MinimumFlowRoutes = [.. Strings(e, "minimumFlowRoutes", path).Select(r => new RouteId(r))],
            };
        }

        private List<string> Strings(JsonElement parent, string name, string parentPath)
        {
            var values = new List<string>();
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return values;
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(ValidationCode.WrongType, $"{parentPath}.{name}", $"'{name}' must be an array of strings.");
                return values;
            }

            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) values.Add(item.GetString()!);
                else Error(ValidationCode.WrongType, string.Create(CultureInfo.InvariantCulture, $"{parentPath}.{name}[{i}]"), "Expected a string.");
                i++;
            }

            return values;
        }

        private NetworkElement RouteOrLocation(JsonElement e, string path)
        {
            var route = OptionalString(e, "route", path);
            var location = OptionalString(e, "location", path);
            if ((route is null) == (location is null))
            {
                Error(ValidationCode.OutOfRange, path, "Exactly one of route and location must be set.");
            }

            return route is not null ? NetworkElement.Of(new RouteId(route))
                : location is not null ? NetworkElement.Of(new LocationId(location))
                : default;
        }

        private ImmutableArray<T> Items<T>(JsonElement parent, string name, string parentPath, bool required, Func<JsonElement, string, T> read)
        {
            var path = $"{parentPath}.{name}";
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(ValidationCode.MissingField, path, $"'{name}' is required.");
                return [];
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(ValidationCode.WrongType, path, $"'{name}' must be an array.");
                return [];
            }

            var items = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                if (IsObject(element, itemPath)) items.Add(read(element, itemPath));
            }

            return items.ToImmutable();
        }

        private T Name<T>(JsonElement obj, string name, Dictionary<string, T> names)
            where T : struct
        {
            var text = RequiredString(obj, name, "$");
            if (names.TryGetValue(text, out var value)) return value;
            if (text.Length > 0)
            {
                Error(ValidationCode.OutOfRange, $"$.{name}", $"'{text}' is not a known {name}; expected one of {string.Join(", ", names.Keys)}.");
            }

            return default;
        }

        private void Known(JsonElement obj, string path, params string[] names)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (System.Array.IndexOf(names, property.Name) < 0)
                {
                    Error(ValidationCode.UnknownField, $"{path}.{property.Name}", $"'{property.Name}' is not a field of the plan format.");
                }
            }
        }

        private bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object) return true;
            Error(ValidationCode.WrongType, path, "Expected an object.");
            return false;
        }

        private JsonElement? RequiredObject(JsonElement obj, string name, string path)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error(ValidationCode.MissingField, $"{path}.{name}", $"'{name}' is required.");
                return null;
            }

            return IsObject(value, $"{path}.{name}") ? value : null;
        }

        private JsonElement? OptionalObject(JsonElement obj, string name, string path)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return IsObject(value, $"{path}.{name}") ? value : null;
        }

        private string RequiredString(JsonElement obj, string name, string path) =>
            OptionalString(obj, name, path, required: true) ?? "";

        private string? OptionalString(JsonElement obj, string name, string path, bool required = false)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(ValidationCode.MissingField, $"{path}.{name}", $"'{name}' is required.");
                return null;
            }

            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Error(ValidationCode.WrongType, $"{path}.{name}", $"'{name}' must be a string.");
            return null;
        }

        private double RequiredNumber(JsonElement obj, string name, string path) =>
            OptionalNumber(obj, name, path, required: true) ?? 0;

        private double? OptionalNumber(JsonElement obj, string name, string path, bool required = false)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(ValidationCode.MissingField, $"{path}.{name}", $"'{name}' is required.");
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                Error(ValidationCode.WrongType, $"{path}.{name}", $"'{name}' must be a number.");
                return null;
            }

            if (value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
            Error(ValidationCode.NotFinite, $"{path}.{name}", $"'{name}' is too large to be a finite number.");
            return null;
        }

        private bool RequiredBool(JsonElement obj, string name, string path)
        {
            if (obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Error(value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? ValidationCode.MissingField : ValidationCode.WrongType,
                $"{path}.{name}", $"'{name}' must be true or false.");
            return false;
        }

        private void Error(ValidationCode code, string path, string message) =>
            Issues.Add(new ValidationIssue(code, ValidationSeverity.Error, path, message));
    }
}
