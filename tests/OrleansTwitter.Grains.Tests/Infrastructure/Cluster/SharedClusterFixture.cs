namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// Two silos with the shipped timeline settings (capacity 800, celebrity threshold 10,000), shared
/// by every grain test that needs nothing else (<see cref="SharedCluster"/>). Two silos, so that
/// calls and deliveries between them cross the serializer as they do in production.
/// </summary>
public sealed class SharedClusterFixture : TimelineClusterFixture
{
    protected override short SiloCount => 2;
}
