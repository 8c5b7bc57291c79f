using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Core;

/// <summary>Generated metadata for one grain interface.</summary>
/// <param name="InterfaceType">The grain interface.</param>
/// <param name="InterfaceId">A stable hash of the interface's full name.</param>
/// <param name="ProxyFactory">Creates the generated proxy.</param>
/// <param name="Methods">Every method callable through the interface, inherited ones included.</param>
public sealed record GrainInterfaceDescriptor(
    Type InterfaceType,
    int InterfaceId,
    Func<IGrainCallInvoker, GrainId, GrainReference> ProxyFactory,
    IReadOnlyList<GrainMethodDescriptor> Methods);

/// <summary>Generated metadata for one grain method.</summary>
/// <param name="InterfaceId">The id of the interface that declares the method.</param>
/// <param name="MethodId">A stable hash of the method's name and parameter types.</param>
/// <param name="Name">The method's name.</param>
/// <param name="CreateRequest">Creates an empty request, for deserializing a remote call.</param>
public sealed record GrainMethodDescriptor(
    int InterfaceId,
    int MethodId,
    string Name,
    Func<GrainRequest> CreateRequest);

/// <summary>Generated metadata for one grain class.</summary>
/// <param name="GrainClass">The grain class.</param>
/// <param name="GrainType">Its grain type name (class name without "Grain", lower case, unless <c>[GrainType]</c> says otherwise).</param>
/// <param name="IsReentrant">True when the class carries <c>[Reentrant]</c>.</param>
/// <param name="Interfaces">The grain interfaces the class implements.</param>
/// <param name="Create">Creates an instance, resolving constructor parameters from the activation context.</param>
public sealed record GrainClassDescriptor(
    Type GrainClass,
    string GrainType,
    bool IsReentrant,
    IReadOnlyList<Type> Interfaces,
    Func<IGrainActivationContext, object> Create);
