namespace OrleansTwitter.Grains.Trends;

/// <summary>How many tweets of one bucket used one hashtag, as one silo counted them since its last flush.</summary>
/// <param name="Bucket">The 10-second bucket (<see cref="TrendBuckets"/>).</param>
/// <param name="Tag">Lower-cased, with its <c>#</c>.</param>
/// <param name="Count">Tweets.</param>
[GenerateSerializer, Immutable, Alias("ot.TrendCount")]
internal sealed record TrendCount([property: Id(0)] long Bucket, [property: Id(1)] string Tag, [property: Id(2)] int Count);
