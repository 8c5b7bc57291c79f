using System.Collections.Immutable;
using Orleans.Services;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Delivery;

/// <summary>
/// Sends one fan-out message to each live silo's <see cref="ITimelineDeliveryService"/>.
/// Registered in every silo; the fan-out grains use it.
/// </summary>
internal interface ITimelineDeliveryClient : IGrainServiceClient<ITimelineDeliveryService>
{
    /// <summary>Delivers <paramref name="tweet"/> to the followers in memory anywhere in the cluster.</summary>
    /// <exception cref="FanoutIncompleteException">A silo that is still active did not take the delivery.</exception>
    Task<FanoutResult> DeliverTweetAsync(Tweet tweet, ImmutableArray<string> followerKeys);

    /// <summary>Announces a change of celebrity status to the followers in memory anywhere in the cluster.</summary>
    Task<FanoutResult> AnnounceCelebrityAsync(string authorKey, bool celebrity, ImmutableArray<string> followerKeys);
}
