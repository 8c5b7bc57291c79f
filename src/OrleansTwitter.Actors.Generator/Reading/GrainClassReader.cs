using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OrleansTwitter.Actors.Generator.Model;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>Reads a grain class declaration into the model its manifest registration is emitted from.</summary>
internal static class GrainClassReader
{
    private const string GrainSuffix = "Grain";

    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax { BaseList: not null };

    public static ReadResult<GrainClassModel>? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || symbol.IsAbstract
            || symbol.IsStatic
            || !KnownTypes.DerivesFromGrain(symbol)
            || !DeclarationGate.IsPrimary(symbol, declaration, cancellationToken))
        {
            return null;
        }

        var interfaces = symbol.AllInterfaces.Where(KnownTypes.IsGrainInterface).ToArray();
        if (interfaces.Length == 0)
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var model = ReadModel(symbol, interfaces, diagnostics);
        return new ReadResult<GrainClassModel>(model, diagnostics.ToEquatableArray());
    }

    private static GrainClassModel? ReadModel(INamedTypeSymbol symbol, INamedTypeSymbol[] interfaces, List<DiagnosticInfo> diagnostics)
    {
        var name = TypeNames.FullName(symbol);
        if (Reachability.IsGeneric(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(ActorsDiagnostics.GenericGrainClass, LocationInfo.From(symbol), name));
            return null;
        }

        if (Reachability.WhyUnreachable(symbol) is { } why)
        {
            diagnostics.Add(DiagnosticInfo.Create(ActorsDiagnostics.Inaccessible, LocationInfo.From(symbol), name, why));
            return null;
        }

        // The implicit default constructor is listed too, so a class that declares none has one.
        var constructors = symbol.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToArray();
        if (constructors.Length != 1)
        {
            var at = constructors.Length > 1 ? constructors[1] : (ISymbol)symbol;
            diagnostics.Add(DiagnosticInfo.Create(
                ActorsDiagnostics.PublicConstructorCount,
                LocationInfo.From(at) ?? LocationInfo.From(symbol),
                name,
                constructors.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }

        var arguments = new List<string>();
        foreach (var parameter in constructors[0].Parameters)
        {
            if (ConstructorArgumentReader.Read(parameter, name, diagnostics) is { } argument)
            {
                arguments.Add(argument);
            }
        }

        if (arguments.Count != constructors[0].Parameters.Length)
        {
            return null;
        }

        return new GrainClassModel(
            TypeNames.Erased(symbol),
            GrainTypeName(symbol),
            IsReentrant(symbol),
            interfaces.Select(TypeNames.Erased).ToEquatableArray(),
            arguments.ToEquatableArray());
    }

    /// <summary>[GrainType("name")] if present, else the class name without "Grain", lower case.</summary>
    private static string GrainTypeName(INamedTypeSymbol symbol)
    {
        var attribute = KnownTypes.FindAttribute(symbol, KnownTypes.CoreNamespace, "GrainTypeAttribute");
        if (attribute is { ConstructorArguments.Length: > 0 } && attribute.ConstructorArguments[0].Value is string { Length: > 0 } explicitName)
        {
            return explicitName;
        }

        var name = symbol.Name;
        if (name.Length > GrainSuffix.Length && name.EndsWith(GrainSuffix, StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - GrainSuffix.Length);
        }

        return name.ToLowerInvariant();
    }

    // [Reentrant] is inherited (AttributeUsage Inherited = true), so base classes count.
    private static bool IsReentrant(INamedTypeSymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.BaseType)
        {
            if (KnownTypes.HasAttribute(current, KnownTypes.CoreNamespace, "ReentrantAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
