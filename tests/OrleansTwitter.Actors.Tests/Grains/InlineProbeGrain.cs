using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>
/// Counts requests in flight and turns at once (<see cref="TurnCounters"/>, as
/// <see cref="TurnProbe"/> does), and which requests ran on their caller's thread.
/// </summary>
public abstract class InlineProbe(LifecycleJournal journal) : Grain
{
    // The thread of a grain turn that is making a call right now, by caller key: a callee
    // that finds its own thread here runs nested inside that turn.
    private static readonly ConcurrentDictionary<string, int> s_callingThreads = new();

    private readonly Guid _activationId = Guid.NewGuid();
    private bool _holdDeactivation;
    private readonly TurnCounters _counters = new();
    private int _inlineCalls;

    public async Task<InlineObservation> EnterAsync(int callerThread, int awaits)
    {
        var scheduler = TaskScheduler.Current;
        var onCallerThread = Environment.CurrentManagedThreadId == callerThread;
        var nested = s_callingThreads.Values.Contains(Environment.CurrentManagedThreadId);
        _counters.RequestStarted();
        if (onCallerThread)
        {
            Interlocked.Increment(ref _inlineCalls);
        }

        var stayed = scheduler != TaskScheduler.Default;
        for (var i = 0; i < awaits; i++)
        {
            stayed &= await _counters.TurnThenAwaitAsync(i, spin: 500, scheduler);
            stayed &= _counters.StayedOn(scheduler);
        }

        _counters.RequestEnding();
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

    public Task<InlineObservation> CallFromTurnAsync(string other, int awaits) =>
        CallMarked(callee => callee.EnterAsync(Environment.CurrentManagedThreadId, awaits), other);

    public async Task<IReadOnlyList<bool>> CallDownAsync(IReadOnlyList<string> chain)
    {
        if (chain.Count == 0)
        {
            return [];
        }

        // Whether the next probe runs nested is for it to see as it starts: it reports that first.
        return await CallMarked(callee => callee.ReportNestingThenCallDownAsync([.. chain.Skip(1)]), chain[0]);
    }

    public async Task<IReadOnlyList<bool>> ReportNestingThenCallDownAsync(IReadOnlyList<string> chain)
    {
        var nested = s_callingThreads.Values.Contains(Environment.CurrentManagedThreadId);
        var below = await CallDownAsync(chain);
        return [nested, .. below];
    }

    // Marks this turn's thread as making a call for as long as the call runs synchronously, so
    // a callee that starts on it can tell it is nested in this turn.
    private Task<T> CallMarked<T>(Func<IInlineProbeGrain, Task<T>> call, string other)
    {
        var key = this.GetPrimaryKeyString();
        var callee = GrainFactory.GetGrain<IInlineProbeGrain>(other);
        s_callingThreads[key] = Environment.CurrentManagedThreadId;
        try
        {
            return call(callee);
        }
        finally
        {
            s_callingThreads.TryRemove(key, out _);
        }
    }

    public Task DeactivateHeldAsync()
    {
        _holdDeactivation = true;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<InlineStats> GetStatsAsync() =>
        Task.FromResult(new InlineStats(_counters.Calls, _inlineCalls, _counters.MaxRequestsInFlight, _counters.MaxTurnsAtOnce, _counters.SchedulerEscapes));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_holdDeactivation)
        {
            var key = this.GetPrimaryKeyString();
            journal.Record($"deactivating:{key}");
            await journal.WaitForAsync($"release:{key}", TimeSpan.FromSeconds(30));
        }
    }
}

public sealed class InlineProbeGrain(LifecycleJournal journal) : InlineProbe(journal), IInlineProbeGrain;

[Reentrant]
public sealed class ReentrantInlineProbeGrain(LifecycleJournal journal) : InlineProbe(journal), IReentrantInlineProbeGrain;
