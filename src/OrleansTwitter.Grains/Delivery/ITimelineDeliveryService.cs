using System.Collections.Immutable;
using Orleans.Services;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>
/// The per-silo end of fan-out: an Orleans grain service, so one instance runs on every silo
/// and a caller addresses it by silo. It receives one message per post (or celebrity
/// announcement) with every follower's key, and hands it to the followers that are in memory
/// on its own silo (<see cref="ActiveTimelines"/>); the others are skipped, never activated.
/// </summary>
/// <remarks>
/// A grain service is a system target: its requests interleave, so one slow delivery does not
/// queue the next. The arguments are <see cref="ImmutableAttribute"/>: a delivery to the
/// caller's own silo passes them by reference instead of copying the follower list.
/// </remarks>
[Alias("ot.ITimelineDeliveryService")]
internal interface ITimelineDeliveryService : IGrainService
{
    /// <summary>Adds <paramref name="tweet"/> to the home timeline of each follower active on this silo.</summary>
    /// <returns>How many followers got it and how many were skipped as not in memory here.</returns>
    /// <exception cref="FanoutIncompleteException">A follower active here could not be given the tweet.</exception>
    [Alias("DeliverTweetAsync")]
    Task<DeliveryReceipt> DeliverTweetAsync([Immutable] Tweet tweet, [Immutable] ImmutableArray<string> followerKeys);

    /// <summary>Tells each follower active on this silo that <paramref name="authorKey"/> became, or stopped being, a celebrity.</summary>
    [Alias("AnnounceCelebrityAsync")]
    Task<DeliveryReceipt> AnnounceCelebrityAsync(string authorKey, bool celebrity, [Immutable] ImmutableArray<string> followerKeys);
}
