using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>
/// Counts requests in flight and turns at once with interlocked counters (as
/// <see cref="TurnProbe"/> does), and which requests ran on their caller's thread.
/// </summary>
public abstract class InlineProbe(LifecycleJournal journal) : Grain
{
    // The thread of a grain turn that is making a call right now, by caller key: a callee
    // that finds its own thread here runs nested inside that turn.
    private static readonly ConcurrentDictionary<string, int> s_callingThreads = new();

    private readonly Guid _activationId = Guid.NewGuid();
    private bool _holdDeactivation;
    private int _calls;
    private int _inlineCalls;
    private int _requestsInFlight;
    private int _maxRequestsInFlight;
    private int _turnsRunning;
    private int _maxTurnsAtOnce;
    private int _schedulerEscapes;

    public async Task<InlineObservation> EnterAsync(int callerThread, int awaits)
    {
        var scheduler = TaskScheduler.Current;
        var onCallerThread = Environment.CurrentManagedThreadId == callerThread;
        var nested = s_callingThreads.Values.Contains(Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref _calls);
        if (onCallerThread)
        {
            Interlocked.Increment(ref _inlineCalls);
        }

        RecordMax(ref _maxRequestsInFlight, Interlocked.Increment(ref _requestsInFlight));
        var stayed = scheduler != TaskScheduler.Default;
        for (var i = 0; i < awaits; i++)
        {
            BeginTurn();
            Thread.SpinWait(500);
            EndTurn();
            if (i % 2 == 0)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1);
            }

            if (TaskScheduler.Current != scheduler)
            {
                stayed = false;
                Interlocked.Increment(ref _schedulerEscapes);
            }
        }

        BeginTurn();
        Interlocked.Decrement(ref _requestsInFlight);
        EndTurn();
        return new InlineObservation(onCallerThread, nested, stayed, _activationId);
    }

    public async Task FailAsync(string message)
    {
        await Task.CompletedTask;
        throw new FaultyGrainException(message);
    }

    public Task<int> FailSynchronously(string message) => throw new ArgumentException(message, nameof(message));

    public ValueTask<long> DoubleAsync(long value, int awaits)
    {
        return awaits == 0 ? ValueTask.FromResult(value * 2) : AfterYieldsAsync();

        async ValueTask<long> AfterYieldsAsync()
        {
            for (var i = 0; i < awaits; i++)
            {
                await Task.Yield();
            }

            return value * 2;
        }
    }

    public async ValueTask<int> FailAfterAwaitAsync(string message)
    {
        await Task.Yield();
        throw new FaultyGrainException(message);
    }

    public async Task<InlineObservation> CallFromTurnAsync(string other)
    {
        var key = this.GetPrimaryKeyString();
        var callee = GrainFactory.GetGrain<IInlineProbeGrain>(other);
        s_callingThreads[key] = Environment.CurrentManagedThreadId;
        Task<InlineObservation> call;
        try
        {
            call = callee.EnterAsync(Environment.CurrentManagedThreadId, 0);
        }
        finally
        {
            s_callingThreads.TryRemove(key, out _);
        }

        return await call;
    }

    public Task DeactivateHeldAsync()
    {
        _holdDeactivation = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<InlineStats> GetStatsAsync() =>
        Task.FromResult(new InlineStats(_calls, _inlineCalls, _maxRequestsInFlight, _maxTurnsAtOnce, _schedulerEscapes));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_holdDeactivation)
        {
            var key = this.GetPrimaryKeyString();
            journal.Record($"deactivating:{key}");
            await journal.WaitForAsync($"release:{key}", TimeSpan.FromSeconds(30));
        }
    }

    private void BeginTurn() => RecordMax(ref _maxTurnsAtOnce, Interlocked.Increment(ref _turnsRunning));

    private void EndTurn() => Interlocked.Decrement(ref _turnsRunning);

    private static void RecordMax(ref int max, int value)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref max);
        }
        while (value > seen && Interlocked.CompareExchange(ref max, value, seen) != seen);
    }
}

public sealed class InlineProbeGrain(LifecycleJournal journal) : InlineProbe(journal), IInlineProbeGrain;

[Reentrant]
public sealed class ReentrantInlineProbeGrain(LifecycleJournal journal) : InlineProbe(journal), IReentrantInlineProbeGrain;
