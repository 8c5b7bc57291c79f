namespace OrleansTwitter.Actors.Client;

/// <summary>How a cluster client finds and uses gateways.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>
    /// Static gateways (<c>Cluster:Gateways</c>, <c>host:port,...</c>). When empty, gateways come from
    /// the membership table (the silos' gateway ports).
    /// </summary>
    /// <value>empty.</value>
    public List<string> Gateways { get; set; } = [];

    /// <summary>How often the gateway list is re-read and lost gateways reconnected.</summary>
    /// <value>1 second.</value>
    public TimeSpan GatewayRefreshPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long connecting to a gateway may take.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long start-up waits for a first gateway before it fails with the reason.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Parses <c>host:port</c> entries, failing with a message that names the bad one.</summary>
    internal IReadOnlyList<(string Host, int Port)> ParsedGateways() => [.. Gateways.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Parse)];

    private static (string Host, int Port) Parse(string entry)
    {
        var colon = entry.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(entry.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"Cluster:Gateways entry '{entry}' is not host:port with a port between 1 and 65535.");
        }

        return (entry[..colon], port);
    }
}
