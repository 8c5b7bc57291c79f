using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Tests.Grains;

public sealed class CallChainGrain(LifecycleJournal? journal = null) : Grain, ICallChainGrain
{
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;

    public Task<string> StartCycleAsync(string next) =>
        GrainFactory.GetGrain<ICallChainGrain>(next).BounceAsync(this.GetPrimaryKeyString());

    public Task<string> StartInterleavedCycleAsync(string next) =>
        GrainFactory.GetGrain<ICallChainGrain>(next).BounceInterleavedAsync(this.GetPrimaryKeyString());

    public async Task<string> BounceAsync(string caller) =>
        "bounced:" + await GrainFactory.GetGrain<ICallChainGrain>(caller).PingAsync();

    public async Task<string> BounceInterleavedAsync(string caller) =>
        "bounced:" + await GrainFactory.GetGrain<ICallChainGrain>(caller).InterleavedPingAsync();

    public Task<string> PingAsync() => Task.FromResult("pong:" + this.GetPrimaryKeyString());

    public Task<string> InterleavedPingAsync() => Task.FromResult("ipong:" + this.GetPrimaryKeyString());

    public async Task<int> HoldAsync()
    {
        journal?.Record($"hold:{this.GetPrimaryKeyString()}");
        await _released.Task;
        _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return ++_sequence;
    }

    public Task ReleaseAsync()
    {
        _released.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<int> NextSequenceAsync() => Task.FromResult(++_sequence);

    public Task CallHangingAsync(Guid faulty) => GrainFactory.GetGrain<IFaultyGrain>(faulty).HangAsync();
}

[Reentrant]
public sealed class ReentrantCallChainGrain : Grain, IReentrantCallChainGrain
{
    public Task<string> StartCycleAsync(string next) =>
        GrainFactory.GetGrain<IReentrantCallChainGrain>(next).BounceAsync(this.GetPrimaryKeyString());

    public async Task<string> BounceAsync(string caller) =>
        "bounced:" + await GrainFactory.GetGrain<IReentrantCallChainGrain>(caller).PingAsync();

    public Task<string> PingAsync() => Task.FromResult("pong:" + this.GetPrimaryKeyString());
}
