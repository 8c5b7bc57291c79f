using Orleans.Streams;
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
                // A post is acknowledged only once it is in the user timeline and its fan-out is
                // queued; the first attempt may have stored the tweet and died before either (its
                // call to the user timeline failed when that grain's silo went away), so finish
                // both again. The user timeline, the home timeline and followers drop a repeat by id.
                await OwnTweets.AppendAsync(earlier);
                if (Home.Add(earlier))
                {
                    NotifyObservers(earlier);
                }

                await PublishAsync(earlier);
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
        await Task.WhenAll(services.Records.TryCreateAsync(tweet), OwnTweets.AppendAsync(tweet));
        services.Store.Remember(tweet);
        if (Home.Add(tweet))
        {
            NotifyObservers(tweet);
        }

        TimelineInstruments.TweetsPosted.Add(1);
        await PublishAsync(tweet);
        return tweet;
    }

    public Task<TimelinePage> GetTweetsAsync(int limit, TweetId? before)
    {
        EnsureRegistered();
        Paging.ValidateLimit(limit);
        return OwnTweets.GetPageAsync(limit, before);
    }

    private IAsyncStream<TweetPosted> TweetStream => _tweetStream ??=
        this.GetStreamProvider(TimelineStreams.ProviderName).GetStream<TweetPosted>(TimelineStreams.Tweets(Key));

    // The post is acknowledged only once the fan-out is queued (in the stream provider's queue):
    // a failure fails the post, and the client's retry, with its idempotency key, queues it again.
    // A celebrity's tweet is published too, for search and trends; the fan-out skips it.
    private Task PublishAsync(Tweet tweet) =>
        TweetStream.OnNextAsync(new TweetPosted(tweet, FollowerBook.ChunkCountOf(followers.State), followers.State.Version, followers.State.Celebrity));
}
