using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Activation;

/// <summary>Something an activation runs as a turn sequence: a request or a timer tick.</summary>
internal abstract class ActivationWorkItem
{
    /// <summary>True when it may start while other work of the activation is in progress.</summary>
    public bool Interleaves { get; protected init; }

    /// <summary>True when running it counts as activity that postpones idle collection.</summary>
    public bool CountsAsActivity { get; protected init; } = true;

    /// <summary>The activation it was queued to.</summary>
    public GrainActivation? Owner { get; set; }

    public abstract Task RunAsync(GrainActivation activation, object grain);

    /// <summary>
    /// Reports the outcome, after the activation has booked the work as finished: whoever
    /// learns of the outcome then finds the activation free for its next request.
    /// </summary>
    public virtual void ReportOutcome()
    {
    }

    /// <summary>The activation failed or went away before this could run.</summary>
    public abstract void Reject(Exception exception);

    public virtual bool IsExpired(DateTimeOffset now) => false;
}

/// <summary>A grain call.</summary>
internal class RequestWorkItem : ActivationWorkItem
{
    public RequestWorkItem(Message message, bool grainIsReentrant)
    {
        _message = message;
        Request = message.Request;
        Interleaves = grainIsReentrant || message.Request.AlwaysInterleave;
    }

    /// <summary>For a request that makes its <see cref="Message"/> only when something asks for it (<see cref="CreateMessage"/>).</summary>
    protected RequestWorkItem(GrainRequest request, bool grainIsReentrant)
    {
        Request = request;
        Interleaves = grainIsReentrant || request.AlwaysInterleave;
    }

    private Message? _message;
    private object? _result;
    private Exception? _exception;

    public GrainRequest Request { get; }

    public Message Message => _message ?? EnsureMessage();

    /// <summary>
    /// True when the turn runs in an execution context known to carry no request frame (set
    /// by a caller that has just looked), so starting it need not read the context to clear one.
    /// </summary>
    public bool StartsWithoutFrame { get; protected init; }

    /// <summary>The grain's result, once it ran without failing.</summary>
    protected object? Result => _result;

    /// <summary>The grain method's exception, once it threw or its task faulted.</summary>
    protected Exception? Failure => _exception;

    /// <summary>The message of a request made without one (see the protected constructor).</summary>
    protected virtual Message CreateMessage() =>
        throw new InvalidOperationException($"{GetType().Name} was made without a message and cannot make one.");

    // Threads may ask at once (a deadlock check reads the running request's message while its
    // own turn makes a call): one message wins, so the request has one identity.
    private Message EnsureMessage() => Interlocked.CompareExchange(ref _message, CreateMessage(), null) ?? _message!;

    // Not an async method: most grain methods finish synchronously, and the state machine
    // would cost a sizeable share of an inline call. The turn runs inside a task of the
    // activation's scheduler, and a task restores the execution context when it ends, so what
    // the grain sets in its execution context still ends with the turn.
    public override Task RunAsync(GrainActivation activation, object grain)
    {
        RequestContext.Enter(this);
        try
        {
            return Invoke(activation, grain);
        }
        catch (Exception exception)
        {
            OnFailed(activation, exception);
            return Task.CompletedTask;
        }
    }

    /// <summary>Calls the grain's method; a subclass may keep the result in its own form.</summary>
    protected virtual Task Invoke(GrainActivation activation, object grain)
    {
        var outcome = Request.InvokeAsync(grain);
        if (!outcome.IsCompletedSuccessfully)
        {
            return AwaitOutcomeAsync(activation, outcome);
        }

        _result = outcome.Result;
        return Task.CompletedTask;
    }

    private async Task AwaitOutcomeAsync(GrainActivation activation, ValueTask<object?> outcome)
    {
        try
        {
            _result = await outcome;
        }
        catch (Exception exception)
        {
            OnFailed(activation, exception);
        }
    }

    protected void OnFailed(GrainActivation activation, Exception exception)
    {
        _exception = exception;
        if (exception is InconsistentStateException)
        {
            activation.OnInconsistentState(exception);
        }
    }

    public override void ReportOutcome()
    {
        if (_exception is null)
        {
            Message.ResponseSink.Complete(_result);
        }
        else
        {
            Message.ResponseSink.Fail(_exception);
        }
    }

    public override void Reject(Exception exception) => Message.ResponseSink.Fail(exception);

    public override bool IsExpired(DateTimeOffset now) => Message.Deadline <= now;

    public override string ToString() => Message.ToString();
}

/// <summary>One tick of a grain timer.</summary>
internal sealed class TimerTickWorkItem : ActivationWorkItem
{
    private readonly GrainTimer _timer;

    public TimerTickWorkItem(GrainTimer timer, bool grainIsReentrant)
    {
        _timer = timer;
        Interleaves = grainIsReentrant || timer.Options.Interleave;
        CountsAsActivity = timer.Options.KeepAlive;
    }

    public override Task RunAsync(GrainActivation activation, object grain)
    {
        RequestContext.EnterTimerTick();
        return _timer.RunTickAsync();
    }

    // A tick that cannot run is simply skipped; the timer dies with its activation.
    public override void Reject(Exception exception)
    {
    }
}
