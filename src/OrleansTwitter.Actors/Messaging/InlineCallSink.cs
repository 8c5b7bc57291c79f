namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Where a request run inline on its caller's thread reports its outcome. When the grain did
/// not await, the outcome is here once the inline turn returns, and the caller gets a
/// completed task: no pending call, no TaskCompletionSource, no registry entry. Otherwise the
/// caller hands the outcome still to come over to a pending call, which then applies the
/// response timeout like any other.
/// </summary>
internal sealed class InlineCallSink : IResponseSink
{
    private const int Waiting = 0;
    private const int Arrived = 1;
    private const int HandedOver = 2;

    private int _state;
    private object? _result;
    private Exception? _exception;
    private PendingCall? _call;

    /// <summary>True once the outcome is here (and was not handed over).</summary>
    public bool HasOutcome => Volatile.Read(ref _state) == Arrived;

    // A request reports exactly one outcome, so the fields are written once, before the state
    // says they are there.
    public void Complete(object? result)
    {
        _result = result;
        KeepOrForward()?.Complete(result);
    }

    public void Fail(Exception exception)
    {
        _exception = exception;
        KeepOrForward()?.Fail(exception);
    }

    /// <summary>
    /// A refusal comes from a delivery path (a message that never reached an activation); an
    /// inline request reached one, so it can be refused only after the hand-over. Before it, a
    /// refusal is reported as what it is rather than dropped.
    /// </summary>
    public void Reject(string reason)
    {
        if (Volatile.Read(ref _state) == HandedOver)
        {
            _call!.Reject(reason);
            return;
        }

        Fail(new Core.SiloUnavailableException($"The request was refused: {reason}"));
    }

    /// <summary>
    /// Makes <paramref name="call"/> receive the outcome. False when it arrived first: the
    /// caller then takes it from here (<see cref="ToTask{T}"/>) and drops the call.
    /// </summary>
    public bool TryHandOver(PendingCall call)
    {
        _call = call;
        return Interlocked.CompareExchange(ref _state, HandedOver, Waiting) == Waiting;
    }

    /// <summary>The outcome as the caller's task, once <see cref="HasOutcome"/>.</summary>
    public Task<T> ToTask<T>() =>
        _exception is { } exception ? Task.FromException<T>(exception) : Task.FromResult((T)_result!);

    // Null when the outcome stays here for the caller; the pending call when it was handed over.
    private PendingCall? KeepOrForward() =>
        Interlocked.CompareExchange(ref _state, Arrived, Waiting) == HandedOver ? _call : null;
}
