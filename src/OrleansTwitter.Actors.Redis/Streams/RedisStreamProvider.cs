using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Streams;

namespace OrleansTwitter.Actors.Redis.Streams;

/// <summary>
/// Durable streams on Redis Streams. Publishing appends the event to its partition's queue and
/// completes once Redis has it; the silo that owns the partition pulls it and delivers it to
/// every subscriber, at least once, acknowledging only after all of them handled it.
/// Subscribers tell redeliveries apart by <see cref="StreamEventContext.EventId"/>.
/// </summary>
internal sealed class RedisStreamProvider : ClusterStreamProvider, IDurableStreamProvider, IDisposable
{
    public RedisStreamProvider(string name, StreamingRuntime runtime, RedisStreamOptions options, TimeProvider time, ILogger logger)
        : base(name, runtime)
    {
        RedisStreamOptionsValidator.ThrowIfInvalid(options);
        Options = options;
        Time = time;
        Logger = logger;
        Queues = new RedisStreamQueues(name, options, logger);
        RedisStreamLog.Created(logger, name, options.Partitions, $"{Queues.Keys.Prefix}:0..{options.Partitions - 1}");
    }

    public RedisStreamOptions Options { get; }

    public RedisStreamQueues Queues { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    internal override string? ClientSubscriptionsUnsupportedReason =>
        "its events are delivered by the silo that owns their queue, not in the subscribing process. Subscribe from a grain, and have it notify clients through a grain observer.";

    /// <exception cref="RedisProviderException">Redis is unreachable or the queue is full: the event is not queued.</exception>
    internal override async Task PublishAsync(StreamId streamId, object? item, Type itemType)
    {
        var envelope = RedisStreamEnvelope.Write(streamId, item, itemType);
        await Queues.PublishAsync(Queues.PartitionOf(streamId), envelope, CancellationToken.None);
        RedisStreamInstruments.Published.Add(1);
    }

    public void Dispose() => Queues.Dispose();
}
