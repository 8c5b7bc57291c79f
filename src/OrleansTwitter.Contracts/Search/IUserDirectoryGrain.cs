using System.Collections.Immutable;

namespace OrleansTwitter.Contracts.Search;

/// <summary>
/// Finds registered users by handle prefix without scanning them all. A stateless worker (key 0)
/// that asks only the partitions the prefix can fall in.
/// </summary>
[Alias("ot.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Up to <paramref name="limit"/> users whose handle starts with <paramref name="prefix"/>
    /// (case-insensitive), in handle order (of the lower-case handle). Throws
    /// <see cref="ArgumentException"/> when the prefix is empty or no handle could start with it.
    /// </summary>
    [Alias("FindAsync")]
    [SafeToRetry]
    Task<ImmutableArray<DirectoryEntry>> FindAsync(string prefix, int limit);
}
