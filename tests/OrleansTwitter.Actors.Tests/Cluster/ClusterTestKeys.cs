using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>Finds grain keys by where placement puts them, so a test can pick a remote or a local grain on purpose.</summary>
internal static class ClusterTestKeys
{
    public static string OwnedBy(TestClusterSilo silo, string grainType, string prefix)
    {
        var view = silo.Silo.MembershipView!;
        for (var i = 0; i < 10_000; i++)
        {
            var key = $"{prefix}-{i}";
            if (Placement.RendezvousPlacement.Owner(new GrainId(grainType, key), view) == silo.Address)
            {
                return key;
            }
        }

        throw new InvalidOperationException($"No key with prefix {prefix} is owned by {silo} among 10,000 tried.");
    }

    public static string NotOwnedBy(TestClusterSilo silo, string grainType, string prefix)
    {
        var view = silo.Silo.MembershipView!;
        for (var i = 0; i < 10_000; i++)
        {
            var key = $"{prefix}-{i}";
            if (Placement.RendezvousPlacement.Owner(new GrainId(grainType, key), view) != silo.Address)
            {
                return key;
            }
        }

        throw new InvalidOperationException($"Every key with prefix {prefix} is owned by {silo} among 10,000 tried.");
    }
}
