using Microsoft.Extensions.Hosting;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>Starts the silo with the host and runs its graceful shutdown when the host stops (SIGTERM included).</summary>
internal sealed class SiloHostedService(Silo silo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
}
