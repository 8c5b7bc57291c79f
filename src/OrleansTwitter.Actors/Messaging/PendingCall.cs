using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// A call waiting for its response. It completes exactly once: with the result, with the
/// grain's exception, or with a timeout raised by <see cref="PendingCallRegistry"/>.
/// </summary>
internal abstract class PendingCall : IResponseSink
{
    private readonly PendingCallRegistry _registry;
    private readonly long _startTimestamp;

    protected PendingCall(PendingCallRegistry registry, long requestId, DateTimeOffset deadline, long startTimestamp)
    {
        _registry = registry;
        RequestId = requestId;
        Deadline = deadline;
        _startTimestamp = startTimestamp;
    }

    public long RequestId { get; }

    public DateTimeOffset Deadline { get; }

    /// <summary>Set once the message exists (the message needs this sink first).</summary>
    public Message? Message { get; set; }

    /// <summary>The silo the request was last sent to; null while it runs in this process.</summary>
    public Membership.SiloAddress? Destination { get; set; }

    /// <summary>How many times the request was sent again after a rejection.</summary>
    public int Resends { get; set; }

    public void Complete(object? result)
    {
        if (_registry.Remove(RequestId))
        {
            RecordDuration();
            SetResult(result);
        }
    }

    public void Fail(Exception exception)
    {
        if (_registry.Remove(RequestId))
        {
            RecordDuration();
            SetException(exception);
        }
    }

    /// <summary>
    /// Called by the registry, which has already removed this call. <paramref name="deepestDownstream"/>
    /// is the longest chain of calls this one started that is still waiting in this process:
    /// naming it tells the caller where the time went, not just that it ran out.
    /// </summary>
    internal void TimeOut(TimeSpan timeout, PendingCall? deepestDownstream)
    {
        ActorsInstruments.CallTimeouts.Add(1);
        SetException(new TimeoutException(DescribeTimeout(timeout, deepestDownstream?.Message)));
    }

    /// <summary>Called by the registry when the calls can no longer be answered (shutdown, lost connection).</summary>
    internal void Abandon(Exception exception) => SetException(exception);

    /// <summary>
    /// The request was refused before it ran. A call made here is sent again by its router; a
    /// relayed call passes the refusal back to whoever relayed it, who re-routes.
    /// </summary>
    public virtual bool PassesRejectionOn(string reason) => false;

    /// <summary>Refused before it ran: the registry's rejection handler re-routes it (or passes the refusal on).</summary>
    public void Reject(string reason) => _registry.OnRejected(this, reason);

    protected abstract void SetResult(object? result);

    protected abstract void SetException(Exception exception);

    private void RecordDuration()
    {
        // 0: nothing listened when the call started, so it has no start time.
        if (_startTimestamp != 0 && ActorsInstruments.CallDuration.Enabled)
        {
            ActorsInstruments.CallDuration.Record(_registry.TimeProvider.GetElapsedTime(_startTimestamp).TotalMilliseconds);
        }
    }

    private string DescribeTimeout(TimeSpan timeout, Message? downstream)
    {
        if (Message is not { } message)
        {
            return $"Response to request #{RequestId} did not arrive within {timeout}.";
        }

        var text = $"Response did not arrive within {timeout} for {message.Request} on {message.Target}. Call chain: {DescribeChain(downstream ?? message)}.";
        if (downstream is not null)
        {
            text += $" The call is still waiting for {downstream.Target}.{downstream.Request.MethodName}.";
        }

        return text;
    }

    internal static string DescribeChain(Message message)
    {
        var target = $"{message.Target}.{message.Request.MethodName}";
        return message.CallChain is null ? target : $"{message.CallChain} -> {target}";
    }
}

/// <summary>A pending call whose caller awaits a <typeparamref name="T"/>.</summary>
internal sealed class PendingCall<T> : PendingCall
{
    // Continuations run asynchronously: the response is produced on the callee's scheduler,
    // and the caller's code must never run there.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCall(PendingCallRegistry registry, long requestId, DateTimeOffset deadline, long startTimestamp)
        : base(registry, requestId, deadline, startTimestamp)
    {
    }

    public Task<T> Task => _completion.Task;

    protected override void SetResult(object? result) => _completion.TrySetResult((T)result!);

    protected override void SetException(Exception exception) => _completion.TrySetException(exception);
}
