using System.Linq;
using Microsoft.CodeAnalysis;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>The ways the generator spells a type.</summary>
internal static class TypeNames
{
    // Declarations in generated code must repeat the interface's nullable annotations exactly,
    // or explicit implementations raise nullability warnings in consumers.
    private static readonly SymbolDisplayFormat AnnotatedFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat FullNameFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary><c>global::System.Threading.Tasks.Task&lt;string?&gt;</c>: for declarations and casts.</summary>
    public static string Annotated(ITypeSymbol type) => type.ToDisplayString(AnnotatedFormat);

    /// <summary>Without nullable reference annotations: for typeof and notnull type arguments.</summary>
    public static string Erased(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary><c>MyApp.Contracts.IUserGrain</c>; nested types read <c>Outer.IInner</c>.</summary>
    public static string FullName(ISymbol symbol) => symbol.ToDisplayString(FullNameFormat);

    /// <summary>
    /// <c>Name(T1,T2)</c> with fully-qualified parameter types and no global:: prefixes: the
    /// text a method id hashes. Nullable reference annotations are left out because they do
    /// not change what travels on the wire.
    /// </summary>
    public static string MethodSignature(IMethodSymbol method) =>
        method.Name + "(" + string.Join(",", method.Parameters.Select(p => Erased(p.Type).Replace("global::", string.Empty))) + ")";
}
