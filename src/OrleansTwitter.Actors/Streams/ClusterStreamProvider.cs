using System.Collections.Concurrent;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// What every stream provider of the cluster shares: subscriptions (implicit ones from the
/// manifest, explicit ones in a pub-sub grain per stream, client ones in this process) and the
/// delivery of one event to all of them. A provider decides only how an event travels from the
/// producer to <see cref="DispatchAsync"/>: directly (<c>Memory</c>) or through a durable queue.
/// </summary>
internal abstract class ClusterStreamProvider : IStreamProvider
{
    private readonly ConcurrentDictionary<StreamId, ClientSubscriptions> _clientSubscriptions = new();

    protected ClusterStreamProvider(string name, StreamingRuntime runtime)
    {
        Name = name;
        Runtime = runtime;
    }

    public string Name { get; }

    internal StreamingRuntime Runtime { get; }

    /// <summary>
    /// Why subscriptions made outside any grain are refused, or null when they are allowed. They
    /// live in the subscribing process, so only a provider that delivers in the producer's
    /// process can serve them.
    /// </summary>
    internal virtual string? ClientSubscriptionsUnsupportedReason => null;

    public IAsyncStream<T> GetStream<T>(StreamId streamId) => new ClusterAsyncStream<T>(this, streamId);

    /// <summary>Sends one event on its way; what completion means is the provider's contract.</summary>
    internal abstract Task PublishAsync(StreamId streamId, object? item, Type itemType);

    /// <summary>
    /// Delivers one event to every subscriber of its stream and completes when all have handled
    /// it; faults if any failed, so a durable provider knows to deliver it again.
    /// </summary>
    internal async Task DispatchAsync(StreamId streamId, string eventId, object? item, Type itemType)
    {
        var deliveries = new List<Task>();
        foreach (var grainType in Runtime.Manifest.ImplicitSubscribers(streamId.Namespace))
        {
            deliveries.Add(Runtime.Invoker.InvokeAsync<object?>(
                new GrainId(grainType, streamId.Key), new StreamDeliveryRequest(streamId, null, eventId, item, itemType)));
        }

        foreach (var subscription in await PubSub(streamId).GetSubscriptionsAsync())
        {
            deliveries.Add(Runtime.Invoker.InvokeAsync<object?>(
                subscription.Consumer, new StreamDeliveryRequest(streamId, subscription.HandleId, eventId, item, itemType)));
        }

        if (_clientSubscriptions.TryGetValue(streamId, out var clients))
        {
            var context = new StreamEventContext(streamId, eventId);
            foreach (var (_, observer) in clients.Snapshot())
            {
                deliveries.Add(observer.OnNextAsync(item, context));
            }
        }

        await Task.WhenAll(deliveries);
    }

    internal IPubSubRendezvousGrain PubSub(StreamId streamId) =>
        Runtime.GrainFactory.GetGrain<IPubSubRendezvousGrain>($"{Name}/{streamId.Namespace}/{streamId.Key}");

    internal ClientSubscriptions ClientSubscriptionsOf(StreamId streamId) => _clientSubscriptions.GetOrAdd(streamId, _ => new ClientSubscriptions());

    /// <summary>Subscriptions made outside any grain (a client in this process): delivered directly.</summary>
    internal sealed class ClientSubscriptions
    {
        private readonly ConcurrentDictionary<Guid, IStreamObserverAdapter> _observers = new();

        public void Add(Guid handleId, IStreamObserverAdapter observer) => _observers[handleId] = observer;

        public bool Remove(Guid handleId) => _observers.TryRemove(handleId, out _);

        public IReadOnlyCollection<KeyValuePair<Guid, IStreamObserverAdapter>> Snapshot() => [.. _observers];
    }
}
