using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Calls_from_every_silo_reach_the_one_activation_on_the_owner()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var key = "shared-counter";

        var results = await Task.WhenAll(cluster.Silos.SelectMany(silo => Enumerable.Range(0, 20).Select(_ =>
            silo.GrainFactory.GetGrain<IClusterProbeGrain>(key).IncrementAsync()))).WaitAsync(Wait);

        Assert.Equal(Enumerable.Range(1, 60), results.Order());
        var hosts = cluster.SilosHosting(new GrainId("clusterprobe", key));
        Assert.Single(hosts);
        Assert.Equal(hosts[0].Address.ToString(), await cluster.Silos[0].GrainFactory.GetGrain<IClusterProbeGrain>(key).WhereAsync());
    }

    [Fact]
    public async Task Grains_spread_over_the_silos()
    {
        await using var cluster = await TestCluster.StartAsync(3);

        var places = await Task.WhenAll(Enumerable.Range(0, 90).Select(i =>
            cluster.Silos[0].GrainFactory.GetGrain<IClusterProbeGrain>($"spread-{i}").WhereAsync())).WaitAsync(Wait);

        var perSilo = places.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, perSilo.Count);
        Assert.All(perSilo.Values, count => Assert.InRange(count, 10, 60));
    }

    [Fact]
    public async Task An_exception_crosses_the_wire_with_its_type_and_message()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var caller = cluster.Silos[0];
        var remoteKey = Guid.NewGuid();
        var grain = caller.GrainFactory.GetGrain<IFaultyGrain>(remoteKey);

        var error = await Assert.ThrowsAsync<FaultyGrainException>(() => grain.ThrowAsync("thrown far away").WaitAsync(Wait));

        Assert.Equal("thrown far away", error.Message);
        Assert.Equal(7, await grain.AddAsync(3, 4));
    }

    [Fact]
    public async Task An_argument_that_cannot_be_serialized_fails_the_remote_call_naming_its_type()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var caller = cluster.Silos[0];
        var key = ClusterTestKeys.NotOwnedBy(caller, "clusterprobe", "unserializable");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            caller.GrainFactory.GetGrain<IClusterProbeGrain>(key).EchoAsync(new NotSerializable(() => 1)).WaitAsync(Wait));

        Assert.Contains("Func", error.Message, StringComparison.Ordinal);
        Assert.Contains("EchoAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_chain_across_silos_still_detects_a_deadlock()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var first = cluster.Silos[0];
        var a = ClusterTestKeys.OwnedBy(first, "callchain", "remote-cycle-a");
        var b = ClusterTestKeys.NotOwnedBy(first, "callchain", "remote-cycle-b");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => first.GrainFactory.GetGrain<ICallChainGrain>(a).StartCycleAsync(b).WaitAsync(Wait));

        Assert.Contains($"callchain/{a}.StartCycleAsync -> callchain/{b}.BounceAsync -> callchain/{a}.PingAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multicast_reaches_active_grains_on_every_silo_with_one_message_per_silo()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var keys = Enumerable.Range(0, 300).Select(i => $"fanout-{i}").ToArray();
        var factory = cluster.Silos[1].GrainFactory;
        await Task.WhenAll(keys.Take(200).Select(k => factory.GetGrain<IMulticastTargetGrain>(k).GetReceivedCountAsync()));

        var result = await cluster.Silos[0].Silo.Multicaster.MulticastAsync<IMulticastTargetGrain>(keys, g => g.ReceiveAsync(new MulticastPayload("hello")), activationOptional: true).WaitAsync(Wait);

        Assert.Equal(200, result.Delivered);
        Assert.Equal(100, result.Skipped);
        Assert.All(await Task.WhenAll(keys.Take(200).Select(k => factory.GetGrain<IMulticastTargetGrain>(k).GetReceivedCountAsync())), c => Assert.Equal(1, c));
    }
}
