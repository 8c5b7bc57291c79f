using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Membership;
using OrleansTwitter.Actors.Transport;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// What a silo does with each frame it reads. Requests for grains it owns go to the catalog;
/// others are forwarded to the owner (at most <see cref="MaxForwards"/> hops) or refused so the
/// caller re-routes. Responses complete pending calls by id.
/// </summary>
internal sealed class InboundFrameHandler(
    PendingCallRegistry calls,
    Catalog catalog,
    ClusterCallRouter router,
    MembershipService membership,
    Func<long, bool> onPong,
    Func<long, bool> onReleased,
    TimeSpan releaseTimeout,
    ILogger logger)
{
    public const int MaxForwards = 2;

    public void OnFrame(Connection connection, InboundFrame frame)
    {
        if (ResponseFrames.TryApply(calls, frame))
        {
            return;
        }

        switch (frame.Kind)
        {
            case FrameKind.Request:
                OnRequest(connection, frame);
                break;
            case FrameKind.Ping:
                _ = Answer(connection, EncodedFrame.Encode(frame.Id, static (w, id) => MessageCodec.WriteSignal(w, FrameKind.Pong, id)));
                break;
            case FrameKind.Pong:
                onPong(frame.Id);
                break;
            case FrameKind.Goodbye or FrameKind.MembershipChanged:
                // A peer is leaving, or declared one dead: learn of it now rather than at the next refresh.
                _ = RefreshQuietlyAsync();
                break;
            case FrameKind.ReleaseGrain:
                _ = OnReleaseAsync(connection, frame);
                break;
            case FrameKind.Released:
                onReleased(frame.Id);
                break;
            case FrameKind.Multicast:
                _ = OnMulticastAsync(connection, frame);
                break;
            case FrameKind.MulticastResult when calls.TryGet(frame.Id, out var call):
                call.Complete(new MulticastResult(frame.Delivered, frame.Skipped, frame.Failed, frame.ErrorType is null ? null : ExceptionCodec.Recreate(frame.ErrorType, frame.ErrorMessage ?? string.Empty)));
                break;
            case FrameKind.MulticastResult or FrameKind.Manifest:
                // The caller stopped waiting (timed out) before the answer came.
                break;
            default:
                ClusterLog.UnexpectedFrame(logger, frame.Kind.ToString(), $"not expected on {connection.Description}");
                break;
        }
    }

    private void OnRequest(Connection connection, InboundFrame frame)
    {
        var sink = new RemoteResponseSink(connection, frame.Id, frame.Request, logger);
        if (frame.Request is null)
        {
            sink.Fail(new NotSupportedException(frame.ErrorMessage));
            return;
        }

        if (Actors.Observers.ObserverId.Is(frame.Target))
        {
            // Observers are found by the silo their id names, not by placement: relay it there
            // (or to the client connected here), and the answer back.
            router.Route(Relay(frame, frame.Request, sink));
            return;
        }

        var owner = router.OwnerOf(frame.Target);
        if (owner is null || owner == router.Self)
        {
            catalog.Dispatch(new Message(frame.Target, frame.Request, frame.Id, frame.Deadline, frame.CallChain, sink) { ForwardCount = frame.ForwardCount });
            return;
        }

        if (frame.ForwardCount >= MaxForwards)
        {
            sink.Reject($"{router.Self} does not own {frame.Target} and the request was already forwarded {frame.ForwardCount} times.");
            return;
        }

        ActorsInstruments.Forwards.Add(1);
        router.RouteToOwner(Relay(frame, frame.Request, sink), owner);
    }

    // A method of its own so that the closure over the sink is made only for relayed requests,
    // not at the start of every request.
    private PendingCall Relay(in InboundFrame frame, GrainRequest request, RemoteResponseSink sink)
    {
        var relay = calls.Register(frame.Deadline, (id, deadline, started) => new RelayedCall(calls, id, deadline, started, sink));
        relay.Message = new Message(frame.Target, request, relay.RequestId, frame.Deadline, frame.CallChain, relay) { ForwardCount = frame.ForwardCount + 1 };
        return relay;
    }

    private async Task OnMulticastAsync(Connection connection, InboundFrame frame)
    {
        MulticastResult result;
        if (frame.Request is null || frame.GrainType is null || frame.Keys is null)
        {
            result = new MulticastResult(0, 0, frame.Keys?.Count ?? 0, new NotSupportedException(frame.ErrorMessage ?? "A multicast frame without a call."));
        }
        else
        {
            var batch = new MulticastBatch();
            catalog.Multicast(frame.GrainType, frame.Keys, frame.Request, frame.ActivationOptional, batch, calls.NextRequestId, frame.Deadline, frame.CallChain);
            var remaining = frame.Deadline - calls.TimeProvider.GetUtcNow();
            try
            {
                await batch.Completion.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, calls.TimeProvider);
                result = batch.ToResult();
            }
            catch (TimeoutException)
            {
                result = batch.ToResult(new TimeoutException($"Some deliveries of {frame.Request} in {router.Self} did not finish by the deadline."));
            }
        }

        await Answer(connection, EncodedFrame.Encode((frame.Id, result), static (w, s) => MessageCodec.WriteMulticastResult(w, s.Id, s.result)));
    }

    private async Task OnReleaseAsync(Connection connection, InboundFrame frame)
    {
        try
        {
            await catalog.ReleaseAsync(frame.Target, releaseTimeout);
        }
        catch (TimeoutException)
        {
            // Answer anyway: the new owner must not wait forever; the ETag still guards the state.
            ClusterLog.ReleaseSlow(logger, frame.Target.ToString(), releaseTimeout);
        }

        await Answer(connection, EncodedFrame.Encode(frame.Id, static (w, id) => MessageCodec.WriteSignal(w, FrameKind.Released, id)));
    }

    private async Task Answer(Connection connection, EncodedFrame frame)
    {
        try
        {
            await connection.SendAsync(frame);
        }
        catch (IOException exception)
        {
            TransportLog.ConnectionFailed(logger, exception, connection.Description);
        }
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await membership.RefreshAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ClusterLog.RefreshFailed(logger, exception);
        }
    }
}
