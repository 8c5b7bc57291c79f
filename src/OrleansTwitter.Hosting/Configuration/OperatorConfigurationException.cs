namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// A value of the operator contract is wrong: the process cannot start until someone changes
/// it. The message is one line that names the key. Hosts print it and exit with code 2.
/// </summary>
public sealed class OperatorConfigurationException : Exception
{
    public OperatorConfigurationException()
    {
    }

    public OperatorConfigurationException(string message)
        : base(message)
    {
    }

    public OperatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code of a process that stops for bad configuration.</summary>
    public const int ExitCode = 2;
}
