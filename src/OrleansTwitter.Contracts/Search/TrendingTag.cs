namespace OrleansTwitter.Contracts.Search;

/// <summary>A hashtag and the number of tweets that used it in the window.</summary>
/// <param name="Tag">Lower-cased, with its <c>#</c>.</param>
/// <param name="Count">Tweets, not occurrences.</param>
[GenerateSerializer, Immutable, Alias("ot.TrendingTag")]
public sealed record TrendingTag([property: Id(0)] string Tag, [property: Id(1)] long Count);
