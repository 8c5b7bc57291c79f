using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace OrleansTwitter.Hosting.Health;

/// <summary>
/// Ready while this silo is <see cref="SiloStatus.Active"/> in the cluster's membership view:
/// not while it is joining or starting, and not from the moment the host is told to stop (before Orleans
/// even marks the silo <c>ShuttingDown</c>), so a load balancer or Kubernetes stops sending it
/// work before its grains move away.
/// </summary>
public sealed class SiloReadinessHealthCheck(IServiceProvider services, ILocalSiloDetails localSilo, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is shutting down."));
        }

        // Active in the membership table comes a moment before the silo's start-up has run its
        // last stages (grain services, the dashboard): ready means started.
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is starting."));
        }

        // Resolved per check: the membership service exists once the silo has been built.
        var status = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}."));
    }
}
