using System.Collections.Immutable;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Tweets;

[GrainType("tweetpage")]
internal sealed class TweetPageGrain([PersistentState(TweetPageState.Name)] IPersistentState<TweetPageState> state) : Grain, ITweetPageGrain
{
    private ImmutableArray<Tweet>? _tweets;

    public static string KeyOf(string authorKey, int page) => $"{authorKey}/{page}";

    public async Task StoreAsync(ImmutableArray<Tweet> tweets)
    {
        if (state.State.Tweets.Count == 0)
        {
            state.State.Tweets = [.. tweets];
            await state.WriteStateAsync();
            _tweets = tweets;
        }

        // The author keeps the page it just wrote in memory; this activation would only idle.
        DeactivateOnIdle();
    }

    public Task<ImmutableArray<Tweet>> GetAsync() => Task.FromResult(_tweets ??= [.. state.State.Tweets]);
}
