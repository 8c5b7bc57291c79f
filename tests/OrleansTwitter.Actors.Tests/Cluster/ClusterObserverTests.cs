using OrleansTwitter.Actors.Testing;
using OrleansTwitter.Actors.Tests.Grains;

namespace OrleansTwitter.Actors.Tests.Cluster;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class ClusterObserverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_grain_on_another_silo_calls_back_an_observer_passed_to_it_as_an_argument()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var home = cluster.Silos[0];
        var key = ClusterTestKeys.NotOwnedBy(home, "observed", "remote-observed");
        var observer = new RecordingObserver(expected: 3);
        var grain = home.GrainFactory.GetGrain<IObservedGrain>(key);
        await grain.SubscribeAsync(home.GrainFactory.CreateObjectReference<ITestObserver>(observer));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await cluster.Silos[1].GrainFactory.GetGrain<IObservedGrain>(key).NotifyAsync($"m{i}").WaitAsync(Wait));
        }

        await observer.Done.WaitAsync(Wait);
        Assert.Equal(["m0", "m1", "m2"], observer.Messages);
    }

    [Fact]
    public async Task A_grain_calls_back_a_client_observer_through_the_client_gateway()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        await using var client = await cluster.ConnectClientAsync();
        var observer = new RecordingObserver(expected: 10);
        var reference = client.CreateObjectReference<ITestObserver>(observer);
        var grains = Enumerable.Range(0, 10).Select(i => client.GetGrain<IObservedGrain>($"client-observed-{i}")).ToList();
        foreach (var grain in grains)
        {
            await grain.SubscribeAsync(reference).WaitAsync(Wait);
        }

        var delivered = await Task.WhenAll(grains.Select((g, i) => g.NotifyAsync($"n{i}"))).WaitAsync(Wait);

        Assert.All(delivered, d => Assert.Equal(1, d));
        await observer.Done.WaitAsync(Wait);
        Assert.Equal(10, observer.Messages.Distinct().Count());

        client.DeleteObjectReference<ITestObserver>(reference);
        Assert.Equal(0, await grains[0].NotifyAsync("after delete").WaitAsync(Wait));
    }
}
