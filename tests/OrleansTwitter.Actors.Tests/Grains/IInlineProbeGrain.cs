using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Observes where and how a request runs, for the inline call path.</summary>
public interface IInlineProbeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reports on the first turn and, after <paramref name="awaits"/> awaits that each resume
    /// on the activation, returns. <paramref name="callerThread"/> is the calling thread's id.
    /// </summary>
    Task<InlineObservation> EnterAsync(int callerThread, int awaits);

    /// <summary>Throws <see cref="FaultyGrainException"/> in the first turn, from an async method.</summary>
    Task FailAsync(string message);

    /// <summary>Throws <see cref="ArgumentException"/> before returning a task at all.</summary>
    Task<int> FailSynchronously(string message);

    /// <summary>Returns <paramref name="value"/> doubled, after <paramref name="awaits"/> yields (none: synchronously).</summary>
    ValueTask<long> DoubleAsync(long value, int awaits);

    /// <summary>Faults its task with <see cref="FaultyGrainException"/> after an await.</summary>
    ValueTask<int> FailAfterAwaitAsync(string message);

    /// <summary>
    /// Calls <see cref="EnterAsync"/> with <paramref name="awaits"/> on the probe
    /// <paramref name="other"/> from inside this grain's turn.
    /// </summary>
    Task<InlineObservation> CallFromTurnAsync(string other, int awaits);

    /// <summary>
    /// Calls the first probe of <paramref name="chain"/> from this grain's turn, which calls the
    /// next, and so on; returns, for each probe of the chain in order, whether its turn ran
    /// nested inside its caller's turn on the caller's thread.
    /// </summary>
    Task<IReadOnlyList<bool>> CallDownAsync(IReadOnlyList<string> chain);

    /// <summary>Reports whether this turn runs nested in its caller's, then <see cref="CallDownAsync"/>.</summary>
    Task<IReadOnlyList<bool>> ReportNestingThenCallDownAsync(IReadOnlyList<string> chain);

    /// <summary>Deactivates after this call; OnDeactivateAsync journals "deactivating:key" and waits for "release:key".</summary>
    Task DeactivateHeldAsync();

    Task<InlineStats> GetStatsAsync();
}

/// <summary>The reentrant twin of <see cref="IInlineProbeGrain"/> (one grain class per interface).</summary>
public interface IReentrantInlineProbeGrain : IGrainWithStringKey
{
    Task<InlineObservation> EnterAsync(int callerThread, int awaits);

    Task<InlineStats> GetStatsAsync();
}

/// <summary>
/// What one request saw: whether its first turn ran on the caller's thread, whether its turn
/// was nested inside another grain's turn on the same thread, whether every await resumed on
/// the activation's scheduler, and the activation that ran it.
/// </summary>
public sealed record InlineObservation(bool RanOnCallerThread, bool NestedInCallersTurn, bool StayedOnScheduler, Guid ActivationId);

public sealed record InlineStats(int Calls, int InlineCalls, int MaxRequestsInFlight, int MaxTurnsAtOnce, int SchedulerEscapes);
