using Orleans.Concurrency;


namespace OrleansTwitter.Contracts;

/// <summary>
/// A user: profile, follow graph and home timeline. The key is the lower-case handle
/// (<see cref="Handle.Normalize"/>). A user exists once registered; every other method throws
/// <see cref="UnknownUserException"/> on a user that does not, and <see cref="ArgumentException"/>
/// on bad input.
/// </summary>
[Alias("ot.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the user with <paramref name="handle"/> as its display form (it must be the
    /// key in some case) and an optional display name. True when it registered now; false when
    /// it was registered already (the first registration stands).
    /// </summary>
    [Alias("RegisterAsync")]
    Task<bool> RegisterAsync(string handle, string? displayName);

    [Alias("GetProfileAsync")]
    [SafeToRetry]
    Task<UserProfile> GetProfileAsync();

    /// <summary>Follows <paramref name="handle"/>; idempotent. Its recent tweets join the home timeline.</summary>
    [Alias("FollowAsync")]
    [SafeToRetry]
    Task FollowAsync(string handle);

    /// <summary>Stops following <paramref name="handle"/>; idempotent. Its tweets leave the home timeline.</summary>
    [Alias("UnfollowAsync")]
    [SafeToRetry]
    Task UnfollowAsync(string handle);

    /// <summary>The handles this user follows, in key order. <paramref name="cursor"/> is a page's <see cref="HandlePage.Next"/>.</summary>
    [Alias("GetFollowingAsync")]
    [SafeToRetry]
    Task<HandlePage> GetFollowingAsync(string? cursor, int limit);

    /// <summary>The handles that follow this user. <paramref name="cursor"/> is a page's <see cref="HandlePage.Next"/>.</summary>
    [Alias("GetFollowersAsync")]
    [SafeToRetry]
    Task<HandlePage> GetFollowersAsync(string? cursor, int limit);

    /// <summary>
    /// Posts a tweet: validates the text, stores it durably, adds it to this user's home
    /// timeline and fans it out to followers (unless this user is a celebrity). With an
    /// <paramref name="idempotencyKey"/>, a repeat with the same key returns the first tweet; so a
    /// post is safe to retry only with a key, and the web front end always sends one (the
    /// client's <c>Idempotency-Key</c>, or one of its own).
    /// </summary>
    [Alias("PostAsync")]
    [SafeToRetry]
    Task<Tweet> PostAsync(string text, string? idempotencyKey);

    /// <summary>The home timeline, newest first: own tweets and those of followed users, at most <c>Timeline:Capacity</c>.</summary>
    /// <param name="limit">1 to <see cref="TimelineLimits.MaxPageSize"/>.</param>
    /// <param name="before">Only entries older than this id (exclusive); null for the newest.</param>
    [Alias("GetHomeTimelineAsync")]
    [SafeToRetry]
    Task<TimelinePage> GetHomeTimelineAsync(int limit, TweetId? before);

    /// <summary>This user's own tweets, newest first (the user timeline), back to the first.</summary>
    [Alias("GetTweetsAsync")]
    [SafeToRetry]
    Task<TimelinePage> GetTweetsAsync(int limit, TweetId? before);

    /// <summary>
    /// Pushes every new home-timeline entry to <paramref name="observer"/> from now on; idempotent.
    /// Subscriptions live in memory only: they end when the activation does, or when a call to
    /// the observer fails, so a subscriber renews its subscription periodically. A user keeps at
    /// most <see cref="TimelineLimits.MaxTimelineObservers"/>; a new one beyond that replaces the oldest.
    /// </summary>
    [AlwaysInterleave]
    [Alias("SubscribeAsync")]
    [SafeToRetry]
    Task SubscribeAsync(IHomeTimelineObserver observer);

    /// <summary>Stops pushing to <paramref name="observer"/>; idempotent, and no error for an unknown user.</summary>
    [AlwaysInterleave]
    [Alias("UnsubscribeAsync")]
    [SafeToRetry]
    Task UnsubscribeAsync(IHomeTimelineObserver observer);
}
