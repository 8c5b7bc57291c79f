using OrleansTwitter.Testing.Servers;

namespace OrleansTwitter.Hosting.Tests.Startup;

/// <summary>One Azurite (blob and queue services, in memory) for a test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    internal AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(AzuriteProcess.ExecutableFor(typeof(AzuriteFixture).Assembly));

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
