using System.Collections.Immutable;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>The registered users of one directory partition (key: <see cref="DirectoryPartitions.Of"/>), sorted by handle.</summary>
[Alias("ot.IDirectoryPartitionGrain")]
internal interface IDirectoryPartitionGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates a user; idempotent; stored before it returns.</summary>
    [Alias("AddAsync")]
    Task AddAsync(string handle, string displayName);

    /// <summary>Up to <paramref name="limit"/> users whose lower-case handle starts with <paramref name="prefixKey"/>, in handle order.</summary>
    [Alias("ListAsync")]
    [Orleans.Concurrency.ReadOnly]
    Task<ImmutableArray<DirectoryEntry>> ListAsync(string prefixKey, int limit);
}
