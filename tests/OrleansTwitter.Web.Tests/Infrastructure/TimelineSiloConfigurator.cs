using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Streams;
using Orleans.TestingHost;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Hosting.Configuration;
using OrleansTwitter.Hosting.Storage;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>
/// A test cluster's silo set up as a real one is (OrleansTwitter.Hosting's silo): grain storage
/// as "Default" and "PubSubStore", memory streams "Default" with implicit subscriptions only, the
/// System.Text.Json storage serializer, the timeline domain, and our failure-detection defaults.
/// Memory storage unless <see cref="StoragePathKey"/> names a folder for File storage.
/// </summary>
internal sealed class TimelineSiloConfigurator : ISiloConfigurator
{
    /// <summary>A test cluster property: a folder the silos share for File storage.</summary>
    public const string StoragePathKey = "WebTests:StoragePath";

    public void Configure(ISiloBuilder siloBuilder)
    {
        foreach (var name in new[] { ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME })
        {
            if (siloBuilder.Configuration[StoragePathKey] is { Length: > 0 } path)
            {
                siloBuilder.Services.AddFileGrainStorage(name, new FileGrainStorageOptions { RootPath = path });
            }
            else
            {
                siloBuilder.AddMemoryGrainStorage(name);
            }
        }

        siloBuilder.AddMemoryStreams("Default", c => c.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
        siloBuilder.UseSystemTextJsonGrainStorageSerializer();
        siloBuilder.Configure<ClusterMembershipOptions>(MembershipDefaults.Apply);
        siloBuilder.AddTimeline();
    }
}
