using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OrleansTwitter.Actors.Persistence;

/// <summary>
/// Registers grain storage providers as keyed singletons of <see cref="IGrainStorage"/>, keyed
/// by provider name, which is what <c>[PersistentState("state", "name")]</c> refers to.
/// </summary>
public static class GrainStorageServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="MemoryGrainStorage"/> named <paramref name="name"/>.</summary>
    public static IServiceCollection AddMemoryGrainStorage(this IServiceCollection services, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new MemoryGrainStorage(name, LoggerFor<MemoryGrainStorage>(provider)));
        return services;
    }

    /// <summary>
    /// Adds a <see cref="FileGrainStorage"/> named <paramref name="name"/>, with options named
    /// after it (configure them here or with <c>services.Configure&lt;FileGrainStorageOptions&gt;(name, ...)</c>).
    /// Invalid options fail at startup, or when the provider is first resolved outside a host.
    /// </summary>
    public static IServiceCollection AddFileGrainStorage(
        this IServiceCollection services, string name, Action<FileGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var options = services.AddOptions<FileGrainStorageOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileGrainStorageOptions>, FileGrainStorageOptionsValidator>());
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => new FileGrainStorage(
            name,
            provider.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(name),
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            LoggerFor<FileGrainStorage>(provider)));
        return services;
    }

    // Hosts always register logging; a bare service collection (a test, a tool) still works.
    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
