using Microsoft.Extensions.Logging;
using OrleansTwitter.Actors.Core;
using OrleansTwitter.Actors.Messaging;
using OrleansTwitter.Actors.Streams;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Followers;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Fanout;

/// <summary>
/// Consumes one author's tweet stream and multicasts each tweet to the author's followers:
/// one message per destination silo, activation-optional (followers not in memory are not
/// woken; they pull when they next activate). It keeps the follower keys while active and
/// reloads them from the chunks only when the event says the set changed.
/// </summary>
[GrainType("fanout")]
[ImplicitStreamSubscription(TimelineStreams.TweetsNamespace)]
internal sealed class FanoutGrain(IGrainMulticaster multicaster, ILogger<FanoutGrain> logger)
    : Grain, IFanoutGrain, IAsyncObserver<TweetPosted>
{
    // Event ids seen lately: a redelivered event (durable providers deliver at least once) is dropped here
    // instead of costing a multicast; the timelines would drop its tweet anyway.
    private const int RememberedEvents = 64;
    private readonly HashSet<string> _recentEvents = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentEventOrder = new();
    private string[] _followers = [];
    private long _followersVersion = -1;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await this.GetStreamProvider(StreamProviderNames.Default)
            .GetStream<TweetPosted>(TimelineStreams.Tweets(Key))
            .SubscribeAsync(this);

    public async Task OnNextAsync(TweetPosted item, StreamEventContext context)
    {
        if (_recentEvents.Contains(context.EventId))
        {
            return;
        }

        await LoadFollowersAsync(item.FollowerChunks, item.FollowersVersion);
        var tweet = item.Tweet;
        var result = await multicaster.MulticastAsync<ITimelineSubscriberGrain>(_followers, g => g.DeliverAsync(tweet), activationOptional: true);
        Report(result, "tweet " + tweet.Id);
        if (result.Failed > 0)
        {
            // Failing the event makes a durable provider deliver it again (followers that already
            // have the tweet drop it by id); the best-effort provider reports it to the publisher.
            throw new FanoutIncompleteException(
                $"Tweet {tweet.Id} of {Key} reached {result.Delivered} followers but failed for {result.Failed}: {result.FirstError?.Message}", result.FirstError);
        }

        // Remembered only once delivered, so a redelivery after a failure is not dropped.
        RememberEvent(context.EventId);
    }

    public Task OnErrorAsync(Exception exception)
    {
        TimelineLog.FanoutFailed(logger, exception, "the stream", Key, 0, _followers.Length);
        return Task.CompletedTask;
    }

    public async Task AnnounceCelebrityAsync(bool celebrity, int followerChunks, long followersVersion)
    {
        await LoadFollowersAsync(followerChunks, followersVersion);
        var author = Key;
        var result = await multicaster.MulticastAsync<ITimelineSubscriberGrain>(
            _followers, g => g.CelebrityChangedAsync(author, celebrity), activationOptional: true);
        Report(result, "the celebrity change");
    }

    private async Task LoadFollowersAsync(int chunks, long version)
    {
        if (version == _followersVersion)
        {
            return;
        }

        var members = await Task.WhenAll(Enumerable.Range(0, chunks).Select(chunk =>
            GrainFactory.GetGrain<IFollowerChunkGrain>(FollowerChunkGrain.KeyOf(Key, chunk)).GetMembersAsync()));
        var keys = new List<string>(members.Sum(m => m.Length));
        foreach (var chunk in members)
        {
            foreach (var handle in chunk)
            {
                keys.Add(Handle.ToKey(handle));
            }
        }

        _followers = [.. keys];
        _followersVersion = version;
    }

    private void RememberEvent(string eventId)
    {
        if (!_recentEvents.Add(eventId))
        {
            return;
        }

        _recentEventOrder.Enqueue(eventId);
        if (_recentEventOrder.Count > RememberedEvents)
        {
            _recentEvents.Remove(_recentEventOrder.Dequeue());
        }
    }

    private void Report(MulticastResult result, string what)
    {
        TimelineInstruments.DeliveriesSkipped.Add(result.Skipped);
        if (result.Failed > 0)
        {
            TimelineLog.FanoutFailed(logger, result.FirstError, what, Key, result.Failed, _followers.Length);
        }
    }
}
