using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tests.Users;

public sealed class FanoutTests
{
    [Fact]
    public async Task A_post_is_in_every_followers_home_timeline_when_PostAsync_returns()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var author = await silo.RegisterAsync("foAuthor");
        var fans = await silo.RegisterManyAsync("foFan", 5);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("foAuthor")));

        var tweet = await author.PostAsync("to all of you", null);

        foreach (var fan in fans)
        {
            Assert.Equal(tweet, (await fan.GetHomeTimelineAsync(1, null)).Items.Single());
        }
    }

    [Fact]
    public async Task A_delivery_made_twice_appears_once()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var author = await silo.RegisterAsync("foDupAuthor");
        var fan = await silo.RegisterAsync("foDupFan");
        await fan.FollowAsync("foDupAuthor");
        var tweet = await author.PostAsync("only once", null);

        var timeline = silo.Grains.GetGrain<ITimelineSubscriberGrain>("fodupfan");
        await timeline.DeliverAsync(tweet);
        await timeline.DeliverAsync(tweet with { });

        Assert.Equal([tweet], (await fan.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task A_delivery_from_someone_not_followed_is_ignored()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var stranger = await silo.RegisterAsync("foStranger");
        var fan = await silo.RegisterAsync("foNotFan");
        var tweet = await stranger.PostAsync("unsolicited", null);

        await silo.Grains.GetGrain<ITimelineSubscriberGrain>("fonotfan").DeliverAsync(tweet);

        Assert.Empty((await fan.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task Posts_from_100_authors_made_concurrently_to_one_follower_are_all_present_in_id_order()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var follower = await silo.RegisterAsync("foMany");
        var authors = await silo.RegisterManyAsync("foAuth", 100);
        foreach (var i in Enumerable.Range(0, 100))
        {
            await follower.FollowAsync($"foAuth{i}");
        }

        var posted = await Task.WhenAll(authors.SelectMany(a => Enumerable.Range(0, 3).Select(n => a.PostAsync($"post {n}", null))));

        var home = new List<Tweet>();
        TweetId? before = null;
        do
        {
            var page = await follower.GetHomeTimelineAsync(TimelineLimits.MaxPageSize, before);
            home.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        Assert.Equal(posted.OrderByDescending(t => t.Id), home);
    }

    [Fact]
    public async Task An_author_with_10000_followers_reaches_every_active_follower()
    {
        // Above the threshold the author would be a celebrity and pulled on read; this is push.
        await using var silo = await TimelineSilo.StartAsync(o => o.CelebrityThreshold = 1_000_000);
        var author = await silo.RegisterAsync("foBig");
        var fans = await silo.RegisterManyAsync("foBigFan", 10_000);
        await Task.WhenAll(fans.Select(f => f.FollowAsync("foBig")));
        Assert.Equal(10_000, (await author.GetProfileAsync()).Followers);

        var tweet = await author.PostAsync("hello, ten thousand", null);

        var tops = await Task.WhenAll(fans.Select(f => f.GetHomeTimelineAsync(1, null)));
        Assert.All(tops, page => Assert.Equal(tweet, page.Items.Single()));
    }

    [Fact]
    public async Task Mutual_followers_posting_at_the_same_moment_all_see_every_post()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var users = await silo.RegisterManyAsync("foMesh", 8);
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            foreach (var j in Enumerable.Range(0, users.Length).Where(j => j != i))
            {
                await user.FollowAsync($"foMesh{j}");
            }
        }

        var posted = await Task.WhenAll(users.SelectMany(u => Enumerable.Range(0, 5).Select(n => u.PostAsync($"mesh {n}", null)))).WaitAsync(TimelineSilo.Wait);

        foreach (var user in users)
        {
            Assert.Equal(posted.OrderByDescending(t => t.Id), (await user.GetHomeTimelineAsync(100, null)).Items);
        }
    }
}
