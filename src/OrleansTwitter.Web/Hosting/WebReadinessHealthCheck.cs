using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTwitter.Web.Hosting;

/// <summary>
/// Ready once the host has started and until it begins to stop, so a load balancer sends no new
/// requests to an instance that is starting or shutting down.
/// </summary>
internal sealed class WebReadinessHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("The web front end is shutting down.")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Unhealthy("The web front end is starting.")
            : HealthCheckResult.Healthy("The web front end is serving."));
}
