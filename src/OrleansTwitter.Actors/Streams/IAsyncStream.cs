namespace OrleansTwitter.Actors.Streams;

/// <summary>A stream of <typeparamref name="T"/> events that producers publish to and consumers subscribe to.</summary>
public interface IAsyncStream<T>
{
    StreamId StreamId { get; }

    /// <summary>
    /// Publishes an event. With the <c>Memory</c> provider the task completes once every
    /// subscriber has handled it (and faults if one failed); a durable provider completes it
    /// once the event is durably queued.
    /// </summary>
    Task OnNextAsync(T item);

    /// <summary>
    /// Subscribes <paramref name="observer"/>. Called from a grain, the subscription belongs to
    /// that grain: for an implicit subscription (the grain class carries
    /// <see cref="ImplicitStreamSubscriptionAttribute"/>) it attaches the handler events go to;
    /// for an explicit one it is recorded, survives deactivation, and must be resumed with
    /// <see cref="StreamSubscriptionHandle{T}.ResumeAsync"/> when the grain activates again.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer);

    /// <summary>The calling grain's explicit subscriptions to this stream.</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
