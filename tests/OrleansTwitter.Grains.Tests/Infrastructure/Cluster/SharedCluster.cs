namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>The test classes that share one <see cref="SharedClusterFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<SharedClusterFixture>
{
    public const string Name = "Shared cluster";
}
