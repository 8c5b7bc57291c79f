namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// A storage provider could not read or write a record for a reason other than a lost
/// condition: a corrupt file, an unreachable account, a payload too large. The message
/// names the record (a file path, a blob name) and the cause.
/// </summary>
public class GrainStorageException : Exception
{
    public GrainStorageException()
    {
    }

    public GrainStorageException(string message)
        : base(message)
    {
    }

    public GrainStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
