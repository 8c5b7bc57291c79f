using System.Collections.Immutable;

namespace OrleansTwitter.Grains.Search;

/// <summary>The newest tweet ids of one search term (key: the term, as <c>SearchTerms</c> makes it).</summary>
[Alias("ot.ITermIndexGrain")]
internal interface ITermIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds tweet ids (any order, repeats ignored), keeping the newest 10,000; stored within 2 s, and on deactivation.</summary>
    [Alias("AddAsync")]
    Task AddAsync(ImmutableArray<long> ids);

    /// <summary>Up to <paramref name="max"/> of the ids below <paramref name="before"/>, newest first.</summary>
    [Alias("GetNewestAsync")]
    [Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<long>> GetNewestAsync(long before, int max);
}
