using System.Globalization;
using StackExchange.Redis;

namespace OrleansTwitter.Silo;

/// <summary>
/// Gives a silo on Redis membership a tweet-id node id that no other recent silo of its cluster
/// has: each start increments one counter, so ids repeat only after 1,024 starts. A random node
/// id (the default without Redis) collides with another silo's with a probability that grows
/// with the cluster, and two silos with one node id can make two tweets with one id.
/// </summary>
internal static class RedisNodeIds
{
    private const int NodeIds = 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The next node id, or null with the reason when Redis could not be asked.</summary>
    public static int? TryAllocate(string connectionString, string clusterId, out string? failure)
    {
        ConnectionMultiplexer? multiplexer = null;
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
            options.SyncTimeout = (int)Timeout.TotalMilliseconds;
            multiplexer = ConnectionMultiplexer.Connect(options);
            var counter = multiplexer.GetDatabase().StringIncrement($"ot:{clusterId}:timeline:nodeid");
            failure = null;
            return (int)((counter - 1) % NodeIds);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ArgumentException)
        {
            // A malformed connection string is reported (exit 2) by the membership table's validation.
            failure = e.Message;
            return null;
        }
        finally
        {
            // Dispose alone waits a whole sync timeout for QUIT to be answered.
            multiplexer?.Close(allowCommandsToComplete: false);
            multiplexer?.Dispose();
        }
    }

    /// <summary>Sets <c>Timeline:NodeId</c> from Redis unless the operator set it; says what it did on standard output.</summary>
    public static void ApplyTo(IConfigurationManager configuration, string connectionString, string clusterId)
    {
        if (!string.IsNullOrEmpty(configuration["Timeline:NodeId"]))
        {
            return;
        }

        if (TryAllocate(connectionString, clusterId, out var failure) is { } nodeId)
        {
            configuration["Timeline:NodeId"] = nodeId.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"OrleansTwitter.Silo: Timeline:NodeId {nodeId} allocated from Redis for cluster '{clusterId}'.");
        }
        else
        {
            Console.WriteLine($"OrleansTwitter.Silo: could not allocate Timeline:NodeId from Redis ({failure}); a random one is used.");
        }
    }
}
