namespace OrleansTwitter.Silo;

/// <summary>
/// Runs the silo's graceful shutdown at the very start of the host's stop, before any hosted
/// service stops, so the HTTP port still answers while the silo leaves the cluster: Kubernetes
/// and operators see <c>/health/ready</c> turn 503 and metrics keep flowing, instead of the
/// port refusing connections until the silo is gone.
/// </summary>
/// <remarks>
/// Hosted services stop in reverse order of registration, and the web server registers last,
/// so without this it would stop first. <see cref="Orleans.Runtime.Silo.StopAsync"/> is idempotent:
/// when Orleans' own hosted service stops the silo afterwards, it finds it terminated.
/// </remarks>
internal sealed class SiloStopsFirst(Orleans.Runtime.Silo silo) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
