using System.Collections.Immutable;

namespace OrleansTwitter.Grains.Followers;

/// <summary>
/// Up to about <see cref="Contracts.TimelineLimits.FollowerChunkSize"/> followers of one user,
/// keyed "{followee key}#{chunk number}". Only the followee's user grain changes it, one batch
/// at a time, each numbered by the followee's follower-batch version.
/// </summary>
[Alias("ot.IFollowerChunkGrain")]
internal interface IFollowerChunkGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies adds and removes in order; for each, true when membership changed. A replay of the
    /// last batch (same <paramref name="version"/>) returns the first answers, so the followee can
    /// finish a batch a crash interrupted and count every change exactly once.
    /// </summary>
    [Alias("ApplyAsync")]
    Task<ImmutableArray<bool>> ApplyAsync(long version, ImmutableArray<FollowerOperation> operations);

    /// <summary>The followers' handles, ordered by key.</summary>
    [Alias("GetMembersAsync")]
    Task<ImmutableArray<string>> GetMembersAsync();
}
