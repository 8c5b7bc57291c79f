using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;
using OrleansTwitter.Grains.Users;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>The delivery service of one silo (see <see cref="ITimelineDeliveryService"/>).</summary>
internal sealed class TimelineDeliveryService(
    GrainId grainId,
    Silo silo,
    ILoggerFactory loggerFactory,
    ActiveTimelines timelines,
    DeliveryCounters counters)
    : GrainService(grainId, silo, loggerFactory), ITimelineDeliveryService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TimelineDeliveryService>();

    public Task<DeliveryReceipt> DeliverTweetAsync(Tweet tweet, ImmutableArray<string> followerKeys) =>
        HandOutAsync(followerKeys, timeline => timeline.DeliverAsync(tweet), tweet.Author, "tweet " + tweet.Id);

    public Task<DeliveryReceipt> AnnounceCelebrityAsync(string authorKey, bool celebrity, ImmutableArray<string> followerKeys) =>
        HandOutAsync(followerKeys, timeline => timeline.CelebrityChangedAsync(authorKey, celebrity), authorKey, "the celebrity change");

    private async Task<DeliveryReceipt> HandOutAsync(
        ImmutableArray<string> followerKeys, Func<ITimelineSubscriberGrain, Task> handOut, string author, string what)
    {
        counters.OnReceived();
        var calls = new List<Task>();
        foreach (var key in followerKeys)
        {
            if (timelines.TryGet(key, out var timeline))
            {
                calls.Add(handOut(timeline));
            }
        }

        var skipped = followerKeys.Length - calls.Count;
        TimelineInstruments.DeliveriesSkipped.Add(skipped);
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception) when (calls.Any(c => c.IsFaulted))
        {
            // Every call has finished; report them all, and fail the message so that the
            // stream event is delivered again (followers that have the tweet drop it by id).
            var failed = calls.Where(c => c.IsFaulted).ToList();
            var first = failed[0].Exception!.GetBaseException();
            TimelineLog.FanoutFailed(_logger, first, what, author, failed.Count, followerKeys.Length);
            throw new FanoutIncompleteException(
                $"Fan-out of {what} from {author} failed on this silo for {failed.Count} of {calls.Count} active followers: {first.Message}", first);
        }

        return new DeliveryReceipt(calls.Count, skipped);
    }
}
