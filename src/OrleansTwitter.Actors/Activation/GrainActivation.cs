using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Diagnostics;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Activation;

/// <summary>
/// One grain in memory. It owns the grain instance, a mailbox and a single-threaded
/// scheduler, and enforces the turn rules: a request that does not interleave starts only when
/// nothing else of this activation is in progress; one that interleaves (reentrant grain,
/// <c>[AlwaysInterleave]</c> method) may start while others await. Activation and
/// deactivation run exclusively.
/// </summary>
internal sealed partial class GrainActivation : IGrainLifecycleContext, IGrainActivationContext
{
    private readonly Lock _lock = new();
    private readonly Queue<ActivationWorkItem> _waiting = new();
    private readonly List<IActivationState> _states = [];
    private readonly List<GrainTimer> _timers = [];
    private readonly ActivationTaskScheduler _scheduler;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainClassDescriptor _descriptor;
    private readonly ActivationEnvironment _environment;
    private readonly Catalog _catalog;
    private ActivationStatus _status;
    private int _running;
    private int _interleavingWaiting;

    // Work that counts as activity (requests, keep-alive ticks), queued or running. Idle
    // collection looks at these only: a plain timer tick in flight must not keep an activation
    // alive, or a timer firing whenever the collector looks would make it immortal.
    private int _activityInFlight;
    private RequestWorkItem? _runningExclusive;
    private DeactivationReason? _pendingDeactivation;
    private long _lastActivityTimestamp;
    private DateTimeOffset _keepAliveUntil;
    private bool _constructing;
    private ITimer? _forceDeactivationTimer;
    private object? _grain;
    private ActivationStreamConsumers? _streamConsumers;

    public GrainActivation(GrainId grainId, GrainClassDescriptor descriptor, ActivationEnvironment environment, Catalog catalog)
    {
        GrainId = grainId;
        _descriptor = descriptor;
        _environment = environment;
        _catalog = catalog;
        _scheduler = new ActivationTaskScheduler(this);
        _lastActivityTimestamp = environment.Clock.Timestamp;
    }

    /// <summary>The activation whose turn is running on this thread, or null outside grain code.</summary>
    public static GrainActivation? Current => (TaskScheduler.Current as ActivationTaskScheduler)?.Owner;

    public GrainId GrainId { get; }

    public string GrainType => _descriptor.GrainType;

    /// <summary>The stream handlers this activation attached (touched only by its own turns).</summary>
    internal ActivationStreamConsumers StreamConsumers => _streamConsumers ??= new ActivationStreamConsumers();

    public IGrainFactory GrainFactory => _environment.GrainFactory;

    public IServiceProvider ActivationServices => _environment.Services;

    public ILogger Logger => _environment.Logger;

    public bool IsReentrant => _descriptor.IsReentrant;

    /// <summary>Completes when the activation is gone (deactivated, or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    internal ActivationStatus Status => _status;

    internal object? GrainInstance => _grain;

    /// <summary>
    /// The request running exclusively (one that does not interleave), or null. Read by the
    /// activation's own turns to name their caller chain: such a request does not set the
    /// request AsyncLocal, because it is the only request of this activation in progress.
    /// </summary>
    internal Message? RunningExclusive => _runningExclusive?.Message;

    /// <summary>Queues a request. False when the activation is gone and the caller must find another.</summary>
    public bool TryEnqueue(ActivationWorkItem item)
    {
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return false;
            }

            if (ClosesCycleLocked(item, out var blocker))
            {
                var message = ((RequestWorkItem)item).Message;
                item.Reject(new DeadlockException(
                    $"Deadlock: {PendingCall.DescribeChain(message)}. {GrainId} is not reentrant and is still running {blocker.Message.Request.MethodName} " +
                    $"(request #{blocker.Message.RequestId}), which waits for this very call. Mark the grain [Reentrant] or the method [AlwaysInterleave], or break the cycle."));
                return true;
            }

            EnqueueLocked(item);
            if (_status == ActivationStatus.Created)
            {
                _status = ActivationStatus.Activating;
                RunOnScheduler(static a => a.ActivateAsync());
            }
            else
            {
                PumpLocked();
            }

            return true;
        }
    }

    internal bool TryEnqueueTimerTick(GrainTimer timer)
    {
        lock (_lock)
        {
            if (_status != ActivationStatus.Valid || _pendingDeactivation is not null)
            {
                return false;
            }

            EnqueueLocked(new TimerTickWorkItem(timer, _descriptor.IsReentrant));
            PumpLocked();
            return true;
        }
    }

    /// <summary>Starts deactivation once nothing is running. Idempotent.</summary>
    public void StartDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_pendingDeactivation is not null || _status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                return;
            }

            _pendingDeactivation = reason;
            if (_status == ActivationStatus.Created)
            {
                // Never activated: nothing to run, nothing to write.
                _status = ActivationStatus.Invalid;
                _catalog.OnActivationGone(this);
                _deactivated.TrySetResult();
                return;
            }

            if (_running > 0)
            {
                _forceDeactivationTimer = _environment.TimeProvider.CreateTimer(
                    static state => ((GrainActivation)state!).ForceDeactivation(),
                    this,
                    _environment.CollectionOptions.DeactivationTimeout,
                    Timeout.InfiniteTimeSpan);
            }

            PumpLocked();
        }
    }

    // A request that never completes must not keep an activation, or a shutdown, forever.
    private void ForceDeactivation()
    {
        lock (_lock)
        {
            if (_status != ActivationStatus.Valid || _pendingDeactivation is not { } reason)
            {
                return;
            }

            ActivationLog.ForcedDeactivation(Logger, GrainId, _running, _environment.CollectionOptions.DeactivationTimeout);
            _status = ActivationStatus.Deactivating;
            RunOnScheduler(a => a.DeactivateAsync(reason));
        }
    }

    /// <summary>True when collection may take it: valid, nothing queued or running, idle for <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age)
    {
        lock (_lock)
        {
            // Activity is stamped from the coarse clock, which may lag by its granularity:
            // adding it means an activation is never collected before it has been idle for age.
            return _status == ActivationStatus.Valid
                && _pendingDeactivation is null
                && _activityInFlight == 0
                && _environment.TimeProvider.GetElapsedTime(_lastActivityTimestamp) >= age + _environment.Clock.Granularity
                && _environment.TimeProvider.GetUtcNow() >= _keepAliveUntil;
        }
    }

    public void DeactivateOnIdle() =>
        StartDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle() was called."));

    public void DelayDeactivation(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = _environment.TimeProvider.GetUtcNow() + duration;
            if (until > _keepAliveUntil)
            {
                _keepAliveUntil = until;
            }
        }
    }

    public IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options, _environment.TimeProvider);
        lock (_lock)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                timer.Dispose();
                throw new InvalidOperationException($"Cannot register a timer on {GrainId}: it is deactivating.");
            }

            _timers.Add(timer);
        }

        return timer;
    }

    internal void OnTimerDisposed(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new()
    {
        if (!_constructing)
        {
            throw new InvalidOperationException($"Persistent state '{stateName}' of {GrainId} can only be bound while the grain is constructed.");
        }

        var providerName = storageName ?? GrainStorageNames.Default;
        var storage = _environment.Services.GetKeyedService<IGrainStorage>(providerName) ?? throw new InvalidOperationException(
            $"Grain {GrainId} asks for state '{stateName}' in storage provider '{providerName}', but no provider of that name is registered. " +
            "Register one with AddMemoryGrainStorage or AddFileGrainStorage (or the silo's Storage:Provider setting).");
        var state = new PersistentState<TState>(stateName, GrainId, storage);
        _states.Add(state);
        return state;
    }

    internal void OnInconsistentState(Exception exception)
    {
        ActivationLog.InconsistentState(Logger, exception, GrainId);
        StartDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message));
    }

    // A request that cannot interleave, arriving along a chain that passes through the request
    // this activation is running right now, waits for a request that waits for it.
    private bool ClosesCycleLocked(ActivationWorkItem item, [NotNullWhen(true)] out RequestWorkItem? blocker)
    {
        blocker = _runningExclusive;
        return blocker is not null
            && !item.Interleaves
            && item is RequestWorkItem { Message.CallChain: { } chain }
            && chain.Contains(GrainId, blocker.Message.RequestId);
    }

    private void EnqueueLocked(ActivationWorkItem item)
    {
        item.Owner = this;
        if (item.CountsAsActivity)
        {
            _activityInFlight++;
        }

        _waiting.Enqueue(item);
        if (item.Interleaves)
        {
            _interleavingWaiting++;
        }
    }

    private void PumpLocked()
    {
        if (_status != ActivationStatus.Valid)
        {
            return;
        }

        if (_pendingDeactivation is not null)
        {
            if (_running == 0)
            {
                BeginDeactivationLocked();
            }

            return;
        }

        DateTimeOffset? now = null;
        while (_waiting.TryPeek(out var head) && (_running == 0 || head.Interleaves))
        {
            _waiting.Dequeue();
            StartOrDropLocked(head, ref now);
        }

        // Interleaving work queued behind a request that must wait may still start. This is
        // rare (an [AlwaysInterleave] call to a busy non-reentrant grain), so a rebuild of the
        // queue is cheap enough.
        if (_interleavingWaiting > 0 && _running > 0)
        {
            for (var remaining = _waiting.Count; remaining > 0; remaining--)
            {
                var item = _waiting.Dequeue();
                if (item.Interleaves)
                {
                    StartOrDropLocked(item, ref now);
                }
                else
                {
                    _waiting.Enqueue(item);
                }
            }
        }
    }

    // Its own method: a lambda capturing the reason inside PumpLocked would allocate a closure
    // on every pump, deactivating or not.
    private void BeginDeactivationLocked()
    {
        var reason = _pendingDeactivation!.Value;
        _status = ActivationStatus.Deactivating;
        RunOnScheduler(a => a.DeactivateAsync(reason));
    }

    private void StartOrDropLocked(ActivationWorkItem item, ref DateTimeOffset? now)
    {
        if (item.Interleaves)
        {
            _interleavingWaiting--;
        }

        // The coarse clock lags, so an expired request may run up to a scan period late; that
        // only does work nobody waits for, as a request already running when it expires does.
        now ??= _environment.Clock.UtcNow;
        if (item.IsExpired(now.Value))
        {
            if (item.CountsAsActivity)
            {
                _activityInFlight--;
            }

            // The caller has already been told it timed out; running it now would only do
            // work nobody waits for.
            ActivationLog.DroppedExpired(Logger, item.ToString() ?? string.Empty, now.Value);
            return;
        }

        _running++;
        if (!item.Interleaves && item is RequestWorkItem request)
        {
            _runningExclusive = request;
        }

        if (item.CountsAsActivity)
        {
            _lastActivityTimestamp = _environment.Clock.Timestamp;
        }

        RunOnScheduler(item);
    }

    // An action rather than a function: nobody awaits the turn's task, so a Task<Task> would
    // only be a bigger allocation.
    private static readonly Action<object?> s_runWorkItem = static state =>
    {
        var item = (ActivationWorkItem)state!;
        _ = item.Owner!.RunWorkItemAsync(item);
    };

    private void RunOnScheduler(ActivationWorkItem item) =>
        Task.Factory.StartNew(s_runWorkItem, item, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);

    private void RunOnScheduler(Func<GrainActivation, Task> lifecycleStep) =>
        Task.Factory.StartNew(
            static state => ((LifecycleRun)state!).RunAsync(),
            new LifecycleRun(this, lifecycleStep),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            _scheduler);

    // Not an async method: most turns finish synchronously, and for those the state machine
    // would cost a sizeable share of an inline call. A turn that awaits ends in FinishAsync.
    private Task RunWorkItemAsync(ActivationWorkItem item)
    {
        Task turn;
        try
        {
            turn = item.RunAsync(this, _grain!);
        }
        catch (Exception exception)
        {
            // Requests report their own failures; a work item that throws must still not leave
            // the activation booked as running forever.
            BookFinished(item);
            return Task.FromException(exception);
        }

        if (!turn.IsCompleted)
        {
            return FinishAsync(item, turn);
        }

        BookFinished(item);
        if (!turn.IsCompletedSuccessfully)
        {
            return turn;
        }

        item.ReportOutcome();
        return Task.CompletedTask;
    }

    private async Task FinishAsync(ActivationWorkItem item, Task turn)
    {
        try
        {
            await turn;
        }
        finally
        {
            BookFinished(item);
        }

        item.ReportOutcome();
    }

    /// <summary>
    /// Books a turn sequence as finished and starts what waited for it, before its outcome is
    /// reported: whoever learns of the outcome then finds the activation free.
    /// </summary>
    private void BookFinished(ActivationWorkItem item)
    {
        lock (_lock)
        {
            _running--;
            if (ReferenceEquals(_runningExclusive, item))
            {
                _runningExclusive = null;
            }

            if (item.CountsAsActivity)
            {
                _activityInFlight--;
                _lastActivityTimestamp = _environment.Clock.Timestamp;
            }

            PumpLocked();
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            if (_environment.BeforeActivation is { } handOff)
            {
                await handOff(GrainId);
            }

            _constructing = true;
            try
            {
                _grain = GrainConstructionScope.Construct(this, () => _descriptor.Create(this));
            }
            finally
            {
                _constructing = false;
            }

            foreach (var state in _states)
            {
                await state.ReadAsync();
            }

            if (_grain is Grain grain)
            {
                await grain.OnActivateAsync(CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return;
        }

        ActorsInstruments.ActivationsCreated.Add(1);
        ActorsInstruments.Activations.Add(1);
        ActivationLog.Activated(Logger, GrainId);
        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            _lastActivityTimestamp = _environment.Clock.Timestamp;
            PumpLocked();
        }
    }

    private void FailActivation(Exception exception)
    {
        ActivationWorkItem[] rejected;
        GrainTimer[] timers;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            rejected = [.. _waiting];
            _waiting.Clear();
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        ActorsInstruments.ActivationFailures.Add(1);
        ActivationLog.ActivationFailed(Logger, exception, GrainId, rejected.Length);
        _catalog.OnActivationGone(this);
        _deactivated.TrySetResult();
        foreach (var item in rejected)
        {
            item.Reject(exception);
        }
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _forceDeactivationTimer?.Dispose();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        if (_grain is Grain grain)
        {
            using var timeout = new CancellationTokenSource(_environment.CollectionOptions.DeactivationTimeout, _environment.TimeProvider);
            try
            {
                await grain.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception exception)
            {
                ActivationLog.OnDeactivateFailed(Logger, exception, GrainId);
            }
        }

        // A stale activation must not write: its view lost to a newer one.
        if (reason.Code != DeactivationReasonCode.InconsistentState)
        {
            await WriteChangedStatesAsync();
        }

        ActivationWorkItem[] leftover;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            leftover = [.. _waiting];
            _waiting.Clear();
        }

        ActorsInstruments.Activations.Add(-1);
        ActivationLog.Deactivated(Logger, GrainId, reason);
        _catalog.OnActivationGone(this);
        _deactivated.TrySetResult();

        // Requests that arrived while this activation was going away belong to the next one.
        foreach (var item in leftover)
        {
            if (item is RequestWorkItem request)
            {
                _catalog.Redispatch(request.Message);
            }
        }
    }

    private async Task WriteChangedStatesAsync()
    {
        foreach (var state in _states)
        {
            try
            {
                if (state.IsDirty)
                {
                    await state.WriteAsync();
                }
            }
            catch (Exception exception)
            {
                ActivationLog.DeactivationWriteFailed(Logger, exception, GrainId, state.StateName);
            }
        }
    }

    public override string ToString() => $"activation of {GrainId} ({_status})";

    private sealed class LifecycleRun(GrainActivation activation, Func<GrainActivation, Task> step)
    {
        public Task RunAsync() => step(activation);
    }
}

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
