using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>The persisted state of a <see cref="TweetGrain"/>: the tweet, written once.</summary>
internal sealed class TweetState
{
    public const string Name = "tweet";

    public Tweet? Tweet { get; set; }
}
