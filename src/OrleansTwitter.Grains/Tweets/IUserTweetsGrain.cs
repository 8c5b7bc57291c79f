using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// One author's tweets (the user timeline), keyed by the author's key. Followers pull from it
/// (follow, rebuild, celebrity reads) instead of from the author's user grain, so pulling never
/// activates another user, whose own activation would pull in turn.
/// </summary>
[Alias("ot.IUserTweetsGrain")]
internal interface IUserTweetsGrain : IGrainWithStringKey
{
    /// <summary>Stores a new tweet durably; a tweet already stored is ignored. Returns the author's tweet count.</summary>
    [Alias("AppendAsync")]
    Task<long> AppendAsync(Tweet tweet);

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
