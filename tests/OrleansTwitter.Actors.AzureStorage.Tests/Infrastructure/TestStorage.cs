using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Infrastructure;

/// <summary>Providers for tests, each under its own name so its metrics are its own.</summary>
internal static class TestStorage
{
    /// <summary>Tests share their Azurite's container; their grain keys keep them apart.</summary>
    public const string Container = "grains-tests";

    public static string NewName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    public static AzureBlobGrainStorage Create(string connectionString, string? name = null, Action<AzureBlobGrainStorageOptions>? configure = null)
    {
        var options = new AzureBlobGrainStorageOptions { ConnectionString = connectionString, ContainerName = Container };
        configure?.Invoke(options);
        return new AzureBlobGrainStorage(name ?? NewName("test"), options, TimeProvider.System, NullLogger<AzureBlobGrainStorage>.Instance);
    }
}
