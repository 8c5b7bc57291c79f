using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Tests.Grains;

public interface IMissingStorageGrain : IGrainWithIntegerKey
{
    Task<string> GetAsync();
}

/// <summary>Names a storage provider that no silo registers.</summary>
public sealed class MissingStorageGrain([PersistentState("orphan", "NoSuchProvider")] IPersistentState<LifecycleState> state)
    : Grain, IMissingStorageGrain
{
    public Task<string> GetAsync() => Task.FromResult(state.State.Value);
}
