using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary>Checks an Azure Storage account named by the configuration, so that a wrong one fails start-up with its key.</summary>
internal static partial class AzureStorageAccount
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static bool IsValidContainerName(string? name) => name is not null && ContainerName().IsMatch(name);

    /// <summary>Throws <see cref="OperatorConfigurationException"/> naming <paramref name="key"/> when the string is not a connection string.</summary>
    public static void ValidateConnectionString(string connectionString, string key)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new OperatorConfigurationException($"{key} is not an Azure Storage connection string: {ex.Message}", ex);
        }
    }

    /// <summary>Throws <see cref="DependencyUnavailableException"/> naming <paramref name="key"/> when the blob service does not answer.</summary>
    public static async Task ProbeBlobsAsync(string connectionString, string key)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await new BlobServiceClient(connectionString, Retryless()).GetPropertiesAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DependencyUnavailableException($"{key}: the storage account's blob service did not answer: {FirstLine(ex)}", ex);
        }
    }

    /// <summary>Throws <see cref="DependencyUnavailableException"/> naming <paramref name="key"/> when the queue service does not answer.</summary>
    public static async Task ProbeQueuesAsync(string connectionString, string key)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            var options = new QueueClientOptions();
            options.Retry.MaxRetries = 0;
            await new QueueServiceClient(connectionString, options).GetPropertiesAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DependencyUnavailableException($"{key}: the storage account's queue service did not answer: {FirstLine(ex)}", ex);
        }
    }

    private static BlobClientOptions Retryless()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        return options;
    }

    private static string FirstLine(Exception ex) => ex.Message.Split('\n', 2)[0].Trim();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
