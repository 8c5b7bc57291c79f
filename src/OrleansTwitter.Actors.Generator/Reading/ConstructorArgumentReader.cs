using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OrleansTwitter.Actors.Generator.Model;

namespace OrleansTwitter.Actors.Generator.Reading;

/// <summary>
/// Builds the expression that supplies one grain constructor parameter from the activation
/// context (a lambda parameter named <c>ctx</c>): persistent state for [PersistentState]
/// parameters, a service for everything else.
/// </summary>
internal static class ConstructorArgumentReader
{
    private const string RequiredService =
        "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";

    /// <summary>The argument expression, or null after adding the diagnostic that forbids one.</summary>
    public static string? Read(IParameterSymbol parameter, string className, List<DiagnosticInfo> diagnostics)
    {
        var persistentState = KnownTypes.FindAttribute(parameter, KnownTypes.PersistenceNamespace, "PersistentStateAttribute");
        return persistentState is null
            ? Service(parameter)
            : PersistentState(parameter, persistentState, className, diagnostics);
    }

    private static string? PersistentState(IParameterSymbol parameter, AttributeData attribute, string className, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        ITypeSymbol? stateType = null;
        if (parameter.Type is not INamedTypeSymbol named
            || !KnownTypes.Is(named.OriginalDefinition, KnownTypes.PersistenceNamespace, "IPersistentState", 1))
        {
            problem = $"has type '{parameter.Type.ToDisplayString()}', which is not IPersistentState<T>";
        }
        else
        {
            stateType = named.TypeArguments[0];
            if (!KnownTypes.HasPublicParameterlessConstructor(stateType))
            {
                problem = $"has state type '{stateType.ToDisplayString()}', which has no public parameterless constructor (the runtime creates new state with new())";
            }
        }

        var arguments = attribute.ConstructorArguments;
        var stateName = arguments.Length > 0 ? arguments[0].Value as string : null;
        var storageName = arguments.Length > 1 ? arguments[1].Value as string : null;
        if (problem is null && string.IsNullOrEmpty(stateName))
        {
            problem = "has no state name";
        }

        if (problem is not null || stateType is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                ActorsDiagnostics.InvalidPersistentState,
                LocationInfo.From(parameter),
                parameter.Name,
                className,
                problem ?? string.Empty));
            return null;
        }

        return $"ctx.GetPersistentState<{TypeNames.Annotated(stateType)}>({Identifiers.StringLiteral(stateName)}, {Identifiers.StringLiteral(storageName)})";
    }

    private static string Service(IParameterSymbol parameter)
    {
        var type = TypeNames.Erased(parameter.Type);
        if (!parameter.HasExplicitDefaultValue)
        {
            return $"{RequiredService}<{type}>(ctx.ActivationServices)";
        }

        // An optional parameter takes its default when the service is not registered.
        var lookup = $"ctx.ActivationServices.GetService(typeof({type}))";
        var value = parameter.ExplicitDefaultValue;
        if (!parameter.Type.IsValueType)
        {
            return value is null
                ? $"({TypeNames.Annotated(parameter.Type)}){lookup}!"
                : $"({type}?){lookup} ?? {Literal(value)}";
        }

        if (parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return value is null
                ? $"({type}){lookup}"
                : $"({type}){lookup} ?? ({TypeNames.Erased(nullable.TypeArguments[0])})({Literal(value)})";
        }

        // Enum defaults arrive as their underlying number, hence the cast.
        return value is null
            ? $"({type}?){lookup} ?? default({type})"
            : $"({type}?){lookup} ?? ({type})({Literal(value)})";
    }

    private static string Literal(object value) =>
        SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false) ?? "default";
}
