using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// Where one cluster's membership lives in Redis: a hash of rows (one field per silo, holding the
/// row as JSON, plus the <c>version</c> field) and a hash of I-am-alive times (one field per silo).
/// </summary>
/// <remarks>
/// The cluster id sits in braces, a Redis Cluster hash tag, so both keys always hash to the same
/// slot: the Lua scripts touch both, which Redis Cluster allows only within one slot.
/// </remarks>
internal sealed class RedisMembershipKeys(string clusterId)
{
    /// <summary>The rows hash's field holding the table version. No silo field can equal it: those contain '@'.</summary>
    public const string VersionField = "version";

    public RedisKey Rows { get; } = $"ot:{{{clusterId}}}:membership";

    public RedisKey IAmAlive { get; } = $"ot:{{{clusterId}}}:iamalive";
}
