using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// The stream handlers one activation attached. Only the activation's own turns touch it
/// (subscriptions are made from grain code, deliveries arrive as requests), so it needs no lock.
/// </summary>
internal sealed class ActivationStreamConsumers
{
    private readonly Dictionary<Guid, IStreamObserverAdapter> _explicit = [];
    private readonly Dictionary<StreamId, IStreamObserverAdapter> _implicit = [];

    public void AttachImplicit(StreamId streamId, IStreamObserverAdapter observer) => _implicit[streamId] = observer;

    public void AttachExplicit(Guid handleId, IStreamObserverAdapter observer) => _explicit[handleId] = observer;

    public void Detach(Guid handleId) => _explicit.Remove(handleId);

    public Task DeliverAsync(GrainId consumer, StreamDeliveryRequest delivery)
    {
        var observer = delivery.HandleId is { } handle
            ? _explicit.GetValueOrDefault(handle)
            : _implicit.GetValueOrDefault(delivery.StreamId);
        if (observer is null)
        {
            var how = delivery.HandleId is null
                ? "It is implicitly subscribed but attached no handler: call SubscribeAsync on the stream in OnActivateAsync."
                : $"It holds subscription {delivery.HandleId} but attached no handler: call ResumeAsync on its handles in OnActivateAsync.";
            throw new InvalidOperationException($"{consumer} received {delivery} and has no handler for it. {how}");
        }

        return observer.OnNextAsync(delivery.Item, new StreamEventContext(delivery.StreamId, delivery.EventId));
    }
}
