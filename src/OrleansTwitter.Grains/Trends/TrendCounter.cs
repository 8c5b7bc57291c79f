using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Trends;

/// <summary>
/// Counts this silo's hashtags (one per silo) and merges them into the trends grain once per
/// <see cref="FlushDelay"/>: one call and one write per silo per second, not one per tweet.
/// </summary>
/// <remarks>
/// Streams deliver at least once, so it remembers the ids it counted lately and drops a repeat
/// (a redelivery reaches the same silo's agent unless the silo died). Counts whose merge fails
/// are kept and sent with the next flush.
/// </remarks>
internal sealed class TrendCounter(IGrainFactory grains, TimeProvider time, ILogger<TrendCounter> logger)
{
    /// <summary>How long counts gather before they are merged: well inside the 5-second bound of API.md.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Ids remembered against redelivery: far more than a stream redelivers within its retry
    /// time on one silo, at 8 bytes and a hash slot each.
    /// </summary>
    private const int RememberedTweets = 100_000;

    private readonly Lock _lock = new();
    private readonly HashSet<long> _counted = [];
    private readonly Queue<long> _countedOrder = new();
    private Dictionary<(long Bucket, string Tag), int> _pending = [];
    private bool _flushScheduled;
    private long _tweetsCounted;

    /// <summary>Tweets with hashtags this silo has counted (repeats not counted).</summary>
    public long TweetsCounted => Interlocked.Read(ref _tweetsCounted);

    /// <summary>Counts the tweet's distinct hashtags once.</summary>
    public void Count(Tweet tweet)
    {
        var tags = SearchTerms.HashtagsOf(tweet.Text);
        if (tags.IsEmpty)
        {
            return;
        }

        var bucket = TrendBuckets.Of(tweet.CreatedAt);
        lock (_lock)
        {
            if (!_counted.Add(tweet.Id.Value))
            {
                return;
            }

            _countedOrder.Enqueue(tweet.Id.Value);
            if (_countedOrder.Count > RememberedTweets)
            {
                _counted.Remove(_countedOrder.Dequeue());
            }

            foreach (var tag in tags)
            {
                _pending[(bucket, tag)] = _pending.GetValueOrDefault((bucket, tag)) + 1;
            }

            _tweetsCounted++;
            ScheduleFlush();
        }
    }

    // Under _lock.
    private void ScheduleFlush()
    {
        if (!_flushScheduled)
        {
            _flushScheduled = true;
            _ = FlushLaterAsync();
        }
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(FlushDelay, time);
        Dictionary<(long Bucket, string Tag), int> pending;
        lock (_lock)
        {
            (pending, _pending) = (_pending, []);
            _flushScheduled = false;
        }

        var counts = pending.Select(p => new TrendCount(p.Key.Bucket, p.Key.Tag, p.Value)).ToImmutableArray();
        try
        {
            await grains.GetGrain<ITrendWindowGrain>(TrendsGrain.Key).MergeAsync(counts);
        }
        catch (Exception exception)
        {
            SearchLog.TrendFlushFailed(logger, exception, counts.Length);
            lock (_lock)
            {
                foreach (var count in counts)
                {
                    _pending[(count.Bucket, count.Tag)] = _pending.GetValueOrDefault((count.Bucket, count.Tag)) + count.Count;
                }

                ScheduleFlush();
            }
        }
    }
}
