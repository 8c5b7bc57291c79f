using System.Collections.Concurrent;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// The <see cref="ITweetStore"/> of a process: batch fetches by id through the tweet grains,
/// in parallel, with a bounded cache of bodies. Tweets are immutable, so a cached body never
/// goes stale; the bound only limits memory.
/// </summary>
/// <remarks>
/// The cache has two generations: lookups check both, new bodies go into the current one, and
/// when it is full it becomes the previous one (the old previous one is dropped). So the
/// bodies used recently stay, with no per-entry bookkeeping on the read path.
/// </remarks>
public sealed class TweetStore : ITweetStore
{
    /// <summary>Bodies per cache generation.</summary>
    public const int GenerationSize = 50_000;

    private readonly IGrainFactory _grainFactory;
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<long, Tweet> _current = new();
    private ConcurrentDictionary<long, Tweet> _previous = new();

    public TweetStore(IGrainFactory grainFactory)
    {
        ArgumentNullException.ThrowIfNull(grainFactory);
        _grainFactory = grainFactory;
    }

    public async Task<Tweet?> GetAsync(TweetId id)
    {
        if (TryGetCached(id, out var cached))
        {
            return cached;
        }

        var tweet = await _grainFactory.GetGrain<ITweetGrain>(id.Value).GetAsync();
        if (tweet is not null)
        {
            Remember(tweet);
        }

        return tweet;
    }

    public async Task<IReadOnlyList<Tweet>> GetManyAsync(IReadOnlyCollection<TweetId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Tweet?[ids.Count];
        var fetches = new List<Task>();
        var index = 0;
        foreach (var id in ids)
        {
            if (TryGetCached(id, out var cached))
            {
                found[index] = cached;
            }
            else
            {
                fetches.Add(FetchInto(found, index, id));
            }

            index++;
        }

        await Task.WhenAll(fetches);
        return [.. found.OfType<Tweet>()];
    }

    /// <summary>Puts a body in the cache (a fresh post: its followers' readers will want it).</summary>
    internal void Remember(Tweet tweet)
    {
        var current = _current;
        current[tweet.Id.Value] = tweet;
        if (current.Count >= GenerationSize)
        {
            lock (_rotation)
            {
                if (ReferenceEquals(current, _current))
                {
                    _previous = current;
                    _current = new ConcurrentDictionary<long, Tweet>();
                }
            }
        }
    }

    private bool TryGetCached(TweetId id, out Tweet? tweet)
    {
        if (_current.TryGetValue(id.Value, out tweet))
        {
            return true;
        }

        if (_previous.TryGetValue(id.Value, out tweet))
        {
            Remember(tweet);
            return true;
        }

        return false;
    }

    private async Task FetchInto(Tweet?[] found, int index, TweetId id) => found[index] = await GetAsync(id);
}
