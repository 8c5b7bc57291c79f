using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Users;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Users;

/// <summary>
/// Fan-out is asynchronous: a post returns once its event is queued, and followers have it
/// shortly after, so these tests wait (boundedly) for what they expect.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class FanoutTests(SharedClusterFixture cluster)
{
    [Fact]
    public async Task A_post_reaches_every_followers_home_timeline_shortly_after_PostAsync_returns()
    {
        var author = await cluster.RegisterAsync("foAuthor");
        var fans = await cluster.RegisterSpreadAsync("foFan", 6);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("foAuthor")));

        var tweet = await author.PostAsync("to all of you", null);

        foreach (var fan in fans)
        {
            await TimelineClusterFixture.WaitForHomeAsync(fan, ["to all of you"]);
            Assert.Equal(tweet, (await fan.GetHomeTimelineAsync(1, null)).Items.Single());
        }
    }

    [Fact]
    public async Task A_delivery_made_twice_more_appears_once()
    {
        var author = await cluster.RegisterAsync("foDupAuthor");
        var fan = await cluster.RegisterAsync("foDupFan");
        await fan.FollowAsync("foDupAuthor");
        var tweet = await author.PostAsync("only once", null);
        await TimelineClusterFixture.WaitForHomeAsync(fan, ["only once"]);

        var timeline = cluster.Grains.GetGrain<ITimelineSubscriberGrain>("fodupfan");
        await timeline.DeliverAsync(tweet);
        await timeline.DeliverAsync(tweet with { });

        Assert.Equal([tweet], (await fan.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task A_delivery_from_someone_not_followed_is_ignored()
    {
        var stranger = await cluster.RegisterAsync("foStranger");
        var fan = await cluster.RegisterAsync("foNotFan");
        var tweet = await stranger.PostAsync("unsolicited", null);

        await cluster.Grains.GetGrain<ITimelineSubscriberGrain>("fonotfan").DeliverAsync(tweet);

        Assert.Empty((await fan.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task Posts_from_100_authors_made_concurrently_to_one_follower_all_arrive_in_id_order()
    {
        var follower = await cluster.RegisterAsync("foMany");
        var authors = await cluster.RegisterSpreadAsync("foAuth", 100);
        foreach (var i in Enumerable.Range(0, 100))
        {
            await follower.FollowAsync($"foAuth{i}");
        }

        var posted = await Task.WhenAll(authors.SelectMany(a => Enumerable.Range(0, 3).Select(n => a.PostAsync($"post {n}", null))));

        var home = new List<Tweet>();
        await Eventually.WaitAsync(
            async () =>
            {
                home = await ReadAllAsync(follower);
                return home.Count == posted.Length;
            },
            $"all {posted.Length} posts in the follower's home timeline");
        Assert.Equal(posted.OrderByDescending(t => t.Id), home);
    }

    [Fact]
    public async Task The_largest_author_still_pushed_under_the_default_threshold_reaches_every_active_follower()
    {
        // 9,999 followers in 10 chunks: one more would make the author a celebrity, read on pull.
        const int Followers = TimelineLimits.DefaultCelebrityThreshold - 1;
        var author = await cluster.RegisterAsync("foBig");
        var fans = await cluster.RegisterSpreadAsync("foBigFan", Followers);
        await TimelineClusterFixture.InBatchesAsync(Followers, i => fans[i].FollowAsync("foBig"));

        var profile = await author.GetProfileAsync();
        Assert.Equal((Followers, false), (profile.Followers, profile.Celebrity));

        var tweet = await author.PostAsync("hello, ten thousand", null);

        foreach (var batch in fans.Chunk(TimelineClusterFixture.BatchSize))
        {
            await Eventually.WaitAsync(
                async () => (await Task.WhenAll(batch.Select(f => f.GetHomeTimelineAsync(1, null)))).All(page => page.Items.SingleOrDefault() == tweet),
                "the post in the home timeline of every one of a batch of followers");
        }
    }

    [Fact]
    public async Task Mutual_followers_posting_at_the_same_moment_all_see_every_post()
    {
        var users = await cluster.RegisterSpreadAsync("foMesh", 8);
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            foreach (var j in Enumerable.Range(0, users.Length).Where(j => j != i))
            {
                await user.FollowAsync($"foMesh{j}");
            }
        }

        var posted = await Task.WhenAll(users.SelectMany(u => Enumerable.Range(0, 5).Select(n => u.PostAsync($"mesh {n}", null)))).WaitAsync(Eventually.DefaultTimeout);

        foreach (var user in users)
        {
            var home = new List<Tweet>();
            await Eventually.WaitAsync(
                async () =>
                {
                    home = [.. (await user.GetHomeTimelineAsync(100, null)).Items];
                    return home.Count == posted.Length;
                },
                $"all {posted.Length} posts in {user.GetPrimaryKeyString()}'s home timeline");
            Assert.Equal(posted.OrderByDescending(t => t.Id), home);
        }
    }

    private static async Task<List<Tweet>> ReadAllAsync(IUserGrain user)
    {
        var home = new List<Tweet>();
        TweetId? before = null;
        do
        {
            var page = await user.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, before);
            home.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        return home;
    }
}
