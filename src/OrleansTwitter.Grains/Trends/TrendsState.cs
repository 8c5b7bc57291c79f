namespace OrleansTwitter.Grains.Trends;

/// <summary>The merged counts of the window: bucket, then tag, then tweets.</summary>
internal sealed class TrendsState
{
    public const string Name = "trends";

    public Dictionary<long, Dictionary<string, long>> Buckets { get; set; } = [];
}
