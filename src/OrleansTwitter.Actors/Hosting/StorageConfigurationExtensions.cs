using Microsoft.Extensions.Configuration;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Hosting;

/// <summary>Registers the default grain storage provider that <c>Storage:*</c> configuration names.</summary>
public static class StorageConfigurationExtensions
{
    /// <summary>
    /// Reads <c>Storage:*</c> and registers the provider it names as the default. Providers
    /// that live in other assemblies (<c>AzureBlob</c>) are passed in <paramref name="additionalProviders"/>
    /// by the host that references them. An unknown or unavailable provider fails here, at
    /// start-up, with a message that lists what is available.
    /// </summary>
    public static StorageSettings AddGrainStorageFromConfiguration(
        this ISiloBuilder builder,
        IReadOnlyDictionary<string, Action<ISiloBuilder, StorageSettings>>? additionalProviders = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new StorageSettings();
        builder.Configuration.GetSection(StorageSettings.SectionName).Bind(settings);

        var providers = new Dictionary<string, Action<ISiloBuilder, StorageSettings>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Memory"] = static (silo, _) => silo.Services.AddMemoryGrainStorage(GrainStorageNames.Default),
            ["File"] = static (silo, s) => silo.Services.AddFileGrainStorage(GrainStorageNames.Default, o => o.RootPath = s.Path),
        };
        foreach (var (name, register) in additionalProviders ?? new Dictionary<string, Action<ISiloBuilder, StorageSettings>>())
        {
            providers[name] = register;
        }

        if (!providers.TryGetValue(settings.Provider, out var chosen))
        {
            var known = string.Join(", ", providers.Keys.Order(StringComparer.Ordinal));
            var hint = string.Equals(settings.Provider, "AzureBlob", StringComparison.OrdinalIgnoreCase)
                ? " AzureBlob needs a host that references OrleansTwitter.Actors.AzureStorage."
                : string.Empty;
            throw new InvalidOperationException(
                $"{StorageSettings.SectionName}:{nameof(StorageSettings.Provider)} is '{settings.Provider}', which this host does not support. Use one of: {known}.{hint}");
        }

        chosen(builder, settings);
        return settings;
    }
}
