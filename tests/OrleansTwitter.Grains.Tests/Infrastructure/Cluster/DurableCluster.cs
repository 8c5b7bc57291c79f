namespace OrleansTwitter.Grains.Tests.Infrastructure.Cluster;

/// <summary>
/// The tests on a <see cref="DurableClusterFixture"/>. They run alone, after the others: their
/// silos detect a dead peer within seconds (1 s probes), and on a 2-core machine busy with other
/// clusters a starved silo could be suspected of dying while it is only slow.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurableCluster : ICollectionFixture<DurableClusterFixture>
{
    public const string Name = "Durable cluster";
}
