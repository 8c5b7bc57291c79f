using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Search;
using OrleansTwitter.Grains.Tests.Infrastructure.Cluster;
using OrleansTwitter.Testing.Waiting;

namespace OrleansTwitter.Grains.Tests.Search;

/// <summary>The index: terms, AND, paging, the per-term cap, batching of hot terms, redelivery.</summary>
[Collection(SearchCluster.Name)]
public sealed class SearchIndexTests(SearchClusterFixture cluster)
{
    [Fact]
    public async Task Words_and_hashtags_match_without_regard_to_case_or_surrounding_punctuation_and_terms_are_ANDed()
    {
        var user = await cluster.RegisterAsync("siMatch");
        await user.PostAsync("Orleans! is fast, #Grains rule", null);
        await user.PostAsync("\"orleans\" and grains, no tag", null);
        await user.PostAsync("Nothing here but Rust.", null);
        await cluster.WaitForMatchesAsync("rust", 1);

        Assert.Equal(["\"orleans\" and grains, no tag", "Orleans! is fast, #Grains rule"], await cluster.SearchTextsAsync("ORLEANS"));
        Assert.Equal(["Orleans! is fast, #Grains rule"], await cluster.SearchTextsAsync("#grains"));

        // A hashtag counts as a word too; a word is not a hashtag.
        Assert.Equal(["\"orleans\" and grains, no tag", "Orleans! is fast, #Grains rule"], await cluster.SearchTextsAsync("grains"));
        Assert.Equal(["Orleans! is fast, #Grains rule"], await cluster.SearchTextsAsync("orleans, fast #GRAINS"));
        Assert.Empty(await cluster.SearchTextsAsync("orleans rust"));

        // Punctuation-only terms are ignored; a query of nothing but those matches nothing.
        Assert.Equal(["Nothing here but Rust."], await cluster.SearchTextsAsync("rust !!! #"));
        Assert.Empty(await cluster.SearchTextsAsync("!!! #"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a b c d e f g h i")]
    public async Task A_query_that_is_empty_or_has_more_than_8_terms_is_refused(string query)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => cluster.Search.SearchAsync(query, 20, null));
    }

    [Fact]
    public async Task Pages_of_a_search_follow_next_with_no_repeat_and_no_gap_for_one_term_and_for_two()
    {
        var authors = await cluster.RegisterManyAsync("siPage", 3);
        var posted = new List<Tweet>();
        for (var i = 0; i < 45; i++)
        {
            posted.Add(await authors[i % 3].PostAsync(i % 2 == 0 ? $"pagingword even {i}" : $"pagingword {i}", null));
        }

        await cluster.WaitForMatchesAsync("pagingword", 45);

        Assert.Equal(posted.OrderByDescending(t => t.Id).Select(t => t.Id), await AllPagesAsync("pagingword", 20));
        Assert.Equal(posted.Where(t => t.Text.Contains("even", StringComparison.Ordinal)).OrderByDescending(t => t.Id).Select(t => t.Id), await AllPagesAsync("even pagingword", 7));
    }

    [Fact]
    public async Task A_term_keeps_the_newest_10000_ids_and_ignores_repeats_even_when_written_concurrently()
    {
        var term = cluster.Grains.GetGrain<ITermIndexGrain>("test-cap-term");
        var ids = Enumerable.Range(1, 10_050).Select(i => (long)i).ToArray();

        // Eight writers at once, in overlapping shuffled batches, as several silos' flushes and redeliveries would come.
        var batches = ids.Chunk(500).SelectMany(b => new[] { b, b.Reverse().ToArray() }).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            foreach (var batch in batches.Where((_, i) => i % 8 == w))
            {
                await term.AddAsync([.. batch]);
            }
        })));
        await term.AddAsync([.. ids.Take(100)]);

        var held = await term.GetNewestAsync(long.MaxValue, 20_000);
        Assert.Equal(ids.Skip(50).Reverse(), held);
        Assert.Equal(new long[] { 10_000, 9_999 }, (await term.GetNewestAsync(10_001, 2)).ToArray());
    }

    [Fact]
    public async Task A_terms_new_ids_reach_storage_within_its_write_delay_while_the_term_stays_active()
    {
        var term = cluster.Grains.GetGrain<ITermIndexGrain>("test-written-behind");
        await term.AddAsync([7, 3]);

        // Twice the delay, and then some, for the timer's turn on a loaded machine; no deactivation.
        var stored = await Eventually.WaitForAsync(
            () => cluster.ReadRawStateAsync("search-term", "test-written-behind", TermIndexState.Name),
            state => state is not null,
            SearchClusterFixture.IndexWriteDelay * 2 + TimeSpan.FromSeconds(5),
            "the term's ids to be written behind");
        Assert.Equal([3L, 7L], stored!.Value.GetProperty(nameof(TermIndexState.Ids)).EnumerateArray().Select(e => e.GetInt64()));
        Assert.True(cluster.IsActive(term.GetGrainId()), "the term grain was to stay active: its write is the timer's, not deactivation's");

        // Ids added after a write are written again.
        await term.AddAsync([11]);
        await Eventually.WaitForAsync(
            () => cluster.ReadRawStateAsync("search-term", "test-written-behind", TermIndexState.Name),
            state => state!.Value.GetProperty(nameof(TermIndexState.Ids)).GetArrayLength() == 3,
            SearchClusterFixture.IndexWriteDelay * 2 + TimeSpan.FromSeconds(5),
            "the later id to be written behind too");
    }

    [Fact]
    public async Task A_hot_word_gets_at_most_one_write_per_silo_batch_not_one_per_tweet()
    {
        const int Tweets = 400;
        var authors = await cluster.RegisterManyAsync("siHot", 80);
        var flushesBefore = cluster.Silos.Sum(s => SearchClusterFixture.IndexBufferOf(s).Flushes);

        await TimelineClusterFixture.InBatchesAsync(Tweets, i => authors[i % authors.Length].PostAsync($"hotword number {i}", null));
        await Eventually.WaitForAsync(
            async () => (await cluster.Search.SearchAsync("hotword", 100, null)).Items.Count,
            n => n == 100,
            Eventually.DefaultTimeout,
            "the hot word's first page to fill");
        var term = cluster.Grains.GetGrain<ITermIndexGrain>("hotword");
        await Eventually.WaitForAsync(async () => (await term.GetNewestAsync(long.MaxValue, Tweets)).Length, n => n == Tweets, Eventually.DefaultTimeout, $"all {Tweets} tweets in the hot word's term");

        var writes = cluster.Silos.Sum(s => SearchClusterFixture.TermCallsOf(s).WritesOf("hotword"));
        var flushes = cluster.Silos.Sum(s => SearchClusterFixture.IndexBufferOf(s).Flushes) - flushesBefore;
        Assert.True(writes <= flushes, $"{writes} writes to the hot term, but the silos flushed only {flushes} batches: a term gets one write per batch at most");
        Assert.True(writes < Tweets / 2, $"{writes} writes for {Tweets} tweets: the batches did not gather the hot word's ids");
    }

    [Fact]
    public async Task A_redelivered_tweet_is_indexed_and_counted_once()
    {
        var user = await cluster.RegisterAsync("siAgain");
        var countedBefore = TweetsCounted();
        var tweet = await user.PostAsync("redelivered #onceonly", null);
        await cluster.WaitForMatchesAsync("#onceonly", 1);
        await Eventually.WaitAsync(() => TweetsCounted() == countedBefore + 1, "the first delivery's hashtags to be counted");

        // The stream delivers the same event again, as a durable queue may after a lost acknowledgement.
        var streams = TimelineClusterFixture.ServicesOf(cluster.Silos[1]).GetRequiredKeyedService<IStreamProvider>(TimelineStreams.ProviderName);
        var stream = streams.GetStream<TweetPosted>(TimelineStreams.Tweets("siagain"));
        await stream.OnNextAsync(new TweetPosted(tweet, 0, 0));
        await stream.OnNextAsync(new TweetPosted(tweet, 0, 0));
        var marker = await user.PostAsync("redelivered marker", null);
        await cluster.WaitForMatchesAsync("marker", 1);

        // The events of one stream arrive in order: the marker's indexing means the repeats were handled.
        Assert.Equal([marker.Id, tweet.Id], (await cluster.Search.SearchAsync("redelivered", 100, null)).Items.Select(t => t.Id));
        Assert.Equal(countedBefore + 1, TweetsCounted());
    }

    private long TweetsCounted() => cluster.Silos.Sum(s => SearchClusterFixture.TrendCounterOf(s).TweetsCounted);

    private async Task<List<TweetId>> AllPagesAsync(string query, int limit)
    {
        var ids = new List<TweetId>();
        TweetId? before = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await cluster.Search.SearchAsync(query, limit, before);
            ids.AddRange(page.Items.Select(t => t.Id));
            if (page.Next is not { } next)
            {
                return ids;
            }

            Assert.Equal(page.Items[^1].Id, next);
            before = next;
        }

        throw new InvalidOperationException($"The search for '{query}' did not end within 100 pages.");
    }
}
