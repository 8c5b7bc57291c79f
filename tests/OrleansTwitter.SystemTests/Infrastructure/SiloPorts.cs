using System.Globalization;
using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>A silo's three ports (operator contract: <c>Silo:Port</c>, <c>Silo:GatewayPort</c>, <c>Silo:HttpPort</c>), free on loopback when picked.</summary>
internal sealed record SiloPorts(int Port, int GatewayPort, int HttpPort)
{
    public static SiloPorts Free() => new(FreeTcpPort.Next(), FreeTcpPort.Next(), FreeTcpPort.Next());

    /// <summary>The command-line settings for these ports, on 127.0.0.1.</summary>
    public string[] Arguments =>
    [
        "--Silo:Host=127.0.0.1",
        $"--Silo:Port={Invariant(Port)}",
        $"--Silo:GatewayPort={Invariant(GatewayPort)}",
        $"--Silo:HttpPort={Invariant(HttpPort)}",
    ];

    /// <summary>The silo's address as Orleans writes it, without the generation: <c>127.0.0.1:port</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Invariant(Port)}";

    public Uri HttpAddress => new($"http://127.0.0.1:{Invariant(HttpPort)}");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
