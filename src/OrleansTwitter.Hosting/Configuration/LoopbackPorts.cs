using System.Net;
using System.Net.Sockets;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>
/// A free TCP port on the loopback address, for the embedded silo when <c>Silo:Port</c> is not
/// set: it serves only its own process, so a fixed port would only keep two web front ends on
/// one machine (or in one test run) from starting. Orleans needs a concrete port to advertise,
/// so port 0 will not do; the port is released a moment before the silo binds it.
/// </summary>
internal static class LoopbackPorts
{
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
