using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// The persisted state of a <see cref="UserTweetsGrain"/>: the count and the head page (the
/// newest tweets, fewer than a page). Older tweets are in page grains, so a write stays small
/// however many tweets the author has.
/// </summary>
[GenerateSerializer, Alias("ot.UserTweetsState")]
internal sealed class UserTweetsState
{
    public const string Name = "tweets";

    [Id(0)]
    public long Count { get; set; }

    /// <summary>The newest tweets, oldest first; they become a page when there are <see cref="UserTweetsGrain.PageSize"/>.</summary>
    [Id(1)]
    public List<Tweet> Head { get; set; } = [];

    [Id(2)]
    public bool Celebrity { get; set; }

    /// <summary>
    /// The idempotency keys of the latest posts, oldest first, at most
    /// <see cref="TimelineLimits.RememberedIdempotencyKeys"/>: stored in the same write as their
    /// tweets, so a post's retry finds its key exactly when the first attempt stored the tweet.
    /// </summary>
    [Id(3)]
    public List<PostKey> PostKeys { get; set; } = [];
}
