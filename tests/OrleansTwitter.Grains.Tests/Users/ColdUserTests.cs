using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// A follower not in memory is skipped by fan-out and rebuilds its home timeline by pulling when it
/// next activates, from the window its snapshot recorded on deactivation. (The rebuild that learns a
/// new celebrity is in <see cref="CelebrityTests"/>; that a sleeping follower is not woken is proven
/// per silo in <see cref="Delivery.PerSiloDeliveryTests"/>.)
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class ColdUserTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task A_follower_that_was_deactivated_sees_the_tweet_after_it_reactivates()
    {
        var author = await cluster.RegisterAsync("coAuthor");
        var fan = await cluster.RegisterAsync("coFan");
        await fan.FollowAsync("coAuthor");
        await author.PostAsync("before", null);
        await TimelineClusterFixture.WaitForHomeAsync(fan, ["before"]);

        await cluster.DeactivateAsync(fan);
        await author.PostAsync("while away", null);

        Assert.Equal(["while away", "before"], await TimelineClusterFixture.HomeTextsAsync(fan));
    }

    [Fact]
    public async Task Deactivation_persists_the_timelines_window_and_the_rebuild_restores_it_plus_what_arrived_meanwhile()
    {
        var quiet = await cluster.RegisterAsync("coQuiet");
        var chatty = await cluster.RegisterAsync("coChatty");
        var fan = await cluster.RegisterAsync("coSnapFan");
        await fan.FollowAsync("coQuiet");
        await fan.FollowAsync("coChatty");
        var old = await quiet.PostAsync("old and quiet", null);
        var posted = new List<Tweet> { old };
        for (var i = 0; i < 10; i++)
        {
            posted.Add(await chatty.PostAsync($"chat {i}", null));
        }

        var before = TimelineClusterFixture.NewestFirst([.. posted]);
        await TimelineClusterFixture.WaitForHomeAsync(fan, before);
        await cluster.DeactivateAsync(fan);

        var snapshot = await cluster.ReadRawStateAsync(UserGrain.GrainTypeName, "cosnapfan", HomeSnapshotState.Name);
        Assert.NotNull(snapshot);
        Assert.Equal(posted.Min(t => t.Id).ToString(), snapshot.Value.GetProperty(nameof(HomeSnapshotState.Oldest)).GetString());
        Assert.Equal(11, snapshot.Value.GetProperty(nameof(HomeSnapshotState.Count)).GetInt32());

        var meanwhile = await chatty.PostAsync("meanwhile", null);
        Assert.Equal(TimelineClusterFixture.NewestFirst([meanwhile, .. posted]), await TimelineClusterFixture.HomeTextsAsync(fan));
    }
}
