using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;
using OrleansTwitter.Testing.Waiting;

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

    [Fact]
    public async Task The_rebuild_restores_the_whole_window_even_when_a_followee_posted_more_in_it_than_a_follow_pulls()
    {
        var author = await cluster.RegisterAsync("coProlific");
        var fan = await cluster.RegisterAsync("coWindowFan");
        await fan.FollowAsync("coProlific");

        // More than Timeline:PullPerFollowee (100), all of them inside the 800-entry timeline.
        const int Posted = 130;
        var posted = new List<Tweet>();
        for (var i = 0; i < Posted; i++)
        {
            posted.Add(await author.PostAsync($"prolific {i}", null));
        }

        var expected = posted.OrderByDescending(t => t.Id).Select(t => t.Id).ToList();
        await Eventually.WaitAsync(async () => (await WholeHomeAsync(fan)).SequenceEqual(expected), "every tweet in the follower's home timeline");
        await cluster.DeactivateAsync(fan);

        Assert.Equal(expected, await WholeHomeAsync(fan));
    }

    private static async Task<List<TweetId>> WholeHomeAsync(IUserGrain user)
    {
        var ids = new List<TweetId>();
        TweetId? before = null;
        do
        {
            var page = await user.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, before);
            ids.AddRange(page.Items.Select(t => t.Id));
            before = page.Next;
        }
        while (before is not null);
        return ids;
    }
}
