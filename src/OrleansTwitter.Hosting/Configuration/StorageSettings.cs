using Microsoft.Extensions.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>The operator contract's <c>Storage:*</c> keys: the grain storage every grain and the stream pub-sub store use.</summary>
public sealed class StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary><c>Storage:Provider</c>: <c>File</c>, <c>Memory</c> or <c>AzureBlob</c>.</summary>
    /// <value><c>File</c>.</value>
    public string Provider { get; set; } = "File";

    /// <summary><c>Storage:Path</c>: the folder of the <c>File</c> provider, relative to the working directory.</summary>
    /// <value><c>./data</c>.</value>
    public string Path { get; set; } = "./data";

    /// <summary><c>Storage:ConnectionString</c>: the Azure Storage account of <c>AzureBlob</c> (and of <c>AzureQueue</c> streams by default).</summary>
    /// <value><c>UseDevelopmentStorage=true</c> (Azurite on its default ports).</value>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary><c>Storage:Container</c>: the blob container of <c>AzureBlob</c>.</summary>
    /// <value><c>grains</c>.</value>
    public string Container { get; set; } = "grains";

    public static readonly string[] Providers = ["File", "Memory", "AzureBlob"];

    public bool Is(string provider) => string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase);

    public static StorageSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<StorageSettings>() ?? new StorageSettings();
        if (!Providers.Any(settings.Is))
        {
            throw new OperatorConfigurationException($"Storage:Provider is '{settings.Provider}'; use one of: {string.Join(", ", Providers)}.");
        }

        if (settings.Is("File") && string.IsNullOrWhiteSpace(settings.Path))
        {
            throw new OperatorConfigurationException("Storage:Path must name a folder when Storage:Provider is File.");
        }

        if (settings.Is("AzureBlob"))
        {
            if (string.IsNullOrWhiteSpace(settings.ConnectionString))
            {
                throw new OperatorConfigurationException("Storage:ConnectionString is required when Storage:Provider is AzureBlob.");
            }

            if (!AzureStorageAccount.IsValidContainerName(settings.Container))
            {
                throw new OperatorConfigurationException(
                    $"Storage:Container is '{settings.Container}': a blob container name is 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.");
            }

            AzureStorageAccount.ValidateConnectionString(settings.ConnectionString, "Storage:ConnectionString");
        }

        return settings;
    }
}
