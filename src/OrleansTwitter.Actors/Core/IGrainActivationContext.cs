using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Core;

/// <summary>
/// What a grain's constructor may draw on while the runtime creates it. Generated grain
/// factories resolve <c>[PersistentState]</c> parameters through
/// <see cref="GetPersistentState{TState}"/> and every other parameter from
/// <see cref="ActivationServices"/>.
/// </summary>
public interface IGrainActivationContext
{
    GrainId GrainId { get; }

    IServiceProvider ActivationServices { get; }

    /// <summary>
    /// The persistent state named <paramref name="stateName"/>, kept in the storage provider
    /// <paramref name="storageName"/> (the default provider when null). The runtime loads it
    /// before <c>OnActivateAsync</c>.
    /// </summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName)
        where TState : new();
}
