using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Observers;

namespace OrleansTwitter.Actors.Client;

/// <summary>Makes grain references from the generated proxies in the manifest.</summary>
internal sealed class GrainFactory : IGrainFactory
{
    private readonly ActorsManifest _manifest;
    private readonly IGrainCallInvoker _invoker;
    private readonly ConcurrentDictionary<Type, ProxyInfo> _proxies = new();

    public GrainFactory(ActorsManifest manifest, IGrainCallInvoker invoker)
    {
        _manifest = manifest;
        _invoker = invoker;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var info = GetProxyInfo(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.Descriptor.ProxyFactory(_invoker, GrainId.FromString(info.GrainType, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey
    {
        var info = GetProxyInfo(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.Descriptor.ProxyFactory(_invoker, GrainId.FromInteger(info.GrainType, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey
    {
        var info = GetProxyInfo(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.Descriptor.ProxyFactory(_invoker, GrainId.FromGuid(info.GrainType, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain
    {
        var info = GetProxyInfo(typeof(TGrainInterface));
        return (TGrainInterface)(object)info.Descriptor.ProxyFactory(_invoker, grainId);
    }

    /// <summary>The observers created through this factory.</summary>
    public ObserverRegistry Observers { get; } = new();

    /// <summary>Where observers created here are reached: this silo (and, for a client, its gateway and id).</summary>
    public Func<(string Silo, string Client)> ObserverHome { get; set; } = static () => (ObserverId.LocalSilo, string.Empty);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
    {
        if (observer is not TGrainObserverInterface)
        {
            throw new ArgumentException($"{observer?.GetType().Name ?? "null"} does not implement {typeof(TGrainObserverInterface).Name}.", nameof(observer));
        }

        var (silo, client) = ObserverHome();
        var id = new ObserverId(silo, client, Observers.Register(observer)).ToGrainId();
        return (TGrainObserverInterface)(object)CreateReference(typeof(TGrainObserverInterface), id);
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver reference)
        where TGrainObserverInterface : IGrainObserver
    {
        if (reference is not GrainReference { GrainId: var id } || !ObserverId.Is(id))
        {
            throw new ArgumentException("DeleteObjectReference takes a reference made by CreateObjectReference.", nameof(reference));
        }

        Observers.Remove(ObserverId.Parse(id).Handle);
    }

    /// <summary>A proxy of <paramref name="interfaceType"/> for <paramref name="grain"/>, calling through this factory's invoker.</summary>
    internal GrainReference CreateReference(Type interfaceType, GrainId grain) =>
        _manifest.TryGetInterface(interfaceType, out var descriptor)
            ? descriptor.ProxyFactory(_invoker, grain)
            : throw new ArgumentException($"{interfaceType.FullName} has no generated proxy in this process.");

    /// <summary>The generated proxy and the grain type behind an interface; cached.</summary>
    internal ProxyInfo GetProxyInfo(Type interfaceType) => _proxies.GetOrAdd(interfaceType, static (type, manifest) =>
    {
        if (!manifest.TryGetInterface(type, out var descriptor))
        {
            throw new ArgumentException(
                $"{type.FullName} has no generated proxy. Grain interfaces must derive from IGrainWithStringKey, IGrainWithIntegerKey " +
                "or IGrainWithGuidKey, and their project must set <UsesActorsGenerator>true</UsesActorsGenerator>.");
        }

        return new ProxyInfo(descriptor, manifest.ResolveGrainType(type));
    }, _manifest);

    internal sealed record ProxyInfo(GrainInterfaceDescriptor Descriptor, string GrainType);
}
