namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>The test classes that share one <see cref="SearchClusterFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SearchCluster : ICollectionFixture<SearchClusterFixture>
{
    public const string Name = "Search cluster";
}
