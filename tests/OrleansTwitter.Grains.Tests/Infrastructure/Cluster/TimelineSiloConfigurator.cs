using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Orleans.Providers;
using Orleans.Streams;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Hosting.Storage;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// A test silo with the timeline domain, set up as the silo host sets it up from the operator
/// contract's keys in the cluster's configuration (the builder's properties):
/// <list type="bullet">
/// <item><c>Storage:Provider</c> <c>Memory</c> (default) or <c>File</c> under <c>Storage:Path</c>, as
/// the default grain storage and the pub-sub store, with System.Text.Json for stored state;</item>
/// <item><c>Streams:Provider</c> <c>Memory</c> (default) or <c>AzureQueue</c> on
/// <c>Streams:ConnectionString</c>, with implicit subscriptions only (and, for tests only,
/// <c>Test:QueueRetries</c>: the queue client's retries, the Azure SDK's default when unset);</item>
/// <item>the <c>Timeline</c> section.</item>
/// </list>
/// </summary>
internal sealed class TimelineSiloConfigurator : ISiloConfigurator
{
    private const string SecondaryPrefix = "Secondary_";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        AddStorage(siloBuilder, configuration["Storage:Provider"] ?? "Memory", configuration["Storage:Path"]);
        AddStreams(siloBuilder, configuration["Streams:Provider"] ?? "Memory", configuration["Streams:ConnectionString"], configuration.GetValue<int?>("Test:QueueRetries"));
        siloBuilder.UseSystemTextJsonGrainStorageSerializer();

        // Tweet ids are unique only while the silos running together have different node ids; the
        // silo host has them allocated through Redis. Test silos take theirs from their names
        // (Primary 0, Secondary_n n), unless the configuration sets Timeline:NodeId.
        var nodeId = NodeIdOf(configuration["Orleans:Name"]);
        siloBuilder.AddTimeline(configuration, options => options.NodeId ??= nodeId);
    }

    private static void AddStorage(ISiloBuilder siloBuilder, string provider, string? path)
    {
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME })
        {
            switch (provider)
            {
                case "Memory":
                    siloBuilder.AddMemoryGrainStorage(name);
                    break;
                case "File" when path is not null:
                    siloBuilder.Services.AddFileGrainStorage(name, new FileGrainStorageOptions { RootPath = path });
                    break;
                default:
                    throw new InvalidOperationException($"Test silos take Storage:Provider Memory, or File with Storage:Path; not '{provider}'.");
            }
        }
    }

    private static void AddStreams(ISiloBuilder siloBuilder, string provider, string? connectionString, int? retries)
    {
        switch (provider)
        {
            case "Memory":
                siloBuilder.AddMemoryStreams(TimelineStreams.ProviderName, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
                break;
            case "AzureQueue" when connectionString is not null:
                siloBuilder.AddAzureQueueStreams(TimelineStreams.ProviderName, streams =>
                {
                    var client = new QueueClientOptions();
                    if (retries is { } maxRetries)
                    {
                        client.Retry.MaxRetries = maxRetries;
                    }

                    streams.ConfigureAzureQueue(options => options.Configure(queues => queues.QueueServiceClient = new QueueServiceClient(connectionString, client)));
                    streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                });
                break;
            default:
                throw new InvalidOperationException($"Test silos take Streams:Provider Memory, or AzureQueue with Streams:ConnectionString; not '{provider}'.");
        }
    }

    private static int? NodeIdOf(string? siloName) => siloName switch
    {
        Silo.PrimarySiloName => 0,
        not null when siloName.StartsWith(SecondaryPrefix, StringComparison.Ordinal)
            && int.TryParse(siloName.AsSpan(SecondaryPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
