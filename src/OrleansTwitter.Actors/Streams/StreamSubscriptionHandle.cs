namespace OrleansTwitter.Actors.Streams;

/// <summary>One subscription of one consumer to one stream.</summary>
public abstract class StreamSubscriptionHandle<T>
{
    public abstract Guid HandleId { get; }

    public abstract StreamId StreamId { get; }

    /// <summary>Ends the subscription; no event reaches it afterwards.</summary>
    public abstract Task UnsubscribeAsync();

    /// <summary>Attaches a handler to an existing subscription, typically in <c>OnActivateAsync</c>.</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer);
}
