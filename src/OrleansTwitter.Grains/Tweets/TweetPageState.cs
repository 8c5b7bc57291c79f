using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>The persisted state of a <see cref="TweetPageGrain"/>.</summary>
[GenerateSerializer, Alias("ot.TweetPageState")]
internal sealed class TweetPageState
{
    public const string Name = "page";

    [Id(0)]
    public List<Tweet> Tweets { get; set; } = [];
}
