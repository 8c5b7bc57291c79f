namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>The test classes that share one <see cref="ConfiguredClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ConfiguredCluster : ICollectionFixture<ConfiguredClusterFixture>
{
    public const string Name = "Configured cluster";
}
