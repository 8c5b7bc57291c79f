using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Delivery;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Hosting;

/// <summary>Adds the timeline domain to an Orleans silo.</summary>
public static class TimelineSiloBuilderExtensions
{
    /// <summary>
    /// Adds the timeline's per-silo services (tweet id generator, celebrity cache, tweet store,
    /// the registry of users in memory here) and the per-silo delivery service, with
    /// <see cref="TimelineOptions"/> bound from the <c>Timeline</c> section and validated at
    /// start. The grains themselves are found by Orleans in this assembly. The silo also needs a
    /// stream provider named <c>Default</c> and a default grain storage provider. It adds search
    /// too (<see cref="SearchSiloBuilderExtensions.AddSearch"/>, the <c>Search</c> section).
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="configuration">The configuration whose <c>Timeline</c> section is bound.</param>
    /// <param name="configure">Adjusts the options after configuration is bound (tests, benchmarks).</param>
    public static ISiloBuilder AddTimeline(this ISiloBuilder builder, IConfiguration? configuration = null, Action<TimelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<TimelineOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(TimelineOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimelineOptions>, TimelineOptionsValidator>());
        services.TryAddSingleton(CreateIdGenerator);
        services.TryAddSingleton(sp => new CelebrityTweetCache(
            CelebrityTweetCache.FromGrains(sp.GetRequiredService<IGrainFactory>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TimelineOptions>>()));
        services.TryAddSingleton<TweetRecords>();
        services.TryAddSingleton<TweetStore>();
        services.TryAddSingleton<ITweetStore>(sp => sp.GetRequiredService<TweetStore>());
        services.TryAddSingleton<ActiveTimelines>();
        services.TryAddSingleton<DeliveryCounters>();
        services.TryAddSingleton<ITimelineDeliveryClient, TimelineDeliveryClient>();
        services.TryAddSingleton<TimelineServices>();
        builder.AddGrainService<TimelineDeliveryService>();

        // Search, trends and the directory consume the same stream and storage: a silo with the
        // timeline has them too.
        builder.AddSearch(configuration);
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
