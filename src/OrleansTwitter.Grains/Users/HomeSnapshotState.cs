using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// What a home timeline covered when its user last deactivated: its window of ids. A rebuild
/// pulls from each followee only tweets from <see cref="Oldest"/> on, which is every tweet the
/// timeline held plus those that arrived while the user was away, instead of a fixed number.
/// </summary>
internal sealed class HomeSnapshotState
{
    public const string Name = "home";

    public TweetId? Oldest { get; set; }

    public TweetId? Newest { get; set; }

    public int Count { get; set; }
}
