using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Registers the <c>Default</c> stream provider that <c>Streams:Provider</c> names.</summary>
public static class StreamsConfigurationExtensions
{
    /// <summary>The configuration key that picks the stream provider.</summary>
    public const string ProviderKey = "Streams:Provider";

    /// <summary>
    /// Reads <c>Streams:Provider</c> (default <c>Memory</c>) and registers that provider as
    /// <see cref="StreamProviderNames.Default"/>. An unknown provider fails here, at start-up,
    /// with a message naming the key.
    /// </summary>
    public static ISiloBuilder AddStreamsFromConfiguration(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration[ProviderKey];
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddMemoryStreams(StreamProviderNames.Default);
        }

        var hint = string.Equals(provider, "Redis", StringComparison.OrdinalIgnoreCase)
            ? " Redis comes with the distributed runtime."
            : string.Empty;
        throw new InvalidOperationException($"{ProviderKey} is '{provider}', which this host does not support. Use one of: Memory.{hint}");
    }
}
