using System.Linq;
using Microsoft.CodeAnalysis;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>
/// Recognises the runtime's types by name. Name checks need no compilation-wide lookups, so
/// the syntax transforms stay cheap, and they work whichever assembly defines the types.
/// </summary>
internal static class KnownTypes
{
    public const string CoreNamespace = "OrleansTwitter.Actors.Core";
    public const string PersistenceNamespace = "OrleansTwitter.Actors.Persistence";
    private const string TasksNamespace = "System.Threading.Tasks";

    public static bool Is(ITypeSymbol? type, string ns, string name, int arity = 0) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && named.ContainingType is null
        && named.ContainingNamespace?.ToDisplayString() == ns;

    /// <summary>IGrain, IGrainWithStringKey and the other interfaces the runtime itself declares.</summary>
    public static bool IsRuntimeMarker(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == CoreNamespace;

    /// <summary>
    /// A user interface that derives, directly or not, from IGrain, or from IGrainObserver (an
    /// observer is called through a generated proxy exactly like a grain).
    /// </summary>
    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsRuntimeMarker(type)
        && type.AllInterfaces.Any(i => Is(i, CoreNamespace, "IGrain") || Is(i, CoreNamespace, "IGrainObserver"));

    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, CoreNamespace, "Grain"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttribute(ISymbol symbol, string ns, string name) =>
        symbol.GetAttributes().Any(a => Is(a.AttributeClass, ns, name));

    public static AttributeData? FindAttribute(ISymbol symbol, string ns, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => Is(a.AttributeClass, ns, name));

    /// <summary>Classifies Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt;; null for anything else.</summary>
    public static Model.ReturnKind? GetReturnKind(ITypeSymbol type)
    {
        if (Is(type, TasksNamespace, "Task"))
        {
            return Model.ReturnKind.Task;
        }

        if (Is(type, TasksNamespace, "Task", 1))
        {
            return Model.ReturnKind.TaskOfT;
        }

        if (Is(type, TasksNamespace, "ValueTask"))
        {
            return Model.ReturnKind.ValueTask;
        }

        if (Is(type, TasksNamespace, "ValueTask", 1))
        {
            return Model.ReturnKind.ValueTaskOfT;
        }

        return null;
    }

    /// <summary>True for a type that satisfies the <c>new()</c> constraint.</summary>
    public static bool HasPublicParameterlessConstructor(ITypeSymbol type) => type switch
    {
        { IsValueType: true } => true,
        INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named =>
            named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public),
        ITypeParameterSymbol parameter => parameter.HasConstructorConstraint || parameter.HasValueTypeConstraint,
        _ => false,
    };
}
