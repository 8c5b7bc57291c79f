using System.Collections.Immutable;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.Trends;

/// <summary>The trends grain's side for silos: merging their counts (key 0, the same grain as <see cref="ITrendsGrain"/>).</summary>
[Alias("ot.ITrendWindowGrain")]
internal interface ITrendWindowGrain : ITrendsGrain
{
    /// <summary>Adds one silo's counts since its last flush; stored before it returns.</summary>
    [Alias("MergeAsync")]
    Task MergeAsync(ImmutableArray<TrendCount> counts);
}
