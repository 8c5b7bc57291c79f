using System.Globalization;
using Orleans.Providers;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Fanout;
using Orleans.Streams;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// A test silo with the timeline domain as the silo host sets it up with <c>Storage:Provider=Memory</c>
/// and <c>Streams:Provider=Memory</c>: Memory grain storage as the default and the pub-sub store,
/// Memory streams with implicit subscriptions only, System.Text.Json for stored state, and the
/// <c>Timeline</c> section bound from the cluster's configuration (the builder's properties).
/// </summary>
public sealed class TimelineSiloConfigurator : ISiloConfigurator
{
    private const string SecondaryPrefix = "Secondary_";

    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorageAsDefault();
        siloBuilder.AddMemoryGrainStorage(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME);
        siloBuilder.AddMemoryStreams(TimelineStreams.ProviderName, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        siloBuilder.UseSystemTextJsonGrainStorageSerializer();

        // Tweet ids are unique only while the silos running together have different node ids; the
        // silo host has them allocated through Redis. Test silos take theirs from their names
        // (Primary 0, Secondary_n n), unless the configuration sets Timeline:NodeId.
        var nodeId = NodeIdOf(siloBuilder.Configuration["Orleans:Name"]);
        siloBuilder.AddTimeline(siloBuilder.Configuration, options => options.NodeId ??= nodeId);
    }

    private static int? NodeIdOf(string? siloName) => siloName switch
    {
        Silo.PrimarySiloName => 0,
        not null when siloName.StartsWith(SecondaryPrefix, StringComparison.Ordinal)
            && int.TryParse(siloName.AsSpan(SecondaryPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
