using System.Net;
using System.Net.Sockets;

namespace OrleansTwitter.LoadGen.Processes;

/// <summary>A loopback TCP port nobody listens on now, so a run never collides with servers already running.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
