namespace OrleansTwitter.Web.Hosting;

/// <summary>The operator contract's <c>Cluster:*</c> keys as the web front end reads them.</summary>
internal sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary><c>Cluster:Mode</c>: <c>Embedded</c> (a silo in this process) or <c>Client</c> (connect to a cluster).</summary>
    /// <value><c>Embedded</c>.</value>
    public string Mode { get; set; } = "Embedded";

    /// <summary><c>Cluster:ClusterId</c>: the cluster to join (client mode, with a shared membership table).</summary>
    /// <value><c>dev</c>.</value>
    public string ClusterId { get; set; } = "dev";

    /// <summary><c>Cluster:Membership</c>: <c>InMemory</c> or <c>Redis</c>. The embedded silo is always alone, so <c>InMemory</c>.</summary>
    /// <value><c>InMemory</c>.</value>
    public string Membership { get; set; } = "InMemory";

    /// <summary><c>Cluster:Gateways</c>: client mode without a shared membership table, <c>host:port,...</c>.</summary>
    /// <value>empty.</value>
    public string Gateways { get; set; } = string.Empty;

    public bool IsEmbedded => string.Equals(Mode, "Embedded", StringComparison.OrdinalIgnoreCase);

    public bool IsClient => string.Equals(Mode, "Client", StringComparison.OrdinalIgnoreCase);
}
