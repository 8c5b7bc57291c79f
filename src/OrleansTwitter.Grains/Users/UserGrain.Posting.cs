using Orleans.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Fanout;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Tweets;

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

        if (idempotencyKey is not null && profile.State.PostKeys.Find(k => k.Key == idempotencyKey) is { } recorded)
        {
            return await RetryProfileKeyedPostAsync(recorded, body);
        }

        // The key is stored with the tweet in the user timeline's one write, which the post
        // needs anyway. The tweet's record is written beside it: a retry whose first attempt got
        // as far as the append gets that attempt's tweet back, and the record made for the new
        // id is never referenced.
        var id = services.Ids.Next();
        var tweet = new Tweet(id, MyHandle, body, id.Timestamp);
        var appended = idempotencyKey is null ? AppendNewAsync(tweet) : OwnTweets.AppendOnceAsync(tweet, idempotencyKey);
        await Task.WhenAll(services.Records.TryCreateAsync(tweet), appended);
        var stored = await appended;
        if (stored.Id != tweet.Id)
        {
            // The first attempt may have died before its record was written.
            await services.Records.TryCreateAsync(stored);
        }
        else
        {
            TimelineInstruments.TweetsPosted.Add(1);
        }

        return await FinishPostAsync(stored);
    }

    private async Task<Tweet> AppendNewAsync(Tweet tweet)
    {
        await OwnTweets.AppendAsync(tweet);
        return tweet;
    }

    // Acknowledged only once the tweet is in the user timeline and its fan-out is queued. A retry
    // comes here too: the first attempt may have stored the tweet and died before the rest, and
    // the home timeline and followers drop a repeat by id.
    private async Task<Tweet> FinishPostAsync(Tweet tweet)
    {
        services.Store.Remember(tweet);
        if (Home.Add(tweet))
        {
            NotifyObservers(tweet);
        }

        await PublishAsync(tweet);
        return tweet;
    }

    /// <summary>
    /// The retry of a post whose key an earlier build recorded in the profile, before it stored
    /// the tweet; keys are now stored with the tweet (<see cref="IUserTweetsGrain.AppendOnceAsync"/>).
    /// </summary>
    private async Task<Tweet> RetryProfileKeyedPostAsync(PostKey recorded, string body)
    {
        // The key was recorded, then a crash may have come before the tweet was stored: store it now.
        var tweet = await services.Store.GetAsync(recorded.Id) ?? new Tweet(recorded.Id, MyHandle, body, recorded.Id.Timestamp);
        await Task.WhenAll(services.Records.TryCreateAsync(tweet), OwnTweets.AppendAsync(tweet));
        return await FinishPostAsync(tweet);
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
