using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;
using OrleansTwitter.Contracts;
using OrleansTwitter.Grains.Diagnostics;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>
/// Sends a fan-out message to every silo that can hold followers in memory, as the membership
/// view says now: <see cref="SiloStatus.Active"/> silos, and those shutting down, whose
/// followers are still in memory until they deactivate.
/// </summary>
/// <remarks>
/// Silos are taken from <see cref="IClusterMembershipService.CurrentSnapshot"/> on every call,
/// because a silo's address includes its generation: a restarted silo is a new address. A silo
/// that fails the message but has left the cluster by then (dead, stopping) is not a failure:
/// its followers left memory with it and rebuild from storage when they next activate. A
/// failure from a silo that is still active fails the whole fan-out, so the stream event is
/// delivered again; the silos that had it drop the tweet by id. A silo killed and not yet
/// declared dead fails the fan-out that way until it is, which the stream's retries outlast.
/// </remarks>
internal sealed class TimelineDeliveryClient(
    IServiceProvider services,
    IClusterMembershipService membership,
    DeliveryCounters counters,
    ILogger<TimelineDeliveryClient> logger)
    : GrainServiceClient<ITimelineDeliveryService>(services), ITimelineDeliveryClient
{
    public Task<FanoutResult> DeliverTweetAsync(Tweet tweet, ImmutableArray<string> followerKeys) =>
        SendAsync(followerKeys, service => service.DeliverTweetAsync(tweet, followerKeys), tweet.Author, "tweet " + tweet.Id);

    public Task<FanoutResult> AnnounceCelebrityAsync(string authorKey, bool celebrity, ImmutableArray<string> followerKeys) =>
        SendAsync(followerKeys, service => service.AnnounceCelebrityAsync(authorKey, celebrity, followerKeys), authorKey, "the celebrity change");

    private async Task<FanoutResult> SendAsync(
        ImmutableArray<string> followerKeys, Func<ITimelineDeliveryService, Task<DeliveryReceipt>> send, string author, string what)
    {
        if (followerKeys.IsEmpty)
        {
            return new FanoutResult(0, 0, 0, 0);
        }

        var silos = LiveSilos();
        var calls = silos.Select(silo => send(GetGrainService(silo))).ToArray();
        counters.OnSent(calls.Length);
        // Every call is inspected below, so none of their failures is thrown here; the rest runs
        // on the calling grain's scheduler, as grain code must.
        await ((Task)Task.WhenAll(calls)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

        int delivered = 0, skipped = 0, left = 0;
        Exception? failure = null;
        for (var i = 0; i < calls.Length; i++)
        {
            if (calls[i].IsCompletedSuccessfully)
            {
                delivered += calls[i].Result.Delivered;
                skipped += calls[i].Result.Skipped;
            }
            else if (HasLeft(silos[i]))
            {
                left++;
                TimelineLog.DeliveryToLeftSiloIgnored(logger, calls[i].Exception?.GetBaseException(), what, author, silos[i].ToString());
            }
            else
            {
                failure ??= calls[i].Exception?.GetBaseException() ?? new TaskCanceledException(calls[i]);
            }
        }

        if (failure is not null)
        {
            throw new FanoutIncompleteException($"Fan-out of {what} from {author} did not reach every active silo: {failure.Message}", failure);
        }

        return new FanoutResult(calls.Length, delivered, skipped, left);
    }

    private SiloAddress[] LiveSilos() =>
        [.. membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status is SiloStatus.Active or SiloStatus.ShuttingDown)
            .Select(member => member.SiloAddress)];

    // A silo shutting down is leaving too: its followers deactivate, writing their snapshots.
    private bool HasLeft(SiloAddress silo) => membership.CurrentSnapshot.GetSiloStatus(silo) != SiloStatus.Active;
}
