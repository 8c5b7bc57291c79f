using System.Net;
using System.Net.Sockets;

namespace OrleansTwitter.Testing.Servers;

/// <summary>
/// Loopback ports nobody listens on, for servers a test or tool starts (silos, redis-server,
/// Azurite, web hosts). A port is only free when it is picked: the server binds it moments
/// later, so the pick avoids the ports most likely to be taken meanwhile.
/// </summary>
/// <remarks>
/// Ports are drawn at random from <see cref="FirstPort"/>–<see cref="LastPort"/>, below the
/// range the operating system hands out for outbound connections (32768–60999 on Linux,
/// 49152–65535 on Windows and macOS). A port the system picked (bind to port 0) comes from that
/// range, and a connection opened between the pick and the server's bind can take it: fresh-clone
/// CI failed once on exactly that. Each candidate is checked by binding it.
/// </remarks>
public static class FreeTcpPort
{
    /// <summary>The lowest port picked.</summary>
    public const int FirstPort = 20000;

    /// <summary>The highest port picked.</summary>
    public const int LastPort = 32767;

    // Enough that a busy range still yields a port; past it the system picks one.
    internal const int Attempts = 64;

    /// <summary>A loopback port that nobody was listening on as this returned.</summary>
    public static int Next() => Next(static () => Random.Shared.Next(FirstPort, LastPort + 1));

    /// <summary><see cref="Next()"/> with the candidates drawn from <paramref name="candidates"/>.</summary>
    internal static int Next(Func<int> candidates)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var candidate = candidates();
            if (CanListenOn(candidate))
            {
                return candidate;
            }
        }

        return PickedBySystem();
    }

    private static bool CanListenOn(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            // Someone listens there, or it is reserved: try another.
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static int PickedBySystem()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
