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

    /// <summary>The grain id of the tweet with <paramref name="id"/>, as Orleans forms it for an integer key.</summary>
    public static GrainId IdOf(TweetId id) => GrainId.Create(GrainType.Create(GrainTypeName), GrainIdKeyExtensions.CreateIntegerKey(id.Value));

    public Task<Tweet?> GetAsync() => Task.FromResult(state.State.Tweet);
}
