namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// Cluster tests assert timings (failure detection within 5 s) that CPU-heavy tests running
/// beside them on a 2-core machine would distort, so they run on their own, one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
