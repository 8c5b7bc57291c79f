using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// One author's tweets (the user timeline), keyed by the author's key. Followers pull from it
/// (follow, rebuild, celebrity reads) instead of from the author's user grain, so pulling never
/// activates another user, whose own activation would pull in turn.
/// </summary>
/// <remarks>
/// Version 1 added <see cref="AppendOnceAsync"/>. In a cluster still running silos of version 0,
/// Orleans deactivates an activation of version 0 that gets a call of version 1 and places it
/// again on a silo that has version 1; calls of version 0 are served by either.
/// </remarks>
[Alias("ot.IUserTweetsGrain"), Orleans.CodeGeneration.Version(1)]
internal interface IUserTweetsGrain : IGrainWithStringKey
{
    /// <summary>Stores a new tweet durably; a tweet already stored is ignored. Returns the author's tweet count.</summary>
    [Alias("AppendAsync")]
    Task<long> AppendAsync(Tweet tweet);

    /// <summary>
    /// Stores a new tweet and its post's idempotency key in one write, unless the key is stored
    /// already: then it stores nothing. Returns the tweet stored under the key, this one or the
    /// one an earlier attempt of the post stored.
    /// </summary>
    [Alias("AppendOnceAsync")]
    Task<Tweet> AppendOnceAsync(Tweet tweet, string idempotencyKey);

    /// <summary>Tweets with an id of at least <paramref name="since"/> (all when null), newest first, at most <paramref name="limit"/>.</summary>
    [Alias("GetRecentAsync")]
    Task<RecentTweets> GetRecentAsync(TweetId? since, int limit);

    /// <summary>A page of the user timeline: tweets older than <paramref name="before"/>, newest first.</summary>
    [Alias("GetPageAsync")]
    Task<TimelinePage> GetPageAsync(int limit, TweetId? before);

    [Alias("GetCountAsync")]
    Task<long> GetCountAsync();

    /// <summary>Records whether the author is a celebrity, for followers that rebuild.</summary>
    [Alias("SetCelebrityAsync")]
    Task SetCelebrityAsync(bool celebrity);
}
