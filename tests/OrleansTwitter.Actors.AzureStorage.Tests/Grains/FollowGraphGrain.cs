using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;

namespace OrleansTwitter.Actors.AzureStorage.Tests.Grains;

public sealed class FollowGraphGrain([PersistentState("graph")] IPersistentState<FollowGraphState> state) : Grain, IFollowGraphGrain
{
    public async Task FollowAsync(string handle)
    {
        if (!state.State.Following.Contains(handle, StringComparer.Ordinal))
        {
            state.State.Following.Add(handle);
            await state.WriteStateAsync();
        }
    }

    public async Task PostAsync(long tweetId)
    {
        state.State.TweetIds.Add(tweetId);
        await state.WriteStateAsync();
    }

    public Task<FollowGraphSnapshot> GetAsync() =>
        Task.FromResult(new FollowGraphSnapshot([.. state.State.Following], [.. state.State.TweetIds], state.Etag));
}
