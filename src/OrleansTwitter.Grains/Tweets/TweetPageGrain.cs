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

    public async Task<ImmutableArray<Tweet>> GetAsync()
    {
        if (_tweets is { } stored)
        {
            return stored;
        }

        // Read again while empty: while silos come and go, Orleans can briefly run a second
        // activation of this page, which may store it after this one read nothing. A page is
        // written once, so a non-empty read is final and kept; an empty one is never cached,
        // or every later pull through this activation would miss the page's tweets.
        if (state.State.Tweets.Count == 0)
        {
            await state.ReadStateAsync();
            if (state.State.Tweets.Count == 0)
            {
                return [];
            }
        }

        _tweets = [.. state.State.Tweets];
        return _tweets.Value;
    }
}
