namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// A request this silo passed on (forwarded to the grain's owner, or sent on by a gateway).
/// Its outcome goes back to whoever sent it here; a rejection goes back too, so the
/// original caller re-routes with its own view.
/// </summary>
internal sealed class RelayedCall(PendingCallRegistry registry, long requestId, DateTimeOffset deadline, long startTimestamp, RemoteResponseSink upstream)
    : PendingCall(registry, requestId, deadline, startTimestamp)
{
    public override bool PassesRejectionOn(string reason)
    {
        upstream.Reject(reason);
        return true;
    }

    protected override void SetResult(object? result) => upstream.Complete(result);

    protected override void SetException(Exception exception) => upstream.Fail(exception);
}
