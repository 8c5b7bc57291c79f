using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Delivery;

/// <summary>
/// Per-silo delivery on three silos: a fan-out sends one message per silo, counted where it is
/// sent and where it is received (each silo's <c>DeliveryCounters</c>), and each silo hands the
/// tweet only to the followers its registry holds. Followers are placed on chosen silos, so the
/// spread is a fact of the test, not of chance.
/// </summary>
public sealed class PerSiloDeliveryTests(ThreeSiloClusterFixture cluster) : IClassFixture<ThreeSiloClusterFixture>
{
    private static readonly GrainType UserGrainType = GrainType.Create(UserGrain.GrainTypeName);

    [Fact]
    public async Task A_post_to_300_followers_on_3_silos_is_3_delivery_messages_and_reaches_each_active_follower_once()
    {
        var author = await cluster.RegisterOnAsync(cluster.Silos[0], "psAuthor");
        var fans = await cluster.RegisterSpreadAsync("psFan", 300);
        foreach (var batch in fans.Chunk(100))
        {
            await Task.WhenAll(batch.Select(f => f.FollowAsync("psAuthor")));
        }

        // The spread: each silo's registry holds its hundred followers, and none of the others.
        for (var s = 0; s < 3; s++)
        {
            var registry = TimelineClusterFixture.RegistryOf(cluster.Silos[s]);
            Assert.Equal(
                Enumerable.Range(0, 300).Select(i => i % 3 == s),
                Enumerable.Range(0, 300).Select(i => registry.Contains($"psfan{i}")));
        }

        var sentBefore = Counted(c => c.Sent);
        var receivedBefore = Counted(c => c.Received);

        var tweet = await author.PostAsync("to three silos", null);

        await Eventually.WaitAsync(
            () => Enumerable.Range(0, 300).All(i => ProbeOfFan(i).Arrivals($"psfan{i}", tweet.Id) > 0),
            "every follower's grain to be handed the tweet");

        // One message per silo, all sent by the silo of the author's fan-out grain, one received by each silo.
        var sent = Delta(sentBefore, Counted(c => c.Sent));
        var received = Delta(receivedBefore, Counted(c => c.Received));
        Assert.Equal(3, sent.Sum());
        Assert.Single(sent, n => n != 0);
        Assert.Equal([1, 1, 1], received);

        // Each follower's grain was handed the tweet once, and holds it once.
        Assert.All(Enumerable.Range(0, 300), i => Assert.Equal(1, ProbeOfFan(i).Arrivals($"psfan{i}", tweet.Id)));
        var homes = await Task.WhenAll(fans.Select(f => f.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null)));
        Assert.All(homes, home => Assert.Equal([tweet.Id], home.Items.Select(t => t.Id)));

        // No message follows later (a redelivery would be counted here).
        await Consistently.HoldsAsync(
            () => Task.FromResult(Delta(sentBefore, Counted(c => c.Sent)).Sum() == 3 && Delta(receivedBefore, Counted(c => c.Received)).SequenceEqual([1, 1, 1])),
            "the delivery counters to stay at 3 sent and 1 received per silo");
    }

    /// <remarks>
    /// A known race, not covered here: the registry entry goes when an activation deactivates,
    /// and a delivery that looked the follower up a moment before may reach the activation while
    /// it is deactivating. Orleans then forwards the call to a new activation, so that follower
    /// is woken after all; the new activation rebuilds its timeline like any other, and holds the
    /// tweet once. This test deactivates its sleepers completely before posting, so the race
    /// cannot arise; it bounds how often a post wakes a follower, it does not make it never.
    /// </remarks>
    [Fact]
    public async Task A_follower_that_is_not_active_is_not_activated_by_a_post_and_sees_it_when_it_next_reads()
    {
        var author = await cluster.RegisterOnAsync(cluster.Silos[0], "paAuthor");
        var fans = await cluster.RegisterSpreadAsync("paFan", 6);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("paAuthor")));
        IUserGrain[] sleepers = [.. fans.Take(3)];
        IUserGrain[] awake = [.. fans.Skip(3)];
        await cluster.DeactivateAsync(sleepers);
        var ours = fans.Append(author).Select(u => u.GetGrainId()).ToHashSet();
        var activeBefore = await ActiveOfAsync(ours);
        Assert.Equal(Sorted(ours.Except(sleepers.Select(s => s.GetGrainId()))), activeBefore);
        var receivedBefore = Counted(c => c.Received);

        var tweet = await author.PostAsync("for those awake", null);

        // The fan-out has reached every silo (each holds an awake follower) and is over there.
        await Eventually.WaitAsync(
            () => Delta(receivedBefore, Counted(c => c.Received)).SequenceEqual([1, 1, 1])
                && awake.All(f => cluster.Silos.Any(s => TimelineClusterFixture.ProbeOf(s).Arrivals(f.GetPrimaryKeyString(), tweet.Id) == 1)),
            "the fan-out to reach the three silos and the awake followers");
        foreach (var sleeper in sleepers)
        {
            var key = sleeper.GetPrimaryKeyString();
            Assert.All(cluster.Silos, s => Assert.False(TimelineClusterFixture.RegistryOf(s).Contains(key), $"{key} joined the registry of {s.Name}"));
            Assert.False(cluster.IsActive(sleeper.GetGrainId()), $"the post activated {key}");
            Assert.All(cluster.Silos, s => Assert.Equal(0, TimelineClusterFixture.ProbeOf(s).Arrivals(key, tweet.Id)));
        }

        Assert.Equal(activeBefore, await ActiveOfAsync(ours));

        foreach (var sleeper in sleepers)
        {
            var home = await sleeper.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null);
            Assert.Equal([tweet.Id], home.Items.Select(t => t.Id));
        }
    }

    private static int[] Delta(long[] before, long[] after) => [.. after.Zip(before, (a, b) => (int)(a - b))];

    private long[] Counted(Func<Grains.Delivery.DeliveryCounters, long> counter) =>
        [.. cluster.Silos.Select(s => counter(TimelineClusterFixture.CountersOf(s)))];

    // Follower i was placed on silo i mod 3.
    private Infrastructure.Delivery.DeliveryProbe ProbeOfFan(int i) => TimelineClusterFixture.ProbeOf(cluster.Silos[i % 3]);

    private static List<string> Sorted(IEnumerable<GrainId> ids) => [.. ids.Select(id => id.ToString()).Order(StringComparer.Ordinal)];

    // The activations of the user grain type among ours, cluster-wide, as Orleans' management grain lists them.
    private async Task<List<string>> ActiveOfAsync(HashSet<GrainId> ours) =>
        Sorted((await cluster.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(UserGrainType)).Where(ours.Contains));
}
