using Microsoft.Extensions.Configuration;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Redis.Streams;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Registers the <c>Default</c> stream provider that <c>Streams:Provider</c> names.</summary>
public static class StreamsConfigurationExtensions
{
    /// <summary>The configuration key that picks the stream provider.</summary>
    public const string ProviderKey = "Streams:Provider";

    /// <summary>The section whose keys tune the Redis provider (<see cref="RedisStreamOptions"/> property names, e.g. <c>Streams:Redis:Partitions</c>).</summary>
    public const string RedisSection = "Streams:Redis";

    /// <summary>
    /// Reads <c>Streams:Provider</c> (default <c>Memory</c>) and registers that provider as
    /// <see cref="StreamProviderNames.Default"/>. <c>Redis</c> takes <c>Redis:ConnectionString</c>,
    /// <c>Cluster:ClusterId</c> and the <c>Streams:Redis</c> section. An unknown provider or an
    /// invalid option fails here, at start-up, with an <see cref="InvalidOperationException"/>
    /// naming the key.
    /// </summary>
    public static ISiloBuilder AddStreamsFromConfiguration(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var provider = configuration[ProviderKey];
        if (string.IsNullOrEmpty(provider) || string.Equals(provider, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return builder.AddMemoryStreams(StreamProviderNames.Default);
        }

        if (!string.Equals(provider, "Redis", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ProviderKey} is '{provider}', which this host does not support. Use one of: Memory, Redis.");
        }

        try
        {
            return builder.AddRedisStreams(StreamProviderNames.Default, options =>
            {
                configuration.GetSection(RedisSection).Bind(options);
                options.ConnectionString = configuration["Redis:ConnectionString"] ?? options.ConnectionString;
                options.ClusterId = configuration["Cluster:ClusterId"] ?? options.ClusterId;
            });
        }
        catch (ArgumentException invalid)
        {
            throw new InvalidOperationException($"{ProviderKey} is Redis, but its settings ({RedisSection}:*, Redis:ConnectionString, Cluster:ClusterId) are invalid: {invalid.Message}", invalid);
        }
    }
}
