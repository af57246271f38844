using System.Reflection;
using FreightOptimizer.Tests.Readme;
using NetArchTest.Rules;

namespace FreightOptimizer.Tests.Architecture;

/// <summary>The dependency rules of docs/design.md, enforced on the compiled library.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Library = typeof(FreightPlanner).Assembly;

    private static readonly Lazy<FolderDependencies> Scan = new(() => FolderDependencies.Scan(
        Path.Combine(ReadmeSnippetTests.RepositoryRoot(), "src", "FreightOptimizer"), Library.Location));

    /// <summary>Every (folder, later folder) pair that docs/design.md's dependency table forbids.</summary>
    public static TheoryData<string, string> ForbiddenDependencies()
    {
        var data = new TheoryData<string, string>();
        foreach (var (folder, forbidden) in DesignTable.Read().ForbiddenPairs()) data.Add(folder, forbidden);
        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenDependencies))]
    public void Folder_DoesNotUseAFolderTheDesignForbids(string folder, string forbidden)
    {
        var uses = Scan.Value.Uses.TryGetValue(folder, out var set) && set.Contains(forbidden);

        Assert.False(uses, $"{folder}/ uses {forbidden}/, which docs/design.md forbids: "
            + string.Join("; ", Scan.Value.Examples.GetValueOrDefault(folder + "→" + forbidden) ?? []));
    }

    [Fact]
    public void DesignTable_NamesEveryFolderOfTheLibrary()
    {
        var table = DesignTable.Read().Folders.Order(StringComparer.Ordinal);
        var folders = Scan.Value.Folders.Where(f => f.Length > 0).Order(StringComparer.Ordinal);

        Assert.Equal(table, folders);
    }

    [Fact]
    public void DesignTable_ForbidsWhatEachFolderMayNotUse()
    {
        // The generated rules are only as good as the parse: Verification must never use Formulation or Solving.
        var pairs = DesignTable.Read().ForbiddenPairs().ToHashSet();

        Assert.Contains(("Verification", "Formulation"), pairs);
        Assert.Contains(("Verification", "Solving"), pairs);
        Assert.Contains(("Network", "Scenarios"), pairs);
        Assert.DoesNotContain(("Scenarios", "Network"), pairs);
    }

    [Fact]
    public void DependencyScan_SeesKnownDependencies()
    {
        // A control: the scanner must see what we know is there, or the rules above prove nothing.
        var uses = Scan.Value.Uses;
        Assert.Contains("Formulation", uses["Solving"]);
        Assert.Contains("Network", uses["Scenarios"]);
        Assert.Contains("Results", uses["Verification"]);
        Assert.Contains("assembly:Google.OrTools", uses["Solving"]);
        Assert.Contains("assembly:QuikGraph", uses["Graph"]);
    }

    [Fact]
    public void OrTools_IsUsedOnlyInsideSolvingOrTools()
    {
        var result = Types.InAssembly(Library)
            .That().DoNotResideInNamespace("FreightOptimizer.Solving.OrTools")
            .ShouldNot().HaveDependencyOn("Google.OrTools")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void QuikGraph_IsUsedOnlyInsideGraph()
    {
        var result = Types.InAssembly(Library)
            .That().DoNotResideInNamespace("FreightOptimizer.Graph")
            .ShouldNot().HaveDependencyOn("QuikGraph")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void PublicSignatures_ExposeNoOrToolsOrQuikGraphType()
    {
        var offenders = new List<string>();
        foreach (var type in Library.GetExportedTypes())
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
            foreach (var member in members)
            {
                foreach (var used in SignatureTypes(member))
                {
                    if (IsForeign(used)) offenders.Add($"{type.FullName}.{member.Name} uses {used.FullName}");
                }
            }

            if (type.BaseType is { } baseType && IsForeign(baseType)) offenders.Add($"{type.FullName} derives from {baseType.FullName}");
            offenders.AddRange(type.GetInterfaces().Where(IsForeign).Select(i => $"{type.FullName} implements {i.FullName}"));
        }

        Assert.Empty(offenders);
        Assert.NotEmpty(Library.GetExportedTypes());
    }

    [Fact]
    public void OrToolsAndGraphAdapters_AreInternal()
    {
        var exported = Library.GetExportedTypes()
            .Where(t => t.Namespace is "FreightOptimizer.Solving.OrTools" or "FreightOptimizer.Graph" or "FreightOptimizer.Formulation")
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(exported);
    }

    [Theory]
    [InlineData("ScottPlot")]
    [InlineData("SkiaSharp")]
    [InlineData("CsvHelper")]
    public void ReportLibraries_AreUsedOnlyInsideExport(string library)
    {
        var result = Types.InAssembly(Library)
            .That().DoNotResideInNamespace("FreightOptimizer.Export")
            .ShouldNot().HaveDependencyOn(library)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static bool IsForeign(Type type)
    {
        if (type.IsGenericType && type.GetGenericArguments().Any(IsForeign)) return true;
        if (type.HasElementType && IsForeign(type.GetElementType()!)) return true;
        var ns = type.Namespace ?? "";
        // The report libraries stay implementation details too: a user of the reports needs neither.
        return ns.StartsWith("Google.", StringComparison.Ordinal) || ns.StartsWith("QuikGraph", StringComparison.Ordinal)
            || ns.StartsWith("ScottPlot", StringComparison.Ordinal) || ns.StartsWith("SkiaSharp", StringComparison.Ordinal)
            || ns.StartsWith("CsvHelper", StringComparison.Ordinal);
    }

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        EventInfo e => e.EventHandlerType is { } h ? [h] : [],
        _ => [],
    };
}
