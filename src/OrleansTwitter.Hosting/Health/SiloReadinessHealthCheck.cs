using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTwitter.Hosting.Health;

/// <summary>
/// Ready while this silo is <see cref="SiloStatus.Active"/> in the cluster's membership view:
/// not while it is joining, and not once it starts shutting down, so a load balancer or
/// Kubernetes stops sending it work before its grains move away.
/// </summary>
public sealed class SiloReadinessHealthCheck(IServiceProvider services, ILocalSiloDetails localSilo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Resolved per check: the membership service exists once the silo has been built.
        var status = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}."));
    }
}
