using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>Registers the durable <c>Redis</c> stream provider.</summary>
public static class RedisStreamingExtensions
{
    /// <summary>
    /// Adds a <c>Redis</c> stream provider named <paramref name="name"/>: events are queued in
    /// Redis Streams before <c>OnNextAsync</c> completes, and delivered at least once by agents
    /// on the silos that own their partitions. Invalid options throw here, naming each one.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ISiloBuilder AddRedisStreams(this ISiloBuilder builder, string name, Action<RedisStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RedisStreamOptions();
        configure(options);
        RedisStreamOptionsValidator.ThrowIfInvalid(options);
        builder.Services.AddKeyedSingleton(name, (sp, _) => new RedisStreamProvider(
            name, sp.GetRequiredService<StreamingRuntime>(), options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<RedisStreamProvider>()));
        builder.Services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) => sp.GetRequiredKeyedService<RedisStreamProvider>(name));
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(sp => new RedisStreamAgents(sp.GetRequiredKeyedService<RedisStreamProvider>(name)));
        return builder;
    }
}
