namespace OrleansTwitter.Actors.Core;

/// <summary>
/// A call closed a cycle back into a non-reentrant grain that is itself waiting for that
/// cycle to finish, so the call could only ever time out. The runtime detects this when the
/// call arrives and fails it at once instead of after the response timeout; it is a
/// <see cref="TimeoutException"/> so that code handling timeouts handles it too. The message
/// names the call chain.
/// </summary>
public class DeadlockException : TimeoutException
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
