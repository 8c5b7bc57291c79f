using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// This silo's batch of index writes (one per silo). The indexers of every author on the silo
/// add their tweets' terms here; <see cref="FlushDelay"/> after the first addition (or
/// <see cref="BusyFlushDelay"/> when the last batch was large) the batch goes out as one call per
/// distinct term, carrying all the batch's ids of that term.
/// </summary>
/// <remarks>
/// <para>This is how a very common word is no hotspot: its term grain gets at most one call per
/// silo per <see cref="FlushDelay"/> (per <see cref="BusyFlushDelay"/> under load), whatever the tweet rate, instead of one per tweet (and writes
/// its storage at most once per <c>Search:IndexWriteDelay</c>). At 10 silos that is at
/// most 40 calls a second for "the", each carrying every id of its batch.</para>
/// <para>Adding does not wait for the flush: the indexer's stream event is done once the terms are
/// here. Holding each event until its batch was written held the stream agents' deliveries too,
/// and the <c>search</c> load generator measured posts/s with indexing on at 0.1× of off that way.
/// A batch whose calls fail keeps the failed terms and tries them again with the next batch.</para>
/// </remarks>
internal sealed class IndexWriteBuffer(IGrainFactory grains, TimeProvider time, ILogger<IndexWriteBuffer> logger)
{
    /// <summary>
    /// How long a batch gathers while the silo indexes little: short against the 2-second
    /// freshness bound (a stream agent pulls every 100 ms, a term call takes milliseconds), so a
    /// tweet is searchable about 0.4 s after its post.
    /// </summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a batch gathers after a batch of at least <see cref="BusyBatchTerms"/> terms. At
    /// thousands of posts/s nearly every word of the vocabulary is in every batch, so the term
    /// calls per second are the vocabulary divided by this delay; with writes working, posts/s
    /// with indexing on kept 0.72× of off at 250 ms, 0.78–0.82× at 500 ms and 0.92× at 1 s
    /// (<c>search --rounds 2|3 --warmup 30 --duration 15</c>, 1 silo, 2 cores, 2026-12-06). A tweet
    /// is then searchable about 1.2 s after its post, still inside the 2 s bound.
    /// </summary>
    public static readonly TimeSpan BusyFlushDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Distinct terms in a batch from which the next one gathers for <see cref="BusyFlushDelay"/>.
    /// A judgment, not a measured knee: a few tweets a second make batches of tens of terms, the
    /// <c>search</c> benchmark's thousands a second make batches of thousands; 1,000 separates
    /// the two by a wide margin either way.
    /// </summary>
    public const int BusyBatchTerms = 1_000;

    private readonly Lock _lock = new();
    private Dictionary<string, List<long>> _pending = new(StringComparer.Ordinal);
    private bool _flushScheduled;
    private int _lastBatchTerms;
    private long _flushes;

    /// <summary>Batches this silo has written or tried to write.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Adds a tweet's terms to the batch.</summary>
    public void Add(TweetId id, ImmutableArray<string> terms)
    {
        if (terms.IsEmpty)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var term in terms)
            {
                Pending(term).Add(id.Value);
            }

            ScheduleFlush();
        }
    }

    // Under _lock.
    private List<long> Pending(string term)
    {
        if (!_pending.TryGetValue(term, out var ids))
        {
            _pending[term] = ids = [];
        }

        return ids;
    }

    // Under _lock.
    private void ScheduleFlush()
    {
        if (!_flushScheduled)
        {
            _flushScheduled = true;
            _ = FlushLaterAsync(_lastBatchTerms >= BusyBatchTerms ? BusyFlushDelay : FlushDelay);
        }
    }

    private async Task FlushLaterAsync(TimeSpan delay)
    {
        await Task.Delay(delay, time);
        Dictionary<string, List<long>> batch;
        lock (_lock)
        {
            (batch, _pending) = (_pending, new Dictionary<string, List<long>>(StringComparer.Ordinal));
            _flushScheduled = false;
            _lastBatchTerms = batch.Count;
        }

        Interlocked.Increment(ref _flushes);
        var calls = batch.Select(p => (Term: p.Key, Ids: p.Value, Call: grains.GetGrain<ITermIndexGrain>(p.Key).AddAsync([.. p.Value]))).ToList();
        try
        {
            await Task.WhenAll(calls.Select(c => c.Call));
        }
        catch (Exception exception)
        {
            var failed = calls.Where(c => !c.Call.IsCompletedSuccessfully).ToList();
            SearchLog.IndexFlushFailed(logger, exception, failed.Count, batch.Count);
            lock (_lock)
            {
                foreach (var (term, ids, _) in failed)
                {
                    Pending(term).AddRange(ids);
                }

                ScheduleFlush();
            }
        }

        SearchInstruments.TermWrites.Add(calls.Count);
    }
}
