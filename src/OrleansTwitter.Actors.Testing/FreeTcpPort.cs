using System.Net;
using System.Net.Sockets;

namespace OrleansTwitter.Actors.Testing;

/// <summary>Loopback ports nobody listens on, so parallel tests never collide.</summary>
public static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
