using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Exercises activation, deactivation, timers and persistent state.</summary>
public interface ILifecycleGrain : IGrainWithIntegerKey
{
    /// <summary>The id of this activation (new for every activation) and the state it loaded.</summary>
    Task<ActivationInfo> GetInfoAsync();

    /// <summary>Sets the state's value, writing it only when <paramref name="write"/> is true.</summary>
    Task SetValueAsync(string value, bool write);

    Task DeactivateOnIdleAsync();

    Task DelayDeactivationAsync(TimeSpan duration);

    Task StartTimerAsync(TimeSpan period, bool keepAlive);

    Task<int> GetTicksAsync();
}

public sealed record ActivationInfo(Guid ActivationId, string ValueAtActivation, string Value, string? Etag);

public sealed class LifecycleState
{
    public string Value { get; set; } = "";
}
