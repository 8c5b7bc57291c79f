using Microsoft.CodeAnalysis;

namespace OrleansTwitter.Actors.Generator;

/// <summary>
/// The compile errors the generator reports. Each message says what is wrong and what is
/// allowed, because the alternative is a runtime failure far from the declaration.
/// </summary>
internal static class ActorsDiagnostics
{
    private const string Category = "OrleansTwitter.Actors";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "OTA001",
        "Grain method has an unsupported return type",
        "Grain method '{0}' returns '{1}'; a grain method must return Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor ByReferenceParameter = Error(
        "OTA002",
        "Grain method parameter is passed by reference",
        "Parameter '{0}' of grain method '{1}' is a '{2}' parameter; grain method parameters are passed by value only (ref, out, in and ref readonly are not allowed)");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "OTA003",
        "Grain method is generic",
        "Grain method '{0}' is generic; grain methods cannot have type parameters, use concrete parameter and return types");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "OTA004",
        "Grain interface is generic",
        "Grain interface '{0}' is generic; grain interfaces cannot have type parameters or be nested in a generic type, declare a non-generic interface instead");

    public static readonly DiagnosticDescriptor NonMethodMember = Error(
        "OTA005",
        "Grain interface declares a member that is not a method",
        "Grain interface '{0}' declares the {1} '{2}'; a grain interface may only declare methods (properties, indexers and events are not allowed)");

    public static readonly DiagnosticDescriptor PublicConstructorCount = Error(
        "OTA006",
        "Grain class must have exactly one public constructor",
        "Grain class '{0}' has {1} public constructors; a grain class must have exactly one public constructor (or declare none, for the implicit default), which the runtime calls to create it");

    public static readonly DiagnosticDescriptor InvalidPersistentState = Error(
        "OTA007",
        "Invalid [PersistentState] parameter",
        "[PersistentState] parameter '{0}' of grain class '{1}' {2}; a [PersistentState] parameter must have type IPersistentState<T> where T has a public parameterless constructor");

    public static readonly DiagnosticDescriptor MethodIdCollision = Error(
        "OTA008",
        "Two grain methods have the same method id",
        "Grain methods '{0}' and '{1}' of interface '{2}' hash to the same method id {3}; rename one of them or change its parameter types so that the ids differ");

    public static readonly DiagnosticDescriptor GenericGrainClass = Error(
        "OTA009",
        "Grain class is generic",
        "Grain class '{0}' is generic; grain classes cannot have type parameters or be nested in a generic type, derive a non-generic grain class from it instead");

    public static readonly DiagnosticDescriptor Inaccessible = Error(
        "OTA010",
        "Grain type is not accessible to generated code",
        "'{0}' is {1}; grain interfaces and grain classes must be public or internal (and nested only in public or internal types) so that generated code can reference them");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
