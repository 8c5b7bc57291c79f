namespace OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;

/// <summary>One in-memory Azurite shared by the tests of a class; every test uses its own grain keys.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => Azurite.ConnectionString;

    internal AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    internal static string Executable => AzuriteProcess.ExecutableFor(typeof(AzuriteFixture).Assembly);

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(Executable);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
