using OrleansTwitter.Actors.AzureStorage;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Silo;

/// <summary>
/// Storage providers that live outside the runtime assembly, by their <c>Storage:Provider</c>
/// value; the runtime registers <c>File</c> and <c>Memory</c> itself.
/// </summary>
internal static class SiloStorageProviders
{
    public static readonly IReadOnlyDictionary<string, Action<ISiloBuilder, StorageSettings>> Additional =
        new Dictionary<string, Action<ISiloBuilder, StorageSettings>>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureBlob"] = static (silo, settings) => silo.Services.AddAzureBlobGrainStorage(GrainStorageNames.Default, options =>
            {
                options.ConnectionString = settings.ConnectionString;
                options.ContainerName = settings.Container;
            }),
        };
}
