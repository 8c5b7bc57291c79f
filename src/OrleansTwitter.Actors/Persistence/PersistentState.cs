using System.Security.Cryptography;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// The runtime's <see cref="IPersistentState{TState}"/>: one named state of one activation,
/// bound to a storage provider. It remembers a fingerprint of what storage holds so that
/// deactivation writes the state only when the grain changed it without writing.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationState
    where TState : new()
{
    private readonly GrainId _grainId;
    private readonly IGrainStorage _storage;
    private readonly GrainState<TState> _grainState = new(new TState());
    private byte[]? _storedFingerprint;

    public PersistentState(string stateName, GrainId grainId, IGrainStorage storage)
    {
        StateName = stateName;
        _grainId = grainId;
        _storage = storage;
    }

    public string StateName { get; }

    public TState State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public bool IsDirty => _storedFingerprint is null
        ? !Fingerprint().AsSpan().SequenceEqual(FingerprintOf(new TState()))
        : !Fingerprint().AsSpan().SequenceEqual(_storedFingerprint);

    public async Task ReadStateAsync()
    {
        await _storage.ReadStateAsync(StateName, _grainId, _grainState);
        _storedFingerprint = _grainState.RecordExists ? Fingerprint() : null;
    }

    public async Task WriteStateAsync()
    {
        await _storage.WriteStateAsync(StateName, _grainId, _grainState);
        _storedFingerprint = Fingerprint();
    }

    public async Task ClearStateAsync()
    {
        await _storage.ClearStateAsync(StateName, _grainId, _grainState);
        _grainState.State = new TState();
        _storedFingerprint = null;
    }

    Task IActivationState.ReadAsync() => ReadStateAsync();

    Task IActivationState.WriteAsync() => WriteStateAsync();

    private byte[] Fingerprint() => FingerprintOf(_grainState.State);

    // The providers' own serializer: what counts as "changed" is what they would store.
    private byte[] FingerprintOf(TState state) =>
        SHA256.HashData(GrainStateJson.Serialize(state, StateName, _grainId));
}

/// <summary>What the activation needs of each of its persistent states.</summary>
internal interface IActivationState
{
    string StateName { get; }

    /// <summary>True when the state differs from what storage holds (or, with no record, from a new instance).</summary>
    bool IsDirty { get; }

    Task ReadAsync();

    Task WriteAsync();
}
