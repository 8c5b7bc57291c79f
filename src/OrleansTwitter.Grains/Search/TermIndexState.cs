namespace OrleansTwitter.Grains.Search;

/// <summary>A term's stored ids.</summary>
internal sealed class TermIndexState
{
    public const string Name = "ids";

    /// <summary>Ascending, distinct, at most <c>SearchLimits.TermCapacity</c>: new ids append at the end, the oldest drop from the front.</summary>
    public List<long> Ids { get; set; } = [];
}
