using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Delivery;
using OrleansTwitter.Grains.Followers;

namespace OrleansTwitter.Grains.Fanout;

/// <summary>
/// Consumes one author's tweet stream and fans each tweet out to the author's followers: one
/// message per live silo, through <see cref="ITimelineDeliveryClient"/>; each silo hands it to
/// the followers it holds in memory and skips the rest. It keeps the follower keys while
/// active and reloads them from the chunks only when the event says the set changed.
/// </summary>
/// <remarks>
/// A fan-out that fails on a silo that is still active throws, so the stream provider delivers
/// the event again (Azure Queue streams retry until <c>MaxEventDeliveryTime</c>, and a message
/// an agent held when its silo died reappears in the queue). The grain remembers the tweets it
/// fanned out lately and drops a redelivered one; timelines drop duplicates by id as well.
/// </remarks>
[GrainType("fanout")]
[ImplicitStreamSubscription(TimelineStreams.TweetsNamespace)]
internal sealed class FanoutGrain(ITimelineDeliveryClient delivery, ILogger<FanoutGrain> logger) : Grain, IFanoutGrain
{
    private const int RememberedTweets = 64;
    private readonly HashSet<TweetId> _recentTweets = [];
    private readonly Queue<TweetId> _recentOrder = new();
    private ImmutableArray<string> _followers = [];
    private long _followersVersion = -1;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(TimelineStreams.ProviderName)
            .GetStream<TweetPosted>(TimelineStreams.Tweets(Key))
            .SubscribeAsync(OnTweetPostedAsync, OnStreamErrorAsync);

    public async Task AnnounceCelebrityAsync(bool celebrity, int followerChunks, long followersVersion)
    {
        await LoadFollowersAsync(followerChunks, followersVersion);
        await delivery.AnnounceCelebrityAsync(Key, celebrity, _followers);
    }

    private async Task OnTweetPostedAsync(TweetPosted posted, StreamSequenceToken? token)
    {
        var tweet = posted.Tweet;

        // A celebrity's tweets are on the stream for search only: followers pull them on read.
        if (posted.Celebrity || _recentTweets.Contains(tweet.Id))
        {
            return;
        }

        await LoadFollowersAsync(posted.FollowerChunks, posted.FollowersVersion);
        await delivery.DeliverTweetAsync(tweet, _followers);

        // Remembered only once delivered, so a redelivery after a failure is not dropped.
        Remember(tweet.Id);
    }

    private Task OnStreamErrorAsync(Exception exception)
    {
        Diagnostics.TimelineLog.FanoutFailed(logger, exception, "the stream", Key, 0, _followers.Length);
        return Task.CompletedTask;
    }

    private async Task LoadFollowersAsync(int chunks, long version)
    {
        if (version == _followersVersion)
        {
            return;
        }

        var members = await Task.WhenAll(Enumerable.Range(0, chunks).Select(chunk =>
            GrainFactory.GetGrain<IFollowerChunkGrain>(FollowerChunkGrain.KeyOf(Key, chunk)).GetMembersAsync()));
        var keys = ImmutableArray.CreateBuilder<string>(members.Sum(m => m.Length));
        foreach (var chunk in members)
        {
            foreach (var handle in chunk)
            {
                keys.Add(Handle.ToKey(handle));
            }
        }

        _followers = keys.ToImmutable();
        _followersVersion = version;
    }

    private void Remember(TweetId id)
    {
        if (!_recentTweets.Add(id))
        {
            return;
        }

        _recentOrder.Enqueue(id);
        if (_recentOrder.Count > RememberedTweets)
        {
            _recentTweets.Remove(_recentOrder.Dequeue());
        }
    }
}
