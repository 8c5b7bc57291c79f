using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Tests.Users;

[Collection(SharedCluster.Name)]
public sealed class PostingTests(SharedClusterFixture cluster)
{
    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public async Task Empty_text_is_rejected(string text)
    {
        var user = await cluster.RegisterAsync($"postempty{text.Length}");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync(text, null));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Empty((await user.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task Text_over_280_text_elements_is_rejected_and_280_emoji_with_modifiers_are_accepted()
    {
        var user = await cluster.RegisterAsync("postlong");
        const string WavingHand = "\U0001F44B\U0001F3FD"; // one text element, four UTF-16 code units

        var error = await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync(new string('a', 281), null));
        var accepted = await user.PostAsync(string.Concat(Enumerable.Repeat(WavingHand, 280)), null);

        Assert.Contains("280", error.Message, StringComparison.Ordinal);
        Assert.Equal(280 * 4, accepted.Text.Length);
    }

    [Fact]
    public async Task A_post_is_trimmed_stored_and_in_the_authors_home_and_user_timelines_when_PostAsync_returns()
    {
        var user = await cluster.RegisterAsync("PostAda");

        var tweet = await user.PostAsync("  hello world  ", null);

        Assert.Equal(("PostAda", "hello world"), (tweet.Author, tweet.Text));
        Assert.Equal(tweet.Id.Timestamp, tweet.CreatedAt);
        Assert.Equal([tweet], (await user.GetHomeTimelineAsync(10, null)).Items);
        Assert.Equal([tweet], (await user.GetTweetsAsync(10, null)).Items);
        Assert.Equal(tweet, await cluster.Grains.GetGrain<ITweetGrain>(tweet.Id.Value).GetAsync());
        Assert.Equal(1, (await user.GetProfileAsync()).Tweets);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_tweet_and_followers_get_it_once()
    {
        var user = await cluster.RegisterAsync("postidem");
        var fan = await cluster.RegisterAsync("postidemfan");
        await fan.FollowAsync("postidem");

        var first = await user.PostAsync("once", "key-1");
        var again = await user.PostAsync("once", "key-1");
        var other = await user.PostAsync("once", "key-2");

        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, (await user.GetTweetsAsync(10, null)).Items.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync("x", new string('k', 129)));

        // The repeat queues the fan-out again (the first attempt may have died before queueing
        // it); the follower holds the tweet once. A stream delivers one author's events in order,
        // so once the follower has the last post, both fan-outs of the first are done.
        await TimelineClusterFixture.WaitForHomeAsync(fan, ["once", "once"]);
        Assert.Equal([other.Id, first.Id], (await fan.GetHomeTimelineAsync(10, null)).Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Concurrent_posts_on_both_silos_get_unique_ids()
    {
        var authors = await cluster.RegisterSpreadAsync("postuniq", 20);

        var tweets = await Task.WhenAll(authors.SelectMany(a => Enumerable.Range(0, 10).Select(i => a.PostAsync($"post {i}", null))));

        Assert.Equal(tweets.Length, tweets.Select(t => t.Id).Distinct().Count());
        Assert.Equal(cluster.Silos.Count, tweets.Select(t => t.Id.NodeId).Distinct().Count());
        Assert.All(tweets, t => Assert.Equal(t.Id.Timestamp, t.CreatedAt));
    }

    [Fact]
    public async Task The_tweet_store_fetches_batches_in_the_order_asked_and_leaves_out_unknown_ids()
    {
        var user = await cluster.RegisterAsync("poststore");
        var tweets = new List<Tweet>();
        for (var i = 0; i < 5; i++)
        {
            tweets.Add(await user.PostAsync($"stored {i}", null));
        }

        // A fresh store has an empty cache: every fetch goes to the tweet grains.
        var store = new TweetStore(cluster.Grains);
        var fetched = await store.GetManyAsync([tweets[3].Id, new TweetId(12345), tweets[0].Id, tweets[4].Id]);

        Assert.Equal([tweets[3], tweets[0], tweets[4]], fetched);
        Assert.Null(await store.GetAsync(new TweetId(777)));
        Assert.Null(await cluster.Grains.GetGrain<ITweetGrain>(777).GetAsync());
    }

    [Fact]
    public async Task The_user_timeline_pages_back_through_every_tweet_across_stored_pages()
    {
        var user = await cluster.RegisterAsync("postpages");
        var posted = new List<Tweet>();
        for (var i = 0; i < 100; i++)
        {
            posted.Add(await user.PostAsync($"tweet {i}", null));
        }

        var seen = new List<Tweet>();
        TweetId? before = null;
        do
        {
            var page = await user.GetTweetsAsync(7, before);
            seen.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        Assert.Equal(posted.AsEnumerable().Reverse(), seen);
        var deep = await user.GetTweetsAsync(5, posted[10].Id);
        Assert.Equal(posted[5..10].AsEnumerable().Reverse(), deep.Items);
        Assert.Equal(100, (await user.GetProfileAsync()).Tweets);
    }

    [Fact]
    public async Task Stored_pages_are_read_back_after_the_author_and_its_tweets_are_deactivated()
    {
        var user = await cluster.RegisterAsync("postcold");
        var posted = new List<Tweet>();
        for (var i = 0; i < 70; i++)
        {
            posted.Add(await user.PostAsync($"tweet {i}", null));
        }

        // 70 tweets: two full pages of 32 in page grains, 6 in the head.
        await cluster.CollectIdleAsync(
            user.GetGrainId(),
            GrainId.Create("usertweets", "postcold"),
            GrainId.Create("tweetpage", TweetPageGrain.KeyOf("postcold", 0)),
            GrainId.Create("tweetpage", TweetPageGrain.KeyOf("postcold", 1)));

        var page = await user.GetTweetsAsync(100, null);
        Assert.Equal(posted.AsEnumerable().Reverse(), page.Items);
        Assert.Null(page.Next);
        Assert.Equal(posted[1..3].AsEnumerable().Reverse(), (await user.GetTweetsAsync(2, posted[3].Id)).Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task A_page_size_outside_1_to_100_is_rejected(int limit)
    {
        var user = await cluster.RegisterAsync($"postlimit{limit + 5}");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetHomeTimelineAsync(limit, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetTweetsAsync(limit, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetFollowersAsync(null, limit));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetFollowingAsync(null, limit));
    }
}
