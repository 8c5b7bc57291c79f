using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Streams;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// The partitioned queues of one provider: a Redis stream per partition, read through one
/// consumer group, with the operations the producers and the pulling agents need.
/// </summary>
internal sealed class RedisStreamQueues : IDisposable
{
    private readonly RedisConnection _connection;
    private readonly RedisStreamOptions _options;

    public RedisStreamQueues(string providerName, RedisStreamOptions options, ILogger logger)
    {
        _options = options;
        Keys = new RedisStreamKeys(options.ClusterId, providerName);
        _connection = new RedisConnection(
            $"Redis stream provider '{providerName}' of cluster '{options.ClusterId}'", options.ConnectionString, options.ConnectTimeout, options.OperationTimeout, logger);
    }

    public RedisStreamKeys Keys { get; }

    public int Partitions => _options.Partitions;

    /// <summary>The partition a stream's events go to: the same in every process.</summary>
    public int PartitionOf(StreamId streamId) => (int)(StableHash.Fnv1a64(streamId.Namespace, streamId.Key) % (ulong)_options.Partitions);

    /// <summary>Appends an event; returns its entry id once Redis has it.</summary>
    /// <exception cref="RedisProviderException">Redis is unreachable, or the partition is at <see cref="RedisStreamOptions.MaxQueueLength"/>.</exception>
    public async Task<string> PublishAsync(int partition, string envelope, CancellationToken cancellationToken)
    {
        var result = await _connection.RunAsync(
            $"publish to queue {partition}",
            db => db.ScriptEvaluateAsync(RedisStreamScripts.Publish, [Keys.Partition(partition)], [_options.MaxQueueLength, envelope]),
            cancellationToken);
        return (string)result!;
    }

    public async Task<IReadOnlyList<QueueEntry>> ReadAsync(int partition, string consumer, int count, CancellationToken cancellationToken)
    {
        var result = await _connection.RunAsync(
            $"read queue {partition}",
            db => db.ScriptEvaluateAsync(RedisStreamScripts.Read, [Keys.Partition(partition)], [RedisStreamKeys.Group, consumer, count]),
            cancellationToken);
        return [.. ((RedisResult[])result!).Select(e => ToEntry((RedisResult[])e!, deliveries: 1))];
    }

    /// <summary>Takes over idle pending entries from <paramref name="cursor"/> on; the returned cursor is <c>0-0</c> when the scan is complete.</summary>
    public async Task<(string Cursor, IReadOnlyList<QueueEntry> Entries)> ClaimAsync(
        int partition, string consumer, TimeSpan minIdle, string cursor, int count, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await _connection.RunAsync(
            $"claim pending entries of queue {partition}",
            db => db.ScriptEvaluateAsync(
                RedisStreamScripts.Claim,
                [Keys.Partition(partition)],
                [RedisStreamKeys.Group, consumer, (long)minIdle.TotalMilliseconds, cursor, count]),
            cancellationToken))!;
        var entries = ((RedisResult[])result[1]!).Select(e =>
        {
            var parts = (RedisResult[])e!;
            return ToEntry(parts, (int)parts[2]);
        });
        return ((string)result[0]!, [.. entries]);
    }

    /// <summary>Acknowledges delivered entries and trims what no consumer needs any more.</summary>
    public Task AcknowledgeAsync(int partition, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var arguments = new RedisValue[ids.Count + 1];
        arguments[0] = RedisStreamKeys.Group;
        for (var i = 0; i < ids.Count; i++)
        {
            arguments[i + 1] = ids[i];
        }

        return _connection.RunAsync(
            $"acknowledge {ids.Count} entries of queue {partition}",
            db => db.ScriptEvaluateAsync(RedisStreamScripts.AckAndTrim, [Keys.Partition(partition)], arguments),
            cancellationToken);
    }

    /// <summary>
    /// Makes entries this consumer holds but will not deliver look abandoned for as long as
    /// options allow (<see cref="HandedBackIdle"/>), so the queue's next owner takes them at its
    /// next scan instead of after <see cref="RedisStreamOptions.ClaimIdleTimeout"/>. Entries another
    /// consumer has taken over are left alone. Returns how many were handed back.
    /// </summary>
    public async Task<int> HandBackAsync(int partition, string consumer, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var arguments = new RedisValue[ids.Count + 3];
        arguments[0] = RedisStreamKeys.Group;
        arguments[1] = consumer;
        arguments[2] = (long)HandedBackIdle.TotalMilliseconds;
        for (var i = 0; i < ids.Count; i++)
        {
            arguments[i + 3] = ids[i];
        }

        return (int)(await _connection.RunAsync(
            $"hand back {ids.Count} entries of queue {partition}",
            db => db.ScriptEvaluateAsync(RedisStreamScripts.HandBack, [Keys.Partition(partition)], arguments),
            cancellationToken))!;
    }

    /// <summary>
    /// The idle time a handed-back entry gets: the longest <see cref="RedisStreamOptions.ClaimIdleTimeout"/>
    /// the options accept, so every agent's scan takes it, whatever its configuration. Not a
    /// larger one: Redis treats an idle time reaching back before 1970 as zero.
    /// </summary>
    public static TimeSpan HandedBackIdle { get; } = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Moves an entry that kept failing to the dead-letter stream, acknowledging it.</summary>
    public Task DeadLetterAsync(int partition, QueueEntry entry, string error, int attempts, CancellationToken cancellationToken) =>
        _connection.RunAsync(
            $"dead-letter entry {entry.Id} of queue {partition}",
            db => db.ScriptEvaluateAsync(
                RedisStreamScripts.DeadLetter,
                [Keys.Partition(partition), Keys.DeadLetters],
                [RedisStreamKeys.Group, entry.Id, entry.Envelope ?? string.Empty, error, attempts, _options.DeadLetterMaxLength]),
            cancellationToken);

    /// <summary>The dead-letter stream's length, for tests and operators.</summary>
    public async Task<long> DeadLetterCountAsync(CancellationToken cancellationToken) =>
        (long)(await _connection.RunAsync("count dead letters", db => db.ScriptEvaluateAsync("return redis.call('XLEN', KEYS[1])", [Keys.DeadLetters]), cancellationToken))!;

    public void Dispose() => _connection.Dispose();

    private static QueueEntry ToEntry(RedisResult[] parts, int deliveries)
    {
        var id = (string)parts[0]!;
        string? envelope = null;
        if (!parts[1]!.IsNull)
        {
            var fields = (RedisValue[])parts[1]!;
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                if (fields[i] == "e")
                {
                    envelope = fields[i + 1];
                }
            }
        }

        return new QueueEntry(id, envelope, deliveries);
    }
}
