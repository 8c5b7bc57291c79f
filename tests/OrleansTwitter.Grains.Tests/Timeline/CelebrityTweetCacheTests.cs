using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tests.Infrastructure;
using OrleansTwitter.Grains.Timeline;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Tests.Timeline;

/// <summary>The per-silo cache that keeps a celebrity from being a read hotspot.</summary>
public sealed class CelebrityTweetCacheTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    private static CelebrityTweetCache Create(FakeAuthors authors, FakeTimeProvider clock) =>
        new(authors.FetchAsync, clock, Options.Create(new TimelineOptions { CelebrityCacheDuration = Duration }));

    [Fact]
    public async Task Any_number_of_concurrent_readers_cost_the_celebrity_one_call_per_period()
    {
        var clock = new FakeTimeProvider();
        var authors = new FakeAuthors();
        var cache = Create(authors, clock);

        var readers = Enumerable.Range(0, 1_000).Select(_ => cache.GetAsync("star").AsTask()).ToList();
        authors.Complete("star", [TestTweets.Make(1)]);
        var results = await Task.WhenAll(readers);

        Assert.Equal(1, authors.Calls("star"));
        Assert.All(results, r => Assert.Equal([1L], TestTweets.Ids(r)));

        clock.Advance(Duration - TimeSpan.FromMilliseconds(1));
        await cache.GetAsync("star");
        Assert.Equal(1, authors.Calls("star"));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var refreshed = cache.GetAsync("star").AsTask();
        authors.Complete("star", [TestTweets.Make(2), TestTweets.Make(1)]);
        var fresh = await refreshed;
        Assert.Equal([2L, 1L], TestTweets.Ids(fresh));
        Assert.Equal(2, authors.Calls("star"));
    }

    [Fact]
    public async Task A_failed_fetch_reaches_its_readers_and_is_not_cached()
    {
        var clock = new FakeTimeProvider();
        var authors = new FakeAuthors();
        var cache = Create(authors, clock);

        var failing = cache.GetAsync("flaky").AsTask();
        authors.Fail("flaky", new TimeoutException("the celebrity did not answer"));
        await Assert.ThrowsAsync<TimeoutException>(() => failing);

        var retry = cache.GetAsync("flaky").AsTask();
        authors.Complete("flaky", [TestTweets.Make(5)]);
        var retried = await retry;
        Assert.Equal([5L], TestTweets.Ids(retried));
        Assert.Equal(2, authors.Calls("flaky"));
    }

    /// <summary>Authors whose recent tweets arrive when the test says so, counting the calls.</summary>
    private sealed class FakeAuthors
    {
        private readonly Dictionary<string, (int Calls, TaskCompletionSource<RecentTweets>? Pending)> _authors = [];

        public int Calls(string key) => _authors[key].Calls;

        public void Complete(string key, ImmutableArray<Tweet> tweets) => _authors[key].Pending!.SetResult(new RecentTweets(true, tweets));

        public void Fail(string key, Exception exception) => _authors[key].Pending!.SetException(exception);

        public Task<RecentTweets> FetchAsync(string key, int limit)
        {
            var pending = new TaskCompletionSource<RecentTweets>(TaskCreationOptions.RunContinuationsAsynchronously);
            _authors[key] = (_authors.GetValueOrDefault(key).Calls + 1, pending);
            return pending.Task;
        }
    }
}
