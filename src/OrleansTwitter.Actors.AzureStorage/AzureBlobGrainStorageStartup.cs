using Microsoft.Extensions.Hosting;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>
/// Checks the provider's account while the host starts. It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, which the host awaits for every service
/// before it starts any (the silo, Kestrel), so a bad or unreachable account stops the start
/// before the silo accepts a single call.
/// </summary>
internal sealed class AzureBlobGrainStorageStartup(AzureBlobGrainStorage storage) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
