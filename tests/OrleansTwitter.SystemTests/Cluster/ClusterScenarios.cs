namespace OrleansTwitter.SystemTests.Cluster;

/// <summary>
/// The multi-process scenarios run one at a time, after the other tests: each runs several
/// silos, web front ends, Redis and Azurite on two cores, and membership's 1 s probes must not
/// be starved by another scenario's processes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterScenarios
{
    public const string Name = "Cluster scenarios";
}
