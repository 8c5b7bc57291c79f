using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Adds the timeline domain to a silo.</summary>
public static class TimelineSiloBuilderExtensions
{
    /// <summary>
    /// Adds the timeline grains and their per-silo services (tweet id generator, celebrity
    /// cache, tweet store), with <see cref="TimelineOptions"/> bound from the <c>Timeline</c>
    /// section and validated at start. The silo also needs a stream provider named
    /// <c>Default</c> (<see cref="StreamsConfigurationExtensions.AddStreamsFromConfiguration"/>
    /// or <c>AddMemoryStreams()</c>) and a default grain storage provider.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configure">Adjusts the options after configuration is bound (tests, benchmarks).</param>
    public static ISiloBuilder AddTimeline(this ISiloBuilder builder, Action<TimelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrainAssembly(typeof(UserGrain).Assembly);
        builder.AddGrainAssembly(typeof(IUserGrain).Assembly);

        var options = builder.Services.AddOptions<TimelineOptions>().Bind(builder.Configuration.GetSection(TimelineOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimelineOptions>, TimelineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateIdGenerator);
        services.TryAddSingleton(sp => new CelebrityTweetCache(
            CelebrityTweetCache.FromGrains(sp.GetRequiredService<IGrainFactory>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TimelineOptions>>()));
        services.TryAddSingleton<TweetRecords>();
        services.TryAddSingleton<TweetStore>();
        services.TryAddSingleton<ITweetStore>(sp => sp.GetRequiredService<TweetStore>());
        services.TryAddSingleton<TimelineServices>();
        return builder;
    }

    private static TweetIdGenerator CreateIdGenerator(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<TimelineOptions>>().Value.NodeId;
        var nodeId = configured ?? Random.Shared.Next(0, TweetId.MaxNodeId + 1);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TweetIdGenerator));
        TimelineLog.NodeIdChosen(logger, nodeId, configured is null ? "random: set Timeline:NodeId to fix it" : "Timeline:NodeId");
        return new TweetIdGenerator(services.GetRequiredService<TimeProvider>(), nodeId);
    }
}
