using OrleansTwitter.Actors.Activation;

namespace OrleansTwitter.Actors.Streams;

/// <summary>How a subscription was made, which decides what unsubscribing and resuming do.</summary>
internal enum SubscriptionKind
{
    /// <summary>A grain's recorded subscription: durable, resumed after reactivation.</summary>
    Explicit,

    /// <summary>A grain class's <see cref="ImplicitStreamSubscriptionAttribute"/>: exists by declaration.</summary>
    Implicit,

    /// <summary>Made outside grains, in this process: lives as long as the provider.</summary>
    Client,
}

internal sealed class ClusterStreamSubscriptionHandle<T>(ClusterStreamProvider provider, StreamId streamId, Guid handleId, SubscriptionKind kind)
    : StreamSubscriptionHandle<T>
{
    public override Guid HandleId => handleId;

    public override StreamId StreamId => streamId;

    public override async Task UnsubscribeAsync()
    {
        switch (kind)
        {
            case SubscriptionKind.Implicit:
                throw new InvalidOperationException(
                    $"The subscription to {streamId} is implicit (declared by [ImplicitStreamSubscription]) and cannot be removed; ignore the events instead.");
            case SubscriptionKind.Client:
                provider.ClientSubscriptionsOf(streamId).Remove(handleId);
                return;
            default:
                await provider.PubSub(streamId).RemoveSubscriptionAsync(handleId);
                GrainActivation.Current?.StreamConsumers.Detach(handleId);
                return;
        }
    }

    public override Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var adapter = new StreamObserverAdapter<T>(observer);
        if (kind == SubscriptionKind.Client)
        {
            provider.ClientSubscriptionsOf(streamId).Add(handleId, adapter);
            return Task.FromResult<StreamSubscriptionHandle<T>>(this);
        }

        var activation = GrainActivation.Current ?? throw new InvalidOperationException(
            $"Resume the subscription to {streamId} from the code of the grain that owns it (typically OnActivateAsync).");
        if (kind == SubscriptionKind.Implicit)
        {
            activation.StreamConsumers.AttachImplicit(streamId, adapter);
        }
        else
        {
            activation.StreamConsumers.AttachExplicit(handleId, adapter);
        }

        return Task.FromResult<StreamSubscriptionHandle<T>>(this);
    }
}
