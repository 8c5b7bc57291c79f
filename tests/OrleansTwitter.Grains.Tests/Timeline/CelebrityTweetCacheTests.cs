using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Testing;
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

    private static CelebrityTweetCache Create(FakeAuthors authors, ManualTimeProvider clock) =>
        new(authors, clock, Options.Create(new TimelineOptions { CelebrityCacheDuration = Duration }));

    [Fact]
    public async Task Any_number_of_concurrent_readers_cost_the_celebrity_one_call_per_period()
    {
        var clock = new ManualTimeProvider();
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
        var clock = new ManualTimeProvider();
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

    /// <summary>A grain factory whose author tweet grains answer when the test says so.</summary>
    private sealed class FakeAuthors : IGrainFactory
    {
        private readonly Dictionary<string, Author> _authors = [];

        public int Calls(string key) => _authors[key].Calls;

        public void Complete(string key, ImmutableArray<Tweet> tweets) => _authors[key].Pending!.SetResult(new RecentTweets(true, tweets));

        public void Fail(string key, Exception exception) => _authors[key].Pending!.SetException(exception);

        public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
            where TGrainInterface : IGrainWithStringKey
        {
            lock (_authors)
            {
                if (!_authors.TryGetValue(primaryKey, out var author))
                {
                    _authors[primaryKey] = author = new Author();
                }

                return (TGrainInterface)(object)author;
            }
        }

        public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
            where TGrainInterface : IGrainWithIntegerKey => throw new NotSupportedException();

        public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
            where TGrainInterface : IGrainWithGuidKey => throw new NotSupportedException();

        public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
            where TGrainInterface : IGrain => throw new NotSupportedException();

        private sealed class Author : IUserTweetsGrain
        {
            public int Calls { get; private set; }

            public TaskCompletionSource<RecentTweets>? Pending { get; private set; }

            public Task<RecentTweets> GetRecentAsync(TweetId? since, int limit)
            {
                Calls++;
                Pending = new TaskCompletionSource<RecentTweets>(TaskCreationOptions.RunContinuationsAsynchronously);
                return Pending.Task;
            }

            public Task<long> AppendAsync(Tweet tweet) => throw new NotSupportedException();

            public Task<TimelinePage> GetPageAsync(int limit, TweetId? before) => throw new NotSupportedException();

            public Task<long> GetCountAsync() => throw new NotSupportedException();

            public Task SetCelebrityAsync(bool celebrity) => throw new NotSupportedException();
        }
    }
}
