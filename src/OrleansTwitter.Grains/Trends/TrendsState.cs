namespace OrleansTwitter.Grains.Trends;

/// <summary>The merged counts of the window: bucket, then tag, then tweets.</summary>
[GenerateSerializer, Alias("ot.TrendsState")]
internal sealed class TrendsState
{
    public const string Name = "trends";

    [Id(0)]
    public Dictionary<long, Dictionary<string, long>> Buckets { get; set; } = [];
}
