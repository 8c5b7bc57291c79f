using OrleansTwitter.Actors.Activation;

namespace OrleansTwitter.Actors.Streams;

/// <summary>A stream of a <see cref="ClusterStreamProvider"/>: publishing is the provider's, subscribing is shared.</summary>
internal sealed class ClusterAsyncStream<T>(ClusterStreamProvider provider, StreamId streamId) : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public Task OnNextAsync(T item) => provider.PublishAsync(streamId, item, typeof(T));

    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var adapter = new StreamObserverAdapter<T>(observer);
        var activation = GrainActivation.Current;
        if (activation is null)
        {
            if (provider.ClientSubscriptionsUnsupportedReason is { } reason)
            {
                throw new NotSupportedException($"Stream provider '{provider.Name}' cannot subscribe to {streamId} outside a grain: {reason}");
            }

            var clientHandle = Guid.NewGuid();
            provider.ClientSubscriptionsOf(streamId).Add(clientHandle, adapter);
            return new ClusterStreamSubscriptionHandle<T>(provider, streamId, clientHandle, SubscriptionKind.Client);
        }

        if (activation.GrainId.Key == streamId.Key && provider.Runtime.Manifest.IsImplicitlySubscribed(activation.GrainType, streamId.Namespace))
        {
            activation.StreamConsumers.AttachImplicit(streamId, adapter);
            return new ClusterStreamSubscriptionHandle<T>(provider, streamId, Guid.Empty, SubscriptionKind.Implicit);
        }

        // Attach before registering, so an event published right after registration finds its handler.
        var handleId = Guid.NewGuid();
        activation.StreamConsumers.AttachExplicit(handleId, adapter);
        await provider.PubSub(streamId).AddSubscriptionAsync(handleId, activation.GrainId);
        return new ClusterStreamSubscriptionHandle<T>(provider, streamId, handleId, SubscriptionKind.Explicit);
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles()
    {
        var activation = GrainActivation.Current ?? throw new InvalidOperationException(
            $"GetAllSubscriptionHandles of stream {streamId} lists the calling grain's subscriptions; call it from grain code.");
        var subscriptions = await provider.PubSub(streamId).GetSubscriptionsAsync();
        return [.. subscriptions
            .Where(s => s.Consumer == activation.GrainId)
            .Select(s => (StreamSubscriptionHandle<T>)new ClusterStreamSubscriptionHandle<T>(provider, streamId, s.HandleId, SubscriptionKind.Explicit))];
    }
}
