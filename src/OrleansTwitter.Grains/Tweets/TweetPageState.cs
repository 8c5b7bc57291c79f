using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>The persisted state of a <see cref="TweetPageGrain"/>.</summary>
internal sealed class TweetPageState
{
    public const string Name = "page";

    public List<Tweet> Tweets { get; set; } = [];
}
