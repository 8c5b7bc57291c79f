using System.Collections.Immutable;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>An author's newest tweets, and whether the author is a celebrity (whose tweets followers pull).</summary>
/// <param name="Celebrity">True while the author's tweets are not fanned out.</param>
/// <param name="Tweets">Newest first.</param>
[GenerateSerializer, Immutable, Alias("ot.RecentTweets")]
internal sealed record RecentTweets([property: Id(0)] bool Celebrity, [property: Id(1)] ImmutableArray<Tweet> Tweets);
