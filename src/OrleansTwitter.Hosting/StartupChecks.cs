using Microsoft.Extensions.Configuration;
using OrleansTwitter.Hosting.Configuration;

namespace OrleansTwitter.Hosting;

/// <summary>
/// Checks, before the host starts, that the servers the configuration names answer, so that an
/// unreachable Redis or storage account stops the process with one line naming the key
/// (<see cref="DependencyUnavailableException"/>) instead of a silo that retries for minutes.
/// </summary>
public static class StartupChecks
{
    /// <summary>
    /// Probes what a silo (or, with <paramref name="client"/>, a cluster client) of this
    /// configuration will use. A silo on Redis membership also takes its tweet-id node id from
    /// Redis here, unless <c>Timeline:NodeId</c> is set; the returned line says which.
    /// </summary>
    /// <exception cref="OperatorConfigurationException">A value is wrong; the message names its key.</exception>
    /// <exception cref="DependencyUnavailableException">A server did not answer; the message names its key.</exception>
    public static async Task<string?> RunAsync(IConfiguration configuration, bool client = false)
    {
        var cluster = ClusterSettings.From(configuration);
        string? report = null;
        if (cluster.UsesRedis)
        {
            var allocate = !client && string.IsNullOrEmpty(configuration["Timeline:NodeId"]) ? cluster.ClusterId : null;
            if (await RedisConnection.ProbeAsync(RedisConnection.ConnectionString(configuration), allocate) is { } nodeId)
            {
                configuration["Timeline:NodeId"] = RedisConnection.Format(nodeId);
                report = $"Timeline:NodeId {nodeId} allocated from Redis for cluster '{cluster.ClusterId}'.";
            }
        }

        if (client)
        {
            return report;
        }

        var storage = StorageSettings.From(configuration);
        var streams = StreamsSettings.From(configuration, storage);
        if (storage.Is("AzureBlob"))
        {
            await AzureStorageAccount.ProbeBlobsAsync(storage.ConnectionString, "Storage:ConnectionString");
        }

        if (streams.IsAzureQueue)
        {
            var (connectionString, key) = streams.Account(storage);
            await AzureStorageAccount.ProbeQueuesAsync(connectionString, key);
        }

        return report;
    }
}
