namespace OrleansTwitter.Grains.Search;

/// <summary>A term's stored ids.</summary>
[GenerateSerializer, Alias("ot.TermIndexState")]
internal sealed class TermIndexState
{
    public const string Name = "ids";

    /// <summary>Ascending, distinct, at most <c>SearchLimits.TermCapacity</c>: new ids append at the end, the oldest drop from the front.</summary>
    [Id(0)]
    public List<long> Ids { get; set; } = [];
}
