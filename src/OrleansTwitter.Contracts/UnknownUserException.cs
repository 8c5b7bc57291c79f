namespace OrleansTwitter.Contracts;

/// <summary>
/// An operation named a handle that no user has registered. The web tier answers it with 404.
/// Create it with <see cref="ForHandle"/>; the (string message) constructor is the one a remote
/// caller's runtime uses to recreate it from its message.
/// </summary>
public sealed class UnknownUserException : Exception
{
    public UnknownUserException()
        : base("No user has that handle.")
    {
    }

    public UnknownUserException(string message)
        : base(message)
    {
    }

    public UnknownUserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The handle that was asked for, as given; null when the exception came from another process.</summary>
    public string? Handle { get; private init; }

    /// <summary>The exception for <paramref name="handle"/>, with a message that names it.</summary>
    public static UnknownUserException ForHandle(string handle) =>
        new($"No user has the handle '{handle}'.") { Handle = handle };
}
