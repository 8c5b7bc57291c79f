using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansTwitter.Actors.Client;

namespace OrleansTwitter.Web.Hosting;

/// <summary>Client mode: ready while at least one gateway of the cluster is connected.</summary>
internal sealed class ClusterClientHealthCheck(ClusterClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var gateways = client.ConnectedGateways;
        return Task.FromResult(gateways.Count > 0
            ? HealthCheckResult.Healthy($"Connected to {string.Join(", ", gateways)}.")
            : HealthCheckResult.Unhealthy("No gateway of the cluster is connected."));
    }
}
