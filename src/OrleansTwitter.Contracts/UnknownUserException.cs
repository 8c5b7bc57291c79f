namespace OrleansTwitter.Contracts;

/// <summary>
/// An operation named a handle that no user has registered. The web tier answers it with 404.
/// </summary>
public sealed class UnknownUserException : Exception
{
    public UnknownUserException()
        : base("No user has that handle.")
    {
    }

    public UnknownUserException(string handle)
        : base($"No user has the handle '{handle}'.")
    {
        Handle = handle;
    }

    public UnknownUserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The handle that was asked for, as given.</summary>
    public string? Handle { get; }
}
