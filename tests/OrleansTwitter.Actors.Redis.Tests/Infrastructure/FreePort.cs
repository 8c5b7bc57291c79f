using System.Net;
using System.Net.Sockets;

namespace OrleansTwitter.Actors.Redis.Tests.Infrastructure;

/// <summary>Finds a loopback TCP port nobody listens on, so parallel tests never collide.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
