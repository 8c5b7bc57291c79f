using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Fanout;

/// <summary>
/// The event on an author's tweet stream. It carries where the author's followers are, so the
/// consumer never calls back into the author (which is busy posting) to find out.
/// </summary>
/// <param name="Tweet">The new tweet (shared, immutable).</param>
/// <param name="FollowerChunks">How many follower chunks the author has.</param>
/// <param name="FollowersVersion">Changes whenever the author's follower set does: a consumer with the same version may reuse its copy.</param>
/// <param name="Celebrity">
/// The author is a celebrity: the fan-out skips the tweet (followers pull it on read), while
/// search still indexes it. Older silos never published celebrities' tweets, so the default
/// (false) of an event without the field is right.
/// </param>
[GenerateSerializer, Immutable, Alias("ot.TweetPosted")]
internal sealed record TweetPosted(
    [property: Id(0)] Tweet Tweet,
    [property: Id(1)] int FollowerChunks,
    [property: Id(2)] long FollowersVersion,
    [property: Id(3)] bool Celebrity = false);
