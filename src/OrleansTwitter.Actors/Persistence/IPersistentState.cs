namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// A grain's durable state, injected into its constructor with <c>[PersistentState]</c>.
/// The runtime reads it before <c>OnActivateAsync</c>. Writes are conditional on
/// <see cref="Etag"/>: a write based on a stale read throws
/// <see cref="InconsistentStateException"/> and never overwrites a newer value.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read or written at; null when none exists.</summary>
    string? Etag { get; }

    /// <summary>True when storage holds a record for this state.</summary>
    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
