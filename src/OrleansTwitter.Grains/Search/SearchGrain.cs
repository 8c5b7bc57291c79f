using System.Diagnostics;
using Orleans.Concurrency;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// Answers searches on any silo (a stateless worker): reads the ids of the query's terms from
/// their term grains, intersects them (the shortest list walked, the others looked up), and
/// fetches the page's bodies in one batch, as timelines do.
/// </summary>
/// <remarks>
/// A one-term page reads just <c>limit + 1</c> ids. Several terms read up to 10,000 ids each
/// (80 KB), which keeps a page exact: no match newer than the last one shown is skipped.
/// <c>next</c> is set only when a match beyond the page exists, so paging never ends on an
/// empty page and never repeats an id (the next page asks for ids below the last one shown).
/// </remarks>
[GrainType("search")]
[StatelessWorker]
internal sealed class SearchGrain(ITweetStore store) : Grain, ISearchGrain
{
    public async Task<TimelinePage> SearchAsync(string query, int limit, TweetId? before)
    {
        Paging.ValidateLimit(limit);
        if (!SearchTerms.TryParseQuery(query, out var terms, out var error))
        {
            throw new ArgumentException(error, nameof(query));
        }

        if (terms.IsEmpty || terms.Contains(SearchTerms.NoMatch))
        {
            return TimelinePage.Empty;
        }

        var started = Stopwatch.GetTimestamp();
        var bound = before?.Value ?? long.MaxValue;
        long[] matches;
        if (terms.Length == 1)
        {
            matches = [.. await Term(terms[0]).GetNewestAsync(bound, limit + 1)];
        }
        else
        {
            var lists = await Task.WhenAll(terms.Select(t => Term(t).GetNewestAsync(bound, SearchLimits.TermCapacity)));
            matches = SortedIds.IntersectDescending(lists, limit + 1);
        }

        TweetId[] page = [.. matches.Take(limit).Select(id => new TweetId(id))];
        var tweets = await store.GetManyAsync(page);
        SearchInstruments.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new TimelinePage(tweets, matches.Length > limit ? page[^1] : null);
    }

    private ITermIndexGrain Term(string term) => GrainFactory.GetGrain<ITermIndexGrain>(term);
}
