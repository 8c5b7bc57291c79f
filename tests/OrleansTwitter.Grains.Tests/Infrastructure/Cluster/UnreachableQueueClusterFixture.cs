using Orleans.TestingHost;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// One silo whose durable stream provider (Azure Queue streams) points at loopback ports where
/// nothing listens: every attempt to queue a fan-out fails. The queue client does not retry, so
/// a failure takes milliseconds instead of the Azure SDK's backoff of seconds.
/// </summary>
public sealed class UnreachableQueueClusterFixture : TimelineClusterFixture
{
    protected override short SiloCount => 1;

    protected override void Configure(TestClusterBuilder builder)
    {
        builder.Properties["Streams:Provider"] = "AzureQueue";
        builder.Properties["Streams:ConnectionString"] = AzuriteProcess.ConnectionStringFor(blobPort: FreeTcpPort.Next(), queuePort: FreeTcpPort.Next());
        builder.Properties["Test:QueueRetries"] = "0";
    }
}
