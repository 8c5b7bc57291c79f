namespace OrleansTwitter.Actors.Persistence;

/// <summary>The state, ETag and existence flag that a storage provider reads and updates.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>A plain holder of grain state for storage providers and tests.</summary>
public sealed class GrainState<TState> : IGrainState<TState>
{
    public GrainState(TState state) => State = state;

    public TState State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
