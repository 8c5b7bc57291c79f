namespace OrleansTwitter.Contracts.Search;

/// <summary>
/// Answers searches: the tweets that have every term of a query, newest first. A stateless
/// worker (key 0), so searches spread over the silos and never queue behind each other.
/// </summary>
[Alias("ot.ISearchGrain")]
public interface ISearchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A page of the tweets that match every term of <paramref name="query"/>, older than
    /// <paramref name="before"/> when it is set. Throws <see cref="ArgumentException"/> for a
    /// query <see cref="SearchTerms.TryParseQuery"/> refuses or a page size out of range.
    /// </summary>
    [Alias("SearchAsync")]
    [SafeToRetry]
    Task<TimelinePage> SearchAsync(string query, int limit, TweetId? before);
}
