using System.Reflection;
using FreightOptimizer.Solving;
using NetArchTest.Rules;

namespace FreightOptimizer.Tests.Architecture;

/// <summary>The dependency rules of docs/design.md ("The library's folders"), enforced on the compiled library.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Library = typeof(FreightPlanner).Assembly;

    private static PredicateList Namespace(string folder) => Types.InAssembly(Library).That().ResideInNamespace($"FreightOptimizer.{folder}");

    public static TheoryData<string, string> ForbiddenDependencies()
    {
        // Folders in the order of docs/design.md's table; a folder may use only folders above it.
        var rules = new TheoryData<string, string>
        {
            { "Verification", "FreightOptimizer.Formulation" },
            { "Verification", "FreightOptimizer.Solving" },
            { "Network", "FreightOptimizer.Scenarios" },
            { "Network", "FreightOptimizer.Results" },
            { "Scenarios", "FreightOptimizer.Validation" },
            { "Scenarios", "FreightOptimizer.Results" },
            { "Scenarios", "FreightOptimizer.Solving" },
            { "Results", "FreightOptimizer.Solving" },
            { "Results", "FreightOptimizer.Formulation" },
            { "Formulation", "FreightOptimizer.Solving" },
            { "Formulation", "FreightOptimizer.Results" },
            { "Formulation", "Google.OrTools" },
            { "Validation", "FreightOptimizer.Solving" },
            { "Validation", "Google.OrTools" },
            { "Serialization", "FreightOptimizer.Solving" },
            { "Serialization", "Google.OrTools" },
            { "Corridors", "FreightOptimizer.Solving" },
            // The built-in corridors are data read through Serialization: Network, Scenarios and Serialization only.
            { "Corridors", "FreightOptimizer.Graph" },
            { "Corridors", "FreightOptimizer.Validation" },
            { "Corridors", "FreightOptimizer.Results" },
            { "Corridors", "FreightOptimizer.Verification" },
            { "Corridors", "FreightOptimizer.Formulation" },
            { "Corridors", "FreightOptimizer.Analysis" },
            { "Corridors", "FreightOptimizer.Export" },
            { "Solving", "FreightOptimizer.Analysis" },
            { "Results", "FreightOptimizer.Analysis" },
            { "Serialization", "FreightOptimizer.Analysis" },
        };
        return rules;
    }

    [Theory]
    [MemberData(nameof(ForbiddenDependencies))]
    public void Folder_DoesNotDependOnLaterFolders(string folder, string forbidden)
    {
        var result = Namespace(folder).ShouldNot().HaveDependencyOn(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{folder} uses {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void DependencyScan_SeesKnownDependencies()
    {
        // A control: the scanner must see what we know is there, or the rules above prove nothing.
        Assert.True(Namespace("Solving").And().HaveNameStartingWith("FreightPlanner").Should().HaveDependencyOn("FreightOptimizer.Formulation").GetResult().IsSuccessful);
        Assert.False(Namespace("Solving").ShouldNot().HaveDependencyOn("Google.OrTools").GetResult().IsSuccessful);
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

    private static bool IsForeign(Type type)
    {
        if (type.IsGenericType && type.GetGenericArguments().Any(IsForeign)) return true;
        if (type.HasElementType && IsForeign(type.GetElementType()!)) return true;
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Google.", StringComparison.Ordinal) || ns.StartsWith("QuikGraph", StringComparison.Ordinal);
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
