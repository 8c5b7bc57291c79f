namespace OrleansTwitter.Contracts;

/// <summary>
/// An operation named a handle that no user has registered. The web tier answers it with 404.
/// Create it with <see cref="ForHandle"/>. Orleans' serializer carries it, with its handle, to
/// callers in other processes.
/// </summary>
[GenerateSerializer, Alias("ot.UnknownUserException")]
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

    /// <summary>The handle that was asked for, as given.</summary>
    [Id(0)]
    public string? Handle { get; private init; }

    /// <summary>The exception for <paramref name="handle"/>, with a message that names it.</summary>
    public static UnknownUserException ForHandle(string handle) =>
        new($"No user has the handle '{handle}'.") { Handle = handle };
}
