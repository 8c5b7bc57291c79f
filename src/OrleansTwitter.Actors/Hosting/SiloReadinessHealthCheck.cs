using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>Ready while the silo is <see cref="SiloStatus.Active"/>: not while starting, and not once it is shutting down.</summary>
public sealed class SiloReadinessHealthCheck(Silo silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.Status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo is {silo.Status}; {silo.ActivationCount} activations.")
            : HealthCheckResult.Unhealthy($"Silo is {silo.Status}."));
}
