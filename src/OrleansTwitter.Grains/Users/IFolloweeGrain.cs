using Orleans.Concurrency;

namespace OrleansTwitter.Grains.Users;

/// <summary>
/// The followee's side of a follow, called by the follower's user grain. The methods interleave
/// with the followee's own requests (two users may follow each other at the same moment) and
/// are serialized among themselves by the followee. Each throws
/// <see cref="Contracts.UnknownUserException"/> when the followee is not registered.
/// </summary>
[Alias("ot.IFolloweeGrain")]
internal interface IFolloweeGrain : IGrainWithStringKey
{
    /// <summary>Who the followee is, without changing anything.</summary>
    [AlwaysInterleave]
    [Alias("DescribeAsync")]
    Task<FolloweeInfo> DescribeAsync();

    /// <summary>A place in a follower chunk for a new follower, which records it before <see cref="AddFollowerAsync"/>.</summary>
    [AlwaysInterleave]
    [Alias("ReserveFollowerPlaceAsync")]
    Task<FolloweeInfo> ReserveFollowerPlaceAsync();

    /// <summary>Adds the follower to <paramref name="chunk"/>; idempotent.</summary>
    [AlwaysInterleave]
    [Alias("AddFollowerAsync")]
    Task<FolloweeInfo> AddFollowerAsync(string followerHandle, int chunk);

    /// <summary>Removes the follower from <paramref name="chunk"/>; idempotent.</summary>
    [AlwaysInterleave]
    [Alias("RemoveFollowerAsync")]
    Task<FolloweeInfo> RemoveFollowerAsync(string followerHandle, int chunk);
}

/// <summary>The followee, as a follower needs to know it.</summary>
/// <param name="Handle">Its handle as registered.</param>
/// <param name="Celebrity">Whether its tweets are merged on read instead of pushed.</param>
/// <param name="Chunk">The follower chunk that holds (or will hold) the follower.</param>
[GenerateSerializer, Immutable, Alias("ot.FolloweeInfo")]
internal sealed record FolloweeInfo([property: Id(0)] string Handle, [property: Id(1)] bool Celebrity, [property: Id(2)] int Chunk);
