using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrleansTwitter.Hosting.Storage;

/// <summary>Registers the <c>File</c> grain storage provider.</summary>
public static class FileGrainStorageExtensions
{
    /// <summary>Adds a <c>File</c> grain storage provider named <paramref name="name"/>.</summary>
    public static IServiceCollection AddFileGrainStorage(this IServiceCollection services, string name, FileGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            throw new ArgumentException("The File storage needs a folder.", nameof(options));
        }

        return services.AddGrainStorage(name, (sp, key) => new FileGrainStorage(
            key,
            options,
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileGrainStorage>>()));
    }
}
