using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Calls from outside any grain to an activation of this silo, run on the caller's thread
/// when the activation is idle (<see cref="GrainActivation.TryRunInline"/>). A call that
/// finishes in that first turn completes with a finished task and never enters the pending
/// calls; one that awaits is registered then, under its original id and deadline.
/// </summary>
internal sealed class InlineGrainCalls(PendingCallRegistry calls, Catalog catalog)
{
    // A caller awaiting a finished task does not yield its thread, so a loop of calls that
    // finish inline would hold a pool thread for as long as it runs, starving the silo's own
    // work (responses, relays, timers) on a small pool. Every this many finished inline calls
    // on a thread, one completes after a yield instead, as every call did before inlining.
    private const int FinishedCallsPerYield = 64;

    [ThreadStatic]
    private static int t_finishedSinceYield;

    /// <summary>
    /// The call's task, or null when it must go the usual way: made from inside a grain turn
    /// (an inline turn never nests another, which bounds the stack), or to a grain with no
    /// activation here yet. The caller has checked that this silo owns <paramref name="target"/>.
    /// </summary>
    public Task<T>? TryInvoke<T>(GrainId target, GrainRequest request)
    {
        if (GrainActivation.Current is not null || !catalog.TryGetActivation(target, out var activation))
        {
            return null;
        }

        var start = calls.StartTimestamp();
        var sink = new InlineCallSink();
        var message = new Message(target, request, calls.NextRequestId(), calls.NewDeadline(), RequestContext.OutgoingChain(), sink);
        if (!activation.TryRunInline(new RequestWorkItem(message, activation.IsReentrant)))
        {
            // Busy, activating or going away: the same request is queued, answering a pending call.
            var queued = calls.Adopt<T>(message, start);
            sink.TryHandOver(queued);
            catalog.Dispatch(message);
            return queued.Task;
        }

        ActorsInstruments.MessagesReceived.Add(1);
        if (!sink.HasOutcome)
        {
            var call = calls.Adopt<T>(message, start);
            if (sink.TryHandOver(call))
            {
                return call.Task;
            }

            // The grain's continuation finished on another thread meanwhile.
            calls.Remove(message.RequestId);
        }

        if (start != 0 && ActorsInstruments.CallDuration.Enabled)
        {
            ActorsInstruments.CallDuration.Record(calls.TimeProvider.GetElapsedTime(start).TotalMilliseconds);
        }

        if (++t_finishedSinceYield >= FinishedCallsPerYield)
        {
            t_finishedSinceYield = 0;
            return AfterYield(sink.ToTask<T>());
        }

        return sink.ToTask<T>();
    }

    private static async Task<T> AfterYield<T>(Task<T> outcome)
    {
        await Task.Yield();
        return await outcome;
    }
}
