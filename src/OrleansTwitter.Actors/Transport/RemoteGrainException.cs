namespace OrleansTwitter.Actors.Transport;

/// <summary>
/// An exception thrown in another process whose type this process could not recreate. The
/// original type's name and message are kept, so the caller still learns what went wrong.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    public RemoteGrainException()
    {
    }

    public RemoteGrainException(string message)
        : base(message)
    {
    }

    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RemoteGrainException(string originalType, string message)
        : base($"{originalType}: {message}")
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type thrown remotely.</summary>
    public string? OriginalType { get; }
}
