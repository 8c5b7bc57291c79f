using Orleans.TestingHost;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Delivery;

/// <summary>
/// A silo that dies in the middle of a fan-out, on the durable provider (Azure Queue streams on a
/// real Azurite, File storage). The kill lands during the fan-out by construction: the author's
/// fan-out grain is on the silo to be killed, and the other silos hold the deliveries to their
/// followers (an incoming call filter of this cluster only) until the kill is done.
/// </summary>
/// <remarks>
/// The stream agent that reads the author's queue is on a surviving silo (the victim is chosen
/// so): when the fan-out grain's silo dies, the agent's delivery fails, and it delivers the event
/// again, to a new fan-out grain on a survivor. Had the agent died as well, the event would come
/// back from the queue itself once its visibility timeout (30 s) lapsed. That path is not shown
/// here: <see cref="TestCluster.KillSiloAsync(SiloHandle)"/> stops an in-process silo without grace, yet its
/// stream agents still shut down, and Orleans' Azure queue receiver then releases the messages it
/// held, which a crashed process could not do.
/// </remarks>
[Collection(DurableCluster.Name)]
public sealed class SiloKillDuringFanoutTests(DurableClusterFixture cluster)
{
    private const int FollowersPerSilo = 10;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Death detection (seconds with the shipped settings) and the agent's retries fit well inside.</summary>
    private static readonly TimeSpan RedeliveryTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_stream_provider_delivers_the_event_again_and_each_follower_on_the_surviving_silos_holds_the_tweet_once()
    {
        var author = await cluster.RegisterOnAsync(cluster.Silos[0], "dkAuthor");
        var fans = await cluster.RegisterSpreadAsync("dkFan", 3 * FollowersPerSilo);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("dkAuthor")));

        // A first post starts the queues' agents and the author's fan-out grain, and shows which
        // silo's agent reads the author's queue.
        var warmUp = await author.PostAsync("warm-up", null);
        await Eventually.WaitAsync(() => fans.All(f => ArrivalsOf(f, warmUp.Id) == 1), StartTimeout, "the warm-up post to reach every follower");
        var agent = StreamAgentOf("dkauthor") ?? throw new InvalidOperationException("No stream agent delivered the warm-up post to the fan-out grain.");

        // The victim: a secondary (the primary keeps the test cluster's membership table) without that agent.
        var victim = cluster.Silos.Skip(1).First(s => s.SiloAddress != agent);
        SiloHandle[] survivors = [.. cluster.Silos.Where(s => s != victim)];
        var onSurvivors = fans.Where((_, i) => cluster.Silos[i % 3] != victim).ToArray();
        var onVictim = fans.Where((_, i) => cluster.Silos[i % 3] == victim).ToArray();
        await PlaceFanoutOnAsync("dkauthor", victim);

        foreach (var silo in survivors)
        {
            TimelineClusterFixture.ProbeOf(silo).Hold((_, tweet) => tweet.Text == "during the kill");
        }

        var victimSentBefore = TimelineClusterFixture.CountersOf(victim).Sent;
        var survivorsSentBefore = SentBy(survivors);
        var tweet = await author.PostAsync("during the kill", null);
        await Eventually.WaitAsync(
            () => survivors.All(s => TimelineClusterFixture.ProbeOf(s).Held == FollowersPerSilo),
            StartTimeout,
            "the fan-out to reach the followers on the surviving silos, who hold it");
        Assert.Equal(3, TimelineClusterFixture.CountersOf(victim).Sent - victimSentBefore);
        Assert.Equal(survivorsSentBefore, SentBy(survivors));

        await cluster.Cluster.KillSiloAsync(victim);
        foreach (var silo in survivors)
        {
            TimelineClusterFixture.ProbeOf(silo).Release();
        }

        // The event comes again, to a new fan-out grain on a survivor, which hands the tweet to
        // every surviving follower a second time.
        await Eventually.WaitAsync(
            () => onSurvivors.All(f => ArrivalsOf(f, tweet.Id) >= 2),
            RedeliveryTimeout,
            "the event to be delivered again and the new fan-out to reach the surviving followers");
        Assert.True(SentBy(survivors) > survivorsSentBefore, "the fan-out should have run again on a surviving silo");

        // Each surviving follower holds the tweet once: its timeline drops the repeat by id.
        foreach (var fan in onSurvivors)
        {
            var home = await fan.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null);
            Assert.Equal([tweet.Id, warmUp.Id], home.Items.Select(t => t.Id));
        }

        // The followers that died with the victim come back on a survivor when they next read, and rebuild.
        foreach (var fan in onVictim)
        {
            var home = await fan.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, null);
            Assert.Equal([tweet.Id, warmUp.Id], home.Items.Select(t => t.Id));
        }
    }

    private static long SentBy(SiloHandle[] silos) => silos.Sum(s => TimelineClusterFixture.CountersOf(s).Sent);

    // Over every silo still in the cluster: a follower is on one of them.
    private int ArrivalsOf(IAddressable fan, TweetId tweet) =>
        cluster.Silos.Sum(s => TimelineClusterFixture.ProbeOf(s).Arrivals(fan.GetPrimaryKeyString(), tweet));

    private SiloAddress? StreamAgentOf(string authorKey) =>
        cluster.Silos.Select(s => TimelineClusterFixture.ProbeOf(s).StreamAgentOf(authorKey)).FirstOrDefault(a => a is not null);

    private async Task PlaceFanoutOnAsync(string authorKey, SiloHandle silo)
    {
        var fanout = cluster.Grains.GetGrain<IFanoutGrain>(authorKey);
        if (SiloOf(fanout) != silo.SiloAddress)
        {
            await cluster.Cluster.MigrateAsync(fanout, silo.SiloAddress);
        }

        await Eventually.WaitAsync(() => SiloOf(fanout) == silo.SiloAddress, $"the fan-out grain of {authorKey} to be active on {silo.Name}");
    }

    // Where the activation is, as the silos' own activation directories say (a location cache may be stale).
    private SiloAddress? SiloOf(IAddressable grain) =>
        cluster.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;
}
