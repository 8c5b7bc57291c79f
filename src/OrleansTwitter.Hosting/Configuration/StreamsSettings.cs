using Microsoft.Extensions.Configuration;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>The operator contract's <c>Streams:*</c> keys: the provider that carries the fan-out.</summary>
public sealed class StreamsSettings
{
    public const string SectionName = "Streams";

    /// <summary><c>Streams:Provider</c>: <c>Memory</c> (best effort) or <c>AzureQueue</c> (durable, at least once).</summary>
    /// <value><c>Memory</c>.</value>
    public string Provider { get; set; } = "Memory";

    /// <summary><c>Streams:ConnectionString</c>: the Azure Storage account of <c>AzureQueue</c>; empty means <c>Storage:ConnectionString</c>.</summary>
    /// <value>empty.</value>
    public string ConnectionString { get; set; } = string.Empty;

    public static readonly string[] Providers = ["Memory", "AzureQueue"];

    public bool IsAzureQueue => string.Equals(Provider, "AzureQueue", StringComparison.OrdinalIgnoreCase);

    /// <summary>The account of <c>AzureQueue</c> streams, and the key it came from.</summary>
    public (string ConnectionString, string Key) Account(StorageSettings storage) =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? (storage.ConnectionString, "Storage:ConnectionString")
            : (ConnectionString, "Streams:ConnectionString");

    public static StreamsSettings From(IConfiguration configuration, StorageSettings storage)
    {
        var settings = configuration.GetSection(SectionName).Get<StreamsSettings>() ?? new StreamsSettings();
        if (!Providers.Any(p => string.Equals(p, settings.Provider, StringComparison.OrdinalIgnoreCase)))
        {
            throw new OperatorConfigurationException($"Streams:Provider is '{settings.Provider}'; use one of: {string.Join(", ", Providers)}.");
        }

        if (settings.IsAzureQueue)
        {
            var (connectionString, key) = settings.Account(storage);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OperatorConfigurationException($"{key} is required when Streams:Provider is AzureQueue.");
            }

            AzureStorageAccount.ValidateConnectionString(connectionString, key);
        }

        return settings;
    }
}
