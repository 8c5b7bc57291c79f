namespace OrleansTwitter.Contracts.Search;

/// <summary>The trending hashtags of the cluster over the trend window (key 0).</summary>
[Alias("ot.ITrendsGrain")]
public interface ITrendsGrain : IGrainWithIntegerKey
{
    /// <summary>The 10 hashtags used in the most tweets over the window, most used first, ties by tag.</summary>
    [Alias("GetTrendsAsync")]
    [SafeToRetry]
    Task<TrendingTags> GetTrendsAsync();
}
