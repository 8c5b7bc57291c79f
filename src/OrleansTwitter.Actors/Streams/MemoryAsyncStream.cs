using OrleansTwitter.Actors.Activation;
using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Streams;

/// <summary>A stream of the <see cref="MemoryStreamProvider"/>.</summary>
internal sealed class MemoryAsyncStream<T>(MemoryStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public async Task OnNextAsync(T item)
    {
        var runtime = provider.Runtime;
        var eventId = provider.NextEventId();
        var deliveries = new List<Task>();
        foreach (var grainType in runtime.Manifest.ImplicitSubscribers(streamId.Namespace))
        {
            deliveries.Add(runtime.Invoker.InvokeAsync<object?>(
                new GrainId(grainType, streamId.Key), new StreamDeliveryRequest(streamId, null, eventId, item, typeof(T))));
        }

        foreach (var subscription in await provider.PubSub(streamId).GetSubscriptionsAsync())
        {
            deliveries.Add(runtime.Invoker.InvokeAsync<object?>(
                subscription.Consumer, new StreamDeliveryRequest(streamId, subscription.HandleId, eventId, item, typeof(T))));
        }

        var context = new StreamEventContext(streamId, eventId);
        foreach (var (_, observer) in provider.ClientObserversOf(streamId))
        {
            deliveries.Add(observer.OnNextAsync(item, context));
        }

        await Task.WhenAll(deliveries);
    }

    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var adapter = new StreamObserverAdapter<T>(observer);
        var activation = GrainActivation.Current;
        if (activation is null)
        {
            var clientHandle = Guid.NewGuid();
            provider.ClientSubscriptionsOf(streamId).Add(clientHandle, adapter);
            return new MemoryStreamSubscriptionHandle<T>(provider, streamId, clientHandle, SubscriptionKind.Client);
        }

        if (activation.GrainId.Key == streamId.Key && provider.Runtime.Manifest.IsImplicitlySubscribed(activation.GrainType, streamId.Namespace))
        {
            activation.StreamConsumers.AttachImplicit(streamId, adapter);
            return new MemoryStreamSubscriptionHandle<T>(provider, streamId, Guid.Empty, SubscriptionKind.Implicit);
        }

        // Attach before registering, so an event published right after registration finds its handler.
        var handleId = Guid.NewGuid();
        activation.StreamConsumers.AttachExplicit(handleId, adapter);
        await provider.PubSub(streamId).AddSubscriptionAsync(handleId, activation.GrainId);
        return new MemoryStreamSubscriptionHandle<T>(provider, streamId, handleId, SubscriptionKind.Explicit);
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        var activation = GrainActivation.Current ?? throw new InvalidOperationException(
            $"GetAllSubscriptionHandles of stream {streamId} lists the calling grain's subscriptions; call it from grain code.");
        var subscriptions = await provider.PubSub(streamId).GetSubscriptionsAsync();
        return [.. subscriptions
            .Where(s => s.Consumer == activation.GrainId)
            .Select(s => (StreamSubscriptionHandle<T>)new MemoryStreamSubscriptionHandle<T>(provider, streamId, s.HandleId, SubscriptionKind.Explicit))];
    }
}
