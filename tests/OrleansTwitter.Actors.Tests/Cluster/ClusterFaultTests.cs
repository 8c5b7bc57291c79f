using System.Diagnostics;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // ClusterMembershipOptions' promise with the defaults: a killed silo is declared dead within 5 s.
    private static readonly TimeSpan DetectionBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_killed_silo_is_declared_dead_and_its_grains_come_back_elsewhere_with_their_written_state()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var caller = cluster.Silos[0];
        var victim = cluster.Silos[2];
        var key = ClusterTestKeys.OwnedBy(victim, "clusterprobe", "killed");
        var grain = caller.GrainFactory.GetGrain<IClusterProbeGrain>(key);
        for (var i = 0; i < 5; i++)
        {
            await grain.IncrementAsync();
        }

        var killedAt = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        var detection = DetectedAfterAsync(cluster, killedAt);

        // Calls routed to the dead silo fail promptly, never by the 30 s response timeout.
        var early = Stopwatch.StartNew();
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.GetAsync().WaitAsync(Wait));
        Assert.True(early.Elapsed < TimeSpan.FromSeconds(5), $"the failure took {early.Elapsed}");

        // The documented bound, from the kill to the last survivor's view without the victim.
        var detected = await detection;
        Assert.True(detected < DetectionBound, $"the survivors saw the silo dead after {detected}");
        Assert.Equal(SiloStatus.Dead, caller.Silo.MembershipView!.StatusOf(victim.Address));

        Assert.Equal(5, await grain.GetAsync().WaitAsync(Wait));
        Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(20), $"the grain came back after {killedAt.Elapsed}");
        Assert.Single(cluster.SilosHosting(new GrainId("clusterprobe", key)));
    }

    [Fact]
    public async Task A_graceful_stop_under_steady_load_fails_no_call_and_loses_no_write()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var leaving = cluster.Silos[1];
        var callers = new[] { cluster.Silos[0], cluster.Silos[2] };
        var keys = Enumerable.Range(0, 30).Select(i => $"steady-{i}").ToArray();
        var expected = new int[keys.Length];
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, keys.Length).Select(i => Task.Run(async () =>
        {
            var grain = callers[i % 2].GrainFactory.GetGrain<IClusterProbeGrain>(keys[i]);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    expected[i] = await grain.IncrementAsync();
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

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await cluster.StopSiloAsync(leaving).WaitAsync(Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(Wait);

        Assert.Empty(failures);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(expected[i] > 0, $"{keys[i]} made no progress");
            Assert.Equal(expected[i], await callers[0].GrainFactory.GetGrain<IClusterProbeGrain>(keys[i]).GetAsync());
        }
    }

    [Fact]
    public async Task A_graceful_stop_lets_a_call_the_leaving_silo_has_in_flight_finish_before_it_closes_its_connections()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var leaving = cluster.Silos[0];
        var staying = cluster.Silos[1];
        var key = ClusterTestKeys.OwnedBy(staying, "clusterprobe", "drain");
        var gate = $"drain-{Guid.NewGuid():N}";

        // Made through the leaving silo and answered by the other only once the leaving silo's
        // linger is over: closing its connections then would fail the call, which may have run.
        var call = leaving.GrainFactory.GetGrain<IClusterProbeGrain>(key).WaitForGateAsync(gate);
        var stopping = cluster.StopSiloAsync(leaving);
        await cluster.WaitForActiveSilosAsync(1, Wait);
        await Task.Delay(TestCluster.ShutdownLinger + TimeSpan.FromMilliseconds(500));

        Assert.False(stopping.IsCompleted, "the silo left while one of its calls was still in flight");
        ClusterProbeGrain.Open(gate);
        Assert.Equal(staying.Address.ToString(), await call.WaitAsync(Wait));
        await stopping.WaitAsync(Wait);
    }

    [Fact]
    public async Task One_activation_per_grain_under_concurrent_callers_while_a_silo_joins_and_while_one_leaves()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var keys = Enumerable.Range(0, 40).Select(i => $"single-{Guid.NewGuid():N}-{i}").ToArray();
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();
        var load = keys.Select((key, i) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var callers = cluster.LiveSilos;
                try
                {
                    await callers[i % callers.Count].GrainFactory.GetGrain<IClusterProbeGrain>(key).IncrementAsync();
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

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await cluster.StartAdditionalSiloAsync().WaitAsync(Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await cluster.StopSiloAsync(cluster.Silos[0]).WaitAsync(Wait);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(Wait);

        Assert.Empty(failures);
        Assert.All(keys, key => Assert.Equal(1, ClusterProbeGrain.MaxLiveActivations(key)));
        Assert.All(keys, key => Assert.True(cluster.SilosHosting(new GrainId("clusterprobe", key)).Count <= 1));
    }

    // Measured beside the calls the test makes meanwhile, so their time does not count as detection time.
    private static async Task<TimeSpan> DetectedAfterAsync(TestCluster cluster, Stopwatch sinceKill)
    {
        await cluster.WaitForActiveSilosAsync(2, Wait);
        return sinceKill.Elapsed;
    }
}
