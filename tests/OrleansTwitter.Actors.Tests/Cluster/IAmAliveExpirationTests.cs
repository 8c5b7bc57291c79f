using System.Diagnostics;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// When too few silos survive to cast <c>VotesForDeath</c> votes, the table's I-am-alive times
/// decide: without them the last survivor of three could never declare the other two dead.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class IAmAliveExpirationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_last_survivor_of_three_declares_both_dead_once_their_I_am_alive_expired()
    {
        var expiration = TimeSpan.FromSeconds(3);
        await using var cluster = await TestCluster.StartAsync(3, membership: o => (o.IAmAlivePeriod, o.IAmAliveExpiration) = (TimeSpan.FromMilliseconds(500), expiration));
        var survivor = cluster.Silos[0];
        var key = ClusterTestKeys.OwnedBy(cluster.Silos[1], "clusterprobe", "orphan");
        var grain = survivor.GrainFactory.GetGrain<IClusterProbeGrain>(key);
        await grain.IncrementAsync();

        var killedAt = Stopwatch.StartNew();
        await Task.WhenAll(cluster.KillSiloAsync(cluster.Silos[1]), cluster.KillSiloAsync(cluster.Silos[2]));
        await cluster.WaitForActiveSilosAsync(1, Wait);

        // One vote of the two needed, until the rows' I-am-alive times are older than the expiration.
        Assert.True(killedAt.Elapsed >= expiration - TimeSpan.FromSeconds(1), $"declared dead after {killedAt.Elapsed}, before the I-am-alive could expire");
        Assert.Equal(SiloStatus.Dead, survivor.Silo.MembershipView!.StatusOf(cluster.Silos[1].Address));
        Assert.Equal(SiloStatus.Dead, survivor.Silo.MembershipView!.StatusOf(cluster.Silos[2].Address));

        // Its grains come back on the survivor (Memory storage is shared by the test cluster).
        Assert.Equal(2, await grain.IncrementAsync().WaitAsync(Wait));
    }
}
