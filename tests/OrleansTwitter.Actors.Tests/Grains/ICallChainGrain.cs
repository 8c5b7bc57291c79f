using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

/// <summary>Grains that call each other, to test reentrancy and call-chain deadlocks.</summary>
public interface ICallChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>.BounceAsync(this), which calls back this grain's PingAsync.</summary>
    Task<string> StartCycleAsync(string next);

    /// <summary>Calls <paramref name="next"/>.BounceInterleavedAsync(this), which calls back this grain's InterleavedPingAsync.</summary>
    Task<string> StartInterleavedCycleAsync(string next);

    Task<string> BounceAsync(string caller);

    Task<string> BounceInterleavedAsync(string caller);

    Task<string> PingAsync();

    [AlwaysInterleave]
    Task<string> InterleavedPingAsync();

    /// <summary>Waits until <see cref="ReleaseAsync"/> is called.</summary>
    Task<int> HoldAsync();

    [AlwaysInterleave]
    Task ReleaseAsync();

    Task<int> NextSequenceAsync();

    /// <summary>Calls a faulty grain's HangAsync, which never returns.</summary>
    Task CallHangingAsync(Guid faulty);
}

/// <summary>The same calls on a [Reentrant] grain.</summary>
public interface IReentrantCallChainGrain : IGrainWithStringKey
{
    Task<string> StartCycleAsync(string next);

    Task<string> BounceAsync(string caller);

    Task<string> PingAsync();
}
