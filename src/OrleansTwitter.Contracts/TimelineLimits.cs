namespace OrleansTwitter.Contracts;

/// <summary>
/// Every bound of the timeline domain, by name. The web front end validates against the same
/// constants the grains enforce, so a request the API accepts is never refused deeper down.
/// </summary>
public static class TimelineLimits
{
    /// <summary>A tweet's text, trimmed, is at most this many text elements (what a reader counts as characters).</summary>
    public const int MaxTweetTextElements = 280;

    /// <summary>The default number of entries a home timeline holds (<c>Timeline:Capacity</c>).</summary>
    public const int HomeTimelineCapacity = 800;

    /// <summary>The largest <c>Timeline:Capacity</c> accepted: it bounds the memory of every active user.</summary>
    public const int MaxHomeTimelineCapacity = 10_000;

    /// <summary>The page size when a request names none.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The smallest page size a request may ask for.</summary>
    public const int MinPageSize = 1;

    /// <summary>The largest page size a request may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A handle is at least this many characters.</summary>
    public const int MinHandleLength = 1;

    /// <summary>A handle is at most this many characters.</summary>
    public const int MaxHandleLength = 15;

    /// <summary>A display name, trimmed, is at most this many text elements.</summary>
    public const int MaxDisplayNameTextElements = 50;

    /// <summary>
    /// How many accounts one user may follow. It bounds the follower's persisted following list
    /// and the cost of rebuilding its home timeline (one pull per followee).
    /// </summary>
    public const int MaxFollowing = 5_000;

    /// <summary>
    /// Followers per follower chunk. A user's followers live in chunks of about this size, so no
    /// single state write grows with the follower count (1,000,000 followers are 1,000 chunks).
    /// </summary>
    public const int FollowerChunkSize = 1_000;

    /// <summary>The default follower count at which a user becomes a celebrity (<c>Timeline:CelebrityThreshold</c>).</summary>
    public const int DefaultCelebrityThreshold = 10_000;

    /// <summary>An idempotency key of a post is 1 to this many characters.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>How many of a user's most recent idempotency keys are remembered.</summary>
    public const int RememberedIdempotencyKeys = 100;

    /// <summary>
    /// Live subscribers (<see cref="IHomeTimelineObserver"/>) one user keeps: a browser tab each,
    /// plus those of web instances that went away without unsubscribing until a push to them fails.
    /// </summary>
    public const int MaxTimelineObservers = 32;

    /// <summary>
    /// Data Protection key-ring elements kept (<see cref="IDataProtectionKeysGrain"/>). Keys are
    /// made every 90 days by default, so this is decades of keys, yet it bounds a runaway writer.
    /// </summary>
    public const int MaxDataProtectionElements = 100;

    /// <summary>The largest Data Protection key-ring element accepted, in UTF-16 code units (a key is about 1 KB).</summary>
    public const int MaxDataProtectionElementLength = 64 * 1024;
}
