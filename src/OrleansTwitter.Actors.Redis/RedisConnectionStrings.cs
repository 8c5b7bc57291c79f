using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis;

/// <summary>Checks a Redis connection string the way every provider here reports it.</summary>
internal static class RedisConnectionStrings
{
    /// <summary>Why <paramref name="connectionString"/> is unusable, or null when it is fine.</summary>
    /// <remarks>
    /// The client's own parser decides what is valid; its message never contains the password
    /// because it reports the offending key, not the whole string.
    /// </remarks>
    public static string? ParseError(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count == 0
                ? "it names no endpoint (expected host:port, e.g. localhost:6379)."
                : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
