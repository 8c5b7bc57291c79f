using OrleansTwitter.Actors.Core;

namespace OrleansTwitter.Actors.Streams;

/// <summary>
/// The explicit subscriptions of one stream, kept by a grain keyed "provider/namespace/key" so
/// that they are durable and there is one authority for them wherever producers run.
/// </summary>
internal interface IPubSubRendezvousGrain : IGrainWithStringKey
{
    Task AddSubscriptionAsync(Guid handleId, GrainId consumer);

    Task RemoveSubscriptionAsync(Guid handleId);

    Task<IReadOnlyList<PubSubSubscription>> GetSubscriptionsAsync();
}

/// <summary>One explicit subscription: its handle and the consuming grain.</summary>
internal sealed record PubSubSubscription(Guid HandleId, GrainId Consumer);
