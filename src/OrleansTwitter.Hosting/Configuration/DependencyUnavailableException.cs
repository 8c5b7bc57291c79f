namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// A server the configuration names (Redis, the storage account) did not answer at start-up.
/// The message is one line that names the key. Hosts print it and exit with code 3: unlike bad
/// configuration, a restart may succeed once the server is back.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException()
    {
    }

    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code of a process that stops because a dependency is unreachable.</summary>
    public const int ExitCode = 3;
}
