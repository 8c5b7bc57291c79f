using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;

namespace OrleansTwitter.Actors.Streams;

/// <summary>Registering stream providers and getting them from grains and clients.</summary>
public static class StreamingExtensions
{
    /// <summary>Adds a <c>Memory</c> stream provider named <paramref name="name"/>: best effort, inside the cluster.</summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder builder, string name = StreamProviderNames.Default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => new MemoryStreamProvider(name, sp.GetRequiredService<StreamingRuntime>()));
        return builder;
    }

    /// <summary>The stream provider named <paramref name="name"/>, from a grain.</summary>
    public static IStreamProvider GetStreamProvider(this Grain grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var activation = grain.Activation ?? throw new InvalidOperationException("Only a grain created by the runtime has stream providers.");
        return Resolve(activation.ActivationServices, name);
    }

    /// <summary>The stream provider named <paramref name="name"/>, from a cluster client.</summary>
    public static IStreamProvider GetStreamProvider(this IClusterClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Resolve(client.ServiceProvider, name);
    }

    private static IStreamProvider Resolve(IServiceProvider services, string name) =>
        services.GetKeyedService<IStreamProvider>(name) ?? throw new InvalidOperationException(
            $"No stream provider named '{name}' is registered. Add one with AddMemoryStreams(\"{name}\") (or the host's Streams:Provider setting).");
}
