using System.Collections.Immutable;
using FreightOptimizer.Corridors;
using FreightOptimizer.Serialization;

namespace FreightOptimizer.Studies;

/// <summary>Turns a study into its cases: loads the scenarios, expands keyword levels, checks the ids levels name.</summary>
internal static class StudyCases
{
    public static ImmutableArray<StudyCase> Resolve(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var issues = new List<ValidationIssue>();
        var baseScenario = Load(study, study.BaseScenario, "$.baseScenario", issues);
        if (baseScenario is null) throw StudyJson.Invalid(issues);

        var dimensions = ImmutableArray.CreateBuilder<ImmutableArray<StudyLevel>>();
        foreach (var dimension in study.Dimensions)
        {
            var levels = ImmutableArray.CreateBuilder<StudyLevel>();
            foreach (var level in dimension.Levels)
            {
                if (level is ScenarioFileLevel file)
                {
                    var loaded = Load(study, file.File, level.Path, issues);
                    levels.Add(file with { Loaded = loaded });
                }
                else if (level is ClosureLevel { Selection: not ClosureSelection.Named } every)
                {
                    var network = baseScenario.Network;
                    if (every.Selection == ClosureSelection.EveryCrossing)
                    {
                        foreach (var crossing in network.Locations.Where(l => l.Kind == LocationKind.BorderCrossing))
                        {
                            levels.Add(new ClosureLevel(crossing.Id.Value) { Locations = [crossing.Id], Path = level.Path });
                        }
                    }
                    else
                    {
                        foreach (var route in network.Routes) levels.Add(new ClosureLevel(route.Id.Value) { Routes = [route.Id], Path = level.Path });
                    }
                }
                else
                {
                    levels.Add(level);
                }
            }

            // A keyword may expand to a label another level has too.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var level in levels)
            {
                if (!seen.Add(level.Label))
                {
                    issues.Add(StudyJson.Issue(ValidationCode.DuplicateId, level.Path, $"Dimension '{dimension.Name}' has the label '{level.Label}' twice once keywords are expanded; labels name cases and must differ."));
                }
            }

            dimensions.Add(levels.ToImmutable());
        }

        if (issues.Count > 0) throw StudyJson.Invalid(issues);

        // Every scenario a case may start from must have every id the other levels name.
        var starts = new List<(Scenario Scenario, string What)> { (baseScenario, "the base scenario") };
        if (dimensions.Any(d => d.Any(l => l is ScenarioFileLevel)))
        {
            starts = [.. dimensions.SelectMany(d => d.OfType<ScenarioFileLevel>()).Select(f => (f.Loaded!, $"scenario '{f.File}'"))];
        }

        for (var d = 0; d < dimensions.Count; d++)
        {
            for (var l = 0; l < dimensions[d].Length; l++)
            {
                var level = dimensions[d][l];
                if (level is ClosureLevel closure)
                {
                    dimensions[d] = dimensions[d].SetItem(l, ResolveClosure(closure, starts, issues));
                    continue;
                }

                foreach (var (scenario, what) in starts) Check(level, scenario, what, issues);
            }
        }

        if (issues.Count > 0) throw StudyJson.Invalid(issues);

        var count = dimensions.Aggregate(1L, (n, d) => n * d.Length);
        if (count > StudyJson.MaxCases)
        {
            throw StudyJson.Invalid([StudyJson.Issue(ValidationCode.LimitExceeded, "$.dimensions", $"The study has {count:N0} cases once keywords are expanded, above the limit of {StudyJson.MaxCases:N0}; split it.")]);
        }

        var names = study.Dimensions.Select(d => d.Name).ToImmutableArray();
        var cases = ImmutableArray.CreateBuilder<StudyCase>((int)count);
        var choice = new int[dimensions.Count];
        for (var k = 0; k < count; k++)
        {
            // Row-major: the last dimension varies fastest, the first slowest.
            var rest = k;
            for (var d = dimensions.Count - 1; d >= 0; d--)
            {
                choice[d] = rest % dimensions[d].Length;
                rest /= dimensions[d].Length;
            }

            cases.Add(new StudyCase(k, [.. choice.Select((c, d) => dimensions[d][c])], names, baseScenario));
        }

        return cases.MoveToImmutable();
    }

    /// <summary>Reads a scenario a study names; its issues are reported with the study's path in front.</summary>
    private static Scenario? Load(Study study, string file, string path, List<ValidationIssue> issues)
    {
        if (file == Study.BuiltInCorridor) return RussiaChinaCorridor.Scenario;
        var full = Path.GetFullPath(Path.Combine(study.BaseDirectory, file));
        if (!File.Exists(full))
        {
            issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, path, $"The scenario file '{file}' does not exist (relative paths are read from the study file's folder)."));
            return null;
        }

        var read = ScenarioJson.TryReadFile(full);
        if (read.Scenario is { } scenario) return scenario;
        foreach (var issue in read.Errors)
        {
            issues.Add(issue with { Path = path, Message = $"In scenario file '{file}' at {issue.Path}: {issue.Message}" });
        }

        return null;
    }

    /// <summary>A named closure with each id told apart as a location or a route, in every scenario a case may start from.</summary>
    private static ClosureLevel ResolveClosure(ClosureLevel closure, List<(Scenario Scenario, string What)> starts, List<ValidationIssue> issues)
    {
        // The reader puts an id given alone in both lists; it must be exactly one of the two.
        var alone = closure.Locations.Length == 1 && closure.Routes.Length == 1 && closure.Locations[0].Value == closure.Routes[0].Value;
        if (alone)
        {
            var id = closure.Locations[0].Value;
            var network = starts[0].Scenario.Network;
            var isLocation = network.TryGetLocation(id, out _);
            var isRoute = network.TryGetRoute(id, out _);
            if (isLocation && isRoute)
            {
                issues.Add(StudyJson.Issue(ValidationCode.OutOfRange, closure.Path, $"'{id}' is both a location and a route of {starts[0].What}; write {{ \"locations\": [\"{id}\"] }} or {{ \"routes\": [\"{id}\"] }}."));
                return closure;
            }

            if (!isLocation && !isRoute)
            {
                issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, closure.Path, $"'{id}' is neither a location nor a route of {starts[0].What}."));
                return closure;
            }

            closure = isLocation ? closure with { Routes = [] } : closure with { Locations = [] };
        }

        foreach (var (scenario, what) in starts)
        {
            var network = scenario.Network;
            for (var i = 0; i < closure.Locations.Length; i++)
            {
                if (!network.TryGetLocation(closure.Locations[i], out _))
                {
                    issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, alone ? closure.Path : $"{closure.Path}.locations[{i}]", $"The location '{closure.Locations[i]}' is not in {what}."));
                }
            }

            for (var i = 0; i < closure.Routes.Length; i++)
            {
                if (!network.TryGetRoute(closure.Routes[i], out _))
                {
                    issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, alone ? closure.Path : $"{closure.Path}.routes[{i}]", $"The route '{closure.Routes[i]}' is not in {what}."));
                }
            }

            CheckPeriods(closure.Periods, scenario, what, $"{closure.Path}.periods", issues);
        }

        return closure;
    }

    private static void Check(StudyLevel level, Scenario scenario, string what, List<ValidationIssue> issues)
    {
        var network = scenario.Network;
        switch (level)
        {
            case DemandScaleLevel demand:
                for (var i = 0; i < demand.Commodities.Length; i++)
                {
                    if (!network.TryGetCommodity(demand.Commodities[i], out _))
                    {
                        issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, $"{level.Path}.commodities[{i}]", $"The commodity '{demand.Commodities[i]}' is not in {what}."));
                    }
                }

                break;
            case AvailabilityLevel availability:
                foreach (var (route, pattern) in availability.Routes.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
                {
                    var at = JsonPath.Member(level.Path + ".routes", route.Value);
                    if (!network.TryGetRoute(route, out _)) issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, at, $"The route '{route}' is not in {what}."));
                    CheckPeriods([.. pattern.Factors.Keys], scenario, what, at, issues);
                }

                foreach (var (location, pattern) in availability.Locations.OrderBy(kv => kv.Key.Value, StringComparer.Ordinal))
                {
                    var at = JsonPath.Member(level.Path + ".locations", location.Value);
                    if (!network.TryGetLocation(location, out _)) issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, at, $"The location '{location}' is not in {what}."));
                    CheckPeriods([.. pattern.Factors.Keys], scenario, what, at, issues);
                }

                break;
        }
    }

    private static void CheckPeriods(ImmutableArray<PeriodId> periods, Scenario scenario, string what, string path, List<ValidationIssue> issues)
    {
        foreach (var period in periods.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            if (scenario.Horizon.IndexOf(period) < 0)
            {
                issues.Add(StudyJson.Issue(ValidationCode.UnknownReference, path, $"The period '{period}' is not in the horizon of {what}."));
            }
        }
    }
}
