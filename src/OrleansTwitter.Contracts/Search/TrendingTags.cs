using System.Collections.Immutable;

namespace OrleansTwitter.Contracts.Search;

/// <summary>The trending hashtags and the window they were counted over.</summary>
/// <param name="Items">Most used first, ties by tag.</param>
/// <param name="WindowSeconds">The length of the window, in seconds.</param>
[GenerateSerializer, Immutable, Alias("ot.TrendingTags")]
public sealed record TrendingTags([property: Id(0)] ImmutableArray<TrendingTag> Items, [property: Id(1)] int WindowSeconds);
