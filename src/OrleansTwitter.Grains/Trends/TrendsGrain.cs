using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Hosting;

namespace OrleansTwitter.Grains.Trends;

/// <summary>
/// The cluster's trends (key 0): each silo merges its counts here about once a second; the
/// grain keeps 10-second buckets of the window and answers with the top 10 over them.
/// </summary>
/// <remarks>
/// Its load is one merge per silo per second plus reads, which it answers from the top 10 it
/// computed last, until a merge or the window's slide changes them.
/// </remarks>
[GrainType("trends")]
internal sealed class TrendsGrain(
    [PersistentState(TrendsState.Name)] IPersistentState<TrendsState> state,
    SearchClock clock,
    IOptions<SearchOptions> options) : Grain, ITrendWindowGrain
{
    public const long Key = 0;

    /// <summary>Distinct tags a bucket keeps: past this, the least used go, which cannot reach the top 10.</summary>
    private const int MaxTagsPerBucket = 5_000;

    private TrendingTags? _top;
    private long _topOldestBucket = -1;

    private TimeSpan Window => options.Value.TrendWindow;

    public async Task MergeAsync(ImmutableArray<TrendCount> counts)
    {
        var oldest = TrendBuckets.OldestIn(clock.Time.GetUtcNow(), Window);
        foreach (var count in counts)
        {
            if (count.Bucket < oldest)
            {
                continue;
            }

            if (!state.State.Buckets.TryGetValue(count.Bucket, out var tags))
            {
                state.State.Buckets[count.Bucket] = tags = new Dictionary<string, long>(StringComparer.Ordinal);
            }

            tags[count.Tag] = tags.GetValueOrDefault(count.Tag) + count.Count;
            if (tags.Count > MaxTagsPerBucket)
            {
                foreach (var least in tags.OrderBy(t => t.Value).Take(tags.Count - MaxTagsPerBucket).Select(t => t.Key).ToList())
                {
                    tags.Remove(least);
                }
            }
        }

        Prune(oldest);
        _top = null;
        await state.WriteStateAsync();
    }

    public Task<TrendingTags> GetTrendsAsync()
    {
        var oldest = TrendBuckets.OldestIn(clock.Time.GetUtcNow(), Window);
        if (_top is null || oldest != _topOldestBucket)
        {
            var totals = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (bucket, tags) in state.State.Buckets)
            {
                if (bucket < oldest)
                {
                    continue;
                }

                foreach (var (tag, count) in tags)
                {
                    totals[tag] = totals.GetValueOrDefault(tag) + count;
                }
            }

            var items = totals
                .OrderByDescending(t => t.Value)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(SearchLimits.TrendCount)
                .Select(t => new TrendingTag(t.Key, t.Value))
                .ToImmutableArray();
            _top = new TrendingTags(items, (int)Window.TotalSeconds);
            _topOldestBucket = oldest;
        }

        return Task.FromResult(_top);
    }

    // Buckets that left the window are dropped (in memory now, in storage with the next write).
    private void Prune(long oldest)
    {
        foreach (var bucket in state.State.Buckets.Keys.Where(b => b < oldest).ToList())
        {
            state.State.Buckets.Remove(bucket);
        }
    }
}
