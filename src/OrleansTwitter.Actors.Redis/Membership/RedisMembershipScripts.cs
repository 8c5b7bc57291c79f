namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// The Lua scripts behind the table. Redis runs a script atomically, which is what makes the
/// version check and the writes that depend on it one step.
/// </summary>
/// <remarks>KEYS[1] is the rows hash and KEYS[2] the I-am-alive hash in every script.</remarks>
internal static class RedisMembershipScripts
{
    /// <summary>Both hashes at one instant, so the rows, their I-am-alive times and the version agree.</summary>
    public const string Read = """
        return { redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]) }
        """;

    /// <summary>
    /// Compare-and-swap on the version. ARGV: expected version, silo field, row JSON, new version,
    /// I-am-alive value. Returns 1 when written, 0 when the version moved.
    /// </summary>
    /// <remarks>
    /// Versions are compared and stored as decimal strings computed by the caller, never as Lua
    /// numbers (doubles). A missing version is 0: an empty or restarted Redis. The row's
    /// I-am-alive value is replaced too, because a write replaces the whole row.
    /// </remarks>
    public const string TryWrite = """
        local current = redis.call('HGET', KEYS[1], 'version')
        if current == false then current = '0' end
        if current ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], ARGV[2], ARGV[3], 'version', ARGV[4])
        redis.call('HSET', KEYS[2], ARGV[2], ARGV[5])
        return 1
        """;

    /// <summary>
    /// ARGV: silo field, I-am-alive value. Moves the time forward only, and only for a silo that has
    /// a row: a heartbeat from a silo whose row is gone (a cleared or restarted Redis) must not
    /// bring back a half-row. Returns 1 when the time changed.
    /// </summary>
    /// <remarks>
    /// Times compare as their fixed-width tick digits (<see cref="IAmAliveValue"/>): equal-length
    /// digit strings order the same as the numbers, in any collation Redis's Lua may use.
    /// </remarks>
    public const string UpdateIAmAlive = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        local current = redis.call('HGET', KEYS[2], ARGV[1])
        if current ~= false and string.sub(current, 1, 19) >= string.sub(ARGV[2], 1, 19) then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        return 1
        """;
}
