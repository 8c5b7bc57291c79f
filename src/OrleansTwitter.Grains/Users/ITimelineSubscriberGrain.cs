using Orleans.Concurrency;
using OrleansTwitter.Contracts;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// What fan-out calls on a follower (the user grain). Both methods only change memory, without
/// awaiting, so they interleave with whatever the user is doing: two users who follow each
/// other and post at the same moment must not wait for each other.
/// </summary>
[Alias("ot.ITimelineSubscriberGrain")]
internal interface ITimelineSubscriberGrain : IGrainWithStringKey
{
    /// <summary>Adds a followee's new tweet to the home timeline; a repeat is ignored.</summary>
    [AlwaysInterleave]
    [Alias("DeliverAsync")]
    Task DeliverAsync(Tweet tweet);

    /// <summary>A followee became, or stopped being, a celebrity.</summary>
    [AlwaysInterleave]
    [Alias("CelebrityChangedAsync")]
    Task CelebrityChangedAsync(string authorKey, bool celebrity);
}
