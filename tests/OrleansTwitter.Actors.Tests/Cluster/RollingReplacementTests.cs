using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

/// <summary>
/// A rolling upgrade as an operator runs it: start a silo of the new build, then stop one of the
/// old ones gracefully, until none of the old ones is left. Callers are a cluster client, as the
/// web front end is, so their gateways disappear one by one and the last original one goes too.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class RollingReplacementTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // Long enough for every caller to make calls through the cluster of each step.
    private static readonly TimeSpan LoadPerStep = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task Replacing_every_silo_one_at_a_time_under_client_load_fails_no_call_loses_no_write_and_keeps_one_activation()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();
        var originals = cluster.Silos.ToArray();
        var keys = Enumerable.Range(0, 24).Select(i => $"rolling-{Guid.NewGuid():N}-{i}").ToArray();
        var acknowledged = new int[keys.Length];
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var load = keys.Select((key, i) => Task.Run(async () =>
        {
            var grain = client.GetGrain<IClusterProbeGrain>(key);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Volatile.Write(ref acknowledged[i], await grain.IncrementAsync());
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

        await Task.Delay(LoadPerStep);
        foreach (var old in originals)
        {
            await cluster.StartAdditionalSiloAsync().WaitAsync(Wait);
            await Task.Delay(LoadPerStep);
            await cluster.StopSiloAsync(old).WaitAsync(Wait);
            await Task.Delay(LoadPerStep);
        }

        // Every caller still gets through once only new silos (and their gateways) are left.
        var beforeLastStep = keys.Select((_, i) => Volatile.Read(ref acknowledged[i])).ToArray();
        await Task.Delay(LoadPerStep);
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(Wait);

        Assert.Empty(failures);
        Assert.DoesNotContain(cluster.LiveSilos, originals.Contains);
        Assert.Equal(3, cluster.LiveSilos.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(acknowledged[i] > beforeLastStep[i], $"{keys[i]} made no progress on the new silos");

            // Each grain moved up to three times, writing its state each time; every increment
            // a caller saw acknowledged is in it, and nothing more.
            Assert.Equal(acknowledged[i], await client.GetGrain<IClusterProbeGrain>(keys[i]).GetAsync().WaitAsync(Wait));
            Assert.Equal(1, ClusterProbeGrain.MaxLiveActivations(keys[i]));
            Assert.Single(cluster.SilosHosting(new GrainId("clusterprobe", keys[i])));
        }
    }
}
