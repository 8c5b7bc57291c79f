using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// A killed silo must go quiet at once. It once reconnected to its peers while its teardown
/// ran (a probe or a grain call in flight), and the dead silo answered their probes on those
/// connections, so they never voted it dead.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterKillFenceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_killed_silo_opens_no_new_connection_and_its_old_ones_close()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var victim = cluster.Silos[2];
        var survivor = cluster.Silos[0];
        var peers = survivor.Silo.Cluster!.Connections;
        var before = await peers.GetAsync(victim.Address);
        Assert.True(peers.TryGetOpen(victim.Address, out var open));
        Assert.Same(before, open);

        await victim.Silo.KillAsync();
        Assert.False(victim.Silo.Cluster!.Connections.TryGetOpen(survivor.Address, out _), "a killed silo offered a connection to send on");

        // What its probe loop or a grain still running would try during the teardown.
        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => victim.Silo.Cluster!.Connections.GetAsync(survivor.Address));
        Assert.Contains("is dead", refused.Message, StringComparison.Ordinal);
        await before.Closed.WaitAsync(Wait);
        Assert.All(victim.Silo.Cluster!.Connections.Silos, c => Assert.True(c.IsClosed, $"{c.Description} is still open"));
        Assert.Empty(victim.Silo.Cluster!.Connections.Clients);

        await cluster.KillSiloAsync(victim);
        await cluster.WaitForActiveSilosAsync(2, Wait);
    }
}
