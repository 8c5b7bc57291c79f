using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>A client sends each call to the gateway of the silo that owns the grain, so no silo forwards it.</summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClientRoutingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_client_reading_the_table_sends_each_grains_calls_to_its_owners_gateway()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();

        await AssertRoutesToOwnersAsync(cluster, client, "routed-table");
    }

    [Fact]
    public async Task A_client_with_static_gateways_sends_each_grains_calls_to_its_owners_gateway()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var gateways = cluster.Silos.Select(s => $"127.0.0.1:{s.GatewayPort}").ToList();
        var client = new ClusterClient(new ClusterClientOptions { Gateways = gateways }, null, new Messaging.MessagingOptions(), new EmptyProvider(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, []);
        await using var _ = client;
        await client.ConnectAsync(CancellationToken.None);

        await AssertRoutesToOwnersAsync(cluster, client, "routed-static");
    }

    [Fact]
    public async Task Calls_from_many_threads_while_a_gateway_leaves_all_succeed_and_then_go_to_the_new_owners()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();
        var keys = Enumerable.Range(0, 40).Select(i => $"routed-moving-{i}").ToArray();
        var counts = new int[keys.Length];
        using var stop = new CancellationTokenSource();

        // Each key's calls are made one after another, all keys at once: routing reads the routes
        // while the client rebuilds them for the goodbye, the lost connection and the new view.
        var load = keys.Select((key, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                counts[i] = await client.GetGrain<IClusterProbeGrain>(key).IncrementAsync();
            }
        })).ToArray();

        await WaitForAsync(() => counts.All(c => c > 0), "every key called at least once", load);
        await cluster.StopSiloAsync(cluster.Silos[1]).WaitAsync(Wait);
        await cluster.WaitForActiveSilosAsync(2, Wait);
        var afterStop = counts.ToArray();
        await WaitForAsync(() => counts.Select((c, i) => c > afterStop[i]).All(moved => moved), "every key called again after the stop", load);
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(Wait);

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(counts[i], await client.GetGrain<IClusterProbeGrain>(keys[i]).GetAsync().WaitAsync(Wait));
        }

        await AssertRoutesToOwnersAsync(cluster, client, "routed-after-stop");
    }

    private static async Task AssertRoutesToOwnersAsync(TestCluster cluster, ClusterClient client, string prefix)
    {
        var live = cluster.LiveSilos;
        var grains = Enumerable.Range(0, 60).Select(i => new GrainId("clusterprobe", $"{prefix}-{i}")).ToArray();
        string OwnersGateway(GrainId grain)
        {
            var owner = Placement.RendezvousPlacement.Owner(grain, live[0].Silo.MembershipView!);
            return $"127.0.0.1:{live.Single(s => s.Address == owner).GatewayPort}";
        }

        // Each gateway names its silo in its first frame; until then the client spreads by hash.
        await WaitForAsync(() => grains.All(g => client.GatewayFor(g) == OwnersGateway(g)), "the client to route every grain to its owner's gateway");

        var owners = grains.Select(OwnersGateway).Distinct().Count();
        Assert.Equal(live.Count, owners);
        foreach (var grain in grains.Take(10))
        {
            var where = await client.GetGrain<IClusterProbeGrain>(grain.Key).WhereAsync().WaitAsync(Wait);
            Assert.Equal(OwnersGateway(grain), $"127.0.0.1:{live.Single(s => s.Address.ToString() == where).GatewayPort}");
        }
    }

    /// <summary>Waits for <paramref name="condition"/>; a failed call in <paramref name="load"/> fails the wait with its own exception.</summary>
    private static async Task WaitForAsync(Func<bool> condition, string what, Task[]? load = null)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            if (load?.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Wait} for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private sealed class EmptyProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
