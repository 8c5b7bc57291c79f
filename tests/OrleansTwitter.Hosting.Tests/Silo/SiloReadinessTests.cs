using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansTwitter.Hosting.Health;
using OrleansTwitter.Hosting.Tests.Infrastructure;

namespace OrleansTwitter.Hosting.Tests.Silo;

/// <summary><see cref="SiloReadinessHealthCheck"/> on a real embedded silo: ready only while the silo is active.</summary>
public sealed class SiloReadinessTests : IDisposable
{
    private static readonly TimeSpan StartStopBound = TimeSpan.FromSeconds(60);

    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_silo_is_not_ready_before_it_starts_and_ready_once_active()
    {
        using var host = Hosts.Build(builder => builder.AddOrleansTwitterSilo(embedded: true), ("Storage:Path", _data.Path));
        var check = ActivatorUtilities.CreateInstance<SiloReadinessHealthCheck>(host.Services);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        using (var start = new CancellationTokenSource(StartStopBound))
        {
            await host.StartAsync(start.Token);
        }

        var running = await check.CheckHealthAsync(new HealthCheckContext());
        using (var stop = new CancellationTokenSource(StartStopBound))
        {
            await host.StopAsync(stop.Token);
        }

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Contains("active", running.Description, StringComparison.Ordinal);
    }
}
