using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Tests.Infrastructure;

namespace OrleansTwitter.Grains.Tests.Users;

public sealed class PostingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public async Task Empty_text_is_rejected(string text)
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("postempty");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync(text, null));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Empty((await user.GetHomeTimelineAsync(10, null)).Items);
    }

    [Fact]
    public async Task Text_over_280_text_elements_is_rejected_and_280_emoji_with_modifiers_are_accepted()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("postlong");
        const string WavingHand = "\U0001F44B\U0001F3FD"; // one text element, four UTF-16 code units

        var error = await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync(new string('a', 281), null));
        var accepted = await user.PostAsync(string.Concat(Enumerable.Repeat(WavingHand, 280)), null);

        Assert.Contains("280", error.Message, StringComparison.Ordinal);
        Assert.Equal(280 * 4, accepted.Text.Length);
    }

    [Fact]
    public async Task A_post_is_trimmed_stored_and_in_the_authors_home_and_user_timelines()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("PostAda");

        var tweet = await user.PostAsync("  hello world  ", null);

        Assert.Equal(("PostAda", "hello world"), (tweet.Author, tweet.Text));
        Assert.Equal(tweet.Id.Timestamp, tweet.CreatedAt);
        Assert.Equal([tweet], (await user.GetHomeTimelineAsync(10, null)).Items);
        Assert.Equal([tweet], (await user.GetTweetsAsync(10, null)).Items);
        Assert.Equal(tweet, await silo.Grains.GetGrain<ITweetGrain>(tweet.Id.Value).GetAsync());
        Assert.Equal(1, (await user.GetProfileAsync()).Tweets);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_tweet_without_a_duplicate()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("postidem");

        var first = await user.PostAsync("once", "key-1");
        var again = await user.PostAsync("once", "key-1");
        var other = await user.PostAsync("once", "key-2");

        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(2, (await user.GetTweetsAsync(10, null)).Items.Count);
        await Assert.ThrowsAsync<ArgumentException>(() => user.PostAsync("x", new string('k', 129)));
    }

    [Fact]
    public async Task The_tweet_store_fetches_batches_in_the_order_asked_and_leaves_out_unknown_ids()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("poststore");
        var tweets = new List<Tweet>();
        for (var i = 0; i < 5; i++)
        {
            tweets.Add(await user.PostAsync($"stored {i}", null));
        }

        // A fresh store has an empty cache: every fetch goes to the tweet grains.
        var store = new Grains.Tweets.TweetStore(silo.Grains);
        var fetched = await store.GetManyAsync([tweets[3].Id, new TweetId(12345), tweets[0].Id, tweets[4].Id]);

        Assert.Equal([tweets[3], tweets[0], tweets[4]], fetched);
        Assert.Null(await store.GetAsync(new TweetId(777)));
        Assert.Null(await silo.Grains.GetGrain<ITweetGrain>(777).GetAsync());
    }

    [Fact]
    public async Task The_user_timeline_pages_back_through_every_tweet_across_stored_pages()
    {
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("postpages");
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
    public async Task Stored_pages_are_read_back_after_the_author_is_deactivated()
    {
        await using var silo = await TimelineSilo.StartAsync(clock: new Actors.Testing.ManualTimeProvider());
        var user = await silo.RegisterAsync("postcold");
        var posted = new List<Tweet>();
        for (var i = 0; i < 70; i++)
        {
            posted.Add(await user.PostAsync($"tweet {i}", null));
        }

        await silo.CollectIdleAsync();

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
        await using var silo = await TimelineSilo.StartAsync();
        var user = await silo.RegisterAsync("postlimit");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetHomeTimelineAsync(limit, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetTweetsAsync(limit, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetFollowersAsync(null, limit));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => user.GetFollowingAsync(null, limit));
    }
}
