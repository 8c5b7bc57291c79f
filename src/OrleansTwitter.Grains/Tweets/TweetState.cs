using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>The persisted state of a <see cref="TweetGrain"/>: the tweet, written once.</summary>
[GenerateSerializer, Alias("ot.TweetState")]
internal sealed class TweetState
{
    public const string Name = "tweet";

    [Id(0)]
    public Tweet? Tweet { get; set; }
}
