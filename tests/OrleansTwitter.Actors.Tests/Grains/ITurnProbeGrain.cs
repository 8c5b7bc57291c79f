using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Measures how an activation's requests and turns overlap.</summary>
public interface ITurnProbeGrain : IGrainWithStringKey
{
    /// <summary>Runs <paramref name="awaits"/> awaits, each resuming on the activation.</summary>
    Task EnterAsync(int awaits);

    Task<TurnStats> GetStatsAsync();
}

/// <summary>
/// The reentrant twin of <see cref="ITurnProbeGrain"/>. It repeats the methods rather than
/// deriving, so that each interface has exactly one implementing grain class.
/// </summary>
public interface IReentrantTurnProbeGrain : IGrainWithStringKey
{
    Task EnterAsync(int awaits);

    Task<TurnStats> GetStatsAsync();
}

public sealed record TurnStats(int Calls, int MaxRequestsInFlight, int MaxTurnsAtOnce, int SchedulerEscapes);
