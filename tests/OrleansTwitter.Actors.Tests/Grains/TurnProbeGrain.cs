using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Counts requests in flight and turns running at once (<see cref="TurnCounters"/>).</summary>
public abstract class TurnProbe : Grain
{
    private readonly TurnCounters _counters = new();

    public async Task EnterAsync(int awaits)
    {
        var scheduler = TaskScheduler.Current;
        _counters.RequestStarted();
        for (var i = 0; i < awaits; i++)
        {
            await _counters.TurnThenAwaitAsync(i, spin: 200, scheduler);
            _counters.StayedOn(scheduler);
        }

        _counters.RequestEnding();
    }

    public Task<TurnStats> GetStatsAsync() =>
        Task.FromResult(new TurnStats(_counters.Calls, _counters.MaxRequestsInFlight, _counters.MaxTurnsAtOnce, _counters.SchedulerEscapes));
}

[Reentrant]
public sealed class ReentrantTurnProbeGrain : TurnProbe, IReentrantTurnProbeGrain;

public sealed class TurnProbeGrain : TurnProbe, ITurnProbeGrain;
