using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage;

/// <summary>Registers <see cref="AzureBlobGrainStorage"/> providers.</summary>
public static class AzureBlobGrainStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds an <see cref="AzureBlobGrainStorage"/> named <paramref name="name"/> as a keyed
    /// <see cref="IGrainStorage"/>, with options named after it (configure them here or with
    /// <c>services.Configure&lt;AzureBlobGrainStorageOptions&gt;(name, ...)</c>). In a host, invalid
    /// options and an account that rejects the credentials or cannot be reached fail the host's
    /// start, before the silo starts, with a message saying what is wrong.
    /// </summary>
    public static IServiceCollection AddAzureBlobGrainStorage(
        this IServiceCollection services, string name, Action<AzureBlobGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var options = services.AddOptions<AzureBlobGrainStorageOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobGrainStorageOptions>, AzureBlobGrainStorageOptionsValidator>());
        services.AddKeyedSingleton(name, (provider, _) => new AzureBlobGrainStorage(
            name,
            provider.GetRequiredService<IOptionsMonitor<AzureBlobGrainStorageOptions>>().Get(name),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILogger<AzureBlobGrainStorage>>() ?? NullLogger<AzureBlobGrainStorage>.Instance));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => provider.GetRequiredKeyedService<AzureBlobGrainStorage>(key));

        // Not AddHostedService: it keeps one registration per implementation type, and each
        // named provider needs its own check.
        services.AddSingleton<IHostedService>(provider => new AzureBlobGrainStorageStartup(provider.GetRequiredKeyedService<AzureBlobGrainStorage>(name)));
        return services;
    }
}
