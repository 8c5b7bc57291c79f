using System.Diagnostics;
using OrleansTwitter.Actors.Client;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_client_finds_the_gateways_in_the_membership_table_and_calls_grains_anywhere()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();

        Assert.Equal(3, client.ConnectedGateways.Count);
        var places = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => client.GetGrain<IClusterProbeGrain>($"client-{i}").WhereAsync())).WaitAsync(Wait);
        Assert.Equal(3, places.Distinct().Count());
        var error = await Assert.ThrowsAsync<FaultyGrainException>(() => client.GetGrain<IFaultyGrain>(Guid.NewGuid()).ThrowAsync("through the gateway").WaitAsync(Wait));
        Assert.Equal("through the gateway", error.Message);
    }

    [Fact]
    public async Task A_client_with_static_gateways_works_without_the_table()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var gateways = cluster.Silos.Select(s => $"127.0.0.1:{s.GatewayPort}").ToList();
        var client = new ClusterClient(new ClusterClientOptions { Gateways = gateways }, null, new Messaging.MessagingOptions(), new EmptyProvider(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, []);
        await using var _ = client;
        await client.ConnectAsync(CancellationToken.None);

        Assert.Equal(1, await client.GetGrain<IClusterProbeGrain>("static-gateways").IncrementAsync().WaitAsync(Wait));
    }

    [Fact]
    public async Task A_client_rides_a_graceful_stop_of_a_gateway_with_no_failed_call()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();
        var keys = Enumerable.Range(0, 20).Select(i => $"client-steady-{i}").ToArray();
        var last = new int[keys.Length];
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var load = keys.Select((key, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    last[i] = await client.GetGrain<IClusterProbeGrain>(key).IncrementAsync();
                }
                catch (Exception exception)
                {
                    lock (failures)
                    {
                        failures.Add(exception);
                    }

                    return;
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromMilliseconds(400));
        await cluster.StopSiloAsync(cluster.Silos[1]).WaitAsync(Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(Wait);

        Assert.Empty(failures);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(last[i], await client.GetGrain<IClusterProbeGrain>(keys[i]).GetAsync());
        }
    }

    [Fact]
    public async Task A_client_call_through_a_killed_gateway_fails_promptly_and_the_next_goes_elsewhere()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();
        var victim = cluster.Silos[2];
        var hanging = client.GetGrain<IFaultyGrain>(Guid.NewGuid());
        await hanging.AddAsync(1, 1);

        var watch = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        var detection = DetectedAfterAsync(cluster, watch);
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await client.GetGrain<IClusterProbeGrain>($"after-kill-{i}").IncrementAsync().WaitAsync(Wait);
            }
            catch (SiloUnavailableException)
            {
                // Calls through the dead gateway fail fast until the client drops it.
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"a failure took until {watch.Elapsed}");
            }
        }

        var detected = await detection;
        Assert.True(detected < TimeSpan.FromSeconds(5), $"the survivors saw the gateway's silo dead after {detected}");
        Assert.Equal(1, await client.GetGrain<IClusterProbeGrain>("after-detection").IncrementAsync().WaitAsync(Wait));
        Assert.DoesNotContain($"127.0.0.1:{victim.GatewayPort}", client.ConnectedGateways);
    }

    [Fact]
    public async Task A_client_with_no_reachable_gateway_fails_to_start_with_the_reason()
    {
        var client = new ClusterClient(
            new ClusterClientOptions { Gateways = [$"127.0.0.1:{FreeTcpPort.Next()}"], StartTimeout = TimeSpan.FromMilliseconds(300), GatewayRefreshPeriod = TimeSpan.FromMilliseconds(100) },
            null, new Messaging.MessagingOptions(), new EmptyProvider(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, []);
        await using var _ = client;

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(Wait));

        Assert.Contains("Cannot connect to 127.0.0.1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_gateway_entry_is_rejected_with_the_entry()
    {
        var error = Assert.Throws<FormatException>(() => new ClusterClient(
            new ClusterClientOptions { Gateways = ["localhost"] }, null, new Messaging.MessagingOptions(), new EmptyProvider(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, []));

        Assert.Contains("'localhost'", error.Message, StringComparison.Ordinal);
    }

    // Measured beside the calls above, so their time does not count as detection time.
    private static async Task<TimeSpan> DetectedAfterAsync(TestCluster cluster, Stopwatch sinceKill)
    {
        await cluster.WaitForActiveSilosAsync(2, Wait);
        return sinceKill.Elapsed;
    }

    private sealed class EmptyProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
