using System.Text.Json.Nodes;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The operator contract's keys (DESIGN.md, docs/operations.md) in their environment-variable form, Section__Key.</summary>
internal static class OperatorContract
{
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "Cluster__Mode", "Cluster__ClusterId", "Cluster__ServiceId", "Cluster__Membership", "Cluster__Gateways",
        "Redis__ConnectionString",
        "Silo__Host", "Silo__Port", "Silo__GatewayPort", "Silo__HttpPort",
        "Storage__Provider", "Storage__Path", "Storage__ConnectionString", "Storage__Container",
        "Streams__Provider", "Streams__ConnectionString",
    };

    /// <summary>The data of a rendered ConfigMap or Secret (a Secret's values base64-decoded).</summary>
    public static Dictionary<string, string> Data(JsonObject resource)
    {
        var secret = Manifests.Kind(resource) == "Secret";
        return resource["data"]!.AsObject().ToDictionary(
            d => d.Key,
            d => secret ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)d.Value!)) : d.Value!.ToString());
    }
}
