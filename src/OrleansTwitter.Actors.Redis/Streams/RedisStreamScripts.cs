namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// The Lua scripts behind the queues. StackExchange.Redis 1.2.6 has no Streams commands, so each
/// step is a script; Redis runs it atomically, which also makes check-then-write steps safe.
/// </summary>
/// <remarks>
/// KEYS[1] is always the partition's stream. Each entry has one field, <c>e</c>, holding the
/// event envelope. Scripts that read create the consumer group first when it is missing (a new
/// queue, or a Redis that restarted empty); <c>BUSYGROUP</c>, when it exists, is expected.
/// </remarks>
internal static class RedisStreamScripts
{
    /// <summary>ARGV: the length limit, the envelope. Returns the new entry's id, or fails with <c>QUEUEFULL</c>.</summary>
    public const string Publish = """
        local length = redis.call('XLEN', KEYS[1])
        if length >= tonumber(ARGV[1]) then
          return redis.error_reply('QUEUEFULL ' .. KEYS[1] .. ' holds ' .. length .. ' unacknowledged or undelivered events, its limit (MaxQueueLength); its consumers are behind')
        end
        return redis.call('XADD', KEYS[1], '*', 'e', ARGV[2])
        """;

    /// <summary>ARGV: group, consumer, count. Returns up to count new entries as {id, {field, value}}.</summary>
    public const string Read = """
        pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
        local result = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], '>')
        if not result then return {} end
        return result[1][2]
        """;

    /// <summary>
    /// Takes over entries delivered to any consumer and idle at least ARGV[3] ms. ARGV: group,
    /// consumer, min idle ms, cursor, count. Returns {next cursor, {{id, {field, value}, deliveries}...}};
    /// the delivery count (this one included) comes from the pending list, so attempts made by
    /// earlier owners count towards the dead-letter limit.
    /// </summary>
    public const string Claim = """
        pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
        local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
        local entries = {}
        for _, entry in ipairs(claimed[2]) do
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
          local deliveries = 1
          if pending[1] then deliveries = pending[1][4] end
          table.insert(entries, { entry[1], entry[2], deliveries })
        end
        return { claimed[1], entries }
        """;

    /// <summary>
    /// Hands entries back: those of ARGV[4..] still pending under consumer ARGV[2] get idle time
    /// ARGV[3] ms, so any agent's next scan for abandoned entries takes them. JUSTID keeps their
    /// delivery counts; an entry another consumer took over meanwhile is left to it. ARGV: group,
    /// consumer, idle ms, then the ids. Returns how many were handed back.
    /// </summary>
    public const string HandBack = """
        local handed = 0
        for i = 4, #ARGV do
          if redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2])[1] then
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'IDLE', ARGV[3], 'JUSTID')
            handed = handed + 1
          end
        end
        return handed
        """;

    /// <summary>
    /// Acknowledges entries, then trims the stream below the oldest entry still pending or, when
    /// none is, below the group's last delivered entry (everything before it was delivered and
    /// acknowledged): what is not acknowledged is never trimmed. ARGV: group, then the ids.
    /// Returns how many were acknowledged.
    /// </summary>
    /// <remarks><c>MINID ~</c> trims whole internal nodes only (about 100 entries), so it is cheap and errs on keeping.</remarks>
    public const string AckAndTrim = """
        local ids = {}
        for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
        local acked = redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
        local keep = nil
        local oldest = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1)
        if oldest[1] then
          keep = oldest[1][1]
        else
          for _, group in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
            local fields = {}
            for i = 1, #group, 2 do fields[group[i]] = group[i + 1] end
            if fields['name'] == ARGV[1] then keep = fields['last-delivered-id'] end
          end
        end
        if keep then redis.call('XTRIM', KEYS[1], 'MINID', '~', keep) end
        return acked
        """;

    /// <summary>
    /// Moves one entry to the dead-letter stream (KEYS[2], trimmed <c>MAXLEN ~</c>) and acknowledges
    /// it, in one step. ARGV: group, id, envelope, error, attempts, dead-letter length.
    /// </summary>
    public const string DeadLetter = """
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], '*', 'e', ARGV[3], 'queue', KEYS[1], 'id', ARGV[2], 'error', ARGV[4], 'attempts', ARGV[5])
        return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        """;
}
