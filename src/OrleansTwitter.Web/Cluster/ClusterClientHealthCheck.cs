using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTwitter.Web.Cluster;

/// <summary>Client mode: ready while at least one gateway of the cluster is connected.</summary>
internal sealed class ClusterClientHealthCheck(GatewayConnections gateways) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(gateways.Connected > 0
            ? HealthCheckResult.Healthy($"Connected to {gateways.Connected} gateway(s) of the cluster.")
            : HealthCheckResult.Unhealthy("No gateway of the cluster is connected."));
}
