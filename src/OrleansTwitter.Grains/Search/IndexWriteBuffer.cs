using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Search;

/// <summary>
/// This silo's batch of index writes (one per silo). The indexers of every author on the silo
/// add their tweets' terms here; <see cref="FlushDelay"/> after the first addition the batch goes
/// out as one call per distinct term, carrying all the batch's ids of that term.
/// </summary>
/// <remarks>
/// This is how a very common word is no hotspot: its term grain gets at most one call (and one
/// storage write) per silo per <see cref="FlushDelay"/>, whatever the tweet rate, instead of one
/// per tweet. At 10 silos that is at most 100 writes a second for "the", each carrying every id.
/// </remarks>
internal sealed class IndexWriteBuffer(IGrainFactory grains, TimeProvider time, ILogger<IndexWriteBuffer> logger)
{
    /// <summary>
    /// How long a batch gathers: short against the 2-second freshness bound (a stream agent
    /// pulls every 100 ms, a term write takes milliseconds), long enough to gather a hot term's ids.
    /// </summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private Dictionary<string, List<long>> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource? _batch;
    private int _batchTweets;
    private long _flushes;

    /// <summary>Batches this silo has written or tried to write.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Adds a tweet's terms to the batch; completes when the batch is written, and fails if the write did.</summary>
    public Task AddAsync(TweetId id, ImmutableArray<string> terms)
    {
        if (terms.IsEmpty)
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            foreach (var term in terms)
            {
                if (!_pending.TryGetValue(term, out var ids))
                {
                    _pending[term] = ids = [];
                }

                ids.Add(id.Value);
            }

            _batchTweets++;
            if (_batch is null)
            {
                _batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = FlushLaterAsync(_batch);
            }

            return _batch.Task;
        }
    }

    private async Task FlushLaterAsync(TaskCompletionSource batch)
    {
        await Task.Delay(FlushDelay, time);
        Dictionary<string, List<long>> pending;
        int tweets;
        lock (_lock)
        {
            (pending, _pending) = (_pending, new Dictionary<string, List<long>>(StringComparer.Ordinal));
            (tweets, _batchTweets) = (_batchTweets, 0);
            _batch = null;
        }

        Interlocked.Increment(ref _flushes);

        try
        {
            await Task.WhenAll(pending.Select(p => grains.GetGrain<ITermIndexGrain>(p.Key).AddAsync([.. p.Value])));
            SearchInstruments.TermWrites.Add(pending.Count);
            batch.SetResult();
        }
        catch (Exception exception)
        {
            // Every tweet of the batch fails its stream event and comes again; the terms that
            // were written ignore the ids they hold.
            SearchLog.IndexFlushFailed(logger, exception, tweets, pending.Count);
            batch.SetException(exception);
        }
    }
}
