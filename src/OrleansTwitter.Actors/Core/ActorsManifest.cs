using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// The grain interfaces and classes this process knows, gathered once at start-up from the
/// manifests the source generator emitted. Lookups on the call path are dictionary reads.
/// </summary>
internal sealed class ActorsManifest
{
    private readonly Dictionary<Type, GrainInterfaceDescriptor> _interfaces = [];
    private readonly Dictionary<(int InterfaceId, int MethodId), GrainMethodDescriptor> _methods = [];
    private readonly Dictionary<string, GrainClassDescriptor> _grainClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassDescriptor>> _implementations = [];
    private readonly Dictionary<int, Type> _interfaceIds = [];
    private readonly Dictionary<string, List<string>> _implicitSubscribers = new(StringComparer.Ordinal);

    // What the cluster's gateways reported, for a client that has the interfaces but not the grain classes.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _clusterGrainTypes = new(StringComparer.Ordinal);

    private ActorsManifest()
    {
    }

    public IReadOnlyCollection<GrainClassDescriptor> GrainClasses => _grainClasses.Values;

    /// <summary>Builds the manifest of <paramref name="assemblies"/> (duplicates are ignored).</summary>
    public static ActorsManifest FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var builder = new ActorsManifestBuilder();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var attribute in assembly.GetCustomAttributes<ActorsManifestProviderAttribute>())
            {
                var provider = (IActorsManifestProvider)(Activator.CreateInstance(attribute.ProviderType)
                    ?? throw new InvalidOperationException($"Cannot create manifest provider {attribute.ProviderType} of {assembly.GetName().Name}."));
                provider.Populate(builder);
            }
        }

        return FromBuilder(builder);
    }

    /// <summary>Builds the manifest of descriptors already collected.</summary>
    public static ActorsManifest FromBuilder(ActorsManifestBuilder builder)
    {
        var manifest = new ActorsManifest();
        foreach (var descriptor in builder.Interfaces)
        {
            manifest.AddInterface(descriptor);
        }

        foreach (var descriptor in builder.GrainClasses)
        {
            manifest.AddGrainClass(descriptor);
        }

        return manifest;
    }

    public bool TryGetInterface(Type interfaceType, [NotNullWhen(true)] out GrainInterfaceDescriptor? descriptor) =>
        _interfaces.TryGetValue(interfaceType, out descriptor);

    public bool TryGetMethod(int interfaceId, int methodId, [NotNullWhen(true)] out GrainMethodDescriptor? descriptor) =>
        _methods.TryGetValue((interfaceId, methodId), out descriptor);

    public bool TryGetGrainClass(string grainType, [NotNullWhen(true)] out GrainClassDescriptor? descriptor) =>
        _grainClasses.TryGetValue(grainType, out descriptor);

    /// <summary>The grain types implicitly subscribed to every stream of <paramref name="streamNamespace"/>.</summary>
    public IReadOnlyList<string> ImplicitSubscribers(string streamNamespace) =>
        _implicitSubscribers.TryGetValue(streamNamespace, out var grainTypes) ? grainTypes : [];

    public bool IsImplicitlySubscribed(string grainType, string streamNamespace) =>
        _implicitSubscribers.TryGetValue(streamNamespace, out var grainTypes) && grainTypes.Contains(grainType, StringComparer.Ordinal);

    /// <summary>Each grain interface implemented by exactly one grain class here, by full name, with that class's grain type.</summary>
    public IReadOnlyDictionary<string, string> InterfaceGrainTypes() =>
        _implementations.Where(i => i.Value.Count == 1 && i.Key.FullName is not null).ToDictionary(i => i.Key.FullName!, i => i.Value[0].GrainType, StringComparer.Ordinal);

    /// <summary>Adds a gateway's interface-to-grain-type map (a client without the grain classes resolves through it).</summary>
    public void AddClusterGrainTypes(IReadOnlyDictionary<string, string> grainTypes)
    {
        foreach (var (interfaceName, grainType) in grainTypes)
        {
            _clusterGrainTypes[interfaceName] = grainType;
        }
    }

    /// <summary>The grain type of the one class that implements <paramref name="interfaceType"/>.</summary>
    public string ResolveGrainType(Type interfaceType)
    {
        if ((!_implementations.TryGetValue(interfaceType, out var classes) || classes.Count == 0)
            && interfaceType.FullName is { } name && _clusterGrainTypes.TryGetValue(name, out var reported))
        {
            return reported;
        }

        if (!_implementations.TryGetValue(interfaceType, out classes) || classes.Count == 0)
        {
            throw new ArgumentException(
                $"No grain class implements {interfaceType.FullName}. Is the assembly that declares the grain class loaded, " +
                "and does its project set <UsesActorsGenerator>true</UsesActorsGenerator>?", nameof(interfaceType));
        }

        if (classes.Count > 1)
        {
            throw new ArgumentException(
                $"{interfaceType.FullName} is implemented by several grain classes ({string.Join(", ", classes.Select(c => c.GrainClass.FullName))}); " +
                "reference one of them by GrainId instead.", nameof(interfaceType));
        }

        return classes[0].GrainType;
    }

    private void AddInterface(GrainInterfaceDescriptor descriptor)
    {
        // Ids are 32-bit hashes of full names: a collision is astronomically rare, but it would
        // route calls to the wrong interface, so it stops the silo at start-up instead.
        if (_interfaceIds.TryGetValue(descriptor.InterfaceId, out var other) && other != descriptor.InterfaceType)
        {
            throw new InvalidOperationException(
                $"Grain interfaces {other.FullName} and {descriptor.InterfaceType.FullName} have the same interface id {descriptor.InterfaceId}. Rename one of them.");
        }

        _interfaceIds[descriptor.InterfaceId] = descriptor.InterfaceType;
        _interfaces.TryAdd(descriptor.InterfaceType, descriptor);
        foreach (var method in descriptor.Methods)
        {
            // The same inherited method is described by every derived interface's manifest.
            _methods.TryAdd((method.InterfaceId, method.MethodId), method);
        }
    }

    private void AddGrainClass(GrainClassDescriptor descriptor)
    {
        if (_grainClasses.TryGetValue(descriptor.GrainType, out var existing))
        {
            if (existing.GrainClass == descriptor.GrainClass)
            {
                return;
            }

            throw new InvalidOperationException(
                $"Grain classes {existing.GrainClass.FullName} and {descriptor.GrainClass.FullName} both have grain type '{descriptor.GrainType}'. " +
                "Give one a different name with [GrainType(\"...\")].");
        }

        _grainClasses.Add(descriptor.GrainType, descriptor);

        // Read once here, at start-up: the attribute is metadata of the class, not of a call.
        foreach (var subscription in descriptor.GrainClass.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: true))
        {
            if (!_implicitSubscribers.TryGetValue(subscription.Namespace, out var grainTypes))
            {
                _implicitSubscribers[subscription.Namespace] = grainTypes = [];
            }

            grainTypes.Add(descriptor.GrainType);
        }

        foreach (var grainInterface in descriptor.Interfaces)
        {
            if (!_implementations.TryGetValue(grainInterface, out var classes))
            {
                _implementations[grainInterface] = classes = [];
            }

            classes.Add(descriptor);
        }
    }
}
