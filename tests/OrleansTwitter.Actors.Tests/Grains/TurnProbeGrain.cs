using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>
/// Counts requests in flight and turns running at once with interlocked counters, which is
/// exactly what the runtime's guarantees are about: a counter above one is a violation that
/// no lock in the grain could hide.
/// </summary>
public abstract class TurnProbe : Grain
{
    private int _calls;
    private int _requestsInFlight;
    private int _maxRequestsInFlight;
    private int _turnsRunning;
    private int _maxTurnsAtOnce;
    private int _schedulerEscapes;

    public async Task EnterAsync(int awaits)
    {
        var scheduler = TaskScheduler.Current;
        Interlocked.Increment(ref _calls);
        RecordMax(ref _maxRequestsInFlight, Interlocked.Increment(ref _requestsInFlight));
        for (var i = 0; i < awaits; i++)
        {
            BeginTurn();
            Thread.SpinWait(200);
            EndTurn();

            // Alternate an immediate yield with a real wait, so requests stay in flight long
            // enough for a reentrant grain to start others meanwhile.
            if (i % 2 == 0)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1);
            }

            if (TaskScheduler.Current != scheduler || scheduler == TaskScheduler.Default)
            {
                Interlocked.Increment(ref _schedulerEscapes);
            }
        }

        BeginTurn();
        Interlocked.Decrement(ref _requestsInFlight);
        EndTurn();
    }

    public Task<TurnStats> GetStatsAsync() =>
        Task.FromResult(new TurnStats(_calls, _maxRequestsInFlight, _maxTurnsAtOnce, _schedulerEscapes));

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

[Reentrant]
public sealed class ReentrantTurnProbeGrain : TurnProbe, IReentrantTurnProbeGrain;

public sealed class TurnProbeGrain : TurnProbe, ITurnProbeGrain;
