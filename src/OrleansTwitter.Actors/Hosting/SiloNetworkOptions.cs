namespace OrleansTwitter.Actors.Hosting;

/// <summary>
/// Where a clustered silo listens (the operator contract's <c>Silo:Host</c>, <c>Silo:Port</c>,
/// <c>Silo:GatewayPort</c>). With <see cref="Port"/> 0 the silo is not networked: it runs alone
/// in its process, as the embedded default does.
/// </summary>
public sealed class SiloNetworkOptions
{
    /// <summary>The address the silo binds and advertises to the cluster.</summary>
    /// <value><c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Silo-to-silo port; 0 for a silo that is not networked.</summary>
    /// <value>0.</value>
    public int Port { get; set; }

    /// <summary>Port for cluster clients; 0 for none.</summary>
    /// <value>0.</value>
    public int GatewayPort { get; set; }

    /// <summary>
    /// How long a leaving silo keeps refusing (rather than ignoring) calls after announcing it
    /// is shutting down, so callers with a stale view re-route instead of failing to connect.
    /// </summary>
    /// <value>2 seconds.</value>
    public TimeSpan ShutdownLinger { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After the linger, how long a leaving silo waits for the calls it still has in flight (its
    /// own, and requests it forwarded to a new owner) before it closes its connections, which
    /// fails whatever is left with <see cref="Core.SiloUnavailableException"/>.
    /// </summary>
    /// <value>5 seconds.</value>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsNetworked => Port > 0;
}
