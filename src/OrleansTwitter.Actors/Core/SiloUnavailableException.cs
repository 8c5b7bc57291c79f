namespace OrleansTwitter.Actors.Core;

/// <summary>
/// The silo that should run a call is dead, unreachable or shutting down. Thrown promptly,
/// never after waiting out the response timeout. A call that fails this way before it was
/// dispatched did not execute.
/// </summary>
public class SiloUnavailableException : Exception
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
