using Microsoft.Extensions.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>The operator contract's <c>Silo:*</c> keys.</summary>
public sealed class SiloSettings
{
    public const string SectionName = "Silo";

    /// <summary><c>Silo:Host</c>: the address the silo binds and advertises (an IP address or a host name).</summary>
    /// <value><c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary><c>Silo:Port</c>: silo-to-silo traffic.</summary>
    /// <value>11111.</value>
    public int Port { get; set; } = 11111;

    /// <summary><c>Silo:GatewayPort</c>: cluster clients.</summary>
    /// <value>30000.</value>
    public int GatewayPort { get; set; } = 30000;

    /// <summary><c>Silo:HttpPort</c>: health, metrics and the dashboard (internal).</summary>
    /// <value>8080.</value>
    public int HttpPort { get; set; } = 8080;

    public static SiloSettings From(IConfiguration configuration)
    {
        SiloSettings settings;
        try
        {
            settings = configuration.GetSection(SectionName).Get<SiloSettings>() ?? new SiloSettings();
        }
        catch (InvalidOperationException invalid)
        {
            throw new OperatorConfigurationException($"A Silo:* value is not a number where one is needed: {invalid.Message}", invalid);
        }

        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new OperatorConfigurationException("Silo:Host must not be empty.");
        }

        foreach (var (name, port) in new[] { ("Port", settings.Port), ("GatewayPort", settings.GatewayPort), ("HttpPort", settings.HttpPort) })
        {
            if (port is < 1 or > 65535)
            {
                throw new OperatorConfigurationException($"Silo:{name} must be a TCP port between 1 and 65535; it is {port}.");
            }
        }

        return settings;
    }
}
