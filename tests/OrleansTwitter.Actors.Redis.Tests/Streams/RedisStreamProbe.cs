using Microsoft.Extensions.DependencyInjection;
using OrleansTwitter.Actors.Hosting;
using OrleansTwitter.Actors.Redis.Streams;
using OrleansTwitter.Actors.Redis.Tests.Infrastructure;
using OrleansTwitter.Actors.Streams;
using StackExchange.Redis;

namespace OrleansTwitter.Actors.Redis.Tests.Streams;

/// <summary>Sets up the durable provider for a test, and reads its queues straight from Redis.</summary>
internal sealed class RedisStreamProbe(RedisServerFixture redis) : IDisposable
{
    private RawRedis? _raw;

    public string ClusterId { get; } = "streams-" + Guid.NewGuid().ToString("N")[..8];

    public ProbeSink Sink { get; } = new();

    public void Configure(ISiloBuilder silo, Action<RedisStreamOptions>? tune = null)
    {
        silo.Services.AddSingleton(Sink);
        silo.AddRedisStreams(ProbeGrain.ProviderName, options =>
        {
            options.ConnectionString = redis.ConnectionString;
            options.ClusterId = ClusterId;
            options.RetryDelay = TimeSpan.FromMilliseconds(20);
            options.ShutdownTimeout = TimeSpan.FromSeconds(2);
            tune?.Invoke(options);
        });
    }

    public RedisKey Partition(int partition) => new RedisStreamKeys(ClusterId, ProbeGrain.ProviderName).Partition(partition);

    public RedisKey DeadLetters => new RedisStreamKeys(ClusterId, ProbeGrain.ProviderName).DeadLetters;

    public async Task<long> LengthAsync(RedisKey key) =>
        (long)await (await DatabaseAsync()).ScriptEvaluateAsync("return redis.call('XLEN', KEYS[1])", [key]);

    /// <summary>Entries delivered and not yet acknowledged, by every consumer.</summary>
    public async Task<long> PendingAsync(int partition) =>
        (long)await (await DatabaseAsync()).ScriptEvaluateAsync(
            "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end local ok, r = pcall(redis.call, 'XPENDING', KEYS[1], 'agents') if not ok then return 0 end return r[1]",
            [Partition(partition)]);

    /// <summary>The pending entries of a queue, oldest first, as Redis's pending list has them.</summary>
    public async Task<IReadOnlyList<PendingEntry>> PendingEntriesAsync(int partition)
    {
        var entries = (RedisResult[])(await (await DatabaseAsync()).ScriptEvaluateAsync(
            "return redis.call('XPENDING', KEYS[1], 'agents', '-', '+', 1000)",
            [Partition(partition)]))!;
        return [.. entries.Select(e =>
        {
            var fields = (RedisResult[])e!;
            return new PendingEntry((string)fields[0]!, (string)fields[1]!, TimeSpan.FromMilliseconds((long)fields[2]), (int)fields[3]);
        })];
    }

    /// <summary>A queue with the probe's cluster and provider names, for tests of the queue operations themselves.</summary>
    public RedisStreamQueues CreateQueues() => new(ProbeGrain.ProviderName, new RedisStreamOptions
    {
        ConnectionString = redis.ConnectionString,
        ClusterId = ClusterId,
    }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    /// <summary>Appends events to a queue in one step, as the provider would publish them.</summary>
    public async Task AppendAsync(int partition, params ProbeEvent[] items)
    {
        var envelopes = items.Select(item => (RedisValue)RedisStreamEnvelope.Write(StreamId.Create(ProbeGrain.Namespace, item.Stream), item, typeof(ProbeEvent))).ToArray();
        await (await DatabaseAsync()).ScriptEvaluateAsync(
            "for i = 1, #ARGV do redis.call('XADD', KEYS[1], '*', 'e', ARGV[i]) end",
            [Partition(partition)],
            envelopes);
    }

    /// <summary>Appends an event and has consumer <paramref name="consumer"/> read it, in one step, so no agent gets it first.</summary>
    public async Task HoldPendingAsync(int partition, string consumer, ProbeEvent item)
    {
        var envelope = RedisStreamEnvelope.Write(StreamId.Create(ProbeGrain.Namespace, item.Stream), item, typeof(ProbeEvent));
        await (await DatabaseAsync()).ScriptEvaluateAsync(
            """
            pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], 'agents', '0', 'MKSTREAM')
            redis.call('XADD', KEYS[1], '*', 'e', ARGV[2])
            return redis.call('XREADGROUP', 'GROUP', 'agents', ARGV[1], 'COUNT', 1000, 'STREAMS', KEYS[1], '>')
            """,
            [Partition(partition)],
            [consumer, envelope]);
    }

    /// <summary>
    /// Appends an event and pauses every client's writes for <paramref name="pause"/>, in one
    /// transaction. An agent's next read (a script, which Redis counts as a write) then waits
    /// out the pause with the event in it: a read held in flight.
    /// </summary>
    public async Task AppendAndPauseWritesAsync(int partition, ProbeEvent item, TimeSpan pause)
    {
        var envelope = RedisStreamEnvelope.Write(StreamId.Create(ProbeGrain.Namespace, item.Stream), item, typeof(ProbeEvent));
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var transaction = admin.GetDatabase().CreateTransaction();
        var appended = transaction.ExecuteAsync("XADD", (string)Partition(partition)!, "*", "e", envelope);
        var paused = transaction.ExecuteAsync("CLIENT", "PAUSE", (long)pause.TotalMilliseconds, "WRITE");
        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("The append-and-pause transaction did not run.");
        }

        await Task.WhenAll(appended, paused);
        admin.Close(allowCommandsToComplete: false);
    }

    /// <summary>The dead-letter entries, each as its fields.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> DeadLettersAsync()
    {
        var entries = (RedisResult[])(await (await DatabaseAsync()).ScriptEvaluateAsync("return redis.call('XRANGE', KEYS[1], '-', '+')", [DeadLetters]))!;
        return [.. entries.Select(e =>
        {
            var fields = (RedisValue[])((RedisResult[])e!)[1]!;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                map[fields[i]!] = fields[i + 1]!;
            }

            return map;
        })];
    }

    public void Dispose()
    {
        // A test that failed with its consumers waiting must not leave them waiting.
        Sink.OpenGate();
        _raw?.Dispose();
    }

    private async Task<IDatabase> DatabaseAsync()
    {
        _raw ??= await RawRedis.ConnectAsync(redis);
        return _raw.Database;
    }
}
