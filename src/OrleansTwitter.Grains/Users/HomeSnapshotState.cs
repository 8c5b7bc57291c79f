using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// What a home timeline covered when its user last deactivated: its window of ids. A rebuild
/// pulls from each followee only tweets from <see cref="Oldest"/> on, which is every tweet the
/// timeline held plus those that arrived while the user was away, instead of a fixed number.
/// </summary>
[GenerateSerializer, Alias("ot.HomeSnapshotState")]
internal sealed class HomeSnapshotState
{
    public const string Name = "home";

    [Id(0)]
    public TweetId? Oldest { get; set; }

    [Id(1)]
    public TweetId? Newest { get; set; }

    [Id(2)]
    public int Count { get; set; }
}
