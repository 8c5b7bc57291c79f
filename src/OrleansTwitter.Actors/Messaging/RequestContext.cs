using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// The request a piece of grain code is running for, which the calls it makes extend into
/// their call chain. Setting an AsyncLocal costs an ExecutionContext per request, so it is set
/// only where it is needed: for a request that interleaves (reentrant grain,
/// <c>[AlwaysInterleave]</c>), since several may be in progress at once and each must see its
/// own. A request that does not interleave is the only one its activation has in progress, so
/// the activation itself names it (<see cref="GrainActivation.RunningExclusive"/>).
/// </summary>
internal static class RequestContext
{
    // Marks grain code that runs for no request (a timer tick): it must not be taken for the
    // exclusive request its activation may be running meanwhile.
    private static readonly Frame s_noRequest = new(default, string.Empty, 0, null);

    private static readonly AsyncLocal<Frame?> s_current = new();

    /// <summary>Called as a request's turn starts, on the activation's scheduler.</summary>
    public static void Enter(RequestWorkItem request)
    {
        if (request.Interleaves)
        {
            var message = request.Message;
            s_current.Value = new Frame(message.Target, message.Request.MethodName, message.RequestId, message.CallChain);
        }
        else if (!request.StartsWithoutFrame && s_current.Value is not null)
        {
            // Inherited from whoever queued the turn (a reentrant caller's frame): the
            // activation's own record is the one that counts. Reading is cheap; only a real
            // change writes.
            s_current.Value = null;
        }
    }

    /// <summary>Called as a timer tick starts: its calls belong to no request.</summary>
    public static void EnterTimerTick()
    {
        if (!ReferenceEquals(s_current.Value, s_noRequest))
        {
            s_current.Value = s_noRequest;
        }
    }

    /// <summary>The chain an outgoing call made now carries.</summary>
    public static CallChain? OutgoingChain() => OutgoingChain(out _);

    /// <summary><see cref="OutgoingChain()"/>, also saying whether the caller's context carries no frame at all.</summary>
    /// <param name="flowsNoFrame">True when the caller's context carries no frame, so a turn started from it needs none cleared.</param>
    public static CallChain? OutgoingChain(out bool flowsNoFrame)
    {
        var frame = s_current.Value;
        flowsNoFrame = frame is null;
        if (frame is not null)
        {
            return ReferenceEquals(frame, s_noRequest) ? null : Extend(frame.Incoming, frame.Grain, frame.Method, frame.RequestId);
        }

        // Only code on an activation's scheduler finds its activation. Grain code that left it
        // (ConfigureAwait(false), Task.Run) during a non-interleaving request makes calls with
        // no chain, which lose deadlock detection (they end in a timeout instead).
        return GrainActivation.Current?.RunningExclusive is { } running
            ? Extend(running.CallChain, running.Target, running.Request.MethodName, running.RequestId)
            : null;
    }

    /// <summary>
    /// <see cref="OutgoingChain()"/> for a caller known to be outside any activation's scheduler,
    /// which can only extend a request it flowed from (an interleaving caller's frame).
    /// </summary>
    /// <param name="flowsNoFrame">True when the caller's context carries no frame at all, so a turn started from it needs none cleared.</param>
    public static CallChain? OutgoingChainOutsideGrain(out bool flowsNoFrame)
    {
        var frame = s_current.Value;
        flowsNoFrame = frame is null;
        return frame is null || ReferenceEquals(frame, s_noRequest) ? null : Extend(frame.Incoming, frame.Grain, frame.Method, frame.RequestId);
    }

    private static CallChain Extend(CallChain? incoming, GrainId grain, string method, long requestId) =>
        incoming is null ? CallChain.Start(grain, method, requestId) : incoming.Append(grain, method, requestId);

    /// <summary>A grain running a method for request <see cref="RequestId"/>, having been called along <see cref="Incoming"/>.</summary>
    internal sealed record Frame(GrainId Grain, string Method, long RequestId, CallChain? Incoming);
}
