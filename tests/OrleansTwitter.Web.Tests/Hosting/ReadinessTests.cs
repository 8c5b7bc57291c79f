using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Tests.Hosting;

/// <summary><c>/health/ready</c> is 503 while the web front end starts and once it begins to stop.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_only_between_started_and_stopping()
    {
        var lifetime = new Lifetime();
        var check = new WebReadinessHealthCheck(lifetime);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        await lifetime.Started.CancelAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        await lifetime.Stopping.CancelAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }
}
