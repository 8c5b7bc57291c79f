namespace OrleansTwitter.Silo;

/// <summary>The operator contract's <c>Silo:*</c> keys (DESIGN.md, "Operator contract").</summary>
internal sealed class SiloEndpointSettings
{
    public const string SectionName = "Silo";

    /// <summary><c>Silo:Host</c>: the address the silo binds and advertises.</summary>
    /// <value><c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary><c>Silo:Port</c>: silo-to-silo traffic.</summary>
    /// <value>11111.</value>
    public int Port { get; set; } = 11111;

    /// <summary><c>Silo:GatewayPort</c>: cluster clients.</summary>
    /// <value>30000.</value>
    public int GatewayPort { get; set; } = 30000;

    /// <summary><c>Silo:HttpPort</c>: health (<c>/health/live</c>, <c>/health/ready</c>) and metrics.</summary>
    /// <value>8080.</value>
    public int HttpPort { get; set; } = 8080;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "Silo:Host must not be empty.";
        }

        foreach (var (name, port) in new[] { ("Port", Port), ("GatewayPort", GatewayPort), ("HttpPort", HttpPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"Silo:{name} must be a TCP port between 1 and 65535; it is {port}.";
            }
        }
    }
}
