using System.Collections.Immutable;
using Orleans.Concurrency;
using OrleansTwitter.Contracts;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Grains.UserDirectory;

/// <summary>
/// Finds users by handle prefix on any silo (a stateless worker): asks only the partitions the
/// prefix can fall in, in handle order, a few at a time, and stops once the page is full.
/// </summary>
[GrainType("user-directory-search")]
[StatelessWorker]
internal sealed class UserDirectoryGrain : Grain, IUserDirectoryGrain
{
    // A one-character prefix spans 38 partitions; asking 8 at once fills most pages in one round.
    private const int PartitionsAtOnce = 8;

    public async Task<ImmutableArray<DirectoryEntry>> FindAsync(string prefix, int limit)
    {
        Paging.ValidateLimit(limit);
        if (!Handle.TryNormalize(prefix, out var key))
        {
            throw new ArgumentException(
                string.IsNullOrEmpty(prefix)
                    ? "'prefix' is required: the first 1 to 15 letters, digits or underscores of a handle."
                    : $"No handle starts with '{(prefix.Length <= 40 ? prefix : prefix[..40] + "...")}': a handle is 1 to {TimelineLimits.MaxHandleLength} letters (A-Z, a-z), digits or underscores.",
                nameof(prefix));
        }

        var found = ImmutableArray.CreateBuilder<DirectoryEntry>(limit);
        foreach (var round in DirectoryPartitions.For(key).Chunk(PartitionsAtOnce))
        {
            var pages = await Task.WhenAll(round.Select(p => GrainFactory.GetGrain<IDirectoryPartitionGrain>(p).ListAsync(key, limit - found.Count)));
            foreach (var entry in pages.SelectMany(p => p))
            {
                found.Add(entry);
                if (found.Count == limit)
                {
                    return found.ToImmutable();
                }
            }
        }

        return found.ToImmutable();
    }
}
