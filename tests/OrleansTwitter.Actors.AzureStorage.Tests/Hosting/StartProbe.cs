using Microsoft.Extensions.Hosting;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Hosting;

/// <summary>A hosted service registered after everything else: it runs only if the host's start got past the storage check.</summary>
internal sealed class StartProbe : IHostedService
{
    public bool Started { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Started = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
