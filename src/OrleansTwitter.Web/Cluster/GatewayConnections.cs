namespace OrleansTwitter.Web.Cluster;

/// <summary>
/// How many of the cluster's gateways this web front end's client is connected to, as Orleans
/// reports it; the readiness check reads it.
/// </summary>
internal sealed class GatewayConnections : IClusterConnectionStatusObserver
{
    private int _connected;

    /// <summary>Gateways connected now; -1 until the client has reported.</summary>
    public int Connected => Volatile.Read(ref _connected);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref _connected, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref _connected, 0);
}
