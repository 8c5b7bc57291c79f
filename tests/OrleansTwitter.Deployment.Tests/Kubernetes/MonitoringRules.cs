using System.Text.Json.Nodes;

namespace OrleansTwitter.Deployment.Tests.Kubernetes;

/// <summary>The PromQL the monitoring component ships: the alert rules' and the dashboard's expressions.</summary>
internal static class MonitoringRules
{
    /// <summary>Each alert's expression, by alert name.</summary>
    public static Dictionary<string, string> Expressions(Manifests manifests) =>
        manifests.OfKind("PrometheusRule").Single()["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray())
            .Select(r => r!.AsObject())
            .ToDictionary(r => (string)r["alert"]!, r => (string)r["expr"]!);

    /// <summary>Every panel target's expression in a Grafana dashboard.</summary>
    public static List<string> DashboardExpressions(string dashboardJson) =>
        JsonNode.Parse(dashboardJson)!["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => (string)t!["expr"]!)
            .ToList();
}
