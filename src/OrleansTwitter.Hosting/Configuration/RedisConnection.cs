using Microsoft.Extensions.Configuration;
using System.Globalization;
using StackExchange.Redis;

namespace OrleansTwitter.Hosting.Configuration;

/// <summary><c>Redis:ConnectionString</c>: parsed, checked at start-up, and used to give silos distinct tweet-id node ids.</summary>
internal static class RedisConnection
{
    public const string Key = "Redis:ConnectionString";
    public const string Default = "localhost:6379";
    private const int NodeIds = 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration[Key] is { Length: > 0 } value ? value : Default;

    /// <summary>The parsed options; throws <see cref="OperatorConfigurationException"/> naming the key when it is not a connection string.</summary>
    public static ConfigurationOptions Parse(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new OperatorConfigurationException($"{Key} is not a Redis connection string: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Connects once, and when <paramref name="allocateNodeIdFor"/> names a cluster, increments
    /// its node-id counter: each silo start takes the next id, so ids repeat only after 1,024
    /// starts, where a random id would collide with another live silo's ever more often as the
    /// cluster grows (two silos with one node id could make two tweets with one id).
    /// </summary>
    /// <exception cref="DependencyUnavailableException">Redis did not answer.</exception>
    public static async Task<int?> ProbeAsync(string connectionString, string? allocateNodeIdFor)
    {
        var options = Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        options.SyncTimeout = (int)Timeout.TotalMilliseconds;
        options.AsyncTimeout = (int)Timeout.TotalMilliseconds;
        ConnectionMultiplexer? multiplexer = null;
        try
        {
            multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            var database = multiplexer.GetDatabase();
            if (allocateNodeIdFor is null)
            {
                await database.PingAsync();
                return null;
            }

            var counter = await database.StringIncrementAsync($"ot:{allocateNodeIdFor}:timeline:nodeid");
            return (int)((counter - 1) % NodeIds);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new DependencyUnavailableException($"{Key}: Redis at '{connectionString}' did not answer: {ex.Message.Split('\n', 2)[0].Trim()}", ex);
        }
        finally
        {
            if (multiplexer is not null)
            {
                // Dispose alone waits a whole sync timeout for QUIT to be answered.
                await multiplexer.CloseAsync(allowCommandsToComplete: false);
                await multiplexer.DisposeAsync();
            }
        }
    }

    public static string Format(int nodeId) => nodeId.ToString(CultureInfo.InvariantCulture);
}
