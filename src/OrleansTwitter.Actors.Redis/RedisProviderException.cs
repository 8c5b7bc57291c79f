namespace OrleansTwitter.Actors.Redis;

/// <summary>
/// A Redis-backed provider could not do what it was asked: Redis was unreachable, did not answer
/// in time, rejected the command, or held data the provider cannot read. The message names the
/// provider, the operation and the Redis endpoint (never the password); the inner exception is
/// the client's own error.
/// </summary>
/// <remarks>
/// When a write fails this way its outcome is unknown: Redis may have applied it before the
/// answer was lost. Callers find out by reading again.
/// </remarks>
public sealed class RedisProviderException : Exception
{
    public RedisProviderException()
    {
    }

    public RedisProviderException(string message)
        : base(message)
    {
    }

    public RedisProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
