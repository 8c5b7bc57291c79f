using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Persistence;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

/// <summary>
/// One tweet by id, for get-by-id and batch fetches. Its state is written once, at post time,
/// by <see cref="TweetRecords"/> without activating the grain; it only reads.
/// </summary>
[GrainType(GrainTypeName)]
internal sealed class TweetGrain([PersistentState(TweetState.Name)] IPersistentState<TweetState> state) : Grain, ITweetGrain
{
    public const string GrainTypeName = "tweet";

    public Task<Tweet?> GetAsync() => Task.FromResult(state.State.Tweet);
}
