using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Followers;

namespace OrleansTwitter.Grains.Users;

// Posting and the user timeline.
internal sealed partial class UserGrain
{
    private IAsyncStream<TweetPosted>? _tweetStream;

    public async Task<Tweet> PostAsync(string text, string? idempotencyKey)
    {
        EnsureRegistered();
        var body = TweetText.Normalize(text);
        if (idempotencyKey is not null && idempotencyKey.Length is 0 or > TimelineLimits.MaxIdempotencyKeyLength)
        {
            throw new ArgumentException($"An idempotency key is 1 to {TimelineLimits.MaxIdempotencyKeyLength} characters.", nameof(idempotencyKey));
        }

        TweetId id;
        var remembered = idempotencyKey is null ? null : profile.State.PostKeys.Find(k => k.Key == idempotencyKey);
        if (remembered is not null)
        {
            if (await services.Store.GetAsync(remembered.Id) is { } earlier)
            {
                return earlier;
            }

            // The key was recorded, then a crash came before the tweet was stored: store it now.
            id = remembered.Id;
        }
        else
        {
            id = services.Ids.Next();
            if (idempotencyKey is not null)
            {
                // Recorded before the tweet is stored, so that a retry after any crash finds it.
                var keys = profile.State.PostKeys;
                keys.Add(new PostKey(idempotencyKey, id));
                if (keys.Count > TimelineLimits.RememberedIdempotencyKeys)
                {
                    keys.RemoveAt(0);
                }

                await profile.WriteStateAsync();
            }
        }

        var tweet = new Tweet(id, MyHandle, body, id.Timestamp);
        await Task.WhenAll(services.Records.TryCreateAsync(tweet), UserTweets(Key).AppendAsync(tweet));
        services.Store.Remember(tweet);
        if (Home.Add(tweet))
        {
            NotifyObservers(tweet);
        }

        TimelineInstruments.TweetsPosted.Add(1);
        if (!followers.State.Celebrity)
        {
            await PublishAsync(tweet);
        }

        return tweet;
    }

    public Task<TimelinePage> GetTweetsAsync(int limit, TweetId? before)
    {
        EnsureRegistered();
        Paging.ValidateLimit(limit);
        return UserTweets(Key).GetPageAsync(limit, before);
    }

    private async Task PublishAsync(Tweet tweet)
    {
        _tweetStream ??= this.GetStreamProvider(StreamProviderNames.Default).GetStream<TweetPosted>(TimelineStreams.Tweets(Key));
        try
        {
            await _tweetStream.OnNextAsync(new TweetPosted(tweet, FollowerBook.ChunkCountOf(followers.State), followers.State.Version));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The tweet is stored and the post succeeded; failing it now would only invite a
            // duplicate. Followers that missed it get it when they next rebuild.
            TimelineLog.PublishFailed(services.Logger, exception, Key, tweet.Id.Value);
        }
    }
}
