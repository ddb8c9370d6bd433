using Mono.Cecil;

namespace Maillage.IntegrationTests.Architecture;

/// <summary>A use of one type (or of a forbidden member, such as <c>DateTime.Now</c>) by a type of ours, found in its compiled code.</summary>
public sealed record Dependency(string From, string To, string Member = "")
{
    public override string ToString() => Member.Length == 0 ? $"{From} → {To}" : $"{From} → {To}::{Member}";
}

/// <summary>
/// Reads, from compiled assemblies, every type a type uses: base types, interfaces, fields, properties, signatures, attributes, generic
/// arguments and the instructions of its method bodies (locals, calls, casts, catches). Nested types — closures, async state machines —
/// count for the type that declares them. The rules of <see cref="ModuleRules"/> judge these uses.
/// </summary>
public static class DependencyReader
{
    public static IReadOnlyList<TypeDefinition> TypesOf(params Type[] anchors) =>
        [.. anchors.Select(a => a.Assembly.Location).Distinct().SelectMany(path => AssemblyDefinition.ReadAssembly(path).MainModule.Types)];

    /// <summary>The types a type (with its nested types) uses, and the members of <see cref="DateTime"/> and <see cref="DateTimeOffset"/> it calls.</summary>
    public static IReadOnlyList<Dependency> Of(TypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = new HashSet<Dependency>();
        var owner = type.FullName;
        foreach (var t in WithNested(type))
        {
            Visit(t, found, owner);
        }

        return [.. found];
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static void Visit(TypeDefinition t, HashSet<Dependency> found, string owner)
    {
        void Add(TypeReference? r)
        {
            foreach (var name in Names(r))
            {
                found.Add(new Dependency(owner, name));
            }
        }

        Add(t.BaseType);
        t.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        Attributes(t.CustomAttributes, Add);
        t.GenericParameters.SelectMany(g => g.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
        foreach (var f in t.Fields)
        {
            Add(f.FieldType);
            Attributes(f.CustomAttributes, Add);
        }

        foreach (var p in t.Properties)
        {
            Add(p.PropertyType);
            Attributes(p.CustomAttributes, Add);
        }

        foreach (var e in t.Events)
        {
            Add(e.EventType);
        }

        foreach (var m in t.Methods)
        {
            Add(m.ReturnType);
            Attributes(m.CustomAttributes, Add);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
                Attributes(p.CustomAttributes, Add);
            }

            m.GenericParameters.SelectMany(g => g.Constraints).ToList().ForEach(c => Add(c.ConstraintType));
            if (!m.HasBody)
            {
                continue;
            }

            m.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            m.Body.ExceptionHandlers.ToList().ForEach(h => Add(h.CatchType));
            foreach (var i in m.Body.Instructions)
            {
                switch (i.Operand)
                {
                    case TypeReference r:
                        Add(r);
                        break;
                    case MethodReference r:
                        Add(r.DeclaringType);
                        Add(r.ReturnType);
                        r.Parameters.ToList().ForEach(p => Add(p.ParameterType));
                        if (r is GenericInstanceMethod g)
                        {
                            g.GenericArguments.ToList().ForEach(Add);
                        }

                        if (r.DeclaringType.FullName is "System.DateTime" or "System.DateTimeOffset" && r.Name is "get_Now" or "get_UtcNow" or "get_Today")
                        {
                            found.Add(new Dependency(owner, r.DeclaringType.FullName, r.Name[4..]));
                        }

                        break;
                    case FieldReference r:
                        Add(r.DeclaringType);
                        Add(r.FieldType);
                        break;
                }
            }
        }
    }

    private static void Attributes(IEnumerable<CustomAttribute> attributes, Action<TypeReference?> add)
    {
        foreach (var a in attributes)
        {
            add(a.AttributeType);
        }
    }

    /// <summary>The full names a reference stands for: itself and its generic arguments and element types, without the generic arity.</summary>
    private static IEnumerable<string> Names(TypeReference? r)
    {
        switch (r)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType g:
                foreach (var inner in Names(g.ElementType).Concat(g.GenericArguments.SelectMany(Names)))
                {
                    yield return inner;
                }

                yield break;
            case TypeSpecification s:
                foreach (var inner in Names(s.ElementType))
                {
                    yield return inner;
                }

                yield break;
            default:
                var name = r.DeclaringType is { } declaring ? Names(declaring).First() + "/" + r.Name : r.FullName;
                yield return name;
                yield break;
        }
    }
}
