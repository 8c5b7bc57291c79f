using Microsoft.Extensions.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>The operator contract's <c>Cluster:*</c> keys (DESIGN.md, "Operator contract").</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary><c>Cluster:Mode</c> (web front end only): <c>Embedded</c> (a silo in the web process) or <c>Client</c>.</summary>
    /// <value><c>Embedded</c>.</value>
    public string Mode { get; set; } = "Embedded";

    /// <summary><c>Cluster:ClusterId</c>: the cluster to form or join.</summary>
    /// <value><c>dev</c>.</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary><c>Cluster:ServiceId</c>: keys stored state; never changes for a deployment.</summary>
    /// <value><c>orleanstwitter</c>.</value>
    public string ServiceId { get; set; } = "orleanstwitter";

    /// <summary><c>Cluster:Membership</c>: <c>InMemory</c> (localhost clustering) or <c>Redis</c>.</summary>
    /// <value><c>InMemory</c>.</value>
    public string Membership { get; set; } = "InMemory";

    /// <summary><c>Cluster:Gateways</c>: a client's gateways, <c>host:port,...</c>, when there is no shared membership table.</summary>
    /// <value>empty.</value>
    public string Gateways { get; set; } = string.Empty;

    public bool IsEmbedded => string.Equals(Mode, "Embedded", StringComparison.OrdinalIgnoreCase);

    public bool IsClient => string.Equals(Mode, "Client", StringComparison.OrdinalIgnoreCase);

    public bool UsesRedis => string.Equals(Membership, "Redis", StringComparison.OrdinalIgnoreCase);

    public bool UsesInMemory => string.Equals(Membership, "InMemory", StringComparison.OrdinalIgnoreCase);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        if (!settings.UsesRedis && !settings.UsesInMemory)
        {
            throw new OperatorConfigurationException($"Cluster:Membership is '{settings.Membership}'; use InMemory or Redis.");
        }

        if (string.IsNullOrWhiteSpace(settings.ClusterId))
        {
            throw new OperatorConfigurationException("Cluster:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(settings.ServiceId))
        {
            throw new OperatorConfigurationException("Cluster:ServiceId must not be empty.");
        }

        return settings;
    }
}
