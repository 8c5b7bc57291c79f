namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Counts the outcomes of one multicast's deliveries in one silo. It is the response sink of
/// every target's message, so a batch of N deliveries costs one object, not N pending calls.
/// </summary>
internal sealed class MulticastBatch : IResponseSink
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _outstanding = 1; // held by the sender until it has queued every delivery
    private int _delivered;
    private int _failed;
    private int _skipped;
    private Exception? _firstError;

    public Task Completion => _done.Task;

    public void Expect() => Interlocked.Increment(ref _outstanding);

    public void Skip() => Interlocked.Increment(ref _skipped);

    /// <summary>An expected delivery turned out not to be needed (its target left memory).</summary>
    public void Withdraw()
    {
        Skip();
        Settle();
    }

    /// <summary>The sender has queued every delivery.</summary>
    public void Sealed() => Settle();

    public void Complete(object? result)
    {
        Interlocked.Increment(ref _delivered);
        Settle();
    }

    public void Fail(Exception exception)
    {
        Interlocked.CompareExchange(ref _firstError, exception, null);
        Interlocked.Increment(ref _failed);
        Settle();
    }

    /// <summary>A target's silo refused the delivery before running it (it is shutting down): counted as skipped, like a target not in memory.</summary>
    public void Reject(string reason) => Withdraw();

    /// <summary>The result so far; deliveries still outstanding count as failed with <paramref name="pendingError"/>.</summary>
    public MulticastResult ToResult(Exception? pendingError = null)
    {
        var outstanding = Math.Max(0, Volatile.Read(ref _outstanding));
        return new MulticastResult(
            Volatile.Read(ref _delivered),
            Volatile.Read(ref _skipped),
            Volatile.Read(ref _failed) + outstanding,
            Volatile.Read(ref _firstError) ?? (outstanding > 0 ? pendingError : null));
    }

    private void Settle()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _done.TrySetResult();
        }
    }
}
