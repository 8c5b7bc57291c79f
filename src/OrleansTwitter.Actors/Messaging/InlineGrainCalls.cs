using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// Calls to an activation of this silo, run on the caller's thread when the activation is
/// idle (<see cref="GrainActivation.TryRunInline"/>): from outside any grain, or from a grain
/// turn, which then runs the callee's first turn nested in its own, a bounded number of levels
/// deep (<see cref="ActivationTaskScheduler.MaxNestingDepth"/>). A call that finishes in that
/// first turn completes with a finished task and never enters the pending calls; one that
/// awaits is registered then, under its original id and deadline.
/// </summary>
internal sealed class InlineGrainCalls(PendingCallRegistry calls, Catalog catalog)
{
    // A caller awaiting a finished task does not yield its thread, so a loop of calls that
    // finish inline would hold a pool thread for as long as it runs, starving the silo's own
    // work (responses, relays, timers) on a small pool. A thread that has gone this long
    // without a yield has its next finished call complete after one, as every call did before
    // inlining. The bound is in time rather than calls: a yield is a pair of pool hops, which
    // cost more than a whole inline call, so yielding every few dozen calls took a sizeable
    // share of the gain back while bounding the hold to microseconds nobody needs.
    private const long MaxHoldMilliseconds = 1;

    // The clock is read only every this many finished calls, which keeps its cost off the call.
    private const int FinishedCallsPerClockRead = 64;

    [ThreadStatic]
    private static int t_finishedSinceClockRead;

    [ThreadStatic]
    private static long t_lastYield;

    /// <summary>
    /// The call's task, or null when it must go the usual way: made from a grain turn already
    /// nested as deep as turns may be, or to a grain with no activation here yet. The caller has
    /// checked that this silo owns <paramref name="target"/>.
    /// </summary>
    public Task<T>? TryInvoke<T>(GrainId target, GrainRequest request)
    {
        // A grain's call runs the callee nested in the calling turn, which saves the two pool
        // hops (to the callee and back) that otherwise dominate a local call's cost. The
        // caller's activation stays busy meanwhile, as it would awaiting the call, so a call
        // back to it queues (and a cycle is reported) exactly as on the pool.
        var callerScheduler = TaskScheduler.Current as ActivationTaskScheduler;
        if (callerScheduler is { MayRunNestedTurn: false } || !catalog.TryGetActivation(target, out var activation))
        {
            return null;
        }

        var start = calls.StartTimestamp();
        bool flowsNoFrame;
        var chain = callerScheduler is null
            ? RequestContext.OutgoingChainOutsideGrain(out flowsNoFrame)
            : RequestContext.OutgoingChain(out flowsNoFrame);
        var call = new InlineCall<T>(target, request, calls, calls.NewDeadline(), chain, flowsNoFrame, activation.IsReentrant);
        var turn = call.NewTurn();
        if (!activation.TryRunInline(call, turn))
        {
            // Busy, activating or going away: the same request is queued, answering a pending call.
            var message = call.Message;
            var queued = calls.Adopt<T>(message, start);
            call.TryHandOver(queued);
            catalog.Dispatch(message);
            return queued.Task;
        }

        if (ActorsInstruments.MessagesReceived.Enabled)
        {
            ActorsInstruments.MessagesReceived.Add(1);
        }

        if (!call.HasOutcome)
        {
            var pending = calls.Adopt<T>(call.Message, start);
            if (call.TryHandOver(pending))
            {
                return pending.Task;
            }

            // The grain's continuation finished on another thread meanwhile.
            calls.Remove(pending.RequestId);
        }

        if (start != 0 && ActorsInstruments.CallDuration.Enabled)
        {
            ActorsInstruments.CallDuration.Record(calls.TimeProvider.GetElapsedTime(start).TotalMilliseconds);
        }

        // The turn's task completed with the result when the grain answered within it.
        var outcome = call.AnsweredInTurn ? turn : call.ToTask();
        return ShouldYield() ? AfterYield(outcome) : outcome;
    }

    private static bool ShouldYield()
    {
        // One thread-static lookup per call rather than two.
        ref var finished = ref t_finishedSinceClockRead;
        if (++finished < FinishedCallsPerClockRead)
        {
            return false;
        }

        finished = 0;

        // TickCount64 is a coarse clock (a few milliseconds' resolution on Linux), but it is
        // cheap to read and its coarseness only lengthens the hold to a few milliseconds.
        var now = Environment.TickCount64;
        if (now - t_lastYield < MaxHoldMilliseconds)
        {
            return false;
        }

        t_lastYield = now;
        return true;
    }

    private static async Task<T> AfterYield<T>(Task<T> outcome)
    {
        await Task.Yield();
        return await outcome;
    }
}
