using System.Text.RegularExpressions;
using Mono.Cecil;

namespace FreightOptimizer.Tests.Architecture;

/// <summary>
/// Which library folder each compiled type comes from, and which folders each folder's types use:
/// read from the source tree (a type's folder is the top folder under <c>src/FreightOptimizer/</c>
/// of the file that declares it) and from the compiled IL (every type a member signature, attribute,
/// local or instruction names), so the rules hold however namespaces are arranged.
/// </summary>
internal sealed partial class FolderDependencies
{
    private readonly Dictionary<string, string> folderOfType;

    private FolderDependencies(Dictionary<string, string> folderOfType, Dictionary<string, HashSet<string>> uses, Dictionary<string, List<string>> examples)
    {
        this.folderOfType = folderOfType;
        Uses = uses;
        Examples = examples;
    }

    /// <summary>Folder → folders (and foreign assemblies, as <c>assembly:Name</c>) its types use.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Uses { get; }

    /// <summary>"Folder→used" → a few type pairs that make the dependency, for messages.</summary>
    public IReadOnlyDictionary<string, List<string>> Examples { get; }

    /// <summary>The folders that declare at least one type.</summary>
    public IEnumerable<string> Folders => folderOfType.Values.Distinct(StringComparer.Ordinal);

    public static FolderDependencies Scan(string sourceRoot, string assemblyPath)
    {
        var folderOfType = DeclaredTypes(sourceRoot);
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var examples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.Types)
        {
            if (type.Name is "<Module>" || type.Name.StartsWith('<') || IsCompilerEmitted(type)) continue;
            var from = FolderOf(folderOfType, type)
                ?? throw new InvalidOperationException($"No source file under {sourceRoot} declares {type.FullName}.");
            if (!uses.TryGetValue(from, out var set)) uses[from] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in ReferencedTypes(type))
            {
                string? to;
                if (used.Scope is ModuleDefinition || used.Scope.Name == module.Assembly.Name.Name)
                {
                    var top = Outermost(used);
                    if (top.Name.StartsWith('<') || top.Namespace.StartsWith("System", StringComparison.Ordinal) || top.Namespace.StartsWith("Microsoft", StringComparison.Ordinal)) continue;
                    to = FolderOf(folderOfType, top);
                    if (to is null || to == from) continue;
                }
                else
                {
                    to = "assembly:" + AssemblyName(used.Scope);
                }

                set.Add(to);
                var key = from + "→" + to;
                if (!examples.TryGetValue(key, out var list)) examples[key] = list = [];
                if (list.Count < 5) list.Add($"{type.FullName} uses {used.FullName}");
            }
        }

        return new FolderDependencies(folderOfType, uses, examples);
    }

    private static string AssemblyName(IMetadataScope scope) => scope switch
    {
        AssemblyNameReference reference => reference.Name,
        ModuleDefinition module => module.Assembly.Name.Name,
        _ => scope.Name,
    };

    private static bool IsCompilerEmitted(TypeDefinition type) =>
        type.Namespace.StartsWith("System", StringComparison.Ordinal) || type.Namespace.StartsWith("Microsoft", StringComparison.Ordinal);

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static string? FolderOf(Dictionary<string, string> folderOfType, TypeReference type)
    {
        var top = Outermost(type);
        var name = top.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return folderOfType.TryGetValue(top.Namespace + "." + name, out var folder) ? folder : null;
    }

    /// <summary>Full name (namespace + type name, generic arity dropped) → folder, from the declarations in the source files.</summary>
    private static Dictionary<string, string> DeclaredTypes(string sourceRoot)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceRoot, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            var folder = slash < 0 ? "" : relative[..slash];
            var text = File.ReadAllText(file);
            var ns = NamespacePattern().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
            foreach (Match declaration in DeclarationPattern().Matches(text))
            {
                var key = ns + "." + declaration.Groups[1].Value;
                if (map.TryGetValue(key, out var other) && other != folder)
                {
                    throw new InvalidOperationException($"{key} is declared in two folders, {other} and {folder}: a type belongs to one folder.");
                }

                map[key] = folder;
            }
        }

        return map;
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        Visit(type, found);
        return found.SelectMany(Unwrap);
    }

    private static void Visit(TypeDefinition type, List<TypeReference> found)
    {
        if (type.BaseType is not null) found.Add(type.BaseType);
        found.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        AddAttributes(type, found);
        foreach (var field in type.Fields)
        {
            found.Add(field.FieldType);
            AddAttributes(field, found);
        }

        foreach (var property in type.Properties)
        {
            found.Add(property.PropertyType);
            AddAttributes(property, found);
        }

        foreach (var evt in type.Events) found.Add(evt.EventType);
        foreach (var method in type.Methods)
        {
            found.Add(method.ReturnType);
            found.AddRange(method.Parameters.Select(p => p.ParameterType));
            AddAttributes(method, found);
            if (!method.HasBody) continue;
            found.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        found.Add(t);
                        break;
                    case MethodReference m:
                        found.Add(m.DeclaringType);
                        found.Add(m.ReturnType);
                        found.AddRange(m.Parameters.Select(p => p.ParameterType));
                        if (m is GenericInstanceMethod g) found.AddRange(g.GenericArguments);
                        break;
                    case FieldReference f:
                        found.Add(f.DeclaringType);
                        found.Add(f.FieldType);
                        break;
                }
            }
        }

        foreach (var nested in type.NestedTypes) Visit(nested, found);
    }

    private static void AddAttributes(ICustomAttributeProvider provider, List<TypeReference> found)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            found.Add(attribute.AttributeType);
            found.AddRange(attribute.ConstructorArguments.Select(a => a.Value).OfType<TypeReference>());
        }
    }

    /// <summary>A generic instance, array, by-ref or pointer stands for every type it is made of.</summary>
    private static IEnumerable<TypeReference> Unwrap(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Unwrap(generic.ElementType)) yield return t;
                foreach (var argument in generic.GenericArguments)
                {
                    foreach (var t in Unwrap(argument)) yield return t;
                }

                break;
            case TypeSpecification specification:
                foreach (var t in Unwrap(specification.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|internal|private|protected|file|sealed|static|abstract|readonly|partial|ref|unsafe|new)\s+)*(?:record\s+struct|record\s+class|record|class|struct|interface|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex DeclarationPattern();
}
