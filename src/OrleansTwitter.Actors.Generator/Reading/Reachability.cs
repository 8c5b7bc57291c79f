using Microsoft.CodeAnalysis;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>Whether generated code, which lives in its own namespace, can name a type.</summary>
internal static class Reachability
{
    /// <summary>Null when generated code in the same assembly can reference the type; otherwise why not.</summary>
    public static string? WhyUnreachable(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            {
                continue;
            }

            var accessibility = current.DeclaredAccessibility switch
            {
                Accessibility.Private => "private",
                Accessibility.Protected => "protected",
                Accessibility.ProtectedAndInternal => "private protected",
                _ => "not accessible",
            };
            return SymbolEqualityComparer.Default.Equals(current, type)
                ? accessibility
                : $"nested in the {accessibility} type '{TypeNames.FullName(current)}'";
        }

        return null;
    }

    /// <summary>Public, and nested only in public types: generated types for it may be public too.</summary>
    public static bool IsEffectivelyPublic(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Generic itself or nested in a generic type: either way it has type parameters.</summary>
    public static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
