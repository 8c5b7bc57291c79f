namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// A conditional write lost its condition: the stored record changed since this state was
/// read (another activation or process wrote it). Nothing was stored. The runtime
/// deactivates the activation that hit it, so the next call reloads fresh state.
/// </summary>
public class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag the store holds, when the provider knows it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the write was based on.</summary>
    public string? CurrentEtag { get; }
}
