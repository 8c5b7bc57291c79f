using Microsoft.Extensions.Configuration;
using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Streams;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Storage;

namespace OrleansTwitter.Hosting;

/// <summary>
/// The one place that turns the operator contract into an Orleans silo, shared by the silo host
/// and the web front end's embedded silo: membership, endpoints, grain storage (also the stream
/// pub-sub store), the stream provider, the timeline domain, and <c>Orleans:*</c> options.
/// </summary>
public static class OrleansTwitterSilo
{
    /// <summary>The pub-sub store Orleans streams look up by name; it uses the same provider as every grain.</summary>
    public const string PubSubStoreName = ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME;

    /// <summary>The stream provider that carries the fan-out; Orleans keeps its named options under this name.</summary>
    public const string StreamProviderName = TimelineStreams.ProviderName;

    /// <summary>Adds a silo configured from <paramref name="builder"/>'s configuration.</summary>
    /// <param name="builder">The host; its configuration holds the operator contract's keys.</param>
    /// <param name="embedded">
    /// A silo inside the web front end: a cluster of one on loopback (<c>Cluster:Membership</c>
    /// must be <c>InMemory</c>), on a free port unless <c>Silo:Port</c> is set, and with no
    /// gateway unless <c>Silo:GatewayPort</c> is set.
    /// </param>
    /// <param name="configureSilo">More silo configuration (the dashboard, a test's settings).</param>
    /// <exception cref="OperatorConfigurationException">A value is wrong; the message names its key.</exception>
    public static IHostApplicationBuilder AddOrleansTwitterSilo(this IHostApplicationBuilder builder, bool embedded = false, Action<ISiloBuilder>? configureSilo = null)
    {
        var configuration = builder.Configuration;
        var cluster = ClusterSettings.From(configuration);
        var storage = StorageSettings.From(configuration);
        var streams = StreamsSettings.From(configuration, storage);
        if (embedded && !cluster.UsesInMemory)
        {
            throw new OperatorConfigurationException(
                $"Cluster:Membership is '{cluster.Membership}', but an embedded silo is a cluster of one: use InMemory, or Cluster:Mode=Client to join a cluster.");
        }

        var endpoint = embedded ? EmbeddedEndpoint(configuration) : SiloSettings.From(configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            ConfigureMembership(silo, configuration, cluster, endpoint);
            ConfigureDirectory(silo);
            ConfigureStorage(silo, storage);
            ConfigureStreams(silo, streams, storage);
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddActivityPropagation();
            silo.AddTimeline(configuration);
            OrleansOptionsBinding.BindSilo(silo.Services, configuration);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }

    private static SiloSettings EmbeddedEndpoint(IConfiguration configuration)
    {
        var section = configuration.GetSection(SiloSettings.SectionName);
        var configured = SiloSettings.From(configuration);
        return new SiloSettings
        {
            Host = IPAddress.Loopback.ToString(),
            Port = section["Port"] is { Length: > 0 } ? configured.Port : LoopbackPorts.PickFree(),
            GatewayPort = section["GatewayPort"] is { Length: > 0 } ? configured.GatewayPort : 0,
            HttpPort = configured.HttpPort,
        };
    }

    private static void ConfigureMembership(ISiloBuilder silo, IConfiguration configuration, ClusterSettings cluster, SiloSettings endpoint)
    {
        // Our failure-detection defaults first; Orleans:ClusterMembership:* is bound after them.
        silo.Configure<ClusterMembershipOptions>(MembershipDefaults.Apply);
        if (cluster.UsesInMemory)
        {
            // A cluster of this one silo, whose table lives in its own memory.
            silo.UseLocalhostClustering(endpoint.Port, endpoint.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            return;
        }

        var redis = RedisConnection.Parse(RedisConnection.ConnectionString(configuration));
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
        if (IPAddress.TryParse(endpoint.Host, out var address))
        {
            silo.ConfigureEndpoints(address, endpoint.Port, endpoint.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(endpoint.Host, endpoint.Port, endpoint.GatewayPort);
        }
    }

    private static void ConfigureDirectory(ISiloBuilder silo)
    {
        // Experimental in Orleans 10 (ORLEANSEXP003), and the reason we ship it is in
        // GrainDirectoryDefaults: the default directory deactivates the survivors' grains after a crash.
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Configure<GrainDirectoryOptions>(GrainDirectoryDefaults.Apply);
    }

    private static void ConfigureStorage(ISiloBuilder silo, StorageSettings storage)
    {
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, PubSubStoreName })
        {
            if (storage.Is("Memory"))
            {
                silo.AddMemoryGrainStorage(name);
            }
            else if (storage.Is("AzureBlob"))
            {
                silo.AddAzureBlobGrainStorage(name, o =>
                {
                    o.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
                    o.ContainerName = storage.Container;
                });
            }
            else
            {
                silo.Services.AddFileGrainStorage(name, new FileGrainStorageOptions { RootPath = storage.Path });
            }
        }
    }

    private static void ConfigureStreams(ISiloBuilder silo, StreamsSettings streams, StorageSettings storage)
    {
        // Every consumer of the timeline's streams is an implicit subscriber, so the agents need
        // no pub-sub rendezvous grain per stream.
        if (streams.IsAzureQueue)
        {
            var (connectionString, _) = streams.Account(storage);
            silo.AddAzureQueueStreams(TimelineStreams.ProviderName, configurator =>
            {
                configurator.ConfigureAzureQueue(o => o.Configure(queue => queue.QueueServiceClient = new QueueServiceClient(connectionString)));
                configurator.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                configurator.ConfigurePullingAgent(agent => agent.Configure(StreamPollingDefaults.Apply));
            });
        }
        else
        {
            silo.AddMemoryStreams(TimelineStreams.ProviderName, configurator => configurator.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        }
    }
}
