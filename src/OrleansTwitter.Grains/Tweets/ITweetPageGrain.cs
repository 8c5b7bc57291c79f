using System.Collections.Immutable;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// One full page of an author's tweets (<see cref="UserTweetsGrain.PageSize"/> of them, oldest
/// first), keyed "{author key}/{page number}". Written once, when the author's head page fills.
/// </summary>
[Alias("ot.ITweetPageGrain")]
internal interface ITweetPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page; a page already stored is left as it is (a retried flush).</summary>
    [Alias("StoreAsync")]
    Task StoreAsync(ImmutableArray<Tweet> tweets);

    /// <summary>The page's tweets, oldest first; empty when the page was never stored.</summary>
    [Alias("GetAsync")]
    Task<ImmutableArray<Tweet>> GetAsync();
}
