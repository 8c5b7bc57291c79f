using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Messaging;

/// <summary>
/// A call that may run inline on its caller's thread
/// (<see cref="InlineGrainCalls"/>): one object is the request's work item and its response
/// sink, and the turn's task doubles as the caller's task, so a call that the grain answers
/// within that first turn costs no pending call, no separate sink and no second task. When
/// the grain awaits, the caller hands the outcome still to come over to a pending call, which
/// then applies the response timeout like any other.
/// </summary>
internal sealed class InlineCall<T> : RequestWorkItem, IResponseSink
{
    private const int Waiting = 0;
    private const int Arrived = 1;
    private const int HandedOver = 2;

    // Runs the first turn; when the outcome arrived during it (the grain did not await), the
    // turn's task completes with the result and the caller returns that very task.
    private static readonly Func<object?, T> s_runTurn = static state =>
    {
        var call = (InlineCall<T>)state!;
        call._inFirstTurn = true;
        try
        {
            call.Owner!.RunInlineTurn(call);
        }
        finally
        {
            call._inFirstTurn = false;
        }

        if (!call.HasOutcome || call._failure is not null)
        {
            return default!;
        }

        call._answeredInTurn = true;
        return call._outcome;
    };

    private int _state;
    private bool _inFirstTurn;
    private bool _answeredInTurn;
    private T _outcome = default!;
    private Exception? _failure;
    private PendingCall? _call;
    private bool _hasTypedResult;

    // The message's fields, for the message made only when something asks for it: a call
    // answered in its inline turn never needs one.
    private readonly GrainId _target;
    private readonly PendingCallRegistry _calls;
    private readonly DateTimeOffset _deadline;
    private readonly CallChain? _callChain;

    public InlineCall(GrainId target, GrainRequest request, PendingCallRegistry calls, DateTimeOffset deadline, CallChain? callChain, bool flowsNoFrame, bool grainIsReentrant)
        : base(request, grainIsReentrant)
    {
        _target = target;
        _calls = calls;
        _deadline = deadline;
        _callChain = callChain;

        // The turn's task captures the caller's execution context, which the caller has just read.
        StartsWithoutFrame = flowsNoFrame;
    }

    // The request id is taken here too: only a message carries it, to a pending call, a call
    // chain or a deadlock report, and taking one costs an interlocked increment.
    protected override Message CreateMessage() => new(_target, Request, _calls.NextRequestId(), _deadline, _callChain, this);

    /// <summary>
    /// The task that runs the first turn on the activation's scheduler
    /// (<see cref="GrainActivation.TryRunInline"/>); once it ran, the caller's task when
    /// <see cref="AnsweredInTurn"/>.
    /// </summary>
    public Task<T> NewTurn() => new(s_runTurn, this, CancellationToken.None, TaskCreationOptions.DenyChildAttach);

    /// <summary>True when the turn's task carries the result (read after it ran).</summary>
    public bool AnsweredInTurn => _answeredInTurn;

    /// <summary>True once the outcome is here (and was not handed over).</summary>
    public bool HasOutcome => Volatile.Read(ref _state) == Arrived;

    // A request reports exactly one outcome, so the fields are written once, before the state
    // says they are there (a typed result as the grain returns it, before it is reported).
    public void Complete(object? result)
    {
        _outcome = (T)result!;
        KeepOrForward()?.Complete(result);
    }

    /// <summary>Calls the grain through the typed request when there is one, so the result is never boxed here.</summary>
    protected override Task Invoke(GrainActivation activation, object grain)
    {
        if (Request is not GrainRequest<T> typed)
        {
            return base.Invoke(activation, grain);
        }

        var outcome = typed.InvokeTypedAsync(grain);
        if (!outcome.IsCompletedSuccessfully)
        {
            return AwaitTypedAsync(activation, outcome);
        }

        _outcome = outcome.Result;
        _hasTypedResult = true;
        return Task.CompletedTask;
    }

    private async Task AwaitTypedAsync(GrainActivation activation, ValueTask<T> outcome)
    {
        try
        {
            _outcome = await outcome;
            _hasTypedResult = true;
        }
        catch (Exception exception)
        {
            OnFailed(activation, exception);
        }
    }

    // As the base reports, but straight to this sink, so no message is made for it.
    public override void ReportOutcome()
    {
        if (Failure is { } exception)
        {
            Fail(exception);
        }
        else if (_hasTypedResult)
        {
            // Boxed only for a pending call, which a call that awaited was handed over to.
            KeepOrForward()?.Complete(_outcome);
        }
        else
        {
            Complete(Result);
        }
    }

    public void Fail(Exception exception)
    {
        _failure = exception;
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

        Fail(new SiloUnavailableException($"The request was refused: {reason}"));
    }

    /// <summary>
    /// Makes <paramref name="call"/> receive the outcome. False when it arrived first: the
    /// caller then takes it from here (<see cref="ToTask"/>) and drops the call.
    /// </summary>
    public bool TryHandOver(PendingCall call)
    {
        _call = call;
        return Interlocked.CompareExchange(ref _state, HandedOver, Waiting) == Waiting;
    }

    /// <summary>The outcome as the caller's task, once <see cref="HasOutcome"/>.</summary>
    public Task<T> ToTask() =>
        _failure is { } exception ? Task.FromException<T>(exception) : Task.FromResult(_outcome);

    // Null when the outcome stays here for the caller; the pending call when it was handed over.
    private PendingCall? KeepOrForward()
    {
        if (_inFirstTurn)
        {
            // Reported within the first turn, on the caller's thread, which hands over only
            // after the turn: nothing can race this write. (An outcome reported later comes
            // from a continuation on the activation's scheduler, which the caller holds until
            // the turn is over.)
            _state = Arrived;
            return null;
        }

        return Interlocked.CompareExchange(ref _state, Arrived, Waiting) == HandedOver ? _call : null;
    }
}
