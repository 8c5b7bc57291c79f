namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// Best-effort streams inside the cluster: an event goes straight to its subscribers as
/// requests, and <see cref="IAsyncStream{T}.OnNextAsync"/> completes when they have handled it.
/// Nothing is queued durably: an event being delivered when a silo dies is lost (the
/// <c>Redis</c> provider is the durable one).
/// </summary>
internal sealed class MemoryStreamProvider(string name, StreamingRuntime runtime) : ClusterStreamProvider(name, runtime)
{
    private readonly string _eventIdPrefix = Guid.NewGuid().ToString("N")[..12];
    private long _lastEventId;

    internal override Task PublishAsync(StreamId streamId, object? item, Type itemType) =>
        DispatchAsync(streamId, $"{_eventIdPrefix}-{Interlocked.Increment(ref _lastEventId)}", item, itemType);
}
