using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;

namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// Best-effort streams inside the cluster: an event goes straight to its subscribers as
/// requests, and <see cref="IAsyncStream{T}.OnNextAsync"/> completes when they have handled it.
/// Nothing is queued durably: an event being delivered when a silo dies is lost (the
/// <c>Redis</c> provider is the durable one).
/// </summary>
internal sealed class MemoryStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, ClientSubscriptions> _clientSubscriptions = new();
    private readonly string _eventIdPrefix = Guid.NewGuid().ToString("N")[..12];
    private long _lastEventId;

    public MemoryStreamProvider(string name, StreamingRuntime runtime)
    {
        Name = name;
        Runtime = runtime;
    }

    public string Name { get; }

    internal StreamingRuntime Runtime { get; }

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new MemoryAsyncStream<T>(this, streamId);

    internal string NextEventId() => $"{_eventIdPrefix}-{Interlocked.Increment(ref _lastEventId)}";

    internal IPubSubRendezvousGrain PubSub(StreamId streamId) =>
        Runtime.GrainFactory.GetGrain<IPubSubRendezvousGrain>($"{Name}/{streamId.Namespace}/{streamId.Key}");

    internal ClientSubscriptions ClientSubscriptionsOf(StreamId streamId) => _clientSubscriptions.GetOrAdd(streamId, _ => new ClientSubscriptions());

    internal IReadOnlyCollection<KeyValuePair<Guid, IStreamObserverAdapter>> ClientObserversOf(StreamId streamId) =>
        _clientSubscriptions.TryGetValue(streamId, out var subscriptions) ? subscriptions.Snapshot() : [];

    /// <summary>Subscriptions made outside any grain (a client in this process): delivered directly.</summary>
    internal sealed class ClientSubscriptions
    {
        private readonly ConcurrentDictionary<Guid, IStreamObserverAdapter> _observers = new();

        public void Add(Guid handleId, IStreamObserverAdapter observer) => _observers[handleId] = observer;

        public bool Remove(Guid handleId) => _observers.TryRemove(handleId, out _);

        public IReadOnlyCollection<KeyValuePair<Guid, IStreamObserverAdapter>> Snapshot() => [.. _observers];
    }
}

/// <summary>What stream providers need of the silo.</summary>
internal sealed class StreamingRuntime(IGrainFactory grainFactory, IGrainCallInvoker invoker, ActorsManifest manifest)
{
    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IGrainCallInvoker Invoker { get; } = invoker;

    public ActorsManifest Manifest { get; } = manifest;
}
