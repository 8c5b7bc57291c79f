namespace OrleansTwitter.Hosting;

/// <summary>
/// How long the silo host and the web front end give their graceful shutdown after SIGTERM
/// (<c>HostOptions.ShutdownTimeout</c>): Orleans closes the gateway, marks the silo
/// <c>ShuttingDown</c> and deactivates its grains, which write their state. One value, because
/// Kubernetes' <c>terminationGracePeriodSeconds</c> (k8s/) must exceed it, and a test checks that.
/// </summary>
public static class HostShutdown
{
    /// <summary>The host's shutdown timeout: 45 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);
}
