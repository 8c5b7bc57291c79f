using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Tweets;

namespace OrleansTwitter.Grains.Timeline;

/// <summary>
/// Celebrities' recent tweets, shared by every follower in this silo for
/// <see cref="TimelineOptions.CelebrityCacheDuration"/>. A read of any number of followers
/// costs the celebrity about one call per period per silo, so it is never a read hotspot. One
/// fetch per celebrity is in flight at a time; every reader waits on that one.
/// </summary>
/// <param name="fetch">Gets an author's newest tweets (author key, how many); <see cref="FromGrains"/> in a silo.</param>
/// <param name="timeProvider">The silo's clock.</param>
/// <param name="options">The cache duration and the capacity (how many tweets to keep per celebrity).</param>
internal sealed class CelebrityTweetCache(Func<string, int, Task<RecentTweets>> fetch, TimeProvider timeProvider, IOptions<TimelineOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _duration = options.Value.CelebrityCacheDuration;
    private readonly int _limit = options.Value.Capacity;

    /// <summary>Fetches from the authors' <see cref="IUserTweetsGrain"/>s.</summary>
    public static Func<string, int, Task<RecentTweets>> FromGrains(IGrainFactory grainFactory) =>
        (authorKey, limit) => grainFactory.GetGrain<IUserTweetsGrain>(authorKey).GetRecentAsync(null, limit);

    /// <summary>The celebrity's newest tweets (up to a full timeline's worth), newest first.</summary>
    public ValueTask<ImmutableArray<Tweet>> GetAsync(string authorKey)
    {
        if (_entries.TryGetValue(authorKey, out var entry) && timeProvider.GetElapsedTime(entry.FetchedAt) < _duration)
        {
            return entry.Tweets.IsCompletedSuccessfully ? new(entry.Tweets.Result) : new(entry.Tweets);
        }

        return new(Refresh(authorKey, entry));
    }

    private Task<ImmutableArray<Tweet>> Refresh(string authorKey, Entry? stale)
    {
        var fetched = new TaskCompletionSource<ImmutableArray<Tweet>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fresh = new Entry(timeProvider.GetTimestamp(), fetched.Task);
        var won = stale is null ? _entries.TryAdd(authorKey, fresh) : _entries.TryUpdate(authorKey, fresh, stale);
        if (!won)
        {
            // Another reader started the fetch a moment ago: wait for that one.
            return _entries.TryGetValue(authorKey, out var current) ? current.Tweets : FetchAsync(authorKey);
        }

        _ = FillAsync(authorKey, fresh, fetched);
        return fetched.Task;
    }

    private async Task FillAsync(string authorKey, Entry entry, TaskCompletionSource<ImmutableArray<Tweet>> fetched)
    {
        try
        {
            fetched.SetResult(await FetchAsync(authorKey).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            // A failure is not cached: the next reader tries again. Every waiting reader sees it.
            _entries.TryRemove(new KeyValuePair<string, Entry>(authorKey, entry));
            fetched.SetException(exception);
        }
    }

    // Not grain code: its continuation must not be queued to the scheduler of whichever
    // activation happened to start the shared fetch, since other grains wait on it too.
    private async Task<ImmutableArray<Tweet>> FetchAsync(string authorKey)
    {
        var recent = await fetch(authorKey, _limit).ConfigureAwait(false);
        return recent.Tweets;
    }

    private sealed record Entry(long FetchedAt, Task<ImmutableArray<Tweet>> Tweets);
}
