using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Hosting;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// An author's tweets: the head page in its own state, full pages in <see cref="TweetPageGrain"/>s.
/// Tweet numbers are dense, so tweet n is in page n / <see cref="PageSize"/>, and every write is
/// at most one page however many tweets the author has.
/// </summary>
[GrainType("usertweets")]
internal sealed class UserTweetsGrain(
    [PersistentState(UserTweetsState.Name)] IPersistentState<UserTweetsState> state,
    IOptions<TimelineOptions> options,
    ILogger<UserTweetsGrain> logger) : Grain, IUserTweetsGrain
{
    /// <summary>Tweets per page: small enough that writing the head on every post stays cheap.</summary>
    public const int PageSize = 32;

    // Full pages read or written by this activation, newest kept: enough for a full home
    // timeline's worth of tweets, which is what followers and the celebrity cache ask for.
    private readonly SortedDictionary<int, ImmutableArray<Tweet>> _pages = [];
    private readonly int _maxCachedPages = (options.Value.Capacity / PageSize) + 2;

    private string Key => this.GetPrimaryKeyString();

    private List<Tweet> Head => state.State.Head;

    // The number of the head page: every earlier page is full and stored.
    private int HeadPage => (int)((state.State.Count - Head.Count) / PageSize);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A crash between writing a full head and storing it as a page leaves it here.
        if (Head.Count >= PageSize)
        {
            await FlushAsync();
        }
    }

    public Task<long> AppendAsync(Tweet tweet) => AppendAsync(tweet, idempotencyKey: null);

    public async Task<Tweet> AppendOnceAsync(Tweet tweet, string idempotencyKey)
    {
        if (state.State.PostKeys.Find(k => k.Key == idempotencyKey) is { } earlier)
        {
            // Its tweet was stored in the same write as the key, and tweets are never removed.
            return (await CollectAsync(earlier.Id.Value + 1, earlier.Id.Value, 1)) is [var stored]
                ? stored
                : throw new InvalidOperationException($"The tweet {earlier.Id} of {Key}'s post with idempotency key '{idempotencyKey}' is missing from storage.");
        }

        await AppendAsync(tweet, idempotencyKey);
        return tweet;
    }

    private async Task<long> AppendAsync(Tweet tweet, string? idempotencyKey)
    {
        if (Head.Count >= PageSize)
        {
            await FlushAsync();
        }

        // A retried post brings a tweet that may be appended already: in the head, or in the
        // newest page if the head was flushed since (read, not only looked up in the cache, for
        // an activation that has not loaded it). A post under an idempotency key has a new id,
        // and its retries were found by their key, so it skips that page read.
        if (idempotencyKey is null
            && (Head.Exists(t => t.Id == tweet.Id)
                || (HeadPage > 0 && (await StoredPageOrEmptyAsync(HeadPage - 1)).Any(t => t.Id == tweet.Id))))
        {
            return state.State.Count;
        }

        // One author's posts come in id order, except across silos whose clocks disagree.
        var at = Head.FindLastIndex(t => t.Id < tweet.Id) + 1;
        Head.Insert(at, tweet);
        state.State.Count++;
        var keys = state.State.PostKeys;
        PostKey? forgotten = null;
        if (idempotencyKey is not null)
        {
            keys.Add(new PostKey(idempotencyKey, tweet.Id));
            if (keys.Count > TimelineLimits.RememberedIdempotencyKeys)
            {
                forgotten = keys[0];
                keys.RemoveAt(0);
            }
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: the post fails, and memory must not claim otherwise.
            Head.RemoveAt(at);
            state.State.Count--;
            if (idempotencyKey is not null)
            {
                keys.RemoveAt(keys.Count - 1);
                if (forgotten is not null)
                {
                    keys.Insert(0, forgotten);
                }
            }

            throw;
        }

        if (Head.Count >= PageSize)
        {
            try
            {
                await FlushAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The tweet is stored (in the head); the next append or activation flushes again.
                TimelineLog.PageFlushFailed(logger, exception, Key, HeadPage);
            }
        }

        return state.State.Count;
    }

    public async Task<RecentTweets> GetRecentAsync(TweetId? since, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var tweets = await CollectAsync(long.MaxValue, since?.Value ?? 0, limit);
        return new RecentTweets(state.State.Celebrity, [.. tweets]);
    }

    public async Task<TimelinePage> GetPageAsync(int limit, TweetId? before)
    {
        Paging.ValidateLimit(limit);
        var tweets = await CollectAsync(before?.Value ?? long.MaxValue, 0, limit + 1);
        if (tweets.Count <= limit)
        {
            return tweets.Count == 0 ? TimelinePage.Empty : new TimelinePage(tweets, null);
        }

        tweets.RemoveAt(limit);
        return new TimelinePage(tweets, tweets[^1].Id);
    }

    public Task<long> GetCountAsync() => Task.FromResult(state.State.Count);

    public async Task SetCelebrityAsync(bool celebrity)
    {
        if (state.State.Celebrity != celebrity)
        {
            state.State.Celebrity = celebrity;
            await state.WriteStateAsync();
        }
    }

    // Tweets with before > id >= since, newest first, at most take.
    private async Task<List<Tweet>> CollectAsync(long before, long since, int take)
    {
        var result = new List<Tweet>(Math.Min(take, 64));
        if (Scan(Head, before, since, take, result))
        {
            return result;
        }

        var page = HeadPage - 1;
        if (result.Count == 0 && before != long.MaxValue)
        {
            page = await LastPageOlderThanAsync(before, page);
        }

        for (; page >= 0; page--)
        {
            if (Scan(await LoadPageAsync(page), before, since, take, result))
            {
                break;
            }
        }

        return result;
    }

    // Adds qualifying tweets of one ascending list; true when the walk is done (enough, or past since).
    private static bool Scan(IReadOnlyList<Tweet> ascending, long before, long since, int take, List<Tweet> result)
    {
        for (var i = ascending.Count - 1; i >= 0; i--)
        {
            var tweet = ascending[i];
            if (tweet.Id.Value >= before)
            {
                continue;
            }

            if (tweet.Id.Value < since || result.Count == take)
            {
                return true;
            }

            result.Add(tweet);
        }

        return result.Count == take;
    }

    // Binary search: the newest page whose oldest tweet is older than before (-1 when none), so
    // a deep page of the user timeline costs log2(pages) page reads, not one per page.
    private async Task<int> LastPageOlderThanAsync(long before, int last)
    {
        int low = 0, high = last, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var tweets = await LoadPageAsync(middle);
            if (tweets.Length > 0 && tweets[0].Id.Value < before)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private async Task<ImmutableArray<Tweet>> LoadPageAsync(int page)
    {
        var tweets = await StoredPageOrEmptyAsync(page);

        // Every page below the head was stored full before the head moved past it. Missing,
        // it fails the read rather than answer with a hole: a follower's rebuild then pulls
        // this author again later, where a silent gap would have stayed in its timeline.
        if (tweets.IsEmpty)
        {
            throw new InvalidOperationException($"Page {page} of {Key}'s tweets is missing from storage; its head is page {HeadPage}.");
        }

        return tweets;
    }

    // A page as stored, cached once found; empty, and not cached, when storage has none. Posting
    // uses it directly: a lost page cannot hold a retried tweet, and must not stop the author posting.
    private async Task<ImmutableArray<Tweet>> StoredPageOrEmptyAsync(int page)
    {
        if (!_pages.TryGetValue(page, out var tweets))
        {
            tweets = await GrainFactory.GetGrain<ITweetPageGrain>(TweetPageGrain.KeyOf(Key, page)).GetAsync();
            if (tweets.IsDefaultOrEmpty)
            {
                return [];
            }

            Cache(page, tweets);
        }

        return tweets;
    }

    private async Task FlushAsync()
    {
        var page = HeadPage;
        var tweets = Head.ToImmutableArray();
        await GrainFactory.GetGrain<ITweetPageGrain>(TweetPageGrain.KeyOf(Key, page)).StoreAsync(tweets);
        state.State.Head = [];
        await state.WriteStateAsync();
        Cache(page, tweets);
    }

    private void Cache(int page, ImmutableArray<Tweet> tweets)
    {
        _pages[page] = tweets;
        while (_pages.Count > _maxCachedPages)
        {
            _pages.Remove(_pages.First().Key);
        }
    }
}
