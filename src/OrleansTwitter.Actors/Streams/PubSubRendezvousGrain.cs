using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.Streams;

[GrainType("pubsub")]
internal sealed class PubSubRendezvousGrain([PersistentState("subscriptions")] IPersistentState<PubSubState> state)
    : Grain, IPubSubRendezvousGrain
{
    public async Task AddSubscriptionAsync(Guid handleId, GrainId consumer)
    {
        if (state.State.Subscriptions.Any(s => s.HandleId == handleId))
        {
            return;
        }

        state.State.Subscriptions.Add(new PubSubSubscription(handleId, consumer));
        await state.WriteStateAsync();
    }

    public async Task RemoveSubscriptionAsync(Guid handleId)
    {
        if (state.State.Subscriptions.RemoveAll(s => s.HandleId == handleId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PubSubSubscription>> GetSubscriptionsAsync() =>
        Task.FromResult<IReadOnlyList<PubSubSubscription>>([.. state.State.Subscriptions]);
}

/// <summary>The persisted subscriptions of one stream.</summary>
internal sealed class PubSubState
{
    public List<PubSubSubscription> Subscriptions { get; set; } = [];
}
